import { osloDateTime } from "../core/oslo-time";
import type { KeyValueStore } from "./ports";

/** Helpers over the KeyValueStore port: JSON values within PropertiesService's size limit, fingerprints. */

export function memoryStore(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    delete: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };
}

/** PropertiesService allows at most 9 KB per value; we stay well below (UTF-16 units ≈ bytes for our ASCII-ish JSON). */
export const PROPERTY_VALUE_LIMIT = 8_000;

export function readJson<T>(store: KeyValueStore, key: string): T | undefined {
  const text = store.get(key);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  if (text.length > PROPERTY_VALUE_LIMIT)
    throw new Error(
      `Intern feil: verdien for ${key} er for stor for dokumentegenskapene (${text.length} tegn)`,
    );
  store.set(key, text);
}

/** Two FNV-1a hashes side by side: 64 bits, enough to notice that a registry changed. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36) + "-" + (b >>> 0).toString(36);
}

/** "14:05", the Europe/Oslo wall clock of an instant. */
export function osloClock(iso: string | Date): string {
  return osloDateTime(new Date(iso)).slice(11, 16);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

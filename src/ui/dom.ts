/**
 * Tiny DOM helpers for the sidebars. Text goes in through textContent only: nothing a user or a
 * spreadsheet wrote is ever parsed as HTML.
 */

import { osloShortDateTime } from "../core/oslo-time";

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error("Event handlers are added with addEventListener");
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function replace(element: Element, ...children: Child[]): void {
  clear(element);
  append(element, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} mangler`);
  return element as T;
}

/** A polite live region message: status (role=status) or error (role=alert). */
export function notice(kind: "info" | "success" | "error", text: string): HTMLElement {
  return h("p", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/** Disables a button while a call runs, with a text saying so. */
export async function busy<T>(button: HTMLButtonElement, busyText: string, work: () => Promise<T>): Promise<T> {
  const label = button.textContent ?? "";
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = label;
  }
}

/** "2025-03-12" → "12.03.2025"; other text unchanged. */
export function showDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** An ISO instant → "12.03.2025 kl. 14.05" in Norwegian time. */
export function showInstant(iso: string): string {
  if (!iso) return "";
  // Local Oslo time written by Samspill ("2025-06-13 14:05"): shown as is, never shifted.
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?$/.exec(iso);
  if (local) return `${local[3]}.${local[2]}.${local[1]} kl. ${local[4]}.${local[5]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return osloShortDateTime(date);
}

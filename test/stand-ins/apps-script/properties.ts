import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";

/** Google's documented quotas: 9 KB per value, 500 KB per property store. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class PropertiesService extends StandIn {
  readonly kind = "PropertiesService";
  /** null when the script has no containing document (as in Google). */
  getDocumentProperties(): Properties | null {
    const id = this.view.activeSpreadsheetId;
    return id === null ? null : new Properties(this.view, this.view.world._propertyStore(`document:${id}`));
  }
}

export class Properties extends StandIn {
  readonly kind = "Properties";
  constructor(
    view: View,
    private readonly store: Map<string, string>,
  ) {
    super(view);
  }
  private checkedWrite(entries: Array<[string, string]>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of entries) {
      if (bytes(value) > MAX_VALUE_BYTES) throw gasError(MESSAGES.valueTooLarge);
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > MAX_STORE_BYTES) throw gasError(MESSAGES.propertyQuota);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): this {
    this.checkedWrite([[String(key), String(value)]], false);
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(String(key));
    return this;
  }
}

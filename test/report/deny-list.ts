/** English words that must never reach a person: used by every test that scans what people read. */
export const ENGLISH = /\b(usage|options?|commands?|arguments?|errors?|required|default|unknown|missing|invalid|warnings?|could not|not found|the|and|credentials|none|undefined|null|NaN|true|false)\b/i;

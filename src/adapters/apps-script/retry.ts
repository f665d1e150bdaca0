import { errorText } from "../../services/key-value";
import type { GoogleFailure } from "../../services/ports";

/**
 * What went wrong with a Google call, judged from the message Apps Script gives (advanced services
 * throw "API call to sheets.spreadsheets.values.batchGet failed with error: …", built-in services
 * "Exception: …"), in the one failure vocabulary of services/ports. Retries live here and nowhere else.
 */
export function classifyError(error: unknown): GoogleFailure {
  const text = errorText(error);
  if (/Unable to parse range/i.test(text)) return "missing_tab";
  if (
    /timed out|too many times|rate limit|quota exceeded|RESOURCE_EXHAUSTED|\b429\b|\b50[0234]\b|internal error|backend ?error|service unavailable|Empty response|Service \w+ failed|try again/i.test(
      text,
    )
  )
    return "transient";
  if (/not found|\b404\b|No item with the given ID/i.test(text)) return "not_found";
  if (/permission|\b403\b|forbidden|access denied/i.test(text)) return "no_access";
  return "other";
}

export interface RetryOptions {
  /** Utilities.sleep in Apps Script. */
  sleep: (ms: number) => void;
  attempts?: number;
  baseMs?: number;
  /** 0..1, for jitter; Math.random by default. */
  random?: () => number;
}

/** Runs `call`, retrying transient failures with exponential backoff (0.5 s, 1 s, 2 s, 4 s + jitter). */
export function withRetry<T>(call: () => T, options: RetryOptions): T {
  const attempts = options.attempts ?? 5;
  const base = options.baseMs ?? 500;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return call();
    } catch (error) {
      if (attempt >= attempts || classifyError(error) !== "transient") throw error;
      options.sleep(Math.round(base * 2 ** (attempt - 1) * (1 + random() / 2)));
    }
  }
}

/**
 * Google errors as statuses a user can act on (STYLE: `not_found`, `no_access`, `transient`), and
 * Norwegian messages for the ones that stop a command. Retries happened before an error gets here.
 */
import type { GoogleFailure } from "../../services/ports";

export type { GoogleFailure };

export function httpStatusOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  if (typeof e.response?.status === "number") return e.response.status;
  if (typeof e.status === "number") return e.status;
  if (typeof e.code === "number") return e.code;
  if (typeof e.code === "string" && /^\d{3}$/.test(e.code)) return Number(e.code);
  return undefined;
}

export function classifyGoogleError(error: unknown): GoogleFailure {
  const status = httpStatusOf(error);
  if (status === 404) return "not_found";
  if (status === 403) return "no_access";
  if (status === 401) return "auth";
  if (status === 429 || (status !== undefined && status >= 500)) return "transient";
  if (status === 400) return "invalid";
  if (status === undefined && isAuthFailure(error)) return "auth";
  if (status === undefined) return "transient";
  return "other";
}

/** Errors raised while getting a token (the token endpoint said no, or the key could not sign). */
function isAuthFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /invalid_grant|invalid_client|unauthorized_client|private key|PEM|DECODER|asn1|credentials/i.test(message);
}

/** Google's own one-line reason, for the end of a Norwegian message. */
export function googleReason(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } | string; error_description?: string } }; message?: string };
  const data = e?.response?.data;
  if (data && typeof data === "object") {
    if (typeof data.error_description === "string") return data.error_description;
    if (data.error && typeof data.error === "object" && typeof data.error.message === "string") return data.error.message;
    if (typeof data.error === "string") return data.error;
  }
  return e?.message ? String(e.message).split("\n")[0] : String(error);
}

/** A failure a command reports in Norwegian and stops on (no stack trace for users). */
export class GoogleModeError extends Error {
  constructor(message: string, readonly failure: GoogleFailure = "other") {
    super(message);
    this.name = "GoogleModeError";
  }
}

/** A message about one spreadsheet that could not be used, e.g. the central spreadsheet. */
export function spreadsheetProblem(error: unknown, what: string, id: string): GoogleModeError {
  if (error instanceof GoogleModeError) return error;
  const failure = classifyGoogleError(error);
  // Google's own reason is English: only a technician sees it (SAMSPILL_DEBUG=1), never appended.
  if (process.env.SAMSPILL_DEBUG === "1") process.stderr.write(`samspill: Google (${failure}): ${googleReason(error)}\n`);
  const about = id ? `${what} (${id})` : what;
  switch (failure) {
    case "not_found":
      return new GoogleModeError(`Fant ikke ${what} (${id}). Sjekk ID-en eller adressen.`, failure);
    case "no_access":
      return new GoogleModeError(`Samspill har ikke tilgang til ${what} (${id}). Del regnearket med tjenestekontoen (som redaktør) og prøv igjen.`, failure);
    case "auth":
      return new GoogleModeError(`Google avviste innloggingen. Sjekk nøkkelfilen eller standardpåloggingen (ADC).`, failure);
    case "transient":
      return new GoogleModeError(`Google svarte ikke som ventet for ${about}, heller ikke etter flere forsøk. Prøv igjen om litt.`, failure);
    default:
      return new GoogleModeError(`Google avviste forespørselen for ${about}.`, failure);
  }
}

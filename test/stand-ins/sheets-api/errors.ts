/** Google's JSON error shape and the canonical status names the real APIs use for each HTTP code. */

const STATUS_BY_CODE: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const DEFAULT_MESSAGE: Record<number, string> = {
  400: "Request contains an invalid argument.",
  401: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
  403: "The caller does not have permission",
  404: "Requested entity was not found.",
  429: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.",
  500: "Internal error encountered.",
  503: "The service is currently unavailable.",
  504: "The request timed out.",
};

/** Drive v3 still sends the older `errors[]` list with a reason next to code and message. */
const DRIVE_REASON: Record<number, string> = {
  400: "badRequest",
  401: "authError",
  403: "insufficientFilePermissions",
  404: "notFound",
  429: "rateLimitExceeded",
  500: "internalError",
  503: "backendError",
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message?: string,
    readonly extra: { retryAfterSeconds?: number; reason?: string } = {},
  ) {
    super(message ?? DEFAULT_MESSAGE[code] ?? `HTTP ${code}`);
  }
}

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    errors?: Array<{ message: string; domain: string; reason: string }>;
  };
}

export function errorBody(error: ApiError, api: "sheets" | "drive" | "token"): GoogleErrorBody {
  const body: GoogleErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      status: STATUS_BY_CODE[error.code] ?? (error.code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION"),
    },
  };
  if (api === "drive") {
    const reason = error.extra.reason ?? DRIVE_REASON[error.code] ?? "unknown";
    body.error.errors = [{ message: error.message, domain: "global", reason }];
  }
  return body;
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);

/** Injected trouble: scripted failures, seeded random failure rates and latency. */
import { ApiError } from "./errors";
import { seededRandom } from "../../../src/core/text";

export interface FailNextOptions {
  /** Endpoint name as in `server.countBy`, e.g. "values.batchGet"; any endpoint when omitted. */
  endpoint?: string;
  spreadsheetId?: string;
  status: number;
  message?: string;
  /** Sent as a Retry-After header. */
  retryAfterSeconds?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface FaultRateOptions {
  status: number;
  /** 0..1, the chance each request fails. */
  rate: number;
  seed?: number;
  retryAfterSeconds?: number;
  /** Limit to these endpoints; all API endpoints (not /token) when omitted. */
  endpoints?: string[];
}

export class Faults {
  private rules: Array<Required<Pick<FailNextOptions, "status" | "times">> & FailNextOptions> = [];
  private rates: Array<FaultRateOptions & { random: () => number }> = [];
  /** Milliseconds every request waits before it is answered. */
  latency = 0;

  failNext(options: FailNextOptions): void {
    this.rules.push({ ...options, times: options.times ?? 1 });
  }

  /** Adds a random fault source; several can run at once (e.g. 429 at 10 % and 503 at 2 %). Null clears all. */
  setFaultRate(options: FaultRateOptions | null): void {
    if (!options) {
      this.rates = [];
      return;
    }
    this.rates.push({ ...options, random: seededRandom(options.seed ?? 42) });
  }

  reset(): void {
    this.rules = [];
    this.rates = [];
    this.latency = 0;
  }

  /** The failure for this request, if any: scripted failures first, then random faults. */
  check(endpoint: string, spreadsheetId: string | undefined): ApiError | undefined {
    const rule = this.rules.find(
      (r) =>
        r.times > 0 &&
        (r.endpoint === undefined || r.endpoint === endpoint) &&
        (r.spreadsheetId === undefined || r.spreadsheetId === spreadsheetId),
    );
    if (rule) {
      rule.times--;
      this.rules = this.rules.filter((r) => r.times > 0);
      return new ApiError(rule.status, rule.message, {
        retryAfterSeconds: rule.retryAfterSeconds,
      });
    }
    if (endpoint === "token") return undefined;
    for (const rate of this.rates) {
      if (rate.endpoints && !rate.endpoints.includes(endpoint)) continue;
      if (rate.random() < rate.rate) {
        return new ApiError(rate.status, undefined, { retryAfterSeconds: rate.retryAfterSeconds });
      }
    }
    return undefined;
  }
}

import Bottleneck from "bottleneck";
import type { GaxiosError, GaxiosOptions, GaxiosResponse, RetryConfig } from "gaxios";

/**
 * The one place every Google API request passes through: concurrency and request-rate limits
 * (bottleneck) and retries of 429 and 5xx (gaxios' own retry support).
 *
 * How the two fit: gaxios retries a failed request itself (`retryConfig`), and every single HTTP
 * attempt, the first and each retry, goes through the gaxios `adapter` hook, which we route through
 * the bottleneck limiter. So retries count against the rate limit and the concurrency limit like
 * any request, and the backoff sleep happens outside the limiter (a waiting retry holds no slot).
 * gaxios' default backoff ignores Retry-After, so `retryBackoff` computes our own delay: the server's
 * Retry-After when given, else exponential backoff with jitter; `onRetryAttempt` counts retries.
 */
export interface GateOptions {
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Requests per window (default 60 per minute: the Sheets API's per-user quota). */
  rate?: number;
  /** The rate window in ms (default 60 000). */
  rateWindowMs?: number;
  /** Retries of one request before it fails (default 6). */
  maxRetries?: number;
  /** First backoff delay in ms (default 1000); doubles per retry, capped by maxDelayMs (default 32 000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface GateStats {
  /** HTTP attempts sent (first attempts and retries). */
  attempts: number;
  retries: number;
  retriesByStatus: Record<string, number>;
  maxInFlight: number;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_RATE_PER_MINUTE = 60;
export const DEFAULT_MAX_RETRIES = 6;

type Adapter = NonNullable<GaxiosOptions["adapter"]>;

export class RequestGate {
  readonly stats: GateStats = { attempts: 0, retries: 0, retriesByStatus: {}, maxInFlight: 0 };
  private readonly limiter: Bottleneck;
  private readonly options: Required<GateOptions>;
  private inFlight = 0;

  constructor(options: GateOptions = {}) {
    this.options = {
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      rate: options.rate ?? DEFAULT_RATE_PER_MINUTE,
      rateWindowMs: options.rateWindowMs ?? 60_000,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 32_000,
      random: options.random ?? Math.random,
    };
    const { concurrency, rate, rateWindowMs } = this.options;
    this.limiter = new Bottleneck({ maxConcurrent: concurrency, reservoir: rate, reservoirRefreshAmount: rate, reservoirRefreshInterval: rateWindowMs });
  }

  get concurrency(): number {
    return this.options.concurrency;
  }

  /** The gaxios adapter: each HTTP attempt waits for a slot and a token of the rate limit. */
  readonly adapter: Adapter = <T>(options: Parameters<Adapter>[0], defaultAdapter: (o: Parameters<Adapter>[0]) => Promise<GaxiosResponse<T>>) =>
    this.limiter.schedule(async () => {
      this.stats.attempts++;
      this.inFlight++;
      this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
      try {
        return await defaultAdapter(options);
      } finally {
        this.inFlight--;
      }
    });

  /** gaxios retry settings: 429 and 5xx (and lost connections), every method, our delays, counted. */
  retryConfig(): RetryConfig {
    return {
      retry: this.options.maxRetries,
      noResponseRetries: Math.min(2, this.options.maxRetries),
      httpMethodsToRetry: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      statusCodesToRetry: [
        [429, 429],
        [500, 599],
      ],
      retryBackoff: (error: GaxiosError) => new Promise<void>((resolve) => setTimeout(resolve, this.delayFor(error))),
      onRetryAttempt: (error: GaxiosError) => {
        this.stats.retries++;
        const key = String(error.response?.status ?? error.code ?? "network");
        this.stats.retriesByStatus[key] = (this.stats.retriesByStatus[key] ?? 0) + 1;
      },
    };
  }

  /** Options to give a googleapis client (or any gaxios request). */
  requestOptions(): { adapter: Adapter; retry: boolean; retryConfig: RetryConfig; fetchImplementation: typeof fetch } {
    return { adapter: this.adapter, retry: true, retryConfig: this.retryConfig(), fetchImplementation: fetch };
  }

  /** Retry-After when the server sent it (plus a little jitter), else exponential backoff with jitter. */
  delayFor(error: Pick<GaxiosError, "response" | "config">): number {
    const attempt = Math.max(1, error.config?.retryConfig?.currentRetryAttempt ?? 1);
    const { baseDelayMs, maxDelayMs, random } = this.options;
    const retryAfter = retryAfterMs(error.response);
    if (retryAfter !== undefined) return Math.min(retryAfter, 300_000) + Math.floor(random() * Math.min(250, baseDelayMs));
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
  }

  /** Stops the limiter's timers (the reservoir refresh) so a process can end. */
  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: false });
  }
}

/** Retry-After as seconds or an HTTP date → milliseconds to wait. */
export function retryAfterMs(response: Pick<GaxiosResponse, "headers"> | undefined, now = Date.now()): number | undefined {
  const headers = response?.headers as unknown;
  let value: string | null | undefined;
  if (headers && typeof (headers as Headers).get === "function") value = (headers as Headers).get("retry-after");
  else if (headers && typeof headers === "object") value = (headers as Record<string, string>)["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

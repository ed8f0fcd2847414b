// Which failures are safe to try again, and when. undici never retries a POST, and a consumed
// multipart body cannot be replayed, so retries happen here, each attempt rebuilding its body from
// disk. Reimport is idempotent (an identical report comes back "untouched", docs/defectdojo-api.md §e), so even an
// ambiguous failure may be retried; import creates a new test per call, so there only a request that
// provably never reached the server is retried.
import { DefectDojoError } from './errors.js'

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number
  /** `import` retries only failures where nothing reached the server. */
  endpoint: 'reimport-scan' | 'import-scan'
  /** First backoff, ms; doubles each attempt. */
  baseDelayMs: number
  maxDelayMs: number
  /** Longest Retry-After honoured, ms. */
  maxRetryAfterMs: number
  sleep: (ms: number) => Promise<void>
  random: () => number
  onRetry: (error: DefectDojoError, attempt: number, delayMs: number) => void
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'retries' | 'endpoint' | 'onRetry'> = {
  baseDelayMs: 2000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 300_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
}

/** Whether this failure may be tried again under the policy. */
export function isRetryable(error: unknown, endpoint: RetryPolicy['endpoint']): error is DefectDojoError {
  if (!(error instanceof DefectDojoError) || !error.retryable) return false
  return endpoint === 'reimport-scan' || error.notSent
}

/** Backoff before attempt `attempt + 1`: exponential with jitter, or what Retry-After asked for. */
export function backoffMs(error: DefectDojoError, attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>): number {
  if (error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs)
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  // "Equal jitter": at least half the ceiling, so retries never pile up at once.
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2)
}

/** Runs `attempt` until it succeeds, fails for good, or the retries are spent. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy): Promise<{ value: T; attempts: number }> {
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n }
    } catch (error) {
      if (n > policy.retries || !isRetryable(error, policy.endpoint)) {
        if (error instanceof DefectDojoError && n > 1) throw new DefectDojoError(`${error.message} (after ${n} attempts)`, { status: error.status, notSent: error.notSent, tokenRejected: error.tokenRejected })
        throw error
      }
      const delay = backoffMs(error, n, policy)
      policy.onRetry(error, n, delay)
      await policy.sleep(delay)
    }
  }
}

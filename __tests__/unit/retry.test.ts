import { describe, expect, it } from '@jest/globals'
import { DefectDojoError } from '../../src/defectdojo/errors.js'
import { DEFAULT_RETRY, backoffMs, isRetryable, withRetries, type RetryPolicy } from '../../src/defectdojo/retry.js'
import { describeProgress } from '../../src/engine/upload.js'

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...DEFAULT_RETRY,
  retries: 3,
  endpoint: 'reimport-scan',
  sleep: async () => {},
  random: () => 0.5,
  onRetry: () => {},
  ...over
})

describe('isRetryable', () => {
  const gateway = new DefectDojoError('502', { status: 502, retryable: true })
  const refused = new DefectDojoError('refused', { retryable: true, notSent: true })
  const parse = new DefectDojoError('500', { status: 500 })
  it('retries gateways and connection failures on reimport, never a parse failure', () => {
    expect(isRetryable(gateway, 'reimport-scan')).toBe(true)
    expect(isRetryable(refused, 'reimport-scan')).toBe(true)
    expect(isRetryable(parse, 'reimport-scan')).toBe(false)
    expect(isRetryable(new Error('x'), 'reimport-scan')).toBe(false)
  })
  it('on import retries only what provably never reached the server (import is not idempotent)', () => {
    expect(isRetryable(gateway, 'import-scan')).toBe(false)
    expect(isRetryable(refused, 'import-scan')).toBe(true)
  })
})

describe('backoffMs', () => {
  it('doubles with equal jitter and honours Retry-After, both capped', () => {
    const p = policy()
    const e = new DefectDojoError('x', { retryable: true })
    expect(backoffMs(e, 1, { ...p, random: () => 0 })).toBe(1000)
    expect(backoffMs(e, 1, { ...p, random: () => 1 })).toBe(2000)
    expect(backoffMs(e, 3, { ...p, random: () => 1 })).toBe(8000)
    expect(backoffMs(e, 10, { ...p, random: () => 1 })).toBe(60_000)
    expect(backoffMs(new DefectDojoError('x', { retryable: true, retryAfterSeconds: 7 }), 1, p)).toBe(7000)
    expect(backoffMs(new DefectDojoError('x', { retryable: true, retryAfterSeconds: 3600 }), 1, p)).toBe(300_000)
  })
})

describe('withRetries', () => {
  it('stops after `retries` further attempts and says how many were made', async () => {
    let calls = 0
    const attempt = async () => {
      calls++
      throw new DefectDojoError('DefectDojo answered HTTP 503.', { status: 503, retryable: true })
    }
    await expect(withRetries(attempt, policy({ retries: 2 }))).rejects.toThrow('DefectDojo answered HTTP 503. (after 3 attempts)')
    expect(calls).toBe(3)
  })
  it('returns the value and the attempt count', async () => {
    let calls = 0
    const delays: number[] = []
    const out = await withRetries(
      async () => {
        if (++calls < 3) throw new DefectDojoError('x', { retryable: true })
        return 'ok'
      },
      policy({ onRetry: (_e, _n, ms) => delays.push(ms) })
    )
    expect(out).toEqual({ value: 'ok', attempts: 3 })
    expect(delays).toEqual([1500, 3000])
  })
})

describe('describeProgress', () => {
  it('shows bytes sent while uploading, then the wait for the answer', () => {
    expect(describeProgress({ bytesSent: 12 * 1048576, sentAt: null }, 40 * 1048576, 0, 30_000)).toBe('sent 12.0 MB of 40.0 MB (30 s)')
    expect(describeProgress({ bytesSent: 40 * 1048576, sentAt: 10_000 }, 40 * 1048576, 0, 105_000)).toMatch(/^report sent; waiting 95 s for DefectDojo's answer/)
  })
  it('says it is looking for the import, not waiting for an answer, after an ambiguous failure', () => {
    expect(describeProgress({ bytesSent: 40 * 1048576, sentAt: 10_000 }, 40 * 1048576, 0, 105_000, 60_000)).toMatch(/^looking whether DefectDojo imported it \(45 s so far\)/)
  })
})

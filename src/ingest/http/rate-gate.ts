/** @module Spaces requests to one source at least a minimum interval apart, across concurrent callers. */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/**
 * A per-source turnstile: `pass(source)` resolves when a request to that source may start. Callers are
 * served in order; `holdUntil` pushes the next start later (a `Retry-After` applies to every caller).
 */
export interface RateGate {
  pass(source: string, signal?: AbortSignal): Promise<void>
  holdUntil(source: string, atMs: number): void
}

/** Creates a gate using the given clock, so tests can run a 3-second interval without waiting. */
export function createRateGate(
  intervalFor: (source: string) => number,
  now: () => number,
  sleep: Sleep,
): RateGate {
  const nextStart = new Map<string, number>()
  const queue = new Map<string, Promise<void>>()

  return {
    async pass(source, signal) {
      const previous = queue.get(source) ?? Promise.resolve()
      let release!: () => void
      const mine = new Promise<void>((resolve) => (release = resolve))
      queue.set(
        source,
        previous.then(() => mine),
      )
      try {
        await previous
        signal?.throwIfAborted()
        const wait = (nextStart.get(source) ?? 0) - now()
        if (wait > 0) await sleep(wait, signal)
        nextStart.set(source, Math.max(nextStart.get(source) ?? 0, now() + intervalFor(source)))
      } finally {
        release()
      }
    },
    holdUntil(source, atMs) {
      nextStart.set(source, Math.max(nextStart.get(source) ?? 0, atMs))
    },
  }
}

/** Real sleep that stops early (rejecting with the signal's reason) when the signal aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

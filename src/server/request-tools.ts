/** @module Small helpers the route handlers share. */
import type { FastifyBaseLogger } from 'fastify'

/** The object without its undefined values, so it fits types with optional (not undefined) fields. */
export function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

/**
 * Runs an optional analysis lookup; a failure is logged and reads as "not computed", so a broken model never
 * takes a page down.
 */
export async function optionalAnalysis<T>(log: FastifyBaseLogger, what: string, work: (() => Promise<T | null>) | undefined): Promise<T | null> {
  if (!work) return null
  try {
    return await work()
  } catch (err) {
    log.warn({ err, what }, 'analysis lookup failed; shown as not computed')
    return null
  }
}

/** @module Stable identifiers for papers and content hashes of records (author and topic ids: core `slugText`). */
import { createHash } from 'node:crypto'

/**
 * A paper's id: a short hash of its first source record's identity, so rebuilding a library from the same
 * inputs gives the same ids.
 * @example paperIdFor('arxiv', '2310.03789') // 'p3k9…'
 */
export function paperIdFor(source: string, key: string): string {
  const digest = createHash('sha256').update(`${source}\u0000${key}`).digest()
  return `p${digest.readUIntBE(0, 6).toString(36).padStart(10, '0')}`
}


/** A content hash of a record without the fields that change on every read (when it was fetched). */
export function recordContentHash(record: object): string {
  const { fetchedAt: _ignored, ...content } = record as { fetchedAt?: unknown }
  return createHash('sha256').update(stableStringify(content)).digest('hex').slice(0, 32)
}

/** JSON with object keys sorted, so equal content hashes equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

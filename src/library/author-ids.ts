/**
 * @module Who a source says a paper's author is, by its own author id. Two records' authors with the same
 * source id are one person whatever their spelling (`E. Duflo` on six papers with different co-authors), and
 * two with different ids of one source are two people even under the same full name.
 */
import type { AuthorProfileRecord, SourceRecord } from '../core/index.js'

/** The sources whose records name each author by the source's own author id (kept in `raw.authorIds`). */
export const AUTHOR_ID_SOURCES: readonly string[] = ['semantic-scholar', 'openalex']

/**
 * The source id of each listed author (`semantic-scholar:2259683`), in `record.authors` order, null where the
 * source gave none. All null when the ids cannot be lined up with the names: a wrong pairing would join
 * strangers, which is worse than not joining.
 */
export function recordAuthorIds(record: Pick<SourceRecord, 'source' | 'authors' | 'raw'>): Array<string | null> {
  const none = record.authors.map(() => null)
  const raw = record.raw['authorIds']
  if (!AUTHOR_ID_SOURCES.includes(record.source) || !Array.isArray(raw) || raw.length !== record.authors.length)
    return none
  return raw.map((id) => (typeof id === 'string' && id.trim() !== '' ? `${record.source}:${id.trim()}` : null))
}

/** The ids a profile record gives its person: the source's own (its key) and an ORCID when it lists one. */
export function profileAuthorIds(profile: Pick<AuthorProfileRecord, 'source' | 'key' | 'ids'>): string[] {
  const ids: string[] = []
  if (AUTHOR_ID_SOURCES.includes(profile.source)) ids.push(`${profile.source}:${profile.key}`)
  const orcid = profile.ids['orcid']?.trim().replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, '').toUpperCase()
  if (orcid) ids.push(`orcid:${orcid}`)
  return ids
}

/** The part of a source id before its first colon: ids of one namespace name one person each. */
function namespaceOf(sourceId: string): string {
  return sourceId.slice(0, sourceId.indexOf(':'))
}

/**
 * True when two people cannot be one: one of the sources (or ORCID) gives each an id, and the ids differ.
 * @example sourceIdsConflict(['openalex:A1'], ['openalex:A2']) // true
 * @example sourceIdsConflict(['openalex:A1'], ['semantic-scholar:9']) // false
 */
export function sourceIdsConflict(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x !== y && namespaceOf(x) === namespaceOf(y)))
}

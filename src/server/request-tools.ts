/** @module Small helpers the route handlers share. */
import type { FastifyBaseLogger } from 'fastify'
import { findAuthor, findTopic } from '../commands/index.js'
import { PaperscopeError, type Topic } from '../core/index.js'
import { ParameterError } from './error-handler.js'
import type { PaperStore } from '../store/index.js'

/** The object without its undefined values, so it fits types with optional (not undefined) fields. */
export function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

/**
 * A request's path as the router reads it, percent-encoding decoded (`/%61pi/v1/search` is `/api/v1/search`):
 * what decides whether a request is the API's (rate limit, JSON errors) must see what the router sees.
 * A path that does not decode is returned as written.
 */
export function routedPath(url: string): string {
  const path = url.split('?')[0] ?? '/'
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** A value as an error repeats it: its first 200 characters. */
function shownValue(value: string): string {
  return value.slice(0, 200)
}

/** A year range whose end is before its start is a 400 naming `year_to`, as /search says it. */
export function checkYearRange(yearFrom: number | undefined, yearTo: number | undefined): void {
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo)
    throw new ParameterError('year_to', 'parameter "year_to" must not be before "year_from"', { kind: 'before', other: 'year_from' })
}

/** Logs a failed analysis lookup, which the page then shows as not computed (readPaperDetail's `onError`). */
export function logAnalysisFailure(log: FastifyBaseLogger): (what: string, err: unknown) => void {
  return (what, err) => log.warn({ err, what }, 'analysis lookup failed; shown as not computed')
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
    logAnalysisFailure(log)(what, err)
    return null
  }
}

/**
 * The topic id a `topic` parameter names: an id, or a label in any case (`Neural Collapse` → its id), so a
 * label does not quietly filter everything out. An unknown one is a 400 naming the parameter.
 */
export async function resolveTopicParam(store: Pick<PaperStore, 'listTopics'>, value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined
  const found = await findTopic(store, value)
  if (found) return found.id
  throw new ParameterError('topic', `parameter "topic": no topic "${value}" in this library; give a topic id or label from /api/v1/topics`, { kind: 'unknown_value', value: shownValue(value) })
}

/**
 * The topic a `/topics/:id` path names: its id, or the id or label in any case, as the `topic` parameter takes
 * them (`/topics/Neural-Collapse` had been a 404 where `?topic=Neural-Collapse` worked). An unknown one is a
 * 404 naming `id`, with the library's topic ids.
 */
export async function requireTopicParam(store: Pick<PaperStore, 'listTopics'>, id: string): Promise<Topic> {
  const found = await findTopic(store, id)
  if (found) return found
  const known = (await store.listTopics()).map((t) => t.id).slice(0, 30)
  throw new PaperscopeError('NOT_FOUND', `no topic with id "${id.slice(0, 200)}"; this library's topics: ${known.join(', ') || 'none'}`, { field: 'id' })
}

/**
 * The author an `author` filter names: an id, or a name as `paperscope author` finds it. An unknown one is a
 * 400 naming the parameter, as an unknown topic is, rather than a quiet empty answer.
 */
export async function resolveAuthorParam(store: PaperStore, value: string | undefined): Promise<{ id: string; name: string } | undefined> {
  if (value === undefined) return undefined
  const found = (await store.getAuthor(value)) ?? (await findAuthor(store, value)).author
  if (found) return { id: found.id, name: found.name }
  throw new ParameterError('author', `parameter "author": no author "${shownValue(value)}" in this library; give an author id or name from /api/v1/authors`, { kind: 'unknown_value', value: shownValue(value) })
}

/**
 * A `source` filter that found nothing, checked against the sources the library holds, so a typo is a 400
 * rather than no papers. Only an empty answer is checked: counting the sources costs a pass over the records.
 */
export async function checkSourceWhenEmpty(store: Pick<PaperStore, 'libraryStats'>, value: string | undefined, found: number): Promise<void> {
  if (value === undefined || found > 0) return
  const sources = Object.keys((await store.libraryStats()).perSource)
  if (sources.includes(value)) return
  throw new ParameterError('source', `parameter "source": no source "${shownValue(value)}" in this library; it has ${sources.join(', ') || 'none'}`, { kind: 'unknown_value', value: shownValue(value), known: sources })
}

/** The most categories an unknown `category` answer names (an arXiv library carries a hundred or more). */
const CATEGORIES_NAMED = 30

/**
 * A `category` filter that found nothing, checked against the categories the library's papers carry (in any case,
 * as the filter takes them), so a typo is a 400 naming the parameter and the categories, most papers first, rather
 * than no papers. Only an empty answer is checked, as for `source`.
 */
export async function checkCategoryWhenEmpty(store: Pick<PaperStore, 'listCategories'>, value: string | undefined, found: number): Promise<void> {
  if (value === undefined || found > 0) return
  const categories = (await store.listCategories()).map((c) => c.category)
  if (categories.some((c) => c.toLowerCase() === value.toLowerCase())) return
  const named = categories.slice(0, CATEGORIES_NAMED)
  const more = categories.length > CATEGORIES_NAMED ? ` and ${categories.length - CATEGORIES_NAMED} more (see the \`category\` facet of /api/v1/search)` : ''
  throw new ParameterError('category', `parameter "category": no category "${shownValue(value)}" in this library; it has ${named.join(', ') || 'none'}${more}`, {
    kind: 'unknown_value',
    value: shownValue(value),
    known: named,
  })
}

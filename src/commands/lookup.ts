/**
 * @module Finding a paper or an author from what a person types: an id, an arXiv id, a DOI, title words,
 * a name. Shared by the CLI and the server.
 */
import type { Author, PaperWithSources } from '../core/index.js'
import { normalizeArxivId, normalizeDoi, normalizeTitle, nameKey } from '../library/index.js'
import type { AuthorDetail, PaperStore } from '../store/index.js'

export interface PaperLookup {
  paper: PaperWithSources | null
  /**
   * How the reference was read: `id`, `former-id` (the id of a paper that became this one when its last record
   * joined it), `arxiv`, `doi` or `title`.
   */
  matchedBy: 'id' | 'former-id' | 'arxiv' | 'doi' | 'title' | null
  /** Other papers the title words also matched, best first (at most 9). */
  alternatives: Array<{ id: string; title: string }>
  /** How many other papers the title words matched in all (more than `alternatives` holds when many do). */
  alternativesTotal: number
}

/**
 * The spellings of an id to look up: as typed, then in lower case. Paperscope's ids (papers' `p…`, authors'
 * slugs) are all lower case, and people copy them from anywhere: a title-cased heading, a spreadsheet that
 * upper-cased a column, a message (`P1AVORHTPA6` is `p1avorhtpa6`).
 */
function idSpellings(text: string): string[] {
  const lower = text.toLowerCase()
  return lower === text ? [text] : [text, lower]
}

/** A lookup that found its paper (or none) by one reference: no other paper is in question. */
function byRef(paper: PaperWithSources | null, matchedBy: PaperLookup['matchedBy']): PaperLookup {
  return { paper, matchedBy, alternatives: [], alternativesTotal: 0 }
}

/**
 * A paper by an id alone: its Paperscope id in any case (or a removed paper's, which leads to the paper it became), an arXiv id (`2310.03789`, `arXiv:2310.03789v2`, an arxiv.org
 * link) or a DOI; never by title words. What a URL of a paper may hold.
 * @example await findPaperById(store, '2310.03789') // { paper, matchedBy: 'arxiv' }
 */
export async function findPaperById(
  store: Pick<PaperStore, 'getPaper' | 'findPaperIdByExternalId' | 'findPaperIdByFormerId'>,
  ref: string,
): Promise<PaperLookup> {
  const text = ref.trim()
  const none = byRef(null, null)
  if (!text) return none
  for (const id of idSpellings(text)) {
    const byId = await store.getPaper(id)
    if (byId) return byRef(byId, 'id')
    const became = await store.findPaperIdByFormerId(id)
    if (became) return byRef(await store.getPaper(became), 'former-id')
  }
  const arxiv = /^(arxiv:)?[\w.-]*\d{4}\.?\d{3,5}(v\d+)?$|arxiv\.org/i.test(text) ? normalizeArxivId(text) : null
  if (arxiv) {
    const id = await store.findPaperIdByExternalId('arxiv', arxiv)
    if (id) return byRef(await store.getPaper(id), 'arxiv')
  }
  const doi = normalizeDoi(text)
  if (doi) {
    const id = await store.findPaperIdByExternalId('doi', doi)
    if (id) return byRef(await store.getPaper(id), 'doi')
    // arXiv's own DOI (10.48550/arXiv.2301.05217) names the preprint, which the library keeps by its arXiv id.
    const preprint = doi.toLowerCase().startsWith('10.48550/arxiv.') ? normalizeArxivId(doi.slice('10.48550/arxiv.'.length)) : null
    const byArxiv = preprint ? await store.findPaperIdByExternalId('arxiv', preprint) : null
    if (byArxiv) return byRef(await store.getPaper(byArxiv), 'doi')
  }
  return none
}

/**
 * The paper a search's words name by an id (an arXiv id, a DOI, a link, a Paperscope id), for
 * {@link SearchQuery.paperIdNamed}: one token that is no plain word, so `grokking` costs no lookup.
 * @example await paperNamedBy(store, '2310.03789') // 'p079hmd3rw6'
 */
export async function paperNamedBy(store: Parameters<typeof findPaperById>[0], text: string): Promise<string | undefined> {
  const t = text.trim()
  if (!t || /\s/.test(t) || !/[\d./:]/.test(t)) return undefined
  return (await findPaperById(store, t)).paper?.id
}

/**
 * Resolves a paper reference.
 * @example await findPaper(store, '2310.03789') // by arXiv id
 */
export async function findPaper(store: PaperStore, ref: string): Promise<PaperLookup> {
  const text = ref.trim()
  const none = byRef(null, null)
  if (!text) return none
  const byId = await findPaperById(store, text)
  if (byId.paper) return byId
  let hits
  let total
  try {
    ;({ items: hits, total } = await store.searchPapers({ text, limit: 10 }))
  } catch {
    return none
  }
  if (hits.length === 0) return none
  // An exact title wins over the best-ranked hit.
  const wanted = normalizeTitle(text)
  const exact = hits.find((h) => normalizeTitle(h.paper.title) === wanted)
  const chosen = exact ?? hits[0]!
  return {
    paper: await store.getPaper(chosen.paper.id),
    matchedBy: 'title',
    alternatives: hits.filter((h) => h !== chosen).map((h) => ({ id: h.paper.id, title: h.paper.title })),
    alternativesTotal: Math.max(0, total - 1),
  }
}

/**
 * A person by id (in any case): their own, or the id of a person joined into them (co-authors showed the two to be one), which
 * leads to the person it became. What a URL of a researcher may hold.
 * @example (await findAuthorById(store, 'geoffrey-hinton'))?.id // 'geoffrey-e-hinton', once the two were joined
 */
export async function findAuthorById(store: Pick<PaperStore, 'getAuthor' | 'findAuthorIdByFormerId'>, id: string): Promise<AuthorDetail | null> {
  for (const spelled of idSpellings(id)) {
    const author = await store.getAuthor(spelled)
    if (author) return author
    const became = await store.findAuthorIdByFormerId(spelled)
    if (became) return store.getAuthor(became)
  }
  return null
}

/**
 * Resolves an author reference: an author id (or a joined person's former id), else the name: an exact spelling first, then the store's best
 * match (a whole name word before the start of one before a part of one, so `Li` is a Li, not Gangu-li; the
 * most prolific first within each). The other matches come back as `alternatives`, best first.
 * @example (await findAuthor(store, 'Li')).author?.name // 'Yuanzhi Li'
 */
export async function findAuthor(store: PaperStore, ref: string): Promise<{ author: Author | null; alternatives: Author[] }> {
  const text = ref.trim()
  if (!text) return { author: null, alternatives: [] }
  const byId = await findAuthorById(store, text)
  if (byId) return { author: byId, alternatives: [] }
  const found = await store.findAuthors(text, 20)
  const key = nameKey(text)
  const exact = found.find((a) => a.nameVariants.some((v) => nameKey(v) === key))
  const author = exact ?? found[0] ?? null
  return { author, alternatives: found.filter((a) => a !== author) }
}

/**
 * @module BibTeX export: the papers of a selection (one paper, an author, a search, a topic, or the whole
 * library) written as a `.bib` text with ingest's `formatBibtex` (LaTeX accents as `{\"o}`, capitals kept
 * with braces, TeX from sources such as `$p/n \to κ$` kept as written; a title Paperscope made from the
 * abstract is marked with a `note` and gives no word to the cite key). Shared by `paperscope export` and the
 * API's `/bibtex` routes.
 *
 * Every author is written with the name the library knows them by, the same on all their papers, so a
 * library built from the export sees the same people (the BibTeX round trip: export, import into a new
 * library, same papers and authors). `author` holds only the listed authors, in their order (then `others`
 * when the list is cut); people known only from outside a paper's author line (a profile's owner) are
 * never put in it, at a place no source gave, but in a field of their own that styles ignore and the
 * importer reads back (see `UNLISTED_AUTHORS_FIELD`).
 */
import { hyphenatedSpelling, PaperscopeError, type Paper } from '../core/index.js'
import type { BibtexPaper } from '../ingest/index.js'
import type { PaperReader, PaperStore } from '../store/index.js'
import { findAuthor, findPaper, paperNamedBy } from './lookup.js'
import { requireTopic } from './topics.js'

/** What to export; with nothing set, the whole library. `author` and `topic` narrow `search` too. */
export interface BibtexSelection {
  /** Paper references (id, arXiv id, DOI, title words); each must resolve. */
  papers?: readonly string[] | undefined
  /** An author id or name. */
  author?: string | undefined
  /** Full-text search words. */
  search?: string | undefined
  /** Read the search's last word as a prefix, as the search page does while it is typed. */
  prefix?: boolean | undefined
  /** A topic id or label. */
  topic?: string | undefined
  /** Narrow a search further, as /search's facets do. */
  searchFilters?:
    | {
        yearFrom?: number | undefined
        yearTo?: number | undefined
        source?: string | undefined
        category?: string | undefined
      }
    | undefined
}

/** The most papers one export writes (a search or a library); more is cut and said. */
export const MAX_EXPORT_PAPERS = 100_000
const PAGE = 200

export interface BibtexExport {
  bibtex: string
  /** How many entries were written. */
  papers: number
  /** True when the selection had more than `limit` papers. */
  truncated: boolean
  /** What the selection resolved to, for messages and file names. */
  label: string
  /** A reference that matched more than what was taken (title words, a name): what else it matched. */
  alsoMatching: Array<{ ref: string; others: string[] }>
}

/**
 * The selection's papers as BibTeX. NOT_FOUND when a paper, author or topic does not resolve.
 * @example
 * const { bibtex, papers } = await exportBibtex(store, { author: 'Andrew M. Saxe' })
 */
export async function exportBibtex(
  store: PaperStore,
  selection: BibtexSelection,
  options: { limit?: number } = {},
): Promise<BibtexExport> {
  const { papers, truncated, label, alsoMatching } = await selectPapers(
    store,
    selection,
    options.limit ?? MAX_EXPORT_PAPERS,
  )
  const formatBibtex = await bibtexWriter()
  return {
    bibtex: formatBibtex(await toBibtexPapers(store, papers)),
    papers: papers.length,
    truncated,
    label,
    alsoMatching,
  }
}

/** The papers a selection names, in a stable order (a search: by relevance; otherwise: by title). */
/**
 * The BibTeX writer (src/ingest/bibtex's), loaded on first use: only `export` and the API's BibTeX routes write
 * BibTeX, and the importer it lives with is not needed at start-up.
 * @example (await bibtexWriter())(await toBibtexPapers(store, papers))
 */
export async function bibtexWriter(): Promise<(papers: readonly BibtexPaper[]) => string> {
  return (await import('../ingest/index.js')).formatBibtex
}

export async function selectPapers(
  store: PaperStore,
  selection: BibtexSelection,
  limit: number = MAX_EXPORT_PAPERS,
): Promise<{
  papers: Paper[]
  /** How many papers the selection has, `papers` being the first `limit` of them. */
  total: number
  truncated: boolean
  label: string
  alsoMatching: Array<{ ref: string; others: string[] }>
}> {
  const refs = selection.papers ?? []
  const alsoMatching: Array<{ ref: string; others: string[] }> = []
  if (refs.length > 0) {
    if (selection.author || selection.search || selection.topic)
      throw new PaperscopeError(
        'INVALID_ARGUMENT',
        'export either papers by reference, or an author/search/topic selection, not both',
        { field: 'paper' },
      )
    const papers: Paper[] = []
    for (const ref of refs) {
      const found = await findPaper(store, ref)
      if (!found.paper)
        throw new PaperscopeError('NOT_FOUND', `no paper matches "${ref.slice(0, 200)}"`, { field: 'paper' })
      if (!papers.some((p) => p.id === found.paper!.id)) papers.push(found.paper)
      if (found.alternatives.length) alsoMatching.push({ ref, others: found.alternatives.map((a) => `${a.id}  ${a.title}`) })
    }
    return {
      papers,
      total: papers.length,
      truncated: false,
      label: papers.length === 1 ? papers[0]!.id : `${papers.length} papers`,
      alsoMatching,
    }
  }

  const labels: string[] = []
  let authorId: string | undefined
  if (selection.author) {
    const { author, alternatives } = await findAuthor(store, selection.author)
    if (!author)
      throw new PaperscopeError('NOT_FOUND', `no author matches "${selection.author.slice(0, 200)}"`, {
        field: 'author',
      })
    authorId = author.id
    labels.push(author.name)
    if (alternatives.length) alsoMatching.push({ ref: selection.author, others: alternatives.map((a) => `${a.id}  ${a.name}`) })
  }
  let topicId: string | undefined
  if (selection.topic) {
    // An id (`neural-collapse`) or the label a reader sees (`Neural Collapse`, in any case).
    const topic = await requireTopic(store, selection.topic)
    topicId = topic.id
    labels.push(topic.label)
  }
  const filters = {
    ...(authorId ? { authorId } : {}),
    ...(topicId ? { topic: topicId } : {}),
  }
  const papers: Paper[] = []
  let total = 0
  if (selection.search !== undefined) {
    // Words the store cannot search (none, `c++`, only `-x`) it refuses itself, with the reason as data.
    const text = selection.search.trim()
    labels.push(`"${text}"`)
    const named = await paperNamedBy(store, text)
    for (let offset = 0; papers.length < limit; offset += PAGE) {
      const page = await store.searchPapers({
        text,
        ...(named ? { paperIdNamed: named } : {}),
        ...(selection.prefix ? { prefix: true } : {}),
        ...filters,
        ...definedFilters(selection),
        limit: PAGE,
        offset,
      })
      total = page.total
      papers.push(...page.items.map((h) => h.paper))
      if (page.items.length < PAGE || offset + PAGE >= page.total) break
    }
  } else {
    for (let offset = 0; papers.length < limit; offset += PAGE) {
      const page = await store.listPapers({ ...filters, sort: 'title', limit: PAGE, offset })
      total = page.total
      papers.push(...page.items)
      if (page.items.length < PAGE || offset + PAGE >= page.total) break
    }
  }
  return {
    papers: papers.slice(0, limit),
    total,
    truncated: total > limit,
    label: labels.length ? labels.join(', ') : 'the library',
    alsoMatching,
  }
}

/** The search filters that are set (for exactOptionalPropertyTypes). */
function definedFilters(selection: BibtexSelection): {
  yearFrom?: number
  yearTo?: number
  source?: string
  category?: string
} {
  const f = selection.searchFilters ?? {}
  return {
    ...(f.yearFrom !== undefined ? { yearFrom: f.yearFrom } : {}),
    ...(f.yearTo !== undefined ? { yearTo: f.yearTo } : {}),
    ...(f.source !== undefined ? { source: f.source } : {}),
    ...(f.category !== undefined ? { category: f.category } : {}),
  }
}

/**
 * Papers in the shape `formatBibtex` takes, each author under their library name (its hyphenated spelling
 * when the person has one: `Allen-Zhu, Zeyuan`, not `Zhu, Zeyuan Allen`, in a library that named the person
 * before it picked such spellings). A paper whose venue names a year its date does not have (`ICML 2019`, a
 * 2018 preprint) brings its sources' dates, so the entry can take the proceedings' own. A paper imported from
 * BibTeX brings its entry's type and container and the fields only BibTeX has (pages, publisher, …), all from
 * one record, the one whose container is the paper's venue (not a preprint's entry beside it), and an arXiv class.
 */
export async function toBibtexPapers(store: PaperReader, papers: readonly Paper[]): Promise<BibtexPaper[]> {
  const names = new Map<string, string>()
  const name = async (author: { authorId: string; name: string }): Promise<string> => {
    if (!names.has(author.authorId)) {
      const person = await store.getAuthor(author.authorId)
      names.set(author.authorId, person ? hyphenatedSpelling(person.name, person.nameVariants) : author.name)
    }
    return names.get(author.authorId)!
  }
  const { sourceEntryParts } = await import('../ingest/index.js')
  const out: BibtexPaper[] = []
  for (const paper of papers) {
    // The listed authors in the order sources list them. A person known only from outside that list (a
    // profile's owner beside a list cut with `et al.`) has no place in it: no source says where she comes.
    const authors: string[] = []
    for (const author of paper.authors.filter((a) => a.position !== null).sort((a, b) => a.position! - b.position!))
      authors.push(await name(author))
    const unlistedAuthors: string[] = []
    for (const author of paper.authors.filter((a) => a.position === null)) unlistedAuthors.push(await name(author))
    // Its records in the order they were stored, earliest first.
    const records = ((await store.getPaper(paper.id))?.sources ?? []).slice().sort((a, b) => a.id - b.id)
    const sourceDates = venueNamesOtherYear(paper) ? records.flatMap((s) => (s.date ? [s.date] : [])) : []
    out.push({
      id: paper.id,
      title: paper.title,
      titleDerived: paper.titleDerived,
      authors,
      ...(unlistedAuthors.length ? { unlistedAuthors } : {}),
      authorsTruncated: paper.authorsTruncated,
      date: paper.date,
      ...(sourceDates.length ? { sourceDates } : {}),
      venue: paper.venue,
      ids: paper.ids,
      abstract: paper.abstract,
      url: paper.url && /^https?:\/\//i.test(paper.url) ? paper.url : null,
      // What only BibTeX writes (the entry's type and container, pages, publisher, ...), all from one record:
      // the one of the paper's venue, not a preprint's entry beside the proceedings'.
      ...sourceEntryParts(records, paper.venue),
    })
  }
  const keys = await libraryCiteKeys(store, out, name)
  return out.map((paper) => ({ ...paper, citeKey: keys.get(paper.id) }))
}

/**
 * Cite keys made over the whole library, so that a paper has the same key in every export (alone, with an
 * author's papers, in the whole library) and no two papers share one. A paper with a BibTeX source record keeps
 * that entry's key when it is valid and no paper claimed it before (so a library built from a `.bib` file
 * exports that file's keys, and a round trip keeps every key): every paper's claim is read, one indexed query.
 * Generated keys stay off the kept ones, and only the library's papers of the same year whose stem starts with
 * a paper's (`2022dat`, `2022data`) can share a paper's key or hold one its suffix would make: those are read,
 * and their first authors named.
 */
async function libraryCiteKeys(
  store: PaperReader,
  papers: readonly BibtexPaper[],
  name: (author: { authorId: string; name: string }) => Promise<string>,
): Promise<Map<string, string>> {
  const { citeKeys, citeKeyStem } = await import('../ingest/index.js')
  const claims = await store.listBibtexCiteLabels()
  const stems = new Set(papers.map(citeKeyStem))
  const alikeStem = (stem: string) => {
    for (let end = 1; end <= stem.length; end++) if (stems.has(stem.slice(0, end))) return true
    return false
  }
  const years = [...new Set(papers.map((p) => (p.date ? Number(p.date.slice(0, 4)) : null)))]
  const alike = []
  for (const row of await store.listCiteKeyInputs(years)) {
    if (!alikeStem(citeKeyStem(row))) continue
    const first = row.firstAuthorId ? await name({ authorId: row.firstAuthorId, name: row.firstAuthorName ?? '' }) : null
    alike.push({ ...row, authors: first ? [first] : [] })
  }
  const keys = citeKeys(alike, { claims })
  // A paper the library does not hold (none, as papers come from it) is keyed among the papers given.
  const rest = papers.filter((p) => !keys.has(p.id))
  for (const [id, key] of citeKeys(rest, { claims })) keys.set(id, key)
  return keys
}

/** True when a paper's venue has a year in it and its date another (only then do its sources' dates matter). */
function venueNamesOtherYear(paper: Paper): boolean {
  if (!paper.venue || !paper.date) return false
  const years = paper.venue.match(/(?:19|20)\d{2}/g) ?? []
  return years.some((y) => y !== paper.date!.slice(0, 4))
}

/**
 * @module Merges all source records of one paper into the paper's fields. Pure and deterministic: the same
 * records give the same paper whatever order they were imported in (ties go to source rank, then record id).
 */
import type { Digest, ExternalIds, PartialDate, SourceRecord } from '../core/index.js'
import { arxivUrl, datePrecision, doiUrl, recordWorkType } from '../core/index.js'
import { recordAuthorIds, sourceIdsConflict } from './author-ids.js'
import { isVersionDoi, recordVenues, type PaperCandidate } from './match.js'
import { namesCompatible, normalizeArxivId, normalizeDoi, normalizeTitle, parseName } from './normalize.js'

/**
 * Which source to believe first for descriptive fields: bibliographic APIs, then pages that show a
 * paper's own metadata, then lists that mention it.
 */
export const SOURCE_RANK: readonly string[] = [
  'arxiv',
  'arxiv-oai',
  'openalex',
  'semantic-scholar',
  'bibtex',
  'researcher-profile',
  'author-papers',
  'huggingface',
  'daily-papers',
  'awesome-list',
  'abstracts',
]

function rankOf(source: string): number {
  const i = SOURCE_RANK.indexOf(source)
  return i < 0 ? SOURCE_RANK.length : i
}

/** A record as merge needs it: its content plus a stable order number (the store's row id). */
export type MergeInput = SourceRecord & { id: number }

export interface MergedAuthor {
  /** The fullest spelling seen (`Andrew M. Saxe` over `A. Saxe`). */
  name: string
  /** Position in the listed order, or null when known only from outside it (a profile owner). */
  position: number | null
  /** Every spelling of this person across the records. */
  variants: string[]
  /** The sources' own ids for this person (`semantic-scholar:2259683`), at most one per source. */
  sourceIds: string[]
}

export interface MergedPaper {
  title: string
  titleDerived: boolean
  abstract: string | null
  date: PartialDate | null
  listedAt: PartialDate | null
  categories: string[]
  venue: string | null
  ids: ExternalIds
  authors: MergedAuthor[]
  authorsTruncated: boolean
  topics: string[]
  keywords: string[]
  digest: Digest | null
  citationCount: number | null
  upvotes: number | null
  url: string | null
}

/** An id as `<kind> <value>` (`doi 10.1561/2200000006`): which ids a merge leaves out. */
export function idKey(kind: string, value: string): string {
  return `${kind} ${value}`
}

export interface MergeOptions {
  /**
   * Ids ({@link idKey}) the paper does not show, though a record of it has them: another paper of the library holds
   * them (a reference list's DDPG entry with the DOI of Bengio's monograph). The paper shows the next record's id of
   * that kind, or none; its records keep theirs.
   */
  heldElsewhere?: ReadonlySet<string>
}

/** A paper as a dispute over an id weighs it: its id and its records. */
export interface IdHolder {
  paperId: string
  records: readonly MergeInput[]
}

/**
 * True when `mine`, one paper's records, hold this id on better grounds than `theirs`, another paper's records that
 * hold it too: the paper that shows it and is found by it. In order: the source (a bibliographic API's id over one
 * typed into a reference list); a record whose only id it is over records that all have it beside another id (the
 * reference-list entry of DDPG, placed by its arXiv id and title, with the DOI of Bengio's monograph pasted in); a
 * record whose title is the title the paper shows over records that joined it by a title part or another id; more of
 * its records giving it; then the smaller paper id. So one paper wins whichever was imported first, and the same
 * records give the same library in any order.
 */
export function holdsIdBetter(kind: keyof ExternalIds, value: string, mine: IdHolder, theirs: IdHolder): boolean {
  if (mine.paperId === theirs.paperId) return false
  const grounds = ({ records }: IdHolder): number[] => {
    const holding = records.filter((r) => r.ids[kind] === value)
    const rank = Math.min(SOURCE_RANK.length + 1, ...holding.map((r) => rankOf(r.source)))
    const beside = holding.some((r) => Object.keys(r.ids).length === 1) ? 0 : 1
    const title = shownTitle(records)
    const titled = title !== null && holding.some((r) => r.title !== null && normalizeTitle(r.title) === normalizeTitle(title)) ? 0 : 1
    return [rank, beside, titled, -holding.length]
  }
  const [a, b] = [grounds(mine), grounds(theirs)]
  const differs = a.findIndex((x, i) => x !== b[i])
  return differs >= 0 ? a[differs]! < b[differs]! : mine.paperId < theirs.paperId
}

/** Records in the order merge believes them: source rank, then record id. */
function inMergeOrder(records: readonly MergeInput[]): MergeInput[] {
  return [...records].sort((a, b) => rankOf(a.source) - rankOf(b.source) || a.id - b.id)
}

/** The title a paper of these records shows (see {@link mergeRecords}), or null when none gives one. */
function shownTitle(records: readonly MergeInput[]): string | null {
  return inMergeOrder(records).find((r) => r.title !== null)?.title ?? null
}

/**
 * Builds a paper from its records.
 * @example mergeRecords(await tx.listSourceRecords(paperId))
 */
export function mergeRecords(records: readonly MergeInput[], { heldElsewhere = new Set() }: MergeOptions = {}): MergedPaper {
  if (records.length === 0) throw new Error('mergeRecords needs at least one record')
  const ordered = inMergeOrder(records)
  const first = <T>(pick: (r: MergeInput) => T | null | undefined): T | null => {
    for (const r of ordered) {
      const v = pick(r)
      if (v !== null && v !== undefined) return v
    }
    return null
  }
  const { authors, truncated } = mergeAuthors(ordered)
  const abstract = longestAbstract(ordered)
  const ids = mergeIds(ordered, heldElsewhere)
  const title = first((r) => r.title)
  return {
    title: title ?? deriveTitle(abstract),
    titleDerived: title === null,
    abstract,
    date: bestDate(ordered),
    listedAt: earliest(ordered.map((r) => r.listedAt)),
    categories: unique(ordered.flatMap((r) => r.categories)),
    venue: first((r) => r.venue),
    ids,
    authors,
    authorsTruncated: truncated,
    topics: unique(ordered.flatMap((r) => r.topics)),
    keywords: uniqueIgnoringCase(ordered.flatMap((r) => r.keywords)),
    digest: first((r) => (r.digest?.origin === 'curated' ? r.digest : null)) ?? first((r) => r.digest),
    citationCount: maxOrNull(ordered.map((r) => r.citationCount)),
    upvotes: maxOrNull(ordered.map((r) => r.upvotes)),
    url: chooseUrl(ordered, ids, heldElsewhere),
  }
}

/**
 * What the matcher sees of the paper these records make (merged, with every spelling of its authors, each record's
 * kind of work, ids and venues), as the store's candidate lookup gives it: for a paper not in a store (the import's
 * check of an edited record, `rematch`, the dedupe evaluation).
 */
export function candidateOf(paperId: string, records: readonly MergeInput[]): PaperCandidate {
  const paper = mergeRecords(records)
  return {
    paperId,
    title: paper.title,
    titleDerived: paper.titleDerived,
    ids: paper.ids,
    year: paper.date ? Number(paper.date.slice(0, 4)) : null,
    abstract: paper.abstract,
    authors: [...new Set(paper.authors.flatMap((a) => [a.name, ...a.variants]))].sort(),
    workTypes: records.map(recordWorkType).filter((t): t is string => t !== null),
    recordIds: records.map((r) => r.ids),
    venues: [...new Set(records.flatMap(recordVenues))].sort(),
  }
}

/**
 * The best-ranked record's link, unless it links an id the paper does not show (a link is an id too): one another
 * paper holds (a BibTeX entry's URL made from the DOI of another paper), another of a kind the paper shows one of, or
 * a preprint's (an arXiv page, a preprint server's DOI) where the paper shows its publication's DOI, or an arXiv
 * preprint's DOI where it shows the arXiv id. Past such links the next record's; when none is left, the link of the id
 * the paper shows: its publication's DOI, else its arXiv page, else its DOI.
 */
function chooseUrl(ordered: readonly MergeInput[], ids: ExternalIds, held: ReadonlySet<string>): string | null {
  const published = ids.doi !== undefined && !isVersionDoi(ids.doi)
  let passedOver = false
  for (const { url } of ordered) {
    if (url === null) continue
    const linked = linkedId(url)
    const preprintDoi = linked?.kind === 'doi' && isVersionDoi(linked.value)
    const notShown =
      linked !== null &&
      (held.has(idKey(linked.kind, linked.value)) ||
        (ids[linked.kind] !== undefined && ids[linked.kind] !== linked.value) ||
        (published && (linked.kind === 'arxiv' || preprintDoi)) ||
        (preprintDoi && ids.arxiv !== undefined))
    if (!notShown) return url
    passedOver = true
  }
  if (!passedOver) return null
  if (published && ids.doi !== undefined) return doiUrl(ids.doi)
  if (ids.arxiv !== undefined) return arxivUrl(ids.arxiv)
  return ids.doi !== undefined ? doiUrl(ids.doi) : null
}

/** The id a doi.org or arXiv link names, or null for any other link. */
export function linkedId(url: string): { kind: 'doi' | 'arxiv'; value: string } | null {
  let text = url
  try {
    text = decodeURIComponent(url)
  } catch {
    // Not percent-encoded as a URL is: read as written.
  }
  if (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(text)) {
    const doi = normalizeDoi(text)
    return doi === null ? null : { kind: 'doi', value: doi }
  }
  const arxiv = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(text) ? normalizeArxivId(text) : null
  return arxiv === null ? null : { kind: 'arxiv', value: arxiv }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Map<string, string>()
  for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v)
  return [...seen.values()]
}

function maxOrNull(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null)
  return known.length ? Math.max(...known) : null
}

function earliest(values: Array<PartialDate | null>): PartialDate | null {
  const known = values.filter((v): v is PartialDate => v !== null).sort()
  return known[0] ?? null
}

/** The most precise date; among equally precise ones, the best-ranked source's. */
function bestDate(ordered: MergeInput[]): PartialDate | null {
  const precision = { year: 0, month: 1, day: 2 } as const
  let best: PartialDate | null = null
  for (const r of ordered) {
    if (r.date && (!best || precision[datePrecision(r.date)] > precision[datePrecision(best)])) best = r.date
  }
  return best
}

/** Sources cut abstracts (daily pages at ~300 characters); the longest is the least cut. */
function longestAbstract(ordered: MergeInput[]): string | null {
  let best: string | null = null
  for (const r of ordered) if (r.abstract && (!best || r.abstract.length > best.length)) best = r.abstract
  return best
}

/**
 * One id per kind, the best-ranked record's, but none another paper holds; of DOIs a publication's over a preprint's
 * or an archive copy's (a citer cites the published version), whichever record gave it.
 */
function mergeIds(ordered: MergeInput[], heldElsewhere: ReadonlySet<string>): ExternalIds {
  const ids: ExternalIds = {}
  const allowed = ordered
    .flatMap((r) => Object.entries(r.ids) as Array<[keyof ExternalIds, string]>)
    .filter(([k, v]) => !heldElsewhere.has(idKey(k, v)))
  for (const [kind, value] of allowed) {
    if (kind === 'doi' && isVersionDoi(value)) continue
    ids[kind] ??= value
  }
  for (const [kind, value] of allowed) ids[kind] ??= value
  return ids
}

/** How full a spelling is: whole given names beat initials. */
function fullness(name: string): number {
  const { given } = parseName(name)
  return given.reduce((n, g) => n + (g.length > 1 ? 2 : 1), 0)
}

/**
 * The listed order comes from the most complete list (not cut with `et al.`, then longest, then best
 * source); people from other records who fit nobody in it are added without a position.
 */
function mergeAuthors(ordered: MergeInput[]): { authors: MergedAuthor[]; truncated: boolean } {
  const withLists = ordered.filter((r) => r.authors.length > 0)
  const base =
    [...withLists].sort(
      (a, b) =>
        Number(a.authorsTruncated) - Number(b.authorsTruncated) ||
        b.authors.length - a.authors.length ||
        rankOf(a.source) - rankOf(b.source) ||
        a.id - b.id,
    )[0] ?? null
  const baseIds = base ? recordAuthorIds(base) : []
  const authors: MergedAuthor[] = (base?.authors ?? []).map((name, i) => ({
    name,
    position: i,
    variants: [name],
    sourceIds: baseIds[i] ? [baseIds[i]] : [],
  }))
  for (const r of ordered) {
    const ids = recordAuthorIds(r)
    const names = [...r.authors, ...r.extraAuthors]
    for (const [i, name] of names.entries()) {
      if (r === base && i < r.authors.length) continue // the listed order itself, ids and all
      const id = ids[i] ?? null
      const fits = (a: MergedAuthor): boolean => a.variants.includes(name) || namesCompatible(a.name, name)
      // On one paper a name is one person, whatever ids two records of it give (a preprint and its published
      // version under two ids of one source). Only between namesakes (two authors of exactly this name) does
      // more decide: the id, else the same place in the list, else the one without another id of the source.
      const namesakes = authors.filter((a) => a.variants.includes(name))
      const same =
        (id !== null ? authors.find((a) => a.sourceIds.includes(id) && fits(a)) : undefined) ??
        (namesakes.length > 1
          ? (namesakes.find((a) => a.position === i) ??
            namesakes.find((a) => id !== null && !sourceIdsConflict(a.sourceIds, [id])) ??
            namesakes[0])
          : authors.find(fits))
      if (!same) {
        authors.push({ name, position: null, variants: [name], sourceIds: id !== null ? [id] : [] })
        continue
      }
      if (!same.variants.includes(name)) {
        same.variants.push(name)
        // As full, the given name first wins (`Le Song` over `Song, Le`), as the store names a person.
        if (fullness(name) > fullness(same.name) || (fullness(name) === fullness(same.name) && same.name.includes(',') && !name.includes(','))) same.name = name
      }
      // The first id of a source stays (records in merge order): two would make one person of two.
      if (id !== null && !same.sourceIds.includes(id) && !sourceIdsConflict(same.sourceIds, [id])) same.sourceIds.push(id)
    }
  }
  return { authors, truncated: base ? base.authorsTruncated : false }
}

/** A stand-in title for a paper known only by its abstract: its first words, marked as cut. */
export function deriveTitle(abstract: string | null): string {
  if (!abstract) return 'Untitled paper'
  const firstSentence = abstract.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0] ?? abstract
  const words = firstSentence.split(' ')
  return words.length <= 14 ? firstSentence.replace(/[.!?]$/, '') : `${words.slice(0, 12).join(' ')}…`
}

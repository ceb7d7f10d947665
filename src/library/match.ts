/**
 * @module Decides whether an incoming source record is a paper the library already has.
 * Evidence in order of strength: a shared external id, the same title, a title part (subtitle or prefix
 * dropped), a near-identical title, the same abstract. Title and abstract evidence is vetoed by what shows two
 * different works rather than two versions of one: conflicting ids (two arXiv ids, two publishers' DOIs),
 * different kinds of work (a book and a paper), distant years, author lists with nobody in common, and a
 * one- or two-word title ("Deep learning") whose author lists share only a minority. Such a title without
 * authors joins none of several papers that have it. A volume of a book-journal (Foundations and Trends) is a book
 * and a paper at once, and a record whose ids name two papers joins the one its title also names; one whose one
 * shared id names a paper of another title and other authors is not that paper.
 */
import { recordWorkType, type ExternalIds, type SourceRecord } from '../core/index.js'
import { namesCompatible, normalizeTitle, parseName, titleKeys, titleTokens } from './normalize.js'

/** What the matcher needs to know about a paper already in the library. */
export interface PaperCandidate {
  paperId: string
  title: string
  /** True when the title was derived from the abstract (no source gave one). */
  titleDerived: boolean
  ids: ExternalIds
  authors: string[]
  year: number | null
  abstract: string | null
  /**
   * The type of work each of its records names, as `<source>:<type>` (`bibtex:book`, `openalex:article`; see
   * {@link recordWorkType}); absent or empty when none names one.
   */
  workTypes?: readonly string[]
  /**
   * Each of its records' ids: `ids` shows one per kind of them, and the others name the paper too (a preprint's DOI
   * shown, the publisher's on another record).
   */
  recordIds?: readonly ExternalIds[]
  /**
   * The venues its records name: each one's venue, and a BibTeX entry's journal and series (a book-journal's name says
   * the work is a book and an article at once, see {@link inBookJournal}).
   */
  venues?: readonly string[]
}

export type MatchReason = 'id' | 'title' | 'title-part' | 'fuzzy-title' | 'abstract'

export interface MatchDecision {
  paperId: string
  reason: MatchReason
  /** 0..1, how strong the evidence of this reason is. */
  score: number
  /** Words for a person: which id, which title part, which authors. */
  detail: string
}

const REASON_RANK: Record<MatchReason, number> = { id: 5, title: 4, 'title-part': 3, 'fuzzy-title': 2, abstract: 1 }
/** Near-identical titles: spelling and punctuation variants, not different papers with similar names. */
export const FUZZY_TITLE_THRESHOLD = 0.9
/** Share of the shorter abstract's 5-word shingles found in the other. */
export const ABSTRACT_CONTAINMENT_THRESHOLD = 0.6
/** Years further apart than this veto a title match (preprint → journal takes a year or two). */
const MAX_YEAR_GAP = 3
const SHARED_ID_KINDS = ['arxiv', 'doi', 's2', 'openalex', 'corpusId', 'dblp', 'pmid', 'mag', 'acl', 'hf'] as const
/** Titles this short name a field or a topic ("Deep learning", "Attention"): many works have them. */
const SHORT_TITLE_WORDS = 2

/** What a record looks like to the matcher (a subset of SourceRecord). */
export type MatchableRecord = Pick<
  SourceRecord,
  'title' | 'ids' | 'authors' | 'extraAuthors' | 'date' | 'abstract'
> &
  Partial<Pick<SourceRecord, 'source' | 'raw' | 'venue'>>

/**
 * Picks the library paper the record belongs to, or null for a new paper. Deterministic: ties go to the
 * smallest paper id (ids that name several papers, after the title, see {@link choosePaperById}).
 * @example matchRecord(record, await tx.findPaperCandidates(record))
 */
export function matchRecord(record: MatchableRecord, candidates: PaperCandidate[]): MatchDecision | null {
  let best: MatchDecision | null = null
  const sameTitle: Array<{ decision: MatchDecision; vouched: boolean }> = []
  const byId: Array<{ decision: MatchDecision; candidate: PaperCandidate }> = []
  for (const candidate of candidates) {
    const decision = decide(record, candidate)
    if (!decision) continue
    if (decision.reason === 'id') byId.push({ decision, candidate })
    if (decision.reason === 'title') {
      const vouched = compareAuthors([...record.authors, ...record.extraAuthors], candidate.authors).kind === 'overlap'
      sameTitle.push({ decision, vouched })
    }
    if (
      !best ||
      REASON_RANK[decision.reason] > REASON_RANK[best.reason] ||
      (REASON_RANK[decision.reason] === REASON_RANK[best.reason] &&
        (decision.score > best.score || (decision.score === best.score && decision.paperId < best.paperId)))
    ) {
      best = decision
    }
  }
  if (byId.length > 1) return choosePaperById(record, byId)
  if (byId.length === 1 && contentContradicts(record, byId[0]!.candidate)) {
    // Its one shared id names a paper of another title and other authors: one of the two gave it by mistake (a
    // reference list's DDPG entry with Bengio's DOI, met before Bengio's own record). The record is the paper its
    // title names, or a new one; the paper with the better grounds shows the id (see `holdsIdBetter`).
    const named = byId[0]!
    const rest = candidates.filter((c) => c.paperId !== named.decision.paperId)
    const other = rest.length > 0 ? matchRecord(record, rest) : null
    if (other === null) return null
    return { ...other, detail: `${other.detail}; its ${named.decision.detail.replace(/^same /, '')} names ${named.decision.paperId}, which its title and authors do not` }
  }
  if (best?.reason === 'title' && sameTitle.length > 1 && record.title && isShortTitle(normalizeTitle(record.title))) {
    // A one- or two-word title names several papers of the library ("Deep learning": the book and the Nature
    // review): only authors on both say which; without them the record is none of them rather than the first.
    const vouched = sameTitle.filter((t) => t.vouched).map((t) => t.decision)
    return vouched.sort((a, b) => (a.paperId < b.paperId ? -1 : 1))[0] ?? null
  }
  return best
}

/**
 * A record whose ids name two papers (a BibTeX entry with one paper's arXiv id and, pasted from elsewhere, another
 * paper's DOI) joins the one its title, authors or abstract also name; when they name none or several, the smallest
 * paper id, as for any tie. The detail says which ids named which papers and why the one was chosen.
 */
function choosePaperById(
  record: MatchableRecord,
  byId: ReadonlyArray<{ decision: MatchDecision; candidate: PaperCandidate }>,
): MatchDecision {
  const sorted = [...byId].sort((a, b) => (a.decision.paperId < b.decision.paperId ? -1 : 1))
  const vouched = sorted.flatMap((m) => {
    const content = decideByContent(record, m.candidate)
    return content ? [{ ...m, content }] : []
  })
  const chosen = vouched.length === 1 ? vouched[0]! : sorted[0]!
  const others = sorted
    .filter((m) => m.decision.paperId !== chosen.decision.paperId)
    .map((m) => `${m.decision.detail.replace(/^same /, 'its ')} names ${m.decision.paperId}`)
    .join(', ')
  const detail =
    vouched.length === 1
      ? `${chosen.decision.detail} and ${vouched[0]!.content.detail}; ${others}, which its title, authors and abstract do not`
      : `${chosen.decision.detail}; ${others} too, and its title, authors and abstract name ${vouched.length === 0 ? 'none of them' : 'several'}: the smallest paper id`
  return { ...chosen.decision, detail }
}

/** True when the record's title and authors are another paper's: no title relation, and nobody on both author lists. */
function contentContradicts(record: MatchableRecord, candidate: PaperCandidate): boolean {
  if (!record.title || candidate.titleDerived) return false
  if (compareAuthors([...record.authors, ...record.extraAuthors], candidate.authors).kind !== 'disjoint') return false
  return decideByTitle(record.title, candidate, { kind: 'unknown' }) === null
}

function isShortTitle(normalizedTitle: string): boolean {
  return normalizedTitle.split(' ').length <= SHORT_TITLE_WORDS
}

function decide(record: MatchableRecord, candidate: PaperCandidate): MatchDecision | null {
  const recordIds = candidate.recordIds ?? []
  let sharedId = findSharedId(record.ids, candidate.ids)
  for (const ids of recordIds) sharedId ??= findSharedId(record.ids, ids)
  if (sharedId) return { paperId: candidate.paperId, reason: 'id', score: 1, detail: `same ${sharedId}` }
  if (idsConflict(record.ids, candidate.ids) || doisConflict(record.ids.doi, candidateDois(candidate))) return null
  return decideByContent(record, candidate)
}

/** What the record's title, authors, year and abstract say, whatever its ids say. */
function decideByContent(record: MatchableRecord, candidate: PaperCandidate): MatchDecision | null {
  const recordType = recordWorkType(record)
  if (kindsConflict(recordType, candidate.workTypes ?? []) && !inBookJournal(record, recordType, candidate)) return null

  const recordYear = record.date ? Number(record.date.slice(0, 4)) : null
  if (recordYear !== null && candidate.year !== null && Math.abs(recordYear - candidate.year) > MAX_YEAR_GAP) {
    return null
  }
  const authorEvidence = compareAuthors([...record.authors, ...record.extraAuthors], candidate.authors)
  if (authorEvidence.kind === 'disjoint') return null

  if (record.title && !candidate.titleDerived) {
    const decision = decideByTitle(record.title, candidate, authorEvidence)
    if (decision) return decision
  }
  if (record.abstract && candidate.abstract) {
    const containment = abstractContainment(record.abstract, candidate.abstract)
    if (containment >= ABSTRACT_CONTAINMENT_THRESHOLD) {
      return {
        paperId: candidate.paperId,
        reason: 'abstract',
        score: containment,
        detail: `abstracts share ${Math.round(containment * 100)}% of their 5-word runs`,
      }
    }
  }
  return null
}

function decideByTitle(
  title: string,
  candidate: PaperCandidate,
  authorEvidence: AuthorEvidence,
): MatchDecision | null {
  const a = normalizeTitle(title)
  const b = normalizeTitle(candidate.title)
  if (!a || !b) return null
  const overlap = authorEvidence.kind === 'overlap'
  const authorsNote = overlap ? ', authors overlap' : ''
  if (a === b) {
    // A one- or two-word title is shared by many works (the "Deep learning" book and Nature review share it and
    // Bengio): it names one work only when most of the shorter author list is on both.
    if (isShortTitle(a) && overlap && authorEvidence.shared * 2 < authorEvidence.smaller) return null
    const shortNote = isShortTitle(a) && overlap ? `: ${authorEvidence.shared} of ${authorEvidence.smaller} on both` : ''
    return { paperId: candidate.paperId, reason: 'title', score: 1, detail: `same title${authorsNote}${shortNote}` }
  }
  const partsA = titleKeys(title)
  const partsB = titleKeys(candidate.title)
  const sharedPart = partsA.find((k) => partsB.includes(k))
  // A shared part alone can be a common phrase; require authors in common unless the part is long.
  if (sharedPart && (overlap || sharedPart.split(' ').length >= 7)) {
    return {
      paperId: candidate.paperId,
      reason: 'title-part',
      score: sharedPart.length / Math.max(a.length, b.length),
      detail: `title part "${sharedPart}" in both${authorsNote}`,
    }
  }
  // Titles that differ in a number (`Part 1`/`Part 2`, `GPT-3`/`GPT-4`) are different papers.
  if (titleTokens(title).length >= 3 && numbersIn(a) === numbersIn(b)) {
    const similarity = stringSimilarity(a, b)
    if (similarity >= FUZZY_TITLE_THRESHOLD) {
      return {
        paperId: candidate.paperId,
        reason: 'fuzzy-title',
        score: similarity,
        detail: `titles ${Math.round(similarity * 100)}% alike${authorsNote}`,
      }
    }
  }
  return null
}

function candidateDois(candidate: PaperCandidate): Array<string | undefined> {
  return [candidate.ids.doi, ...(candidate.recordIds ?? []).map((ids) => ids.doi)]
}

/**
 * Book-journals: series each volume of which is both a journal issue with a DOI and a book with an ISBN, so that one
 * source types a work a book and another an article. Foundations and Trends (now publishers): Google Scholar exports
 * Boyd et al.'s ADMM monograph as `@article{journal = {Foundations and Trends® in Machine Learning}}` and as
 * `@book{publisher = {Now Publishers Inc}}`, DBLP as `Found. Trends Mach. Learn.`; its DOIs are ten digits
 * (10.1561/2200000016), where now's other journals have a dotted number (APSIPA's 10.1561/116.00000019). Synthesis
 * Lectures (Morgan & Claypool): Crossref types 10.2200/S00196ED1V01Y200906AIM006 a book, Scholar exports it as
 * `@article{journal = {Synthesis lectures on artificial intelligence and machine learning}}`. Springer's reissues of
 * Synthesis Lectures (10.1007/978-3-031-…, from 2022) stay apart from their 10.2200 DOIs: that ISBN range holds every
 * book Springer Nature Switzerland publishes, no record links one DOI to the other, and the reissue is dated years after
 * the original, so only its title and authors would say it is the same work, as they would of a second edition.
 */
const BOOK_JOURNAL_DOIS: readonly RegExp[] = [/^10\.1561\/\d{10}$/, /^10\.2200\/s\d{5}ed\d+v\d+y\d{6}[a-z]+\d+$/]
const BOOK_JOURNAL_NAMES = /\b(?:found(?:ations)?\.? (?:and |& )?trends|synthesis lectures on)\b/i
/** Publishers whose books are the volumes of their book-journals (their journals' papers are no books). */
const BOOK_JOURNAL_PUBLISHERS = /^(?:now publishers|morgan (?:and|\\?&) claypool)\b/i

/**
 * True when the evidence says the record or the paper is a volume of a book-journal, which is a book and an article
 * at once: a DOI of such a series (the record's or any of the paper's records'), a venue or series the record or any of
 * the paper's records names, or, for a book, its publisher.
 */
function inBookJournal(record: MatchableRecord, recordType: string | null, candidate: PaperCandidate): boolean {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  const raw = record.raw ?? {}
  if ([record.ids.doi, ...candidateDois(candidate)].some((d) => d !== undefined && BOOK_JOURNAL_DOIS.some((p) => p.test(d)))) return true
  if ([...recordVenues(record), ...(candidate.venues ?? [])].some((v) => BOOK_JOURNAL_NAMES.test(v))) return true
  return (recordType ? WORK_KINDS[recordType] : undefined) === 'book' && BOOK_JOURNAL_PUBLISHERS.test(text(raw['publisher']).trim())
}

/** The venues a record names: its venue, and a BibTeX entry's journal and series (see {@link PaperCandidate.venues}). */
export function recordVenues(record: { venue?: string | null; raw?: Record<string, unknown> }): string[] {
  const raw = record.raw ?? {}
  return [...new Set([record.venue, raw['journal'], raw['series']].filter((v): v is string => typeof v === 'string' && v !== ''))]
}

function numbersIn(normalizedTitle: string): string {
  return (normalizedTitle.match(/\d+/g) ?? []).join(' ')
}

function findSharedId(a: ExternalIds, b: ExternalIds): string | null {
  for (const kind of SHARED_ID_KINDS) {
    const x = a[kind]
    if (x && x === b[kind]) return `${kind} ${x}`
  }
  return null
}

/** Two different arXiv ids (or S2/OpenAlex ids) mean two different papers, whatever the titles say. */
function idsConflict(a: ExternalIds, b: ExternalIds): boolean {
  return (['arxiv', 's2', 'openalex'] as const).some((k) => a[k] && b[k] && a[k] !== b[k])
}

/**
 * DOIs that name a copy or a version of a work, not a publication of its own: preprint servers' (a preprint is a
 * version of the paper it becomes), deposit archives' and aggregators' own numbers for a work a publisher's DOI names.
 * Preprint registrants as PREreview lists them (PREreview/prereview.org `src/types/preprint-id.ts`, `isPreprintDoi`),
 * each with the shape its DOIs have. HAL and Europe PMC mint none for the works they hold (they show the publisher's).
 */
const VERSION_DOIS: readonly RegExp[] = [
  /^10\.48550\//, // arXiv
  /^10\.(1101|64898)\/(\d{4}\.\d{2}\.\d{2}\.)?\d{6,}$/, // bioRxiv, medRxiv, and openRxiv's newer registrant (Cold Spring Harbor's journals have letters: 10.1101/gr.…)
  /^10\.2139\/ssrn\./, // SSRN
  /^10\.21203\/rs\./, // Research Square
  /^10\.20944\/preprints/, // Preprints.org
  /^10\.36227\/techrxiv/,
  /^10\.26434\/chemrxiv/,
  /^10\.\d+\/osf\.io\//, // OSF and the servers it hosts (PsyArXiv, SocArXiv, EdArXiv)
  /^10\.3122[34]\//, // EarthArXiv, engrXiv
  /^10\.22541\/au\./, // Authorea
  /^10\.1002\/essoar\./, // ESS Open Archive
  /^10\.3762\/bxiv\./, // Beilstein Archives (10.3762/bxiv.2020.136.v1; the journals are 10.3762/bjoc.…)
  /^10\.32388\//, // Qeios: a preprint and its peer-approved version (10.32388/zetkeq, ….2), also published elsewhere
  /^10\.32942\//, // EcoEvoRxiv
  /^10\.31124\/advance\./, // Advance (SAGE)
  /^10\.14293\//, // ScienceOpen
  /^10\.51094\/jxiv\./,
  /^10\.23668\/psycharchives\./,
  /^10\.1590\/scielopreprints\./, // SciELO Preprints (SciELO's journals share 10.1590)
  /^10\.5281\/zenodo\./,
  // figshare: deposits and preprints, and publishers' supplements. A supplement is part of its paper, not another
  // work: Springer Nature's figshare collection of a BMC paper's files carries the paper's own title and abstract
  // (10.6084/m9.figshare.c.8354879 for 10.1186/s12911-026-03371-x), and OpenAlex types it `article`. Kept apart
  // it would list the paper twice; its single files are titled apart ("Additional file 1 of …").
  /^10\.6084\/m9\.figshare\./,
  // Institutional repositories that give every deposited full text a DOI of their own, also an accepted manuscript
  // of a published paper. ETH Zurich's Research Collection, "each item … receives a DOI automatically" (its FAQ):
  // 10.3929/ethz-a-010686165 is its copy of the IROS 2016 ANYmal paper, 10.1109/iros.2016.7758092.
  /^10\.3929\/ethz-[a-z]-\d+$/,
  // Cambridge's Apollo: "For Research Outputs which already have DOIs, we will still assign a Cambridge DOI"
  // (repository.cam.ac.uk/page/doi-policy), and its preprint service (2024) one to each preprint.
  /^10\.17863\/cam\.\d+$/,
  // Zurich's ZORA mints one per item: 10.5167/uzh-25506 is its copy of a GSCL 2009 conference paper.
  /^10\.5167\/uzh-\d+$/,
  /^10\.13140\/rg\./, // ResearchGate
  /^10\.2307\//, // JSTOR's number for a journal's article
  /^10\.5555\//, // ACM's number for a paper it hosts from proceedings of others (NeurIPS, AAAI)
]

/** True for a DOI of a preprint server, archive or aggregator (see {@link VERSION_DOIS}), not of a publication. */
export function isVersionDoi(doi: string): boolean {
  return VERSION_DOIS.some((p) => p.test(doi))
}

/**
 * A publication's DOI (no preprint's or archive copy's, see {@link VERSION_DOIS}) that none of the paper's publication
 * DOIs is, but for a version number (`10.7554/elife.89337` and `….2`), names another work: a conference paper and its
 * journal extension are two publications a bibliography cites apart, each with its venue and pages.
 */
function doisConflict(doi: string | undefined, paperDois: ReadonlyArray<string | undefined>): boolean {
  const publication = (d: string | undefined): d is string => d !== undefined && !isVersionDoi(d)
  if (!publication(doi)) return false
  const versionless = (d: string): string => d.replace(/\.v?\d{1,2}$/, '')
  const published = paperDois.filter(publication)
  return published.length > 0 && !published.some((d) => versionless(d) === versionless(doi))
}

/** Kinds of work that are never versions of one another: a paper is neither a book nor a thesis (a thesis may be published as a book). */
type WorkKind = 'book' | 'thesis' | 'paper'

/**
 * What the types sources name mean. Types that say nothing sure (`misc`, a report, which may be a thesis, a BibTeX
 * `@inbook`, whose title is its book's) are left out.
 */
const WORK_KINDS: Readonly<Record<string, WorkKind>> = {
  'bibtex:book': 'book',
  'bibtex:mvbook': 'book',
  'bibtex:collection': 'book',
  'bibtex:proceedings': 'book',
  'bibtex:phdthesis': 'thesis',
  'bibtex:mastersthesis': 'thesis',
  'bibtex:thesis': 'thesis',
  'bibtex:article': 'paper',
  'bibtex:inproceedings': 'paper',
  'bibtex:conference': 'paper',
  'bibtex:incollection': 'paper',
  'openalex:book': 'book',
  'openalex:dissertation': 'thesis',
  'openalex:article': 'paper',
  'openalex:preprint': 'paper',
  'openalex:book-chapter': 'paper',
  'openalex:review': 'paper',
  'openalex:letter': 'paper',
}

function kindsConflict(recordType: string | null, candidateTypes: readonly string[]): boolean {
  const kind = recordType ? WORK_KINDS[recordType] : undefined
  if (!kind) return false
  return candidateTypes.some((t) => {
    const other = WORK_KINDS[t]
    return other !== undefined && other !== kind && (other === 'paper' || kind === 'paper')
  })
}

type AuthorEvidence =
  | { kind: 'overlap'; /** people of `a` found in `b` */ shared: number; /** people on the shorter list */ smaller: number }
  | { kind: 'disjoint' | 'unknown' }

function compareAuthors(a: string[], b: string[]): AuthorEvidence {
  if (a.length === 0 || b.length === 0) return { kind: 'unknown' }
  // Only names with a family name in common can be compatible: index one side by family name.
  const byFamily = new Map<string, string[]>()
  for (const y of b) {
    const family = parseName(y).family
    byFamily.set(family, [...(byFamily.get(family) ?? []), y])
  }
  const peopleA = distinctPeople(a)
  const shared = peopleA.filter((x) => (byFamily.get(parseName(x).family) ?? []).some((y) => namesCompatible(x, y))).length
  if (shared === 0) return { kind: 'disjoint' }
  return { kind: 'overlap', shared, smaller: Math.min(peopleA.length, distinctPeople(b).length) }
}

/**
 * One name per person: a candidate lists every spelling of its authors (`A. Courville`, `Aaron Courville`), and
 * an export may list a person twice (Google Scholar's `Bengio, Yoshua` twice on the "Deep learning" book).
 */
function distinctPeople(names: readonly string[]): string[] {
  const kept: string[] = []
  const byFamily = new Map<string, string[]>()
  for (const name of names) {
    const family = parseName(name).family
    const same = byFamily.get(family) ?? []
    if (same.some((k) => namesCompatible(k, name))) continue
    byFamily.set(family, [...same, name])
    kept.push(name)
  }
  return kept
}

/** 1 − normalized Levenshtein distance. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  if (Math.abs(a.length - b.length) / longest > 1 - FUZZY_TITLE_THRESHOLD) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return 1 - previous[b.length]! / longest
}

function shingles(text: string, size = 5): Set<string> {
  const words = titleTokens(text)
  const out = new Set<string>()
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
}

/**
 * Share of the shorter abstract's 5-word runs that occur in the other: a cut abstract (daily pages cut at
 * ~300 characters) is still contained in the full one.
 */
export function abstractContainment(a: string, b: string): number {
  const x = shingles(a)
  const y = shingles(b)
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  if (small.size < 5) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
}

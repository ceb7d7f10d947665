/**
 * @module `rematch`: today's matcher decides again which records are one paper, for the whole library. An unchanged
 * record is never matched again on import, so a library built before keeps the merges an older matcher made wrongly
 * and misses those it did not make. The library's records are replayed in the order they were first stored into a
 * new library in memory, each placed as the import places a record it does not hold (placeNewRecord: the same
 * candidates, matcher and merge); only where that grouping differs from the stored one is the library changed, in one
 * transaction: a paper splits, two papers join, or records move between papers.
 *
 * Ids stay: the group holding a paper's oldest record keeps that paper's id (of several such papers, the one whose
 * oldest record is oldest), a group holding no paper's oldest record is a new paper with the id an import gives it,
 * and a paper that is no longer one leaves its id leading to the paper its oldest record joined. Touched papers keep
 * their cite keys (held as an import's removals hold them), and are built again from their records (authorships,
 * curated topics and key words, search entry), which marks them for the next analysis as an import does. A paper
 * grouped as before that shows other ids or another link when built today (an id another paper holds, a preprint's
 * DOI or link over its publication's) is built again too.
 */
import { PaperscopeError, recordWorkType, type ExternalIds, type SourceRecord, type StoredSourceRecord } from '../core/index.js'
import { candidateOf, idKey, linkedId, matchRecord, mergeRecords, parseName, recordContentHash, type MatchableRecord, type PaperCandidate } from '../library/index.js'
import { openStore, type PaperReader, type PaperStore, type PaperWriter } from '../store/index.js'
import { toBibtexPapers } from './export-bibtex.js'
import { idClaims, matchReasonText, paperIdsOf, placeNewRecord, rebuildPaper, removePaper } from './import-records.js'

type StoredRecord = StoredSourceRecord & { readFrom: string | null }

/** Records read from the library at once. */
const READ_PAGE = 1000
/** Records replayed per transaction of the library in memory (as an import's batch). */
const REPLAY_BATCH = 250

/** A paper as a change shows it: its id, title, kind of work, first author and year. */
export interface RematchPaper {
  id: string
  title: string
  /** The kind of work its records name (`book`, `article`, `inproceedings`), when one does. */
  workType: string | null
  firstAuthor: string | null
  year: number | null
  /** Its records, `source:key`, in the order they were stored. */
  records: string[]
}

/** One set of papers whose records the matcher groups otherwise now. */
export interface RematchChange {
  /** `split`: one paper becomes several; `join`: several become one; `regroup`: several become several others. */
  kind: 'split' | 'join' | 'regroup'
  /** The papers as stored. */
  before: RematchPaper[]
  /** The papers they become; `created` for a paper with a new id. */
  after: Array<RematchPaper & { created: boolean }>
  /** The ids of papers that are no longer one, and the paper each now leads to. */
  aliases: Array<{ from: string; to: string }>
  /** What happens and why, a line for each paper made, joined or left by records. */
  lines: string[]
}

/**
 * A paper whose records stay together but which shows other ids when built today (one per kind, none another paper
 * holds, a publication's DOI over its preprint's): a library built before shows them until it is built again.
 */
export interface RematchIdsChange {
  id: string
  title: string
  before: ExternalIds
  after: ExternalIds
  /** Its link as stored and as built today (the link of the id it shows, not a preprint's or another paper's). */
  urlBefore: string | null
  urlAfter: string | null
  /**
   * `ids: p… *title*: shows doi 10.1126/…, not doi 10.1101/…` (and `is found by …` for ids it takes or nobody holds,
   * `links …` for another link).
   */
  line: string
}

export interface RematchReport {
  records: number
  papersBefore: number
  papersAfter: number
  changes: RematchChange[]
  /** Papers that stay as they are grouped but show other ids (built again when applied). */
  ids: RematchIdsChange[]
  splits: number
  joins: number
  regroups: number
  papersCreated: number
  papersRemoved: number
  recordsMoved: number
  dryRun: boolean
  /** True when the changes were written (none in a dry run, or when there are none). */
  applied: boolean
}

export interface RematchOptions {
  /** Decide and report, write nothing. */
  dryRun?: boolean
  /** Called as the records are replayed, with how many are done. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Groups the library's records again with today's matcher and applies the differences (unless `dryRun`), in one
 * transaction: a failure leaves the library as it was. Run again, it finds nothing to change.
 * @example const report = await rematchLibrary(store, { dryRun: true })
 */
export async function rematchLibrary(store: PaperStore, { dryRun = false, onProgress }: RematchOptions = {}): Promise<RematchReport> {
  const records = await readRecords(store)
  const plan = await planRematch(store, records, onProgress)
  if (dryRun || (plan.changes.length === 0 && plan.ids.length === 0)) return reportOf(plan, dryRun, false)
  try {
    return await store.transaction(async (tx) => {
      // Decided again on what is stored when it is written, should an import have run meanwhile.
      const now = await readRecords(tx)
      const current = sameRecords(now, records) ? plan : await planRematch(tx, now)
      await applyPlan(tx, current)
      return reportOf(current, false, current.changes.length + current.ids.length > 0)
    })
  } catch (err) {
    throw new PaperscopeError('STORE_FAILED', `rematch stopped and was rolled back, the library is as it was: ${(err as Error).message}`, { cause: err })
  }
}

interface Group {
  /** The stored id of its first record, which made it in the replay. */
  first: number
  records: StoredRecord[]
  /** The id it has in the library. */
  id: string
  /** The stored paper whose id it keeps, or null for a new paper. */
  keeps: string | null
}

interface PlannedChange {
  /** Stored papers, oldest record first. */
  stored: string[]
  groups: Group[]
  removed: Array<{ id: string; into: string }>
}

interface Plan {
  records: StoredRecord[]
  byPaper: Map<string, StoredRecord[]>
  /** For each record (by stored id): the first record of its group in the replay, and why it joined (null: it made it). */
  placed: Map<number, { first: number; reason: string | null }>
  changes: PlannedChange[]
  ids: RematchIdsChange[]
}

async function readRecords(reader: PaperReader): Promise<StoredRecord[]> {
  const records: StoredRecord[] = []
  for (let after = 0; ; ) {
    const page = await reader.listRecordsInOrder(after, READ_PAGE)
    records.push(...page)
    if (page.length < READ_PAGE) return records
    after = page[page.length - 1]!.id
  }
}

function sameRecords(a: readonly StoredRecord[], b: readonly StoredRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.paperId === b[i]!.paperId && r.contentHash === b[i]!.contentHash)
}

/** The record as a source gave it, without what the store adds. */
function plain(record: StoredRecord): SourceRecord {
  const { id: _id, paperId: _paper, contentHash: _hash, matchReason: _reason, readFrom: _from, ...rest } = record
  return rest
}

function withId(record: StoredRecord): SourceRecord & { id: number } {
  return { ...plain(record), id: record.id }
}

/** Places every record, in order, into a new library in memory, as an import of them one by one would. */
async function replay(records: readonly StoredRecord[], onProgress?: (done: number, total: number) => void): Promise<Plan['placed']> {
  const scratch = await openStore({ path: ':memory:' })
  const placed: Plan['placed'] = new Map()
  const firstOf = new Map<string, number>()
  try {
    for (let start = 0; start < records.length; start += REPLAY_BATCH) {
      const batch = records.slice(start, start + REPLAY_BATCH)
      await scratch.transaction(async (tx) => {
        for (const record of batch) {
          const { paperId, decision } = await placeNewRecord(tx, plain(record))
          if (!firstOf.has(paperId)) firstOf.set(paperId, record.id)
          placed.set(record.id, { first: firstOf.get(paperId)!, reason: decision ? matchReasonText(decision) : null })
        }
        await tx.pruneOrphanAuthors()
      })
      onProgress?.(Math.min(start + REPLAY_BATCH, records.length), records.length)
    }
  } finally {
    await scratch.close()
  }
  return placed
}

async function planRematch(reader: PaperReader, records: StoredRecord[], onProgress?: (done: number, total: number) => void): Promise<Plan> {
  const placed = await replay(records, onProgress)
  const byPaper = groupBy(records, (r) => r.paperId)
  const byGroup = groupBy(records, (r) => placed.get(r.id)!.first)

  // Stored papers and new groups linked by the records they share: a set of them that is one paper and one group
  // (the same records) is unchanged; any other set is a change.
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!
    parent.set(x, root)
    return root
  }
  for (const r of records) {
    const [a, b] = [find(`s:${r.paperId}`), find(`g:${placed.get(r.id)!.first}`)]
    if (a !== b) parent.set(b, a)
  }
  const sets = new Map<string, { stored: string[]; groups: number[] }>()
  for (const r of records) {
    const root = find(`s:${r.paperId}`)
    if (!sets.has(root)) sets.set(root, { stored: [], groups: [] })
    const set = sets.get(root)!
    if (!set.stored.includes(r.paperId)) set.stored.push(r.paperId)
    const first = placed.get(r.id)!.first
    if (!set.groups.includes(first)) set.groups.push(first)
  }

  const taken = new Set(byPaper.keys())
  const changes: PlannedChange[] = []
  // In the order of their oldest records (records are read in that order).
  for (const set of sets.values()) {
    if (set.stored.length === 1 && set.groups.length === 1) continue
    const oldest = new Map(set.stored.map((p) => [p, byPaper.get(p)![0]!.id]))
    const groups: Group[] = []
    const removed: PlannedChange['removed'] = []
    for (const first of set.groups.sort((a, b) => a - b)) {
      const members = byGroup.get(first)!
      const ids = new Set(members.map((r) => r.id))
      const holders = set.stored.filter((p) => ids.has(oldest.get(p)!)).sort((a, b) => oldest.get(a)! - oldest.get(b)!)
      const keeps = holders[0] ?? null
      const id = keeps ?? newPaperId(members[0]!, taken)
      taken.add(id)
      groups.push({ first, records: members, id, keeps })
      for (const other of holders.slice(1)) removed.push({ id: other, into: id })
    }
    changes.push({ stored: set.stored.sort((a, b) => oldest.get(a)! - oldest.get(b)!), groups, removed })
  }
  const regrouped = new Set(changes.flatMap((c) => c.stored))
  const ids = await idsShownOtherwise(reader, byPaper, [...byPaper.keys()].filter((id) => !regrouped.has(id)))
  return { records, byPaper, placed, changes, ids }
}

/**
 * Of these stored papers, those that show other ids or another link when built today, as rebuildPaper builds them: only
 * a paper with two values of one kind of id among its records, an id another paper has better grounds for or none
 * holds (the paper that held it let go of it: its record left), or a record linking a DOI or an arXiv page, can.
 */
async function idsShownOtherwise(reader: PaperReader, byPaper: ReadonlyMap<string, StoredRecord[]>, paperIds: readonly string[]): Promise<RematchIdsChange[]> {
  const recordsOf = async (id: string) => (byPaper.get(id) ?? []).map(withId)
  const expected = new Map<string, { ids: ExternalIds; url: string | null; found: string[] }>()
  for (const id of paperIds) {
    const records = byPaper.get(id)!.map(withId)
    const claims = await idClaims(reader, id, records, recordsOf)
    const values = records.flatMap((r) => Object.entries(r.ids).map(([k, v]) => `${k} ${v}`))
    const kinds = records.flatMap((r) => Object.keys(r.ids))
    const choice = new Set(values).size > new Set(kinds).size
    // Ids it takes or that nobody holds: it is found by them once built again.
    const found = [...claims.taken.map((t) => idKey(t.kind, t.value)), ...claims.free]
    const linksId = records.some((r) => r.url !== null && linkedId(r.url) !== null)
    if (choice || claims.heldElsewhere.size > 0 || found.length > 0 || linksId) {
      const merged = mergeRecords(records, { heldElsewhere: claims.heldElsewhere })
      expected.set(id, { ids: merged.ids, url: merged.url, found })
    }
  }
  const out: RematchIdsChange[] = []
  const ids = [...expected.keys()]
  for (let i = 0; i < ids.length; i += READ_PAGE) {
    for (const paper of await reader.getPapers(ids.slice(i, i + READ_PAGE))) {
      const { ids: after, url, found } = expected.get(paper.id)!
      const text = (x: ExternalIds) => Object.entries(x).flatMap(([k, v]) => (v ? [idKey(k, v)] : []))
      const [was, now] = [text(paper.ids), text(after)]
      const shows = now.filter((x) => !was.includes(x))
      const not = was.filter((x) => !now.includes(x))
      const relinked = url !== paper.url
      if (shows.length + not.length + found.length === 0 && !relinked) continue
      const what = [
        shows.length ? `shows ${shows.join(', ')}` : '',
        not.length ? `${shows.length ? 'not' : 'no longer shows'} ${not.join(', ')}` : '',
        found.length ? `is found by ${found.join(', ')}` : '',
        relinked ? `links ${url ?? 'nothing'} (was ${paper.url ?? 'nothing'})` : '',
      ]
      out.push({
        id: paper.id,
        title: paper.title,
        before: paper.ids,
        after,
        urlBefore: paper.url,
        urlAfter: url,
        line: `ids: ${paper.id} *${paper.title}*: ${what.filter(Boolean).join(', ')}`,
      })
    }
  }
  return out
}

/** The id an import gives the paper a record makes, or, when a paper has it, the one it gives a record that moved. */
function newPaperId(first: StoredRecord, taken: ReadonlySet<string>): string {
  const { own, moved } = paperIdsOf(first, recordContentHash(plain(first)))
  if (!taken.has(own)) return own
  if (!taken.has(moved)) return moved
  throw new PaperscopeError('STORE_FAILED', `no free id for the paper ${first.source} record ${first.key} makes: ${own} and ${moved} are taken`)
}

function groupBy<K>(records: readonly StoredRecord[], key: (r: StoredRecord) => K): Map<K, StoredRecord[]> {
  const out = new Map<K, StoredRecord[]>()
  for (const r of records) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/**
 * Writes a plan: records move (with the replay's reason for joining), papers no longer one are removed (their ids
 * leading on), and every paper touched is built again from its records.
 */
async function applyPlan(tx: PaperWriter, plan: Plan): Promise<void> {
  const touched = [...new Set(plan.changes.flatMap((c) => c.stored))]
  // Each touched paper's cite key, taken while its records are all there: held after, as an import's removals hold
  // them, so that a \cite{} of it keeps meaning it and no generated key takes it.
  const citeKeys = new Map((await toBibtexPapers(tx, await tx.getPapers(touched))).map((p) => [p.id, p.citeKey]))
  for (const change of plan.changes)
    for (const group of change.groups)
      for (const record of group.records) {
        const reason = plan.placed.get(record.id)!.reason
        if (record.paperId !== group.id || (reason !== null && reason !== record.matchReason))
          await tx.saveSourceRecord(plain(record), group.id, record.contentHash, reason)
      }
  for (const change of plan.changes) for (const { id, into } of change.removed) await removePaper(tx, id, into)
  const ids = plan.changes.flatMap((c) => c.groups.map((g) => g.id))
  // Once, in any order: every record is where it goes by now, and a paper's claim to an id is weighed against every
  // paper whose records give it, whoever holds it (idClaims); a rebuild takes an id from a worse holder, hands one to a
  // better paper and hands on those its records no longer give, building those papers again itself.
  for (const id of ids) await rebuildPaper(tx, id)
  for (const id of ids) await tx.clearLoneMatchReason(id)
  // Papers grouped as before that show other ids today: built again (which moves an id they take from its holder).
  for (const { id } of plan.ids) await rebuildPaper(tx, id)
  for (const id of touched) {
    const key = citeKeys.get(id)
    if (key) await tx.holdCiteKey(id, key)
  }
  await tx.pruneOrphanAuthors()
}

function reportOf(plan: Plan, dryRun: boolean, applied: boolean): RematchReport {
  const changes = plan.changes.map((c) => describeChange(plan, c))
  const created = plan.changes.flatMap((c) => c.groups.filter((g) => g.keeps === null)).length
  const removed = plan.changes.reduce((n, c) => n + c.removed.length, 0)
  const moved = plan.changes.reduce((n, c) => n + c.groups.reduce((m, g) => m + g.records.filter((r) => r.paperId !== g.id).length, 0), 0)
  return {
    records: plan.records.length,
    papersBefore: plan.byPaper.size,
    papersAfter: plan.byPaper.size + created - removed,
    changes,
    ids: plan.ids,
    splits: changes.filter((c) => c.kind === 'split').length,
    joins: changes.filter((c) => c.kind === 'join').length,
    regroups: changes.filter((c) => c.kind === 'regroup').length,
    papersCreated: created,
    papersRemoved: removed,
    recordsMoved: moved,
    dryRun,
    applied,
  }
}

function describeChange(plan: Plan, change: PlannedChange): RematchChange {
  const kind = change.stored.length === 1 ? 'split' : change.groups.length === 1 ? 'join' : 'regroup'
  const storedView = new Map(change.stored.map((id) => [id, paperView(id, plan.byPaper.get(id)!)]))
  const groupOf = new Map(change.groups.flatMap((g) => g.records.map((r) => [r.id, g])))
  const lines: string[] = []
  for (const group of change.groups) {
    const view = paperView(group.id, group.records)
    for (const paperId of change.stored) {
      if (paperId === group.id) continue
      const from = group.records.filter((r) => r.paperId === paperId)
      if (from.length === 0) continue
      const joined = change.removed.find((r) => r.id === paperId && r.into === group.id)
      if (joined) {
        // The paper's oldest record joined this one in the replay: its reason says why.
        const into = group.keeps === null ? view : storedView.get(group.keeps)!
        lines.push(`join: ${label(storedView.get(paperId)!)} into ${label(into)}: ${plan.placed.get(from[0]!.id)!.reason ?? 'made one paper'}`)
        continue
      }
      // Records that leave a paper: the group it keeps its id in (or that its oldest record joined).
      const home = groupOf.get(plan.byPaper.get(paperId)![0]!.id)!
      const homeView = paperView(home.id, home.records)
      if (group.keeps === null && from[0]!.id === group.first) lines.push(`split: ${label(view)} from ${label(homeView)}: ${whyApart(group, home)}`)
      else {
        const reason = plan.placed.get(from[0]!.id)!.reason ?? whyApart(group, home)
        const what = from.length === 1 ? label(paperView('', from)) : `${from.length} records`
        lines.push(`move: ${what} from ${label(homeView)} to ${label(view)}: ${reason}`)
      }
    }
  }
  return {
    kind,
    before: [...storedView.values()],
    after: change.groups.map((g) => ({ ...paperView(g.id, g.records), created: g.keeps === null })),
    aliases: change.removed.map((r) => ({ from: r.id, to: r.into })),
    lines,
  }
}

function paperView(id: string, records: readonly StoredRecord[]): RematchPaper {
  const merged = mergeRecords(records.map(withId))
  const type = records.map(recordWorkType).find((t): t is string => t !== null) ?? null
  const author = merged.authors.find((a) => a.position === 0) ?? merged.authors[0]
  return {
    id,
    title: merged.title,
    workType: type === null ? null : type.slice(type.indexOf(':') + 1),
    firstAuthor: author ? familyName(author.name) : null,
    year: merged.date ? Number(merged.date.slice(0, 4)) : null,
    records: records.map((r) => `${r.source}:${r.key}`),
  }
}

/** `p123 *Deep learning* (book, Goodfellow 2016)`. */
function label(p: RematchPaper): string {
  const who = [p.firstAuthor, p.year].filter((x) => x !== null).join(' ')
  const about = [p.workType, who].filter(Boolean).join(', ')
  return `${p.id ? `${p.id} ` : ''}*${p.title}*${about ? ` (${about})` : ''}`
}

/** A person's family name as written (`Goodfellow` of `Ian Goodfellow`, `van der Maaten`). */
function familyName(name: string): string {
  const comma = name.indexOf(',')
  if (comma > 0) return name.slice(0, comma).trim()
  const words = parseName(name).family.split(' ').length
  return name.trim().split(/\s+/).slice(-words).join(' ')
}

type Evidence = 'ids' | 'kinds' | 'years' | 'authors'

/** Each kind of evidence the matcher weighs against a match, taken away from both sides. */
const WITHOUT: Record<Evidence, (r: MatchableRecord, c: PaperCandidate) => [MatchableRecord, PaperCandidate]> = {
  ids: (r, c) => [{ ...r, ids: {} }, { ...c, ids: {}, recordIds: [] }],
  kinds: (r, c) => [{ ...r, raw: {} }, { ...c, workTypes: [] }],
  years: (r, c) => [{ ...r, date: null }, { ...c, year: null }],
  authors: (r, c) => [{ ...r, authors: [], extraAuthors: [] }, { ...c, authors: [] }],
}
const EVIDENCE = Object.keys(WITHOUT) as Evidence[]

/**
 * Why the matcher keeps two groups apart, asked of the matcher itself: the later group's first record against the
 * paper the other group's records before it made (as the replay met them), with the fewest kinds of evidence taken
 * away that would make it join (a book and an article of one title, with a minority of authors in common: both).
 */
function whyApart(a: Group, b: Group): string {
  const [later, earlier] = a.first > b.first ? [a, b] : [b, a]
  const record = later.records[0]!
  const before = earlier.records.filter((r) => r.id < record.id)
  const was = record.matchReason ? `; stored together by ${record.matchReason}` : ''
  if (before.length === 0) return `the matcher does not take them for one work${was}`
  const candidate = candidateOf(earlier.id, before.map(withId))
  const matchable = plain(record)
  if (matchRecord(matchable, [candidate]) !== null) {
    // The paper it would join was not found among the candidates when it came (the lookup keeps the best few).
    return `the import did not find that paper among its candidates for it${was}`
  }
  for (const size of [1, 2, 3, 4]) {
    for (const set of subsets(EVIDENCE, size)) {
      const [r, c] = set.reduce<[MatchableRecord, PaperCandidate]>(([r, c], e) => WITHOUT[e](r, c), [matchable, candidate])
      if (matchRecord(r, [c]) !== null) return `${set.map((e) => evidenceText(e, record, before)).join(', and ')}${was}`
    }
  }
  return `nothing the matcher weighs makes them one work now${was}`
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]))
}

function evidenceText(evidence: Evidence, record: StoredRecord, others: readonly StoredRecord[]): string {
  const other = paperView('', others)
  const mine = paperView('', [record])
  switch (evidence) {
    case 'ids': {
      const ids = (rs: readonly StoredRecord[]) => [...new Set(rs.flatMap((r) => Object.entries(r.ids).map(([k, v]) => `${k} ${v}`)))].join(', ')
      return `their ids name two works (${ids([record])}; ${ids(others)})`
    }
    case 'kinds': {
      const kinds = others.map(recordWorkType).filter((t): t is string => t !== null && t !== recordWorkType(record))
      const theirs = kinds[0] ? kinds[0].slice(kinds[0].indexOf(':') + 1) : 'another kind of work'
      return `${withArticle(mine.workType ?? 'work')} is not ${withArticle(theirs)}`
    }
    case 'years':
      return `${mine.year ?? '?'} and ${other.year ?? '?'} are too far apart`
    case 'authors': {
      const names = (rs: readonly StoredRecord[]) => {
        const people = [...new Set(mergeRecords(rs.map(withId)).authors.map((a) => familyName(a.name)))]
        return people.length > 3 ? `${people.slice(0, 3).join(', ')}, …` : people.join(', ')
      }
      return `their authors do not make them one work (${names([record])}; ${names(others)})`
    }
  }
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}

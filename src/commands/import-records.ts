/**
 * @module The import pipeline shared by every source: records → match → merge → store, one transaction
 * per batch. Re-importing identical records changes nothing; a failing batch leaves nothing behind.
 */
import { existsSync } from 'node:fs'
import {
  PaperscopeError,
  emptyImportCounts,
  fileEntryKey,
  fileEntryLabel,
  locatorInput,
  type AuthorProfileRecord,
  type ExternalIdKind,
  type ImportCounts,
  type PaperWithSources,
  type SourceRecord,
} from '../core/index.js'
import {
  candidateOf,
  holdsIdBetter,
  idKey,
  matchRecord,
  mergeRecords,
  paperIdFor,
  recordContentHash,
  stableStringify,
  titleKeys,
  type IdHolder,
  type MatchDecision,
  type MergeInput,
} from '../library/index.js'
import type { PaperReader, PaperStore, PaperWriter, StoredRecordRef } from '../store/index.js'
import { toBibtexPapers } from './export-bibtex.js'
import { findProfileOwner, resolveAuthors, resolveProfileOwner } from './resolve-authors.js'

export const DEFAULT_BATCH_SIZE = 250

export interface ImportRecordsOptions {
  batchSize?: number
  /** The absolute path of the file the records were read from, when they come from one. */
  file?: string | null
  /** Called after each committed batch with how many records are done. */
  onBatch?: (done: number, total: number) => void
}

export type RecordOutcome = 'new' | 'merged' | 'updated' | 'unchanged'

/**
 * Imports one record inside an open transaction and says what happened to it. `file` is the absolute path of
 * the file it was read from, when it came from one.
 */
export async function importRecord(tx: PaperWriter, record: SourceRecord, file: string | null = null): Promise<RecordOutcome> {
  const contentHash = recordContentHash(record)
  const existing = (await tx.findSourceRecord(record.source, record.key)) ?? (await underOlderKey(tx, record, file))
  if (existing && existing.contentHash === contentHash) {
    // Linked every time: a copy of a list that dropped the entry and has it again lists it again.
    if (file !== null && existing.readFrom !== file) await tx.noteRecordFile(existing.id, file)
    else if (file !== null) await tx.linkRecordFile(existing.id, file)
    return 'unchanged'
  }
  if (existing && (await readElsewhereOnly(tx, existing.id, record, contentHash))) {
    // The same entry read from another path (`../main/data/corpus/…` from another folder): only where it
    // was read changes, so the record notes its new place and the paper stays as it is.
    await tx.saveSourceRecord(record, existing.paperId, contentHash, null, file)
    return 'unchanged'
  }

  let paperId: string
  let matchReason: string | null = null
  // An edited record whose paper it no longer is (a new title, other ids) leaves that paper, which is built
  // again from its other records, and is matched like a new one; else the paper would mix two papers.
  const left = existing ? await leavesPaper(tx, existing, record) : null
  if (existing && !left) {
    paperId = existing.paperId
  } else {
    const decision = await matchInLibrary(tx, record, left?.paperId ?? null)
    if (decision && !existing) {
      // A BibTeX entry's key holds its file: a record of the same entry under another key is this one when it
      // was read from this file (its key then held the path as given, before keys held the file itself), or
      // from a file of the same name that is gone (the folder moved), or when its file is unknown (stored
      // before files were noted) and has the same name. Another file that cites the paper keeps its record, and
      // two equal entries of one file stay two.
      const files = await tx.listRecordFiles(decision.paperId)
      const sameFile = (r: SourceRecord & { id: number }): boolean => {
        const stored = files.get(r.id) ?? null
        if (stored !== null && file !== null && stored === file) return true
        const sameName = fileName(r.locator) === fileName(record.locator)
        return sameName && (stored === null || file === null || !existsSync(stored))
      }
      const twin = (await tx.listSourceRecords(decision.paperId)).find(
        (r) =>
          r.source === record.source &&
          fileEntryLabel(r.key) === fileEntryLabel(record.key) &&
          sameFile(r) &&
          sameEntryElsewhere(r, record, contentHash),
      )
      if (twin) {
        await tx.rekeySourceRecord(twin.id, record, contentHash, file)
        return 'unchanged'
      }
    }
    // The paper a record leaves may have its id from that record: the record's new paper then takes one from
    // its key and content.
    if (left?.alone && !decision) paperId = left.paperId
    else paperId = decision?.paperId ?? (await freePaperId(tx, record, contentHash, existing !== null))
    matchReason = decision ? matchReasonText(decision) : null
  }
  await tx.saveSourceRecord(record, paperId, contentHash, matchReason, file)
  // The paper left goes first: it lets go of the ids (arXiv, DOI) the record takes with it, which a paper
  // claims only while no other paper does.
  if (left && left.paperId !== paperId) {
    if (left.alone) await removePaper(tx, left.paperId, paperId)
    else {
      await tx.clearLoneMatchReason(left.paperId)
      await rebuildPaper(tx, left.paperId)
    }
  }
  const saved = await rebuildPaper(tx, paperId)
  if (existing) return 'updated'
  return saved === 'created' ? 'new' : 'merged'
}

/** The paper the matcher takes a record for among the library's candidates (not `leaving`, the one it leaves), or null. */
async function matchInLibrary(tx: PaperWriter, record: SourceRecord, leaving: string | null): Promise<MatchDecision | null> {
  const candidates = (
    await tx.findPaperCandidates({
      ids: record.ids,
      titleKeys: record.title ? titleKeys(record.title) : [],
      titleText: record.title,
      abstractText: record.title ? null : record.abstract,
    })
  ).filter((c) => c.paperId !== leaving)
  return matchRecord(record, candidates)
}

/** Why a record joined a paper, as its stored record says it (`title: same title, authors overlap`). */
export function matchReasonText(decision: MatchDecision): string {
  return `${decision.reason}: ${decision.detail}`
}

/**
 * Places a record as an import places one the library does not hold: it joins the paper the matcher takes it for,
 * or makes a paper of its own (its id from its source and key). `rematch` replays a library this way into a new one;
 * importRecord's checks for an entry the library holds already (edited, read from another path or under another
 * key) are for reading a source again, not for deciding identity.
 */
export async function placeNewRecord(tx: PaperWriter, record: SourceRecord): Promise<{ paperId: string; decision: MatchDecision | null }> {
  const contentHash = recordContentHash(record)
  const decision = await matchInLibrary(tx, record, null)
  const paperId = decision?.paperId ?? (await freePaperId(tx, record, contentHash, false))
  await tx.saveSourceRecord(record, paperId, contentHash, decision ? matchReasonText(decision) : null)
  await rebuildPaper(tx, paperId)
  return { paperId, decision }
}

/**
 * The id of the paper a record makes: from its source and key, or, for a record that moved (`moved`) when a
 * paper still has that id (the one it left, or the one it made first and left earlier), from its key and content.
 */
async function freePaperId(tx: PaperWriter, record: SourceRecord, contentHash: string, moved: boolean): Promise<string> {
  const ids = paperIdsOf(record, contentHash)
  if (!moved || (await tx.listSourceRecords(ids.own)).length === 0) return ids.own
  return ids.moved
}

/** The two ids a record's paper can have: its own (source and key), and the one of a record that moved (key and content). */
export function paperIdsOf(record: Pick<SourceRecord, 'source' | 'key'>, contentHash: string): { own: string; moved: string } {
  return { own: paperIdFor(record.source, record.key), moved: paperIdFor(record.source, `${record.key}\u0000${contentHash}`) }
}

/** Which of a paper's record ids it shows, as the paper with the best claim to each one decides (see {@link idClaims}). */
export interface IdClaims {
  /** Ids ({@link idKey}) another paper has better grounds for (see holdsIdBetter): not shown. */
  heldElsewhere: Set<string>
  /** Ids another paper holds on worse grounds (see holdsIdBetter): this paper takes them from it. */
  taken: Array<{ kind: ExternalIdKind; value: string; from: string }>
  /** Ids ({@link idKey}) no paper holds (the one that did let go of them): this paper takes them when it is saved. */
  free: string[]
  /** Ids another paper has better grounds for but does not hold (none does, or one on worse grounds): it is to take them. */
  handOver: Array<{ kind: ExternalIdKind; value: string; to: string }>
}

/**
 * For each id of the records of `paperId`, the paper whose it is to show: of the papers whose records give it (this
 * one among them), the one whose records hold it on the best grounds (see holdsIdBetter; `recordsOf` gives each
 * paper's records), whichever holds it now.
 */
export async function idClaims(
  reader: PaperReader,
  paperId: string,
  records: readonly MergeInput[],
  recordsOf: (paperId: string) => Promise<readonly MergeInput[]>,
): Promise<IdClaims> {
  const claims: IdClaims = { heldElsewhere: new Set(), taken: [], free: [], handOver: [] }
  const seen = new Set<string>()
  for (const [kind, value] of records.flatMap((r) => Object.entries(r.ids) as Array<[ExternalIdKind, string]>)) {
    if (seen.has(idKey(kind, value))) continue
    seen.add(idKey(kind, value))
    const holder = await reader.findPaperIdByExternalId(kind, value)
    const rivals = new Set(await reader.listPapersGivingId(kind, value))
    if (holder !== null) rivals.add(holder)
    rivals.delete(paperId)
    const holders: IdHolder[] = [{ paperId, records }]
    for (const rival of rivals) holders.push({ paperId: rival, records: await recordsOf(rival) })
    const best = bestClaim(kind, value, holders) as IdHolder
    if (best.paperId !== paperId) {
      claims.heldElsewhere.add(idKey(kind, value))
      if (best.paperId !== holder) claims.handOver.push({ kind, value, to: best.paperId })
    } else if (holder === null) claims.free.push(idKey(kind, value))
    else if (holder !== paperId) claims.taken.push({ kind, value, from: holder })
  }
  return claims
}

/**
 * Builds a paper again from its source records and stores it. It shows no id another paper has better grounds for
 * (its records keep them); an id another paper holds on worse grounds (see {@link idClaims}) it takes, and that paper
 * is built again without it. An id it held that none of its records gives any more (the record left, or was edited)
 * goes, in the same transaction, to the paper with the best claim among those whose records give it.
 */
export async function rebuildPaper(tx: PaperWriter, paperId: string): Promise<'created' | 'updated'> {
  return rebuild(tx, paperId, new Map())
}

/** The records of each paper, read once while no record moves (see {@link rebuild}). */
type ListedRecords = Map<string, readonly MergeInput[]>

async function recordsIn(tx: PaperWriter, listed: ListedRecords, paperId: string): Promise<readonly MergeInput[]> {
  const known = listed.get(paperId)
  if (known) return known
  const records = await tx.listSourceRecords(paperId)
  listed.set(paperId, records)
  return records
}

/**
 * {@link rebuildPaper} with the records of each paper read once (`listed`): a rebuild moves no record, so the records
 * `idClaims` read of a paper it takes an id from are those that paper is built again from.
 */
async function rebuild(tx: PaperWriter, paperId: string, listed: ListedRecords): Promise<'created' | 'updated'> {
  const recordsOf = (id: string) => recordsIn(tx, listed, id)
  const records = await recordsOf(paperId)
  const heldBefore = await tx.listExternalIdsOf(paperId)
  const { heldElsewhere, taken, handOver } = await idClaims(tx, paperId, records, recordsOf)
  const merged = mergeRecords(records, { heldElsewhere })
  const authors = await resolveAuthors(tx, merged.authors, await tx.listPaperAuthorIds(paperId))
  const saved = await tx.savePaper({
    ...merged,
    id: paperId,
    authors,
    titleKeys: merged.titleDerived ? [] : titleKeys(merged.title),
  })
  for (const { kind, value } of taken) await tx.claimExternalId(kind, value, paperId)
  // A paper left without records (one an import or rematch is about to remove) is not built again.
  for (const from of new Set(taken.map((t) => t.from))) if ((await recordsOf(from)).length > 0) await rebuild(tx, from, listed)
  for (const to of new Set(handOver.map((h) => h.to))) await rebuild(tx, to, listed)
  const gives = new Set(records.flatMap((r) => Object.entries(r.ids).flatMap(([kind, value]) => (value ? [idKey(kind, value)] : []))))
  for (const { kind, value } of heldBefore) if (!gives.has(idKey(kind, value))) await handOn(tx, kind, value, listed)
  return saved
}

/** Of papers whose records give an id, the one with the best grounds to show it (holdsIdBetter); null for none. */
function bestClaim(kind: ExternalIdKind, value: string, holders: readonly IdHolder[]): IdHolder | null {
  let best: IdHolder | null = null
  for (const h of holders) if (best === null || holdsIdBetter(kind, value, h, best)) best = h
  return best
}

/**
 * An id no paper holds now (its holder let go of it) goes to the paper with the best claim among those whose records
 * give it, if any: that paper is built again, and takes it.
 */
async function handOn(tx: PaperWriter, kind: ExternalIdKind, value: string, listed: ListedRecords): Promise<void> {
  const holders: IdHolder[] = []
  for (const paperId of await tx.listPapersGivingId(kind, value)) holders.push({ paperId, records: await recordsIn(tx, listed, paperId) })
  const best = bestClaim(kind, value, holders)
  if (best !== null && (await tx.findPaperIdByExternalId(kind, value)) === null) await rebuild(tx, best.paperId, listed)
}

/**
 * Removes a paper left without records (see `deletePaper`; `mergedInto` is where its id leads), and hands each id it
 * held to the paper with the best claim among those whose records give it, in the same transaction.
 */
export async function removePaper(tx: PaperWriter, paperId: string, mergedInto: string | null): Promise<void> {
  const held = await tx.listExternalIdsOf(paperId)
  await tx.deletePaper(paperId, mergedInto)
  const listed: ListedRecords = new Map()
  for (const { kind, value } of held) await handOn(tx, kind, value, listed)
}

/**
 * The paper an edited record may leave, when the record's title or ids changed: its paper, when the record no
 * longer matches what the paper's other records make; or, when it is the paper's only record (`alone`), the
 * paper it makes, which it leaves only for another paper it now matches (that paper is then removed).
 */
async function leavesPaper(tx: PaperWriter, existing: StoredRecordRef, record: SourceRecord): Promise<{ paperId: string; alone: boolean } | null> {
  const stored = await tx.getSourceRecord(existing.id)
  if (stored === null) return null
  // The ids it had, all still there, name the same paper whatever its title now says (an arXiv preprint
  // retitled in v2, a DOI added when it was published).
  const storedIds = Object.entries(stored.ids)
  const keepsIds = storedIds.every(([kind, value]) => (record.ids as Record<string, string | undefined>)[kind] === value)
  if (keepsIds && (storedIds.length > 0 || (stored.title ?? '') === (record.title ?? ''))) return null
  const others = (await tx.listSourceRecords(existing.paperId)).filter((r) => r.id !== existing.id)
  if (others.length === 0) return { paperId: existing.paperId, alone: true }
  return matchRecord(record, [candidateOf(existing.paperId, others)]) ? null : { paperId: existing.paperId, alone: false }
}

/** What storing a profile changed: a person's profile, a candidate's (a search hit no person holds yet), or nothing. */
export type ProfileChange = 'person' | 'candidate' | null

/**
 * Stores a profile record for the person it is about; says whose it is when that is new or changed (null when
 * not). The same profile read
 * from another path is not a change (its new place is noted), nor is a reading that reports nothing where the
 * stored one reported metrics (those are kept, with the date they were read). Of two readings that report, the
 * newer (see {@link readingDate}) is the profile, and the other is kept among its `raw.earlierReadings`, whichever
 * was imported first. A profile that reports nothing and whose ids no person of the library holds is kept as a
 * candidate, no one's (see {@link findProfileOwner}).
 */
export async function importProfile(tx: PaperWriter, incoming: AuthorProfileRecord): Promise<ProfileChange> {
  const stored = await tx.getAuthorProfileRecord(incoming.source, incoming.key)
  // A reading that reports nothing (a search hit names a person: Semantic Scholar's author search gives an id and
  // a name) does not wipe the same profile's reported counts: Turing's h-index 23 and 12,415 citations were lost.
  if (stored !== null && reportsNothing(incoming) && !reportsNothing(stored.profile)) return null
  // An older reading imported after a newer one does not replace it: Jason Priem's OpenAlex profile of 2025-06 (62
  // works, 3,890 citations) replaced that of 2026-03 (60, 4,269) when read second.
  const profile = stored !== null && !reportsNothing(stored.profile) ? newestReading(stored.profile, incoming) : incoming
  // Nor does it make a person: a search hit is a candidate profile, not someone of this library. Each had become a
  // person with no paper, and 20 of them ('Turing Award', 'The Alan Turing Institute') were listed as perhaps Alan
  // Turing. It becomes someone's when papers or a reporting profile give that person its id.
  const authorId = reportsNothing(profile)
    ? (stored?.authorId ?? (await findProfileOwner(tx, profile)))
    : await resolveProfileOwner(tx, profile)
  const contentHash = recordContentHash(profile)
  const outcome = await tx.saveAuthorProfile(profile, authorId, contentHash)
  const readElsewhere =
    stored !== null &&
    stored.authorId === authorId &&
    recordContentHash({ ...stored.profile, locator: profile.locator }) === contentHash
  if (outcome === 'unchanged' || readElsewhere) return null
  return authorId === null ? 'candidate' : 'person'
}

/** What an earlier reading of a profile reported, kept beside the newest (`raw.earlierReadings`). */
interface EarlierReading {
  fetchedAt: string
  updatedDate?: string
  locator: string
  field: string | null
  metrics: AuthorProfileRecord['metrics']
}

/**
 * When a profile's counts are as of: the source's own date of them where it gives one (OpenAlex's `updated_date`,
 * `raw.updatedDate`), else when it was read. Two recorded answers read on one day are told apart by the first.
 */
export function readingDate(reading: Pick<AuthorProfileRecord, 'fetchedAt' | 'raw'> | EarlierReading): string {
  const updated = 'raw' in reading ? reading.raw['updatedDate'] : reading.updatedDate
  return typeof updated === 'string' && updated !== '' ? updated : reading.fetchedAt
}

function summaryOf(p: AuthorProfileRecord): EarlierReading {
  const updated = p.raw['updatedDate']
  return {
    fetchedAt: p.fetchedAt,
    ...(typeof updated === 'string' ? { updatedDate: updated } : {}),
    locator: p.locator,
    field: p.field,
    metrics: p.metrics,
  }
}

/** Newest first: by {@link readingDate}, then by when read, then by content, so that any order of import agrees. */
function newerFirst(a: EarlierReading, b: EarlierReading): number {
  const [da, db] = [readingDate(a), readingDate(b)]
  if (da !== db) return da < db ? 1 : -1
  if (a.fetchedAt !== b.fetchedAt) return a.fetchedAt < b.fetchedAt ? 1 : -1
  const [ja, jb] = [stableStringify(a), stableStringify(b)]
  return ja === jb ? 0 : ja < jb ? 1 : -1
}

/** What a reading reports: two readings that report the same are one reading, read again. */
function reported(r: EarlierReading): string {
  return stableStringify({ field: r.field, metrics: r.metrics })
}

/**
 * Of two readings of one profile, the newer, with each earlier reading that reported something else kept
 * (`raw.earlierReadings`, newest first); the same whichever is `stored`. A reading that reports what a newer one
 * does adds nothing (a sync read again, the same file from another folder).
 */
export function newestReading(stored: AuthorProfileRecord, incoming: AuthorProfileRecord): AuthorProfileRecord {
  const earlierOf = (p: AuthorProfileRecord): EarlierReading[] =>
    Array.isArray(p.raw['earlierReadings']) ? (p.raw['earlierReadings'] as EarlierReading[]) : []
  const [s, i] = [summaryOf(stored), summaryOf(incoming)]
  // The same values read again: `incoming` stands, with its place and its date (a page capture dated by the import
  // before, by the capture now), whichever is newer; nothing shown changes.
  const current = reported(s) !== reported(i) && newerFirst(s, i) < 0 ? stored : incoming
  const kept = new Set([reported(summaryOf(current))])
  const earlier: EarlierReading[] = []
  for (const r of [s, i, ...earlierOf(stored), ...earlierOf(incoming)].sort(newerFirst)) {
    if (kept.has(reported(r))) continue
    kept.add(reported(r))
    earlier.push(r)
  }
  const { earlierReadings: _, ...raw } = current.raw
  return { ...current, raw: earlier.length > 0 ? { ...raw, earlierReadings: earlier } : raw }
}

/** True when a profile reports no metric and no field: it only says who the person is. */
function reportsNothing(profile: AuthorProfileRecord): boolean {
  return profile.field === null && Object.values(profile.metrics).every((v) => v === undefined)
}

/**
 * The stored record of this entry under the key an earlier version gave it, now moved to the new key: BibTeX
 * keys held the path as given (`refs.bib#label`) before they held the file itself. Taken when it was read
 * from this file, or from a file not noted (stored before files were); it may have changed since (an
 * edited entry is then updated, not doubled).
 */
async function underOlderKey(tx: PaperWriter, record: SourceRecord, file: string | null): Promise<StoredRecordRef | null> {
  if (file === null) return null
  const label = fileEntryLabel(record.key)
  const olderKey = fileEntryKey(locatorInput(record.locator), label)
  if (!record.key.includes('#') || olderKey === record.key) return null
  const older = await tx.findSourceRecord(record.source, olderKey)
  if (!older || (older.readFrom !== null && older.readFrom !== file)) return null
  await tx.renameSourceRecordKey(older.id, record.key)
  return older
}

/** True when the stored record differs from `record` only in where it was read (locator and line). */
async function readElsewhereOnly(tx: PaperWriter, storedId: number, record: SourceRecord, contentHash: string): Promise<boolean> {
  const stored = await tx.getSourceRecord(storedId)
  return stored !== null && sameEntryElsewhere(stored, record, contentHash)
}

/** The file name a locator points into (`data/refs.bib:12` → `refs.bib`). */
function fileName(locator: string): string {
  return locatorInput(locator).split(/[\\/]/).pop() ?? ''
}

/** True when `stored` is `record` but for its key and where it was read. */
function sameEntryElsewhere(stored: SourceRecord & { id?: number }, record: SourceRecord, contentHash: string): boolean {
  const { id: _id, ...content } = stored
  return recordContentHash({ ...content, key: record.key, locator: record.locator, line: record.line }) === contentHash
}

/**
 * Imports records in batches, each batch in one transaction, then the author profiles.
 * Throws PaperscopeError('STORE_FAILED') when a batch cannot be written; earlier batches stay whole.
 */
export async function importRecords(
  store: PaperStore,
  records: readonly SourceRecord[],
  profiles: readonly AuthorProfileRecord[] = [],
  { batchSize = DEFAULT_BATCH_SIZE, onBatch, file = null }: ImportRecordsOptions = {},
): Promise<ImportCounts & { profiles: number; candidateProfiles: number }> {
  const counts = emptyImportCounts()
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize)
    const batchCounts = await runBatch(store, batch, start, file)
    for (const key of ['new', 'merged', 'updated', 'unchanged'] as const) counts[key] += batchCounts[key]
    onBatch?.(Math.min(start + batchSize, records.length), records.length)
  }
  const changes = { profiles: 0, candidateProfiles: 0 }
  if (profiles.length > 0) {
    await store.transaction(async (tx) => {
      for (const profile of profiles) {
        const change = await importProfile(tx, profile)
        if (change !== null) changes.profiles++
        if (change === 'candidate') changes.candidateProfiles++
      }
      await tx.pruneOrphanAuthors()
    })
  }
  counts.read = records.length
  return { ...counts, ...changes }
}

/** What a list file read again no longer has (see {@link removeRecordsGoneFromFile}). */
export interface GoneRecords {
  /** Records the file listed that it no longer has, and no other file that still exists lists. */
  gone: number
  /** Of `gone`, those whose paper has no other record: they take their paper out of the library. */
  leaving: number
  /** Records the file no longer has that another existing file still lists: they stay, that file's only. */
  unlinked: number
  /** Those other files. */
  listedElsewhere: string[]
  /** The papers that left (none in a dry run). */
  papersLeft: Array<{ id: string; title: string }>
}

/**
 * The records of `source` that `file` (an absolute path) listed when it was last read and no longer holds: a
 * whole list (an awesome list, a BibTeX library) read again without them. Unless `dryRun`, they are removed in
 * one transaction, and each paper they were part of is built again from its other records, or removed with them
 * when it has none (a link to it then finds nothing: the paper left the library); each such paper's cite key is
 * held first (see `holdCiteKey`). A record another file that still exists lists too (a second copy of the list)
 * only stops being this file's. Records of another source, or of API feeds (no file), stay.
 */
export async function removeRecordsGoneFromFile(
  store: PaperStore,
  source: string,
  file: string,
  keys: ReadonlySet<string>,
  { dryRun = false, arrived = [] }: { dryRun?: boolean; arrived?: readonly SourceRecord[] } = {},
): Promise<GoneRecords> {
  const find = async (reader: PaperReader) => {
    const stored = await reader.listFileRecords(source, file)
    const missing = stored.filter((r) => !keys.has(r.key))
    // A record another file that still exists lists too (a second copy of the list) only loses this file.
    const links = await reader.listRecordFileLinks(missing.map((r) => r.id))
    const otherFiles = new Map(missing.map((r) => [r.id, (links.get(r.id) ?? []).filter((f) => f !== file && existsSync(f))]))
    const gone = missing.filter((r) => otherFiles.get(r.id)!.length === 0)
    const unlinked = missing.filter((r) => otherFiles.get(r.id)!.length > 0)
    const listedElsewhere = [...new Set(unlinked.flatMap((r) => otherFiles.get(r.id)!))].sort()
    const goneIds = new Set(gone.map((r) => r.id))
    // The papers the gone records are part of, as stored now (with every record).
    const papers: PaperWithSources[] = []
    const leavingPapers = new Set<string>()
    // A paper whose entry came back under another key with the same authors and text (a retitled entry the
    // matcher no longer takes for it) is followed there: its id leads to the new paper.
    const successors = new Map<string, string>()
    for (const paperId of new Set(gone.map((r) => r.paperId))) {
      const paper = await reader.getPaper(paperId)
      if (paper) papers.push(paper)
      if (paper && !paper.sources.every((r) => goneIds.has(r.id))) continue
      const next = successorKey(paper?.sources ?? [], arrived)
      if (next !== null) successors.set(paperId, next)
      else leavingPapers.add(paperId)
    }
    return { gone, unlinked, listedElsewhere, papers, leavingPapers, successors }
  }
  const seen = await find(store)
  const summary = (f: typeof seen): GoneRecords => ({
    gone: f.gone.length,
    leaving: f.gone.filter((r) => f.leavingPapers.has(r.paperId)).length,
    unlinked: f.unlinked.length,
    listedElsewhere: f.listedElsewhere,
    papersLeft: [],
  })
  if (dryRun || seen.gone.length + seen.unlinked.length === 0) return summary(seen)
  return store.transaction(async (tx) => {
    // Read again inside the transaction: what is gone is decided on what is stored when it is written.
    const now = await find(tx)
    const papers = now.papers
    // Each touched paper's cite key is held, taken while every record is there: else a paper that leaves frees
    // its key for the next paper of its stem (`du2023gradienta` becoming `du2023gradient`, and old \cite{}s
    // naming it), and one that stays but loses the .bib entry that gave its key takes a generated one.
    const citeKeys = new Map((await toBibtexPapers(tx, papers)).map((p) => [p.id, p.citeKey]))
    const papersLeft: Array<{ id: string; title: string }> = []
    for (const record of now.unlinked) await tx.unlinkRecordFile(record.id, file)
    for (const record of now.gone) await tx.deleteSourceRecord(record.id)
    for (const paper of papers) {
      if ((await tx.listSourceRecords(paper.id)).length === 0) {
        const next = now.successors.get(paper.id)
        const successor = next === undefined ? null : ((await tx.findSourceRecord(source, next))?.paperId ?? null)
        if (successor === null) papersLeft.push({ id: paper.id, title: paper.title })
        await removePaper(tx, paper.id, successor !== paper.id ? successor : null)
      } else {
        await tx.clearLoneMatchReason(paper.id)
        await rebuildPaper(tx, paper.id)
      }
      const key = citeKeys.get(paper.id)
      if (key) await tx.holdCiteKey(paper.id, key)
    }
    await tx.pruneOrphanAuthors()
    return { ...summary(now), papersLeft }
  })
}

/**
 * The key of the one record new to the file that is a gone paper's entry under another key: the same source,
 * authors and text (digest and abstract), at least one of them given. Null when none or several are.
 */
function successorKey(goneSources: readonly SourceRecord[], arrived: readonly SourceRecord[]): string | null {
  const text = (r: SourceRecord) => JSON.stringify([r.authors, r.digest?.text ?? null, r.abstract])
  const found = new Set<string>()
  for (const s of goneSources) {
    if (s.authors.length === 0 || (s.digest === null && s.abstract === null)) continue
    for (const a of arrived) if (a.source === s.source && text(a) === text(s)) found.add(a.key)
  }
  return found.size === 1 ? [...found][0]! : null
}

async function runBatch(
  store: PaperStore,
  batch: readonly SourceRecord[],
  offset: number,
  file: string | null,
): Promise<Record<RecordOutcome, number>> {
  const tally: Record<RecordOutcome, number> = { new: 0, merged: 0, updated: 0, unchanged: 0 }
  try {
    await store.transaction(async (tx) => {
      for (const record of batch) tally[await importRecord(tx, record, file)]++
      await tx.pruneOrphanAuthors()
    })
  } catch (err) {
    const first = batch[0]
    throw new PaperscopeError(
      'STORE_FAILED',
      `import stopped in the batch of records ${offset + 1}–${offset + batch.length} (from ${first?.locator ?? '?'}); ` +
        `that batch was rolled back, earlier ones are kept: ${(err as Error).message}`,
      { cause: err },
    )
  }
  return tally
}

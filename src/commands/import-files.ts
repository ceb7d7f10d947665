/**
 * @module `paperscope import`: files and folders in, one merged library out. Each file is parsed by its
 * detected (or given) format; what cannot be read is reported with file, line and reason, the rest is
 * imported. A given format that is clearly not a file's rejects that file, and a path that cannot be read
 * is one rejected input. A corpus folder may carry a `manifest.json` saying each file's format and capture date.
 *
 * What a folder import leaves out: the manifest, dotfiles, SQLite files (a Paperscope library kept beside its data:
 * `paperscope.db` and its `-wal`/`-shm`), and documentation (`README.md`, `SOURCES.md`) unless the manifest lists
 * it or, without a manifest, a format recognises it (a downloaded awesome list is a README.md).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import {
  PaperscopeError,
  PartialDateSchema,
  emptyImportCounts,
  fileProblem,
  isFileSystemError,
  pluralize,
  type ImportIssue,
  type ImportReport,
  type ParseResult,
  type PartialDate,
  type SourceRecord,
} from '../core/index.js'
import type { FileFormat } from '../ingest/index.js'
import { isSqliteDatabase, type PaperStore } from '../store/index.js'
import { importRecords, removeRecordsGoneFromFile } from './import-records.js'

/** Per-file facts a capture does not contain: its format and when it was captured. */
export const ManifestSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      format: z.string().optional(),
      captureDate: PartialDateSchema.optional(),
      note: z.string().optional(),
    }),
  ),
})
export type Manifest = z.infer<typeof ManifestSchema>

export const MANIFEST_FILE = 'manifest.json'
/** Files a folder import always skips: the manifest itself and Finder's folder settings. */
const SKIPPED_FILES = new Set([MANIFEST_FILE, '.DS_Store'])
/**
 * A folder's documentation (`README.md`, `SOURCES.md`): read only when the folder's manifest lists it or, in a
 * folder without one, when a format recognises it (an awesome list's README.md). Else it is skipped without a
 * word: it documents the folder (as data/corpus/README.md does), and is no input that failed.
 */
const DOCUMENTATION_FILE = /^(?:readme|sources)(?:\.(?:md|markdown|txt))?$/i
/**
 * SQLite databases and their journals (`paperscope.db`, `-wal`, `-shm`) by name; a database under another name
 * is known by its header ({@link isSqliteDatabase}). A library kept beside the files it was imported from is in
 * the folder on every import and is never an input, so a folder import skips it silently, as it skips dotfiles:
 * a warning on every run would tell the person nothing they could act on but to move their library.
 */
const SQLITE_FILE = /\.(?:db|db3|sqlite3?)(?:-(?:wal|shm|journal))?$/i

export interface ImportFilesOptions {
  /** The formats to choose from; every format Paperscope knows by default. */
  formats?: readonly FileFormat[]
  detect?: (text: string, fileName: string) => { format: FileFormat; confidence: number } | null
  /** Force one format for every file (`--format`). */
  format?: string
  /** Capture date for dates without a year (`--capture-date`); overrides the manifest. */
  captureDate?: PartialDate
  now?: () => Date
  cwd?: string
  onFile?: (file: string, index: number, total: number) => void
  onBatch?: (done: number, total: number) => void
  /**
   * Remove the entries a list file no longer has even when the removal is held back (some entry unreadable, the
   * file empty, or many gone at once): `--prune`.
   */
  prune?: boolean
}

interface InputFile {
  path: string
  manifestEntry: Manifest['files'][number] | undefined
  /** Found in a folder, not named by the person: a file that is no input at all (a library) is left out quietly. */
  inFolder: boolean
  /** Documentation read on the chance that it is a list (no manifest says): imported only when recognised. */
  onlyIfRecognised: boolean
}

async function listInputs(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: InputFile[]; issues: ImportIssue[] }> {
  const files: InputFile[] = []
  const issues: ImportIssue[] = []
  const unreadable = (source: string, err: unknown): void => {
    issues.push({ severity: 'rejected', source, code: 'SOURCE_UNAVAILABLE', message: cannotRead(source, err) })
  }
  for (const given of paths) {
    // Relative paths are the person's, so they read from the import's working directory, as they are shown.
    const path = resolve(cwd, given)
    let info
    try {
      info = await stat(path)
    } catch (err) {
      unreadable(given, err)
      continue
    }
    if (!info.isDirectory()) {
      // A file keeps the facts its folder's manifest gives about it (format, capture date).
      const manifest = await readManifest(dirname(path), issues)
      const manifestEntry = manifest?.files.find((f) => f.file === basename(path))
      files.push({ path, manifestEntry, inFolder: false, onlyIfRecognised: false })
      continue
    }
    const manifest = await readManifest(path, issues)
    let names: string[]
    try {
      const skipped = (n: string): boolean => SKIPPED_FILES.has(n) || n.startsWith('.') || SQLITE_FILE.test(n)
      names = (await readdir(path)).filter((n) => !skipped(n)).sort()
    } catch (err) {
      unreadable(given, err)
      continue
    }
    for (const name of names) {
      const full = join(path, name)
      // A link to nothing, or a file removed while the folder is read, is one rejected input, not a crash.
      let entry
      try {
        entry = await stat(full)
      } catch (err) {
        unreadable(relative(cwd, full) || full, err)
        continue
      }
      if (!entry.isFile()) continue
      const manifestEntry = manifest?.files.find((f) => f.file === name)
      const documentation = DOCUMENTATION_FILE.test(name)
      // A manifest says what the folder's inputs are: documentation it does not list is the folder's own.
      if (documentation && manifest && !manifestEntry) continue
      files.push({ path: full, manifestEntry, inFolder: true, onlyIfRecognised: documentation && !manifest })
    }
  }
  return { files, issues }
}

/**
 * The paths that cannot be read at all, each with why (`cannot read refs.bib: no such file`). `paperscope import`
 * checks them before it opens the library: when none can be read there is nothing to import, and it says so
 * instead of making an empty library.
 * @example await unreadablePaths(['refs.bib'], process.cwd()) // ['cannot read refs.bib: no such file']
 */
export async function unreadablePaths(paths: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    try {
      await stat(resolve(cwd, path))
    } catch (err) {
      out.push(cannotRead(path, err))
    }
  }
  return out
}

/**
 * Why a path cannot be read, in words: `cannot read refs.bib: no such file`.
 * @example cannotRead('refs.bib', err) // 'cannot read refs.bib: no such file'
 */
export function cannotRead(path: string, err: unknown): string {
  const why = isFileSystemError(err) ? fileProblem(err, 'read') : ((err as Error | undefined)?.message ?? String(err))
  return `cannot read ${path}: ${why}`
}

async function readManifest(dir: string, issues: ImportIssue[]): Promise<Manifest | null> {
  const path = join(dir, MANIFEST_FILE)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null
  }
  try {
    return ManifestSchema.parse(JSON.parse(text))
  } catch (err) {
    issues.push({ severity: 'warning', source: path, code: 'PARSE_FAILED', message: `manifest ignored: ${(err as Error).message.slice(0, 300)}` })
    return null
  }
}

/**
 * Imports files and folders into the store.
 * @example await importFiles(store, ['data/corpus'], { formats: FILE_FORMATS, detect: detectFileFormat })
 */
export async function importFiles(
  store: PaperStore,
  paths: readonly string[],
  options: ImportFilesOptions,
): Promise<ImportReport> {
  const now = options.now ?? (() => new Date())
  // The parsers load with the first import, not with every command (search, show, classify never parse files).
  const ingest = await import('../ingest/index.js')
  const formats = options.formats ?? ingest.FILE_FORMATS
  const detect = options.detect ?? ingest.detectFileFormat
  const cwd = options.cwd ?? process.cwd()
  const { files, issues } = await listInputs(paths, cwd)
  const report: ImportReport = { ...emptyImportCounts(), removed: 0, removedOfStayingPapers: 0, papersRemoved: [], inputs: [], issues, profiles: 0, candidateProfiles: 0 }
  const lists = new Map<string, ListFileRead>()
  report.rejected = issues.filter((i) => i.severity === 'rejected').length
  const reject = (issue: Omit<ImportIssue, 'severity'>, format: string): void => {
    report.issues.push({ severity: 'rejected', ...issue })
    report.rejected++
    report.inputs.push({ input: issue.source, format, ...emptyImportCounts(), removed: 0, rejected: 1 })
  }
  // Every format a file could be, so that a forced one is checked against what the file looks like.
  const knownFormats: KnownFormats = {
    formats,
    detect,
    minConfidence: ingest.MIN_DETECT_CONFIDENCE,
    sources: ingest.SOURCES.map((s) => s.name),
    describe: (text) => ingest.describeForeignFile(Buffer.from(text, 'utf8')),
  }
  for (const [index, file] of files.entries()) {
    options.onFile?.(file.path, index, files.length)
    const shown = shownPath(cwd, file.path)
    let bytes: Buffer
    try {
      bytes = await readFile(file.path)
    } catch (err) {
      reject({ source: shown, code: 'SOURCE_UNAVAILABLE', message: cannotRead(shown, err) }, 'unknown')
      continue
    }
    if (isSqliteDatabase(bytes)) {
      if (file.inFolder) continue
      const message = 'a SQLite database (a Paperscope library?), not a file to import; a library is opened with --db'
      reject({ source: shown, code: 'UNKNOWN_FORMAT', message }, 'unknown')
      continue
    }
    // A binary file (an image, an archive, a PDF) is text for no format, --format or not: say what it is.
    const binary = ingest.describeBinaryContent(bytes)
    if (binary !== null) {
      const message = `the file is binary (${binary}), not text; nothing imported from it (import reads text files: page captures and BibTeX)`
      reject({ source: shown, code: 'BINARY_CONTENT', message }, options.format ?? file.manifestEntry?.format ?? 'unknown')
      continue
    }
    const text = bytes.toString('utf8')
    const choice = chooseFormat(text, shown, file, options.format, knownFormats)
    // Documentation is read only as what it recognisably is, --format or not: a README that is no list stays out.
    if (file.onlyIfRecognised && !isRecognised(choice, text, file.path, knownFormats)) continue
    if ('mismatch' in choice) {
      reject({ source: shown, code: 'FORMAT_MISMATCH', message: choice.mismatch }, choice.wanted)
      continue
    }
    const { format } = choice
    if (!format) {
      // JSON and XML (an API answer) no format reads: --format could only fail or import junk.
      const foreign = ingest.describeForeignFile(bytes)
      const message = foreign
        ? `the file is ${foreign.what}; ${foreign.advice}`
        : `no importer recognises this file; pass --format (one of ${formats.map((f) => f.name).join(', ')})`
      reject({ source: shown, code: 'UNKNOWN_FORMAT', message }, 'unknown')
      continue
    }
    const captureDate = options.captureDate ?? file.manifestEntry?.captureDate
    // The file itself, whatever way it was named (another folder, a link).
    const real = await realpath(file.path).catch(() => file.path)
    const ctx = { input: shown, file: real, fetchedAt: now().toISOString(), ...(captureDate ? { captureDate } : {}) }
    const parsed = format.parseBytes ? format.parseBytes(bytes, ctx) : format.parse(text, ctx)
    const rejected = parsed.issues.filter((i) => i.severity === 'rejected').length
    // A file read as some format that gave nothing, with no word from the parser, would be a silent 0 in the report.
    if (parsed.entriesSeen === 0 && parsed.profiles.length === 0 && !parsed.issues.some(isAboutWholeFile)) {
      const how = options.format ? ' (as --format asked)' : file.manifestEntry?.format ? ` (as ${MANIFEST_FILE} says)` : ''
      const message = `read as ${format.name}${how}, but no entries were found in it; nothing imported from it (${format.name} reads: ${format.description})`
      parsed.issues.push({ severity: 'warning', source: shown, code: 'PARSE_FAILED', message })
    }
    // What the file held before this run: the base a removal is weighed against, and what is new in it.
    const keysBefore = new Set(format.wholeList ? (await store.listFileRecords(format.name, real)).map((r) => r.key) : [])
    const counts = await importRecords(store, parsed.records, parsed.profiles, {
      file: real,
      ...(options.onBatch ? { onBatch: options.onBatch } : {}),
    })
    report.issues.push(...parsed.issues)
    const input = { input: shown, format: format.name, ...counts, read: parsed.entriesSeen, rejected, removed: 0 }
    report.inputs.push(input)
    if (format.wholeList) {
      const arrived = parsed.records.filter((r) => !keysBefore.has(r.key))
      lists.set(real, { source: format.name, file: real, input, parsed, heldBefore: lists.get(real)?.heldBefore ?? keysBefore.size, arrived })
    }
    report.read += parsed.entriesSeen
    report.rejected += rejected
    report.profiles += counts.profiles
    report.candidateProfiles += counts.candidateProfiles
    for (const key of ['new', 'merged', 'updated', 'unchanged'] as const) report[key] += counts[key]
  }
  // After every input: an entry moved from one list file to another read later in the same run joins its paper
  // there first, so the paper keeps its id.
  for (const list of lists.values()) {
    const removal = await removeGoneEntries(store, list, report.issues, options.prune ?? false, cwd)
    list.input.removed = removal.removed
    report.removed += removal.removed
    report.removedOfStayingPapers += removal.removed - removal.leaving
    report.papersRemoved.push(...removal.papersLeft.map((p) => ({ ...p, input: list.input.input })))
  }
  return report
}

/** True when the format chosen for a file is one whose own `detect` is sure the file is one of its files. */
function isRecognised(
  choice: ReturnType<typeof chooseFormat>,
  text: string,
  path: string,
  known: KnownFormats,
): boolean {
  if (!('format' in choice) || choice.format === null) return false
  return choice.format.detect(text, basename(path)) >= known.minConfidence
}

/**
 * An issue about the file as a whole (it has no line): `no BibTeX entries found`, `does not look like …`. One
 * already says why nothing was read, so the import adds no second one.
 */
function isAboutWholeFile(issue: ImportIssue): boolean {
  return issue.line === undefined
}

/** The list's contribution template is no entry that went missing; anything else rejected may be one. */
const NO_MISSING_ENTRY: ReadonlySet<ImportIssue['code']> = new Set(['TEMPLATE_ENTRY'])

/**
 * Gone entries that would take their papers out of the library, beyond this many and beyond this share of the
 * entries the file held, are held back unless `--prune`: a file cut short (a failed download, an editor's crash)
 * reads as a list that lost its tail.
 */
export const QUIET_REMOVAL = { entries: 5, share: 0.1 }

interface ListFileRead {
  source: string
  file: string
  input: ImportReport['inputs'][number]
  parsed: ParseResult
  /** Records the file had before this run. */
  heldBefore: number
  /** Its records whose keys it did not have before this run. */
  arrived: SourceRecord[]
}

/**
 * Removes what a whole list (an awesome list, a BibTeX file) held when it was last read and no longer holds, and
 * says what went. Held back, with a warning saying how many and why, unless `prune`: when some entry could not be
 * taken (it may be one of those missing), when the file has no entries (more often a mistake than an emptied
 * list), or when more entries than {@link QUIET_REMOVAL} allows would take their papers out of the library (a file
 * cut short). Entries whose papers stay (moved to another file, re-keyed) are no such sign and always go.
 */
async function removeGoneEntries(
  store: PaperStore,
  { source, file, input, parsed, heldBefore, arrived }: ListFileRead,
  issues: ImportIssue[],
  prune: boolean,
  cwd: string,
): Promise<{ removed: number; leaving: number; papersLeft: Array<{ id: string; title: string }> }> {
  const keys = new Set(parsed.records.map((r) => r.key))
  const unread = parsed.issues.filter((i) => i.severity === 'rejected' && !NO_MISSING_ENTRY.has(i.code))
  const seen = await removeRecordsGoneFromFile(store, source, file, keys, { dryRun: true, arrived })
  if (seen.gone === 0 && seen.unlinked === 0) return { removed: 0, leaving: 0, papersLeft: [] }
  const allowed = Math.max(QUIET_REMOVAL.entries, Math.ceil(QUIET_REMOVAL.share * heldBefore))
  const lines = unread.slice(0, 3).map((i) => (i.line ? `line ${i.line}` : i.code))
  const why =
    unread.length > 0
      ? `${pluralize(unread.length, 'entry', 'entries')} of it could not be taken (${lines.join(', ')}${unread.length > 3 ? ', …' : ''}) and may be among them`
      : keys.size === 0
        ? 'the file has no entries now, which is more often a mistake than an emptied list'
        : seen.leaving > allowed
          ? `${seen.leaving} of them would take their papers out of the library, more than a tenth of the ${heldBefore} entries it held (was it cut short?)`
          : null
  const missing = seen.gone + seen.unlinked
  if (why !== null && !prune) {
    // Held back whole, also what another copy lists: a file cut short must not lose its links either.
    const them = missing === 1 ? 'it' : 'them'
    issues.push({
      severity: 'warning',
      source: input.input,
      code: 'GONE_ENTRIES_KEPT',
      message: `${pluralize(missing, 'entry', 'entries')} read from this file before ${missing === 1 ? 'is' : 'are'} no longer in it but kept: ${why}; to remove ${them} anyway, import it again with --prune`,
    })
    return { removed: 0, leaving: 0, papersLeft: [] }
  }
  if (seen.unlinked > 0) {
    const shown = seen.listedElsewhere.slice(0, 2).map((f) => shownPath(cwd, f))
    issues.push({
      severity: 'warning',
      source: input.input,
      code: 'GONE_ENTRIES_KEPT',
      message: `${pluralize(seen.unlinked, 'entry', 'entries')} no longer in this file ${seen.unlinked === 1 ? 'stays' : 'stay'} in the library: another file still lists ${seen.unlinked === 1 ? 'it' : 'them'} (${shown.join(', ')}${seen.listedElsewhere.length > 2 ? ', …' : ''})`,
    })
  }
  const done = await removeRecordsGoneFromFile(store, source, file, keys, { arrived })
  return { removed: done.gone, leaving: done.leaving, papersLeft: done.papersLeft }
}

interface KnownFormats {
  formats: readonly FileFormat[]
  detect: NonNullable<ImportFilesOptions['detect']>
  /** Below this, a format's `detect` is not sure the text is one of its files. */
  minConfidence: number
  /** The API sources `paperscope sync` fetches from, which are no file formats. */
  sources: readonly string[]
  /** What a file no format reads recognisably is (JSON, XML, an API answer), or null. */
  describe: (text: string) => { what: string } | null
}

/**
 * The format to read a file with: the one asked for (`--format`, else the folder's manifest) or the detected
 * one (null when nothing recognises the file). A format asked for that clearly is not the file's (its own
 * `detect` is unsure, and the file is recognisably something else: another format, JSON, XML) is a mismatch,
 * said with what the file looks like: parsing it anyway reads junk (a daily-papers parser finds "papers" in
 * any JSON) or nothing, silently. A format asked for on a file nothing recognises is read as asked: that
 * is what `--format` is for.
 */
function chooseFormat(
  text: string,
  shown: string,
  file: InputFile,
  forced: string | undefined,
  known: KnownFormats,
): { format: FileFormat | null } | { mismatch: string; wanted: string } {
  const { formats } = known
  const wanted = forced ?? file.manifestEntry?.format
  const fileName = basename(file.path) || extname(file.path)
  if (!wanted) return { format: known.detect(text, fileName)?.format ?? null }
  const format = formats.find((f) => f.name === wanted)
  if (!format) {
    const isSource = known.sources.includes(wanted)
    const hint = isSource ? ` (${wanted} is a source \`paperscope sync\` fetches from, not a file format)` : ''
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `unknown format "${wanted}" for ${shown}${hint}; known: ${formats.map((f) => f.name).join(', ')}`,
      { field: 'format' },
    )
  }
  if (format.detect(text, fileName) >= known.minConfidence) return { format }
  const detected = known.detect(text, fileName)
  const other = detected && detected.format.name !== format.name ? detected : null
  const what = other
    ? `detected as ${other.format.name} (confidence ${other.confidence.toFixed(2)})`
    : (known.describe(text)?.what ?? null)
  if (!what) return { format }
  const asked = forced
    ? `--format ${wanted} does not match ${shown}`
    : `${MANIFEST_FILE} says ${wanted} for ${shown}, but it does not match`
  const instead = other
    ? ` (${forced ? 'without --format' : 'without that manifest entry'} it imports as ${other.format.name})`
    : ''
  return { wanted, mismatch: `${asked}: the file is ${what}; nothing imported from it${instead}` }
}

/**
 * How a file is named in records and messages: relative to the folder the command ran in when it is inside
 * it (`data/corpus/abstracts.txt`), else absolute (`/tmp/refs.bib`, not `../../tmp/refs.bib`, which means
 * nothing from another folder).
 */
function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path)
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? path : inside
}

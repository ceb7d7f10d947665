/**
 * @module `paperscope import`: files and folders in, one merged library out. Each file is parsed by its
 * detected (or given) format; what cannot be read is reported with file, line and reason, the rest is
 * imported. A corpus folder may carry a `manifest.json` saying each file's format and capture date.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, relative } from 'node:path'
import { z } from 'zod'
import {
  PaperscopeError,
  PartialDateSchema,
  emptyImportCounts,
  type ImportIssue,
  type ImportReport,
  type PartialDate,
} from '../core/index.js'
import type { FileFormat } from '../ingest/index.js'
import type { PaperStore } from '../store/index.js'
import { importRecords } from './import-records.js'

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
/** Files a folder import skips: documentation and the manifest itself. */
const SKIPPED_FILES = new Set([MANIFEST_FILE, 'README.md', 'SOURCES.md', '.DS_Store'])

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
}

interface InputFile {
  path: string
  manifestEntry: Manifest['files'][number] | undefined
}

async function listInputs(paths: readonly string[]): Promise<{ files: InputFile[]; issues: ImportIssue[] }> {
  const files: InputFile[] = []
  const issues: ImportIssue[] = []
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch (err) {
      issues.push({ severity: 'rejected', source: path, code: 'SOURCE_UNAVAILABLE', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` })
      continue
    }
    if (!info.isDirectory()) {
      // A file keeps the facts its folder's manifest gives about it (format, capture date).
      const manifest = await readManifest(dirname(path), issues)
      files.push({ path, manifestEntry: manifest?.files.find((f) => f.file === basename(path)) })
      continue
    }
    const manifest = await readManifest(path, issues)
    const names = (await readdir(path)).filter((n) => !SKIPPED_FILES.has(n) && !n.startsWith('.')).sort()
    for (const name of names) {
      const full = join(path, name)
      if ((await stat(full)).isFile()) files.push({ path: full, manifestEntry: manifest?.files.find((f) => f.file === name) })
    }
  }
  return { files, issues }
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
  const { files, issues } = await listInputs(paths)
  const report: ImportReport = { ...emptyImportCounts(), inputs: [], issues, profiles: 0 }
  report.rejected = issues.filter((i) => i.severity === 'rejected').length
  for (const [index, file] of files.entries()) {
    options.onFile?.(file.path, index, files.length)
    const shown = relative(cwd, file.path) || file.path
    const bytes = await readFile(file.path)
    const text = bytes.toString('utf8')
    const format = chooseFormat(text, shown, file, options.format, formats, detect)
    if (!format) {
      report.issues.push({
        severity: 'rejected',
        source: shown,
        code: 'UNKNOWN_FORMAT',
        message: `no importer recognises this file; pass --format (one of ${formats.map((f) => f.name).join(', ')})`,
      })
      report.rejected++
      report.inputs.push({ input: shown, format: 'unknown', ...emptyImportCounts(), rejected: 1 })
      continue
    }
    const captureDate = options.captureDate ?? file.manifestEntry?.captureDate
    const ctx = { input: shown, fetchedAt: now().toISOString(), ...(captureDate ? { captureDate } : {}) }
    const parsed = format.parseBytes ? format.parseBytes(bytes, ctx) : format.parse(text, ctx)
    const rejected = parsed.issues.filter((i) => i.severity === 'rejected').length
    const counts = await importRecords(store, parsed.records, parsed.profiles, options.onBatch ? { onBatch: options.onBatch } : {})
    report.inputs.push({ input: shown, format: format.name, ...counts, read: parsed.entriesSeen, rejected })
    report.issues.push(...parsed.issues)
    report.read += parsed.entriesSeen
    report.rejected += rejected
    report.profiles += counts.profiles
    for (const key of ['new', 'merged', 'updated', 'unchanged'] as const) report[key] += counts[key]
  }
  return report
}

function chooseFormat(
  text: string,
  shown: string,
  file: InputFile,
  forced: string | undefined,
  formats: readonly FileFormat[],
  detect: NonNullable<ImportFilesOptions['detect']>,
): FileFormat | null {
  const wanted = forced ?? file.manifestEntry?.format
  if (wanted) {
    const format = formats.find((f) => f.name === wanted)
    if (!format) {
      throw new PaperscopeError(
        'INVALID_ARGUMENT',
        `unknown format "${wanted}" for ${shown}; known: ${formats.map((f) => f.name).join(', ')}`,
        { field: 'format' },
      )
    }
    return format
  }
  return detect(text, basename(file.path) || extname(file.path))?.format ?? null
}

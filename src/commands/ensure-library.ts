/**
 * @module Builds the embedded library from the corpus the first time Paperscope starts, so a fresh clone
 * has something to read, and brings its analysis up to date (a no-op when nothing changed). Later starts
 * find the papers and skip the import.
 */
import type { ImportReport } from '../core/index.js'
import type { PaperStore } from '../store/index.js'
import { analyzeNewPapers, type AnalyzeProgress, type AnalyzeReport } from './analyze-library.js'
import { importFiles, type ImportFilesOptions } from './import-files.js'

export interface EnsureLibraryOptions extends Omit<ImportFilesOptions, 'format' | 'captureDate'> {
  corpusDir: string
  /** Import even when the library already has papers (re-importing unchanged files changes nothing). */
  rebuild?: boolean
  /** Analyse new or changed papers afterwards (default true). */
  analyze?: boolean
  onAnalyze?: (progress: AnalyzeProgress) => void
  /** Switch the paper vectors to this ONNX model folder (or `lsa`); unset keeps the library's. */
  embeddingModel?: string
}

export interface EnsureLibraryResult {
  /** The import, or null when the library had papers and no rebuild was asked. */
  report: ImportReport | null
  /** The analysis run, or null when turned off. */
  analysis: AnalyzeReport | null
}

/** Imports the corpus when the library is empty (or on `rebuild`), then analyses what is new. */
export async function ensureLibrary(
  store: PaperStore,
  options: EnsureLibraryOptions,
): Promise<EnsureLibraryResult> {
  const { corpusDir, rebuild = false, analyze = true, onAnalyze, embeddingModel, ...importOptions } = options
  const { papers } = await store.libraryStats()
  const report = papers > 0 && !rebuild ? null : await importFiles(store, [corpusDir], importOptions)
  const analysis = analyze
    ? await analyzeNewPapers(store, {
        ...(onAnalyze ? { onProgress: onAnalyze } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(embeddingModel !== undefined ? { embeddingModel } : {}),
      })
    : null
  return { report, analysis }
}

/**
 * @module Builds the embedded library from the corpus the first time Paperscope starts, so a fresh clone
 * has something to read. Later starts find the papers and do nothing.
 */
import type { ImportReport } from '../core/index.js'
import type { PaperStore } from '../store/index.js'
import { importFiles, type ImportFilesOptions } from './import-files.js'

export interface EnsureLibraryOptions extends Omit<ImportFilesOptions, 'format' | 'captureDate'> {
  corpusDir: string
  /** Import even when the library already has papers (re-importing unchanged files changes nothing). */
  rebuild?: boolean
}

/** Imports the corpus when the library is empty (or on `rebuild`); returns the report, or null if skipped. */
export async function ensureLibrary(store: PaperStore, options: EnsureLibraryOptions): Promise<ImportReport | null> {
  const { papers } = await store.libraryStats()
  if (papers > 0 && !options.rebuild) return null
  const { corpusDir, rebuild: _rebuild, ...importOptions } = options
  return importFiles(store, [corpusDir], importOptions)
}

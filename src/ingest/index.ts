/** @module Importers: file formats (the corpus pages, BibTeX) and, separately, API connectors. */
import type { FileFormat } from './file-format.js'
import { CORPUS_FORMATS, detectFormat } from './corpus/index.js'

export type { FileFormat, ParseContext } from './file-format.js'
export { CORPUS_FORMATS } from './corpus/index.js'
export { decodeTextInput } from './text-input.js'

/** Every format `paperscope import` understands. */
export const FILE_FORMATS: readonly FileFormat[] = [...CORPUS_FORMATS]

/** The most likely format of a file, or null when none is sure enough. */
export function detectFileFormat(text: string, fileName: string): { format: FileFormat; confidence: number } | null {
  return detectFormat(text, fileName)
}

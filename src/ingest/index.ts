/**
 * @module Importers: file formats (the corpus pages, BibTeX) that `paperscope import` reads, and the API
 * connectors (arXiv, OpenAlex, Semantic Scholar, Hugging Face) that `paperscope sync` runs, with the shared
 * polite HTTP client they fetch through. Nothing here calls the internet by itself.
 */
import type { FileFormat } from './file-format.js'
import { bibtexFormat } from './bibtex/index.js'
import { CORPUS_FORMATS, MIN_DETECT_CONFIDENCE } from './corpus/index.js'

export type { FileFormat, ParseContext } from './file-format.js'
export { CORPUS_FORMATS, MIN_DETECT_CONFIDENCE } from './corpus/index.js'
export { decodeTextInput, describeBinaryContent } from './text-input.js'

// BibTeX: a file format for import, and a pure writer for export.
export { bibtexFormat, formatBibtex, citeKeys, citeKeyStem, sourceEntryParts, parseBibtex, cleanLatexText, type BibtexPaper } from './bibtex/index.js'

// API connectors: the registry, the port they implement, and the HTTP client they share.
export { SOURCES, findSource, sourceRateLimits, describeForeignFile, recognizeApiAnswer, type ForeignFile } from './registry.js'
export type { Source, AnySource, SourceDeps, SourcePage } from './source.js'
export { parsePage } from './source.js'
export {
  createHttpClient,
  formatUserAgent,
  DEFAULT_RATE_LIMITS,
  SILENT_LOGGER,
  type FetchLike,
  type HttpClient,
  type HttpClientOptions,
  type Logger,
  type RateLimit,
} from './http/index.js'

/** Every format `paperscope import` understands: the corpus pages and BibTeX. */
export const FILE_FORMATS: readonly FileFormat[] = [...CORPUS_FORMATS, bibtexFormat]

/**
 * The most likely format of a file (by content; the name only nudges the score, so `refs.bib` is BibTeX),
 * or null when none is sure enough.
 * @example detectFileFormat(text, 'refs.bib')?.format.name // 'bibtex'
 */
export function detectFileFormat(
  text: string,
  fileName: string,
): { format: FileFormat; confidence: number } | null {
  let best: { format: FileFormat; confidence: number } | null = null
  for (const format of FILE_FORMATS) {
    const confidence = format.detect(text, fileName)
    if (confidence >= MIN_DETECT_CONFIDENCE && (best === null || confidence > best.confidence))
      best = { format, confidence }
  }
  return best
}

/**
 * @module The corpus importers: the five page-capture formats, picking one by content, and parsing
 * bytes with the line checks folded into the entries they break.
 */
import type { ParseResult } from '../../core/index.js'
import { MIN_DETECT_CONFIDENCE, type FileFormat, type ParseContext } from '../file-format.js'
import { decodeTextInput } from '../text-input.js'
import { abstractsFormat } from './abstracts.js'
import { authorPapersFormat } from './author-papers.js'
import { awesomeListFormat } from './awesome-list.js'
import type { CorpusFormat } from './corpus-format.js'
import { dailyPapersFormat } from './daily-papers.js'
import { researcherProfileFormat } from './researcher-profile.js'

export type { CorpusFormat } from './corpus-format.js'
export { abstractsFormat, authorPapersFormat, awesomeListFormat, dailyPapersFormat, researcherProfileFormat }

export { MIN_DETECT_CONFIDENCE } from '../file-format.js'

/** Every corpus format, in no particular order (detection compares their scores). */
export const CORPUS_FORMATS: CorpusFormat[] = [
  researcherProfileFormat,
  authorPapersFormat,
  awesomeListFormat,
  dailyPapersFormat,
  abstractsFormat,
]

/**
 * Picks the format whose own `detect` is surest about the text; the file name only nudges a score.
 * Null when none reaches {@link MIN_DETECT_CONFIDENCE}.
 * @example detectFormat(text, 'data/corpus/daily-papers.txt')?.format.name // 'daily-papers'
 */
export function detectFormat(
  text: string,
  fileName: string,
): { format: FileFormat; confidence: number } | null {
  let best: { format: FileFormat; confidence: number } | null = null
  for (const format of CORPUS_FORMATS) {
    const confidence = format.detect(text, fileName)
    if (confidence >= MIN_DETECT_CONFIDENCE && (best === null || confidence > best.confidence))
      best = { format, confidence }
  }
  return best
}

/** The corpus format with this name, or undefined. */
export function findFormat(name: string): CorpusFormat | undefined {
  return CORPUS_FORMATS.find((format) => format.name === name)
}

/**
 * Decodes bytes (see `decodeTextInput`) and parses them, so that encoding warnings are reported and a
 * line rejected while decoding rejects the entry it sat in. Never throws for bad input.
 * @example parseCorpusBytes(dailyPapersFormat, readFileSync(path), { input: path, fetchedAt })
 */
export function parseCorpusBytes(format: CorpusFormat, bytes: Uint8Array, ctx: ParseContext): ParseResult {
  return format.parseInput(decodeTextInput(bytes, ctx.input), ctx)
}

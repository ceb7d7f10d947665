/**
 * @module Why a similar-papers list says less than it seems to: for a text never seen, why it holds fewer papers than
 * asked (the API's `/similar` note and `paperscope similar --text`); for a library paper the vector model knows too
 * little of to place (a bare title), that its list rests on one word or on its topics alone (the paper detail's
 * `similarNote`, the paper page and `paperscope similar`). One sentence each, so every reader says the same.
 */
import { pluralize, type Paper } from '../core/index.js'
import type { WordingOnlyReason } from './analysis-results.js'

/**
 * The note for a list of `found` papers when more were asked for. `byWording` is the analysis's
 * `comparedByWording` answer for the text (null when its topics weighed in, or it could not be told).
 * @example shortListNote('too-short', 0) // 'Compared by wording alone, as the text is too short …'
 */
export function shortListNote(byWording: WordingOnlyReason | null, found: number): string {
  const listed = found === 0
    ? 'no library paper shares two or more listed terms with it'
    : `only ${pluralize(found, 'library paper')} ${found === 1 ? 'shares' : 'share'} two or more listed terms with it`
  if (byWording === 'off-topic') return `Compared by wording alone, as the text is further from every topic of the library than any curated paper: ${listed}.`
  if (byWording === 'too-short') return `Compared by wording alone, as the text is too short to tell its topic (too few content words the library's papers use): ${listed}.`
  return found === 0 ? 'No library paper could be ranked against the text.' : `Only ${pluralize(found, 'library paper')} could be ranked against the text.`
}

/** Whether the models read a paper by its title alone: no abstract, and no digest but Paperscope's own (never read). */
export function knownByTitleAlone(paper: Pick<Paper, 'abstract' | 'digest'>): boolean {
  return !paper.abstract?.trim() && (!paper.digest || paper.digest.origin === 'generated' || !paper.digest.text.trim())
}

/**
 * What a paper's `found` similar papers are worth when the model knows only `known` of its text (fewer than two
 * words, vectors.ts `tooLittleKnown`): its vector is that word's direction, so the list is every text near that one
 * word at a wording up to 1.00 (`Highway networks` lists `Non-deep networks` and `Network in network`); with no word
 * known its wording is near nothing and the list is its topics' alone, or empty. The list itself is left as it is
 * (eval/README.md: scaling by the known share and requiring two shared words were both worse by eye).
 * @example tooLittleKnownNote(['networks'], 8, true) // 'The model knows only “networks” of this paper's text (its title alone), so …'
 */
export function tooLittleKnownNote(known: readonly string[], found: number, titleAlone: boolean): string {
  const text = `this paper's text${titleAlone ? ' (its title alone)' : ''}`
  if (known.length > 0) {
    const words = known.map((w) => `“${w}”`).join(' and ')
    return found > 0
      ? `The model knows only ${words} of ${text}, so these papers are near ${known.length === 1 ? 'that one word' : 'those words'} and may share little else with it; its similar papers say little.`
      : `No similar papers: the model knows only ${words} of ${text}, too little to place it.`
  }
  return found > 0
    ? `The model knows none of the words of ${text}, so these papers come from its topics alone, not its wording; its similar papers say little.`
    : `No similar papers: the model knows none of the words of ${text}, so its wording is near nothing, and no paper shares a topic with it.`
}

/**
 * The note a paper's list of `found` similar papers carries, from its stored novelty (analyze keeps the words the
 * model knows of the paper's text with it, when too few to place it); null for a paper the model knows enough of, or
 * when the library's vectors are an ONNX model's (never so judged).
 * @example paperSimilarNote(paper, (await reader.paperAnalysis(paper.id))?.novelty, similar.length)
 */
export function paperSimilarNote(
  paper: Pick<Paper, 'abstract' | 'digest'>,
  novelty: { tooLittleKnown: readonly string[] | null } | null | undefined,
  found: number,
): string | null {
  const known = novelty?.tooLittleKnown
  return known ? tooLittleKnownNote(known, found, knownByTitleAlone(paper)) : null
}

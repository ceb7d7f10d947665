/**
 * @module Why a similar-papers list for a text never seen holds fewer papers than asked: one sentence for the
 * API's `/similar` note and `paperscope similar --text`, so both say the same.
 */
import { pluralize } from '../core/index.js'
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
  return `Only ${pluralize(found, 'library paper')} could be ranked against the text.`
}

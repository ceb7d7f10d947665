/** @module How counts are said in messages the CLI and the API write. */

/**
 * A count with its noun, singular for exactly one: `1 paper`, `2 papers`, `0 papers`. Nouns that do not just
 * take an `s` give their plural.
 * @example pluralize(1, 'paper') // '1 paper'
 * @example pluralize(3, 'BibTeX entry', 'BibTeX entries') // '3 BibTeX entries'
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}

/** Strips diacritics and folds ligatures and odd letters to plain ASCII-ish lower case. */
export function foldText(text: string): string {
  return foldLetters(text.normalize('NFKD').replace(/\p{M}+/gu, ''))
}

/**
 * A key word's letters and digits only, folded ({@link foldText}): how spellings of one key word are found before
 * they are compared properly (`Over-Parameterization` and `overparameterization`, `Polyak-Łojasiewicz`).
 * @example foldedKeyword('Polyak-Łojasiewicz Condition') // 'polyaklojasiewiczcondition'
 */
export function foldedKeyword(keyword: string): string {
  return foldText(keyword).replace(/[^\p{L}\p{N}]+/gu, '')
}

function foldLetters(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ı/g, 'i')
    .toLowerCase()
}

/**
 * An id for URLs from a name or a label: Latin letters folded to ASCII (`Płotka` → `plotka`, `Weiß` → `weiss`),
 * letters of other scripts kept whole with their vowel signs (`张伟`, `иван-петров`, `प्रिया`), anything else one
 * hyphen; at most `max` characters, cut on a character, never ending in a hyphen. `x` when nothing is left.
 * @example slugText('Szymon Płotka') // 'szymon-plotka'
 */
export function slugText(text: string, max = 80): string {
  const folded = foldLetters(
    text
      .normalize('NFKD')
      // Marks go only from Latin letters: in Devanagari, Thai or kana they are letters' vowels and voicing.
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC'),
  )
  const slug = folded.replace(/[^\p{L}\p{N}\p{M}]+/gu, '-').replace(/^-+|-+$/g, '')
  return [...slug].slice(0, max).join('').replace(/-+$/, '') || 'x'
}

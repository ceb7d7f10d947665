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
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
}

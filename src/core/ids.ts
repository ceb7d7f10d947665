/** @module Identifier normal forms every reader of ids shares: arXiv ids and DOIs as the library keys them. */

const NEW_ARXIV_ID = /^((\d{2})(\d{2})\.(\d{4,5}))(?:v\d+)?$/
const OLD_ARXIV_ID = /^([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i

/**
 * An arXiv id without version and without `arXiv:` prefix or URL; old-style ids keep their archive. A new-style
 * id must be one arXiv can have given: a month from 0704 on, 4 digits after the dot up to 1412 and 5 from 1501
 * (`2606.1245` is none).
 * @example normalizeArxivId('arXiv:2103.14030v2') // '2103.14030'
 * @example normalizeArxivId('http://arxiv.org/abs/astro-ph/0601001v1') // 'astro-ph/0601001'
 */
export function normalizeArxivId(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .trim()
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '')
  const m = NEW_ARXIV_ID.exec(text)
  if (m) return isNewStyleArxivId(Number(m[2]), Number(m[3]), m[4]!.length) ? m[1]! : null
  const old = OLD_ARXIV_ID.exec(text)
  return old ? old[1]!.toLowerCase() : null
}

/** New-style ids began in April 2007 (`0704.0001`); from January 2015 (`1501.00001`) the number has 5 digits. */
function isNewStyleArxivId(yy: number, mm: number, digits: number): boolean {
  if (mm < 1 || mm > 12 || yy * 100 + mm < 704) return false
  return digits === (yy * 100 + mm >= 1501 ? 5 : 4)
}

/**
 * A DOI lower-cased, without resolver prefix or `doi:`.
 * @example normalizeDoi('https://doi.org/10.1093/MIND/LIX.236.433') // '10.1093/mind/lix.236.433'
 */
export function normalizeDoi(value: string | null | undefined): string | null {
  if (!value) return null
  const m = /(10\.\d{4,9}\/\S+)/.exec(value.trim())
  return m ? m[1]!.replace(/[.,;]+$/, '').toLowerCase() : null
}

/**
 * The doi.org link of a DOI, as readable as the DOI (`/`, `(`, `;` kept) but with what would end or bend the URL
 * encoded: `%`, spaces, `<`, `>`, and `?` and `#`, so that a SICI DOI (`10.1002/(sici)…;2-#`) reaches the resolver
 * whole instead of losing its tail to a fragment.
 * @example doiUrl('10.1002/(sici)1097-4636<1>3.0.co;2-#') // 'https://doi.org/10.1002/(sici)1097-4636%3C1%3E3.0.co;2-%23'
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[?#]/g, (c) => encodeURIComponent(c))}`
}

/**
 * The arXiv abstract page of an id (an old-style id keeps its archive's slash).
 * @example arxivUrl('hep-th/9901001') // 'https://arxiv.org/abs/hep-th/9901001'
 */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${encodeURIComponent(id).replace(/%2F/gi, '/')}`
}

/**
 * @module Plain text out of the HTML that APIs leave in titles, abstracts and names (OpenAlex `&amp;`,
 * `<i>in vivo</i>`, `<scp>`; `&eacute;` from publishers): one decoder for every reader of such text.
 */

// Latin-1 (U+00A0 to U+00FF), in code point order.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml'
// Greek capitals from U+0391 (U+03A2 is unassigned) and small letters from U+03B1.
const GREEK_NAMES =
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon ' +
  'Phi Chi Psi Omega'

/** Named references beyond Latin-1 and Greek: punctuation, symbols and math the sources use. */
// prettier-ignore
const OTHER_ENTITIES: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27, OElig: 0x152, oelig: 0x153, Scaron: 0x160,
  scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc, thetasym: 0x3d1, upsih: 0x3d2,
  piv: 0x3d6, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e,
  rlm: 0x200f, hyphen: 0x2010, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a,
  ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026,
  permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044,
  euro: 0x20ac, image: 0x2111, weierp: 0x2118, real: 0x211c, trade: 0x2122, alefsym: 0x2135, larr: 0x2190,
  uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, lArr: 0x21d0, rArr: 0x21d2, hArr: 0x21d4,
  forall: 0x2200, part: 0x2202, exist: 0x2203, empty: 0x2205, nabla: 0x2207, isin: 0x2208, notin: 0x2209,
  ni: 0x220b, prod: 0x220f, sum: 0x2211, minus: 0x2212, lowast: 0x2217, radic: 0x221a, prop: 0x221d,
  infin: 0x221e, ang: 0x2220, and: 0x2227, or: 0x2228, cap: 0x2229, cup: 0x222a, int: 0x222b, there4: 0x2234,
  sim: 0x223c, cong: 0x2245, asymp: 0x2248, ne: 0x2260, equiv: 0x2261, le: 0x2264, ge: 0x2265, sub: 0x2282,
  sup: 0x2283, nsub: 0x2284, sube: 0x2286, supe: 0x2287, oplus: 0x2295, otimes: 0x2297, perp: 0x22a5,
  sdot: 0x22c5, lang: 0x27e8, rang: 0x27e9, loz: 0x25ca, spades: 0x2660, clubs: 0x2663, hearts: 0x2665,
  diams: 0x2666,
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  LATIN1_NAMES.split(' ').forEach((name, i) => map.set(name, String.fromCodePoint(0xa0 + i)))
  GREEK_NAMES.split(' ').forEach((name, i) => {
    if (name === '_') return
    map.set(name, String.fromCodePoint(0x391 + i))
    map.set(name.toLowerCase(), String.fromCodePoint(0x3b1 + i))
  })
  map.set('sigmaf', '\u03c2')
  for (const [name, code] of Object.entries(OTHER_ENTITIES)) map.set(name, String.fromCodePoint(code))
  return map
})()

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g

/** A code point a reference may stand for: not NUL, not a surrogate, within Unicode. */
function isCharacter(code: number): boolean {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
}

/**
 * Decodes HTML character references in one pass: decimal and hex ones, the five of XML and the common named
 * ones (Latin-1 letters, Greek, punctuation, math). An escaped reference stays as the text it stands for
 * (`&amp;lt;` gives `&lt;`), and what names no character (`&madeup;`, `&#0;`, a bare `&`) is left as written.
 * @example decodeHtmlEntities('Caf&eacute; &amp; Cr&#232;me') // 'Café & Crème'
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16)
    return isCharacter(code) ? String.fromCodePoint(code) : whole
  })
}

/**
 * Tags publishers put in titles and abstracts: inline HTML, JATS (`jats:italic`) and MathML (`mml:mi`). Only
 * these count as markup, and attributes must have values, so `x<y` or `a <b and c> d` stays text. Not `<s>`:
 * in NLP papers `<s>` and `</s>` are tokens written as text.
 */
const TAG =
  /<\/?(?:(?:jats|mml|m):[A-Za-z][\w.-]*|i|b|u|em|strong|sub|sup|scp|sc|small|big|tt|span|font|a|p|br|hr|div|q|cite|code|var|abbr|math|mi|mo|mn|ms|mtext|mrow|msub|msup|msubsup|mfrac|msqrt|mroot|mover|munder|mstyle|inline-formula|italic|bold|underline)(?:\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))*\s*\/?>/gi

/** Tags that separate words (a paragraph, a line break); the others sit inside a word (`H<sub>2</sub>O`). */
const BREAKING_TAG = /^<\/?(?:p|br|hr|div|jats:p|jats:title|jats:sec)\b/i

/**
 * Plain text from a title, abstract or name that may carry markup and HTML references: known tags are removed
 * first, then references decoded, so `&lt;i&gt;` is shown as the text `<i>` and a `<` that starts no tag stays.
 * Whitespace is not collapsed here.
 * @example htmlToPlainText('<i>In vivo</i> H<sub>2</sub>O &amp; a < b') // 'In vivo H2O & a < b'
 */
export function htmlToPlainText(text: string): string {
  const stripped = text.includes('<') ? text.replace(TAG, (tag) => (BREAKING_TAG.test(tag) ? ' ' : '')) : text
  return decodeHtmlEntities(stripped)
}

/**
 * @module Author lists as pages print them: `A, B, C et al.`, names with accents, hyphens, initials and
 * particles, and a title glued to its author list (`...Two Layer NetworksNoa Rubin, Inbar Seroussi`).
 */

/** Authors in printed order; `truncated` when the page cut the list (`et al.`). */
export interface AuthorList {
  authors: string[]
  truncated: boolean
}

const ET_AL = /[,\s]*\bet\s*al\.?\s*$/i

/** Lower-case name particles (`de`, `van der`, ...) that may start or sit inside a name. */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'del',
  'della',
  'der',
  'den',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ten',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'zu',
  'las',
  'los',
  'dei',
  'degli',
  'dal',
])

/**
 * Words that are never a person's name though capitalised like one: what a list writes beside its authors (link
 * labels, `Anonymous Authors`), and the words of venues and kinds of publication (`Nature Neuroscience`,
 * `Technical Report`). One of them in a name makes it no name.
 */
const NOT_NAME_WORDS = new Set([
  'anonymous',
  'author',
  'authors',
  'paper',
  'papers',
  'code',
  'project',
  'website',
  'homepage',
  'blog',
  'video',
  'slides',
  'poster',
  'talk',
  'github',
  'demo',
  'pdf',
  'link',
  'official',
  'unofficial',
  'arxiv',
  'preprint',
  'findings',
  'proceedings',
  'conference',
  'workshop',
  'journal',
  'transactions',
  'nature',
  'science',
  'report',
  'technical',
  'survey',
  'dataset',
  'benchmark',
  'license',
  'stars',
  'university',
  'universität',
  'université',
  'universidad',
  'institute',
  'college',
  'laboratory',
  // An organisation may write its name in capitals (`NVIDIA Research`, `DAMO Team`): never a person.
  'research',
  'lab',
  'labs',
  'team',
  'group',
  'inc',
  'ltd',
])

/** `A.`, `C.Y.`, `J.-P.`, `M` (one initial without its dot; `GPT` is an acronym, not initials). */
const INITIALS = /^(?:\p{Lu}\.)+(?:-\p{Lu}\.)*$|^\p{Lu}$/u
/**
 * `Noa`, `Collins-Woodfin`, `O'Brien`, `McDonald`, `LeCun`, `SueYeon`, `Štepec`, `Jr.`, `M.Moein`,
 * `Yi-hsuan`, `SeulGi`. An inner capital is allowed only after a prefix of at most four letters: that keeps
 * `NetworksNoa` (a title word glued to a first name) from reading as one name.
 */
const NAME_WORD =
  /^(?:\p{Lu}\.)*(?:O['’]|D['’]|d['’]|L['’]|\p{Lu}\p{Ll}{1,3})?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*\.?$/u
/**
 * A surname written in camel case (`BehnamGhader`, `VanderPlas`), any prefix long. Only after a name's first word:
 * a title word glued to a first name (`NetworksNoa Rubin`) is always its first word.
 */
const CAMEL_SURNAME = /^\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)+$/u
/** A name written in a script without case (`王`, `李小龙`). */
const UNCASED_WORD = /^\p{Lo}+$/u
/**
 * A surname in capitals, as Chinese and French lists write it (`ZHANG Wei`, `Xudong XU`, `Yann LeCUN`): three or
 * more capitals with a vowel, or a prefix then capitals. Two capitals are initials (`Hinton GE`), unless they are
 * a Chinese surname of two letters (`XU`, `LI`).
 */
const CAPITALS_SURNAME = /^(?:\p{Lu}\p{Ll}{1,3})?\p{Lu}*[AEIOUÀ-ÖØ-Ý]\p{Lu}*(?:-\p{Lu}+)*$/u
const TWO_LETTER_SURNAMES = new Set([
  'LI',
  'XU',
  'WU',
  'MA',
  'HU',
  'YU',
  'HE',
  'LU',
  'QI',
  'SU',
  'DU',
  'GU',
  'JI',
  'YE',
  'XI',
  'YI',
  'FU',
  'MU',
  'OU',
])
/**
 * Words that lists write in capitals and are no person's: institutions and their labs (`MIT CSAIL`, `UC BERKELEY`,
 * `GOOGLE BRAIN`), venues and kinds of talk (`NEURIPS ORAL`). A name all in capitals with one of them is no name.
 */
const CAPITALS_NOT_NAME_WORDS = new Set([
  'mit',
  'csail',
  'uc',
  'ucla',
  'ucsd',
  'cmu',
  'nyu',
  'usc',
  'eth',
  'epfl',
  'kaist',
  'bair',
  'fair',
  'sjtu',
  'ustc',
  'berkeley',
  'stanford',
  'harvard',
  'oxford',
  'cambridge',
  'princeton',
  'google',
  'deepmind',
  'brain',
  'openai',
  'microsoft',
  'meta',
  'nvidia',
  'amazon',
  'apple',
  'baidu',
  'alibaba',
  'tencent',
  'huawei',
  'bytedance',
  'samsung',
  'intel',
  'adobe',
  'neurips',
  'oral',
  'spotlight',
  'highlight',
  'main',
  'track',
  'new',
  'the',
  'and',
  'of',
  'for',
])
/** A word that can be spoken as a name: a vowel, at most two consonants before it, three in a row, two at its end. */
const SPOKEN_CAPITALS =
  /^(?=.*[AEIOUY])(?![^AEIOUY-]{3})(?!.*[^AEIOUY-]{4})(?!.*[^AEIOUY-]{3}$)[A-Z]+(?:-[A-Z]+)*$/
/** `al-Razi`, `el-Said`, `bin-Talal`: an Arabic particle joined to the surname. */
const JOINED_PARTICLE_NAME = /^(?:al|el|ad|ud|bin|ibn)-\p{Lu}[\p{Ll}\p{M}]+$/u
/** `II`, `III`, `IV` after a name (`Ludwig van Beethoven II`): no word of its own. */
const GENERATION = /^(?:II|III|IV)$/

/**
 * Splits an author line into names. Separators are commas, semicolons, `&`, ` and ` and ` · `; a final `et al.` marks
 * the list as truncated and never becomes an author.
 * @example parseAuthorList('Elizabeth Collins-Woodfin, Courtney Paquette et al.')
 * // { authors: ['Elizabeth Collins-Woodfin', 'Courtney Paquette'], truncated: true }
 */
export function parseAuthorList(text: string): AuthorList {
  // One space per run first: `\s+and\s+` on a long run of spaces would backtrack quadratically.
  const spaced = text.replace(/\s+/g, ' ').trim()
  // `et al.` sits in the last few characters; testing only those keeps a long line cheap.
  const tail = spaced.slice(-24)
  const truncated = ET_AL.test(tail)
  const listText = truncated ? spaced.slice(0, spaced.length - tail.length) + tail.replace(ET_AL, '') : spaced
  const inverted = invertedNames(listText)
  if (inverted) return { authors: inverted, truncated }
  const authors = listText
    // `Zhongkai Hao · Zhengyi Wang`: the conference site's separator, as lists copy it.
    .split(/\s*[,;]\s*|\s+&\s+|\s+and\s+|\s+·\s+/)
    // `Maneesh Kumar Singh, and Ming-Hsuan Yang`: the serial `and` after a comma is no part of the name.
    .map((name) =>
      name
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/^(?:and|&)\s+/i, ''),
    )
    .filter((name) => name !== '')
  return { authors, truncated }
}

/**
 * Names written surname first, as BibTeX joins them (`Doersch, Carl and Gupta, Abhinav and Efros, Alexei A.`): two
 * or more names joined by ` and `, each `Surname, Given`. They are turned round (`Carl Doersch`); null for any other
 * list, where a comma separates names.
 */
function invertedNames(text: string): string[] | null {
  const parts = text.split(/\s+and\s+/)
  if (parts.length < 2) return null
  const names: string[] = []
  for (const part of parts) {
    const pieces = part.split(',').map((piece) => piece.trim())
    if (pieces.length !== 2 || pieces[0] === '' || pieces[1] === '') return null
    names.push(`${pieces[1]} ${pieces[0]}`)
  }
  return names
}

/**
 * True when `name` reads as one person's name: 1–7 words, each an initial, a capitalised word or a
 * particle, with at least one capitalised word and no particle last. `minWords` raises the floor
 * (2 for the first author of a glued line, where a lone word is too easily part of the title). A surname in
 * camel case (`Parishad BehnamGhader`) counts after the first word; a surname in capitals (`ZHANG Wei`, `Xudong XU`)
 * first or last in a name of up to four words, beside a given name, and only where the name stands apart (`minWords`
 * 1); words of link labels, venues and organisations (`Paper`, `Code`, `Anonymous Authors`, `Nature Neuroscience`,
 * `Meta AI`) are no name.
 * @example looksLikePersonName('Parishad BehnamGhader') // true
 * @example looksLikePersonName('Anonymous Authors') // false
 */
export function looksLikePersonName(name: string, minWords = 1): boolean {
  const words = name.split(' ')
  if (words.length < minWords || words.length > 7) return false
  if (minWords < 2 && isNameInCapitals(words)) return true
  let capitalised = 0
  let inCapitals = 0
  for (const [index, word] of words.entries()) {
    if (NOT_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, ''))) return false
    if (
      NAME_WORD.test(word) ||
      UNCASED_WORD.test(word) ||
      (index > 0 && CAMEL_SURNAME.test(word)) ||
      JOINED_PARTICLE_NAME.test(word)
    )
      capitalised++
    // First or last, in a short name that stands apart: cut from a glued line, `ReLU Networks` reads `LU Networks`.
    else if (
      minWords < 2 &&
      words.length <= 4 &&
      (index === 0 || index === words.length - 1) &&
      isSurnameInCapitals(word)
    )
      inCapitals++
    else if (!INITIALS.test(word) && !PARTICLES.has(word) && !(index > 1 && GENERATION.test(word)))
      return false
  }
  const last = words[words.length - 1] ?? ''
  // A surname in capitals needs a given name written as one beside it: `ZHANG Wei`, never `MIT CSAIL` or `ZHANG`.
  return capitalised > 0 && inCapitals <= 1 && !PARTICLES.has(last)
}

/**
 * True for a name written all in capitals, as an author position may print it (`LIU SONGMING`, `ZHANG WEI`): two or
 * three words, each one that can be spoken (see {@link SPOKEN_CAPITALS}), two letters only for a Chinese surname or
 * given name (`XU`, `YU`), none an institution's, a venue's or a word of a sentence (`MIT CSAIL`, `UC BERKELEY`).
 */
function isNameInCapitals(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false
  return words.every(
    (word) =>
      SPOKEN_CAPITALS.test(word) &&
      (word.length > 2 || TWO_LETTER_SURNAMES.has(word)) &&
      !CAPITALS_NOT_NAME_WORDS.has(word.toLowerCase()) &&
      !NOT_NAME_WORDS.has(word.toLowerCase()),
  )
}

/** True for a surname written in capitals (`ZHANG`, `XU`, `LeCUN`), see {@link CAPITALS_SURNAME}. */
function isSurnameInCapitals(word: string): boolean {
  if (TWO_LETTER_SURNAMES.has(word)) return true
  return word.replace(/\P{Lu}/gu, '').length >= 3 && CAPITALS_SURNAME.test(word)
}

/**
 * A name as people write it, its surname in capitals set in title case (`ZHANG Wei` → `Zhang Wei`, `Xudong XU` →
 * `Xudong Xu`, `Yann LeCUN` → `Yann LeCun`); any other name is returned as it is.
 * @example normalizeNameCase('Xudong XU') // 'Xudong Xu'
 */
export function normalizeNameCase(name: string): string {
  if (!looksLikePersonName(name)) return name
  return name
    .split(' ')
    .map((word) => {
      if (!isSurnameInCapitals(word) || NAME_WORD.test(word)) return word
      const prefix = /^\p{Lu}\p{Ll}{1,3}(?=\p{Lu})/u.exec(word)?.[0] ?? ''
      const rest = word.slice(prefix.length)
      return (
        prefix +
        rest
          .toLowerCase()
          .replace(/(^|-)(\p{Ll})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase())
      )
    })
    .join(' ')
}

/**
 * True when the whole text is an author list: every part a person's name, the first one of at least
 * two words (a real first author has a given name and a surname; this keeps title fragments out).
 */
export function looksLikeAuthorList(text: string): boolean {
  const trimmed = text.trim()
  // Author lines are short and never end a sentence with a lower-case word and a period.
  if (
    trimmed === '' ||
    trimmed.length > 2_000 ||
    /\p{Ll}{2}\.$/u.test(parseAuthorList(trimmed).authors.at(-1) ?? '')
  )
    return false
  const { authors } = parseAuthorList(trimmed)
  const [first, ...rest] = authors
  if (first === undefined || !looksLikePersonName(first, 2)) return false
  // A first author starts with a given name or a dotted initial; a bare capital (`U Networks` cut
  // from `ReLU Networks`) is the tail of a title word.
  if (/^\p{Lu}\s/u.test(first)) return false
  return rest.every((name) => looksLikePersonName(name))
}

/**
 * Splits a title glued to its author list. The split goes where a letter, digit or punctuation mark
 * is directly followed (no space) by the start of a name, at the leftmost place where everything to
 * the right is an author list. Titles may end in capitals (`GPT`), digits or punctuation; their own
 * glued capitals (`ReLU`, `VTrans`) do not fit because what follows them is not a list of names.
 * @example splitGluedTitleAndAuthors('Grokking in Two Layer NetworksNoa Rubin, Zohar Ringel')
 * // { title: 'Grokking in Two Layer Networks', authors: { authors: ['Noa Rubin', 'Zohar Ringel'], truncated: false } }
 */
export function splitGluedTitleAndAuthors(line: string): { title: string; authorList: AuthorList } | null {
  const text = line.trim()
  if (text.length > 2_000) return null
  for (let i = 1; i < text.length; i++) {
    if (!isGluedNameStart(text, i)) continue
    const title = text.slice(0, i).trim()
    const authorsText = text.slice(i)
    if (title !== '' && looksLikeAuthorList(authorsText))
      return { title, authorList: parseAuthorList(authorsText) }
  }
  return null
}

/**
 * Position `i` starts a name glued to what precedes it: a capital right after a non-space. A first
 * author starting with a particle (`van der Berg`) is not looked for: `Neur|al Networks` and
 * `Sadd|le Points` show that lower-case glue points are mostly inside title words.
 */
function isGluedNameStart(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' '
  // A title never ends in a space, a hyphen or an opening bracket: `Over-Parametrized` is one word.
  if (/[\s\-‐–—/([{]/.test(before)) return false
  return /\p{Lu}/u.test(text[i] ?? '')
}

/** A name reduced for comparison: no accents, dots or case; hyphens as spaces. */
function normalizeName(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.\-‐'’]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
}

/**
 * True when two printed names are the same person as far as the text can tell: equal once accents,
 * case and dots are ignored, or the same surname with the same first initial (`I. Seroussi`).
 */
export function isSameAuthor(a: string, b: string): boolean {
  const wordsA = normalizeName(a)
  const wordsB = normalizeName(b)
  if (wordsA.length === 0 || wordsB.length === 0) return false
  if (wordsA.join(' ') === wordsB.join(' ')) return true
  const sameSurname = wordsA[wordsA.length - 1] === wordsB[wordsB.length - 1]
  const sameInitial = wordsA[0]?.[0] === wordsB[0]?.[0]
  return sameSurname && sameInitial && (wordsA[0]?.length === 1 || wordsB[0]?.length === 1)
}

/**
 * Splits names printed without separators (`Jeffrey S BowersGaurav MalhotraMarin Dujmović`) where a
 * lower-case letter runs into a capital, but only when every piece reads as a name of two or more
 * words; `McDonald` and other single names stay whole. Returns null when the text is not such a run.
 * @example splitRunTogetherNames('Jeffrey S BowersGaurav Malhotra') // ['Jeffrey S Bowers', 'Gaurav Malhotra']
 */
export function splitRunTogetherNames(text: string): string[] | null {
  const pieces = text.split(/(?<=\p{Ll})(?=\p{Lu})/u)
  // Re-attach `Mc`/`Mac`/`O'` prefixes that the split cut off their surname.
  const names: string[] = []
  for (const piece of pieces) {
    const previous = names[names.length - 1]
    if (previous !== undefined && /(?:^|\s)(?:Mc|Mac|De|Di|Le|La)$/.test(previous))
      names[names.length - 1] = previous + piece
    else names.push(piece)
  }
  if (names.length < 2) return null
  return names.every((name) => looksLikePersonName(name.trim(), 2)) ? names.map((name) => name.trim()) : null
}

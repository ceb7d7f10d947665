import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameBlockKey, nameKey, namesCompatible, normalizeArxivId, normalizeDoi, normalizeTitle, parseName, titleKeys } from './normalize.js'

describe('normalizeTitle', () => {
  it('drops case, punctuation, accents and a final period', () => {
    expect(normalizeTitle('Grokking as a First-Order Phase Transition.')).toBe('grokking as a first order phase transition')
    expect(normalizeTitle('Rényi Entropy of Ω')).toBe('renyi entropy of ω')
  })
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeTitle(normalizeTitle(s)) === normalizeTitle(s)))
  })
})

describe('titleKeys', () => {
  it('adds the part after a colon when it identifies a paper on its own', () => {
    expect(
      titleKeys('Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks'),
    ).toContain('grokking as a first order phase transition in two layer networks')
  })
  it('does not add short parts that many papers share', () => {
    expect(titleKeys('Deep Learning: A Survey of Everything We Know')).not.toContain('deep learning')
  })
})

describe('names', () => {
  it('splits family names with particles and hyphens', () => {
    expect(parseName('Kimberlin van Wijnen')).toEqual({ given: ['kimberlin'], family: 'van wijnen' })
    expect(parseName('Elizabeth Collins-Woodfin')).toEqual({ given: ['elizabeth'], family: 'collins woodfin' })
    expect(parseName('Stephanie C.Y. Chan')).toEqual({ given: ['stephanie', 'c', 'y'], family: 'chan' })
    expect(parseName('Schmidhuber, Jürgen')).toEqual({ given: ['jurgen'], family: 'schmidhuber' })
  })
  it('takes a capitalised first word that looks like a particle for a given name (Le Song is Le of the Songs)', () => {
    expect(parseName('Le Song')).toEqual({ given: ['le'], family: 'song' })
    expect(parseName('Bin Yu')).toEqual({ given: ['bin'], family: 'yu' })
    expect(parseName('Di Wang')).toEqual({ given: ['di'], family: 'wang' })
    expect(parseName('Van Jacobson')).toEqual({ given: ['van'], family: 'jacobson' })
    expect(parseName('Song, Le')).toEqual({ given: ['le'], family: 'song' })
  })
  it('keeps a lower-case leading particle with the family name, and particles after a given name as before', () => {
    expect(parseName('van Rossum')).toEqual({ given: [], family: 'van rossum' })
    expect(parseName('de Finetti')).toEqual({ given: [], family: 'de finetti' })
    expect(parseName('Ludwig van Beethoven')).toEqual({ given: ['ludwig'], family: 'van beethoven' })
    expect(parseName('Laurens van der Maaten')).toEqual({ given: ['laurens'], family: 'van der maaten' })
    expect(parseName('Jan-Willem van de Meent')).toEqual({ given: ['jan', 'willem'], family: 'van de meent' })
    expect(parseName('van der Maaten, Laurens')).toEqual({ given: ['laurens'], family: 'van der maaten' })
    expect(parseName('L. van der Maaten')).toEqual({ given: ['l'], family: 'van der maaten' })
    expect(parseName('King, Jr., Martin Luther')).toEqual({ given: ['martin', 'luther'], family: 'king' })
  })
  it('reads the Vietnamese middle name Van (Văn) as a given name, beside a Vietnamese family name, and the Dutch van as before', () => {
    expect(parseName('Minh Van Nguyen')).toEqual({ given: ['minh', 'van'], family: 'nguyen' })
    expect(parseName('Minh Văn Nguyễn')).toEqual({ given: ['minh', 'van'], family: 'nguyen' })
    expect(parseName('Nguyen, Minh Van')).toEqual({ given: ['minh', 'van'], family: 'nguyen' })
    expect(parseName('Hoa Thi Nguyen')).toEqual({ given: ['hoa', 'thi'], family: 'nguyen' })
    // Written family name first, it is read as every name is, family name last: as `Nguyen V. Minh` is.
    expect(parseName('Nguyen Van Minh')).toEqual({ given: ['nguyen', 'van'], family: 'minh' })
    expect(namesCompatible('Nguyen Van Minh', 'Nguyen V. Minh')).toBe(true)
    expect(namesCompatible('Minh Van Nguyen', 'M. V. Nguyen')).toBe(true)
    expect(nameBlockKey('Minh Van Nguyen')).toBe(nameBlockKey('Minh Nguyen'))
    // The key of the whole name reads the same either way, so a stored one stays.
    expect(nameKey('Minh Van Nguyen')).toBe('minh van nguyen')
    for (const [name, family] of [
      ['Vincent van Gogh', 'van gogh'],
      ['Ludwig van Beethoven', 'van beethoven'],
      ['Aäron van den Oord', 'van den oord'],
      ['Luc Van Gool', 'van gool'],
      ['Ton van den Berg', 'van den berg'],
      ['Tim van Erven', 'van erven'],
    ]) expect(parseName(name!).family, name).toBe(family)
  })
  it('lets `Le Song` and `L. Song` be one person, and keeps the key a library stored for `Le Song`', () => {
    expect(namesCompatible('Le Song', 'L. Song')).toBe(true)
    expect(namesCompatible('Song, Le', 'L. Song')).toBe(true)
    expect(namesCompatible('Le Song', 'Lei Song')).toBe(false)
    expect(namesCompatible('Bin Yu', 'B. Yu')).toBe(true)
    // The exact key joins given and family names, so it reads the same however the first word is taken.
    expect(nameKey('Le Song')).toBe('le song')
    expect(nameKey('Jan-Willem van de Meent')).toBe('jan willem van de meent')
  })
  it('gives the same key to spellings that differ only in accents, dots, case and hyphens', () => {
    expect(nameKey('Álvaro García Faura')).toBe(nameKey('alvaro garcia faura'))
    expect(nameKey('Elizabeth Collins-Woodfin')).toBe(nameKey('Elizabeth Collins Woodfin'))
    expect(nameKey('A. Saxe')).not.toBe(nameKey('Andrew Saxe'))
    // A middle initial glued to the first name is still one.
    expect(nameKey('JasonD. Lee')).toBe(nameKey('Jason D. Lee'))
    expect(nameKey('DeWitt Seymour')).toBe('dewitt seymour')
  })
  it('treats initials as compatible with the names they start', () => {
    expect(namesCompatible('A. M. Saxe', 'Andrew M. Saxe')).toBe(true)
    expect(namesCompatible('Andrew Saxe', 'Andrew M. Saxe')).toBe(true)
    expect(namesCompatible('Noa Rubin', 'N. Rubin')).toBe(true)
  })
  it('keeps different people apart', () => {
    expect(namesCompatible('Andrew Saxe', 'Anna Saxe')).toBe(false)
    expect(namesCompatible('Courtney Paquette', 'Elliot Paquette')).toBe(false)
    expect(namesCompatible('Noa Rubin', 'Noa Ringel')).toBe(false)
  })
})

describe('ids', () => {
  it('normalizes arXiv ids from URLs, prefixes and versions', () => {
    expect(normalizeArxivId('http://arxiv.org/abs/2310.03789v2')).toBe('2310.03789')
    expect(normalizeArxivId('arXiv:1605.08386')).toBe('1605.08386')
    expect(normalizeArxivId('astro-ph/0601001v1')).toBe('astro-ph/0601001')
    expect(normalizeArxivId('not an id')).toBeNull()
    // Found inside a text, and only an id arXiv could have given (core's rule, as every source reads ids).
    expect(normalizeArxivId('see arXiv:2310.03789v2 for details')).toBe('2310.03789')
    expect(normalizeArxivId('2606.1245')).toBeNull()
  })
  it('normalizes DOIs', () => {
    expect(normalizeDoi('https://doi.org/10.1103/PhysRevLett.1.')).toBe('10.1103/physrevlett.1')
    expect(normalizeDoi('nothing')).toBeNull()
  })
})

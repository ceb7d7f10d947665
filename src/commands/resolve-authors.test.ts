import { describe, expect, it } from 'vitest'
import { createAuthorProfileRecord, type SourceRecord } from '../core/index.js'
import { findSource } from '../ingest/index.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { buildRecord } from '../../test/support/factories.js'
import { useTempStore } from '../../test/support/temp-store.js'
import { importRecords } from './import-records.js'
import { findAuthor } from './lookup.js'

const ctx = { input: 'https://api.semanticscholar.org/graph/v1/paper/batch', fetchedAt: '2026-06-12T08:00:00.000Z' }

function s2Record(key: string, authors: string[], authorIds: Array<string | null>, title: string): SourceRecord {
  return buildRecord({ source: 'semantic-scholar', key, title, authors, raw: { authorIds } })
}

describe('people from source author ids', () => {
  const library = useTempStore()

  async function peopleNamed(name: string): Promise<Array<{ id: string; paperCount: number }>> {
    return (await library().store.findAuthors(name, 50)).filter((a) => a.name === name)
  }

  it('makes one person of an abbreviated name that Semantic Scholar gives one id on papers with no co-author in common', async () => {
    const t = library()
    // The recorded batch: `E. Duflo` (authorId 2259683) on three papers, each with other co-authors.
    const s2 = findSource('semantic-scholar')!
    const { records } = s2.parse(readFixture('semanticscholar/paper_batch_full_fields_with_null_entry.json'), ctx)
    expect(records.filter((r) => r.authors.includes('E. Duflo'))).toHaveLength(3)
    await importRecords(t.store, records)
    const duflo = await peopleNamed('E. Duflo')
    expect(duflo).toHaveLength(1)
    expect(duflo[0]!.paperCount).toBe(3)
    expect(await t.store.transaction((tx) => tx.listAuthorSourceIds(duflo[0]!.id))).toEqual([
      'semantic-scholar:2259683',
    ])
  })

  it('keeps two people apart whom one source gives different ids, under the same full name', async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao', 'Ann Other'], ['111', '5'], 'Transformers for tabular data'),
      s2Record('p2', ['Jie Cao', 'Bo Third'], ['222', '6'], 'Phase transitions in grokking'),
      s2Record('p3', ['Jie Cao'], ['111'], 'More tabular transformers'),
    ])
    const people = await peopleNamed('Jie Cao')
    expect(people.map((p) => p.paperCount).sort()).toEqual([1, 2])
  })

  it('still joins a name without ids to the person of the same full name', async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao'], ['111'], 'Transformers for tabular data'),
      buildRecord({ source: 'awesome-list', title: 'Grokking of tabular data', authors: ['Jie Cao'] }),
    ])
    expect((await peopleNamed('Jie Cao')).map((p) => p.paperCount)).toEqual([2])
  })

  it("ignores ids that do not line up with the names (a wrong pairing would join strangers)", async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('p1', ['A. Smith', 'B. Jones'], ['1'], 'One paper'),
      s2Record('p2', ['A. Smith'], ['1'], 'Another paper'),
    ])
    // The first record's ids are not used: its A. Smith has no co-author evidence and no id, so stays apart.
    expect((await peopleNamed('A. Smith')).map((p) => p.paperCount).sort()).toEqual([1, 1])
  })

  it('lists an author once on a paper that one source gives two ids for her (preprint and published version)', async () => {
    const t = library()
    const doi = { doi: '10.1/x' }
    await importRecords(t.store, [
      buildRecord({ source: 'openalex', key: 'W1', title: 'Phase transitions in grokking', authors: ['Jie Cao', 'Ann Other'], ids: doi, raw: { authorIds: ['A1', 'A9'] } }),
      buildRecord({ source: 'openalex', key: 'W2', title: 'Phase transitions in grokking', authors: ['Jie Cao', 'Ann Other'], ids: doi, raw: { authorIds: ['A2', 'A9'] } }),
    ])
    const [paper] = (await t.store.listPapers({ limit: 5 })).items
    expect(paper!.authors.map((a) => a.name)).toEqual(['Jie Cao', 'Ann Other'])
    // One id of a source per person: the first record's.
    const cao = paper!.authors[0]!.authorId
    expect(await t.store.transaction((tx) => tx.listAuthorSourceIds(cao))).toEqual(['openalex:A1'])
  })

  it('gives an author the person her id names even when a namesake without an id is listed before her', async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('pA', ['Jie Cao'], ['222'], 'Tabular transformers'),
      s2Record('pB', ['Jie Cao', 'Bo Li', 'Jie Cao'], [null, '5', '222'], 'Grokking phases'),
    ])
    const papers = (await t.store.listPapers({ limit: 5 })).items
    const owner222 = papers.find((p) => p.title === 'Tabular transformers')!.authors[0]!.authorId
    const b = papers.find((p) => p.title === 'Grokking phases')!
    expect(b.authors.find((a) => a.position === 2)!.authorId).toBe(owner222)
    expect(b.authors.find((a) => a.position === 0)!.authorId).not.toBe(owner222)
  })

  it('does not believe an id a source gave to a name that cannot be its person (OpenAlex linked someone else)', async () => {
    const t = library()
    await importRecords(t.store, [
      buildRecord({ source: 'openalex', key: 'W1', title: 'Coffee rust in Colombia', authors: ['Melissa Ochoa Frias'], raw: { authorIds: ['A51'] } }),
      buildRecord({ source: 'openalex', key: 'W2', title: 'Soil salinity in the Senegal delta', authors: ['Matar Ndiaye'], raw: { authorIds: ['A51'] } }),
    ])
    const byTitle = new Map((await t.store.listPapers({ limit: 5 })).items.map((p) => [p.title, p.authors[0]!]))
    expect(byTitle.get('Soil salinity in the Senegal delta')!.authorId).not.toBe(byTitle.get('Coffee rust in Colombia')!.authorId)
    expect(byTitle.get('Soil salinity in the Senegal delta')!.name).toBe('Matar Ndiaye')
  })

  it('gives a profile to the person its source id names, not to a namesake with another id', async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao'], ['111'], 'Transformers for tabular data'),
      s2Record('p2', ['Jie Cao'], ['222'], 'Phase transitions in grokking'),
    ])
    const profile = createAuthorProfileRecord({
      source: 'semantic-scholar',
      key: '222',
      locator: 'https://www.semanticscholar.org/author/222',
      fetchedAt: ctx.fetchedAt,
      name: 'Jie Cao',
      metrics: { hIndex: 7 },
      ids: { s2: '222', orcid: '0000-0002-1825-0097' },
    })
    await importRecords(t.store, [], [profile])
    const people = await peopleNamed('Jie Cao')
    const withProfile = await Promise.all(people.map((p) => t.store.getAuthor(p.id)))
    const owner = withProfile.find((a) => a!.profiles.length > 0)!
    expect(owner.profiles[0]!.metrics.hIndex).toBe(7)
    const papers = await t.store.transaction((tx) => tx.listAuthorSourceIds(owner.id))
    expect(papers).toEqual(['orcid:0000-0002-1825-0097', 'semantic-scholar:222'])
  })
})

describe('people from abbreviated names', () => {
  const library = useTempStore()
  const bib = (key: string, title: string, authors: string[]) => buildRecord({ source: 'bibtex', key, title, authors })

  async function papersOf(name: string): Promise<number[]> {
    return (await library().store.findAuthors(name, 50)).filter((a) => a.name === name).map((a) => a.paperCount)
  }

  it('joins two initials whose people have written together, though no one on the paper is written out', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'Separation of scales in deep networks', ['Inbar Seroussi', 'Zohar Ringel']),
      bib('b', 'Lower bounds on grokking time', ['Seroussi, I.', 'Ringel, Z.', 'Ann Newcomer']),
    ])
    // Before, neither initial had someone resolved to vouch for it: two new people, `I. Seroussi` and `Z. Ringel`.
    expect(await papersOf('Inbar Seroussi')).toEqual([2])
    expect(await papersOf('Zohar Ringel')).toEqual([2])
    expect(await papersOf('I. Seroussi')).toEqual([])
  })

  it('never gives one person two places on a paper (a name of pass 3 took the person a pair would give)', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'First study of attention heads', ['Yu Wang', 'Eve Evidence']),
      bib('b', 'Second study of attention heads', ['Yi Zed Wang', 'Eve Evidence']),
      bib('c', 'Third study of attention heads', ['Yu Wang', 'Zhi Li']),
      bib('d', 'Delta study of attention heads', ['Eve Evidence', 'Wang, Y.', 'Wang, Y. Zachary', 'Li, Z.']),
    ])
    const paper = (await t.store.listPapers({ limit: 10 })).items.find((p) => p.title === 'Delta study of attention heads')!
    // Before, Yu Wang was given to `Wang, Y.` by a pair after `Wang, Y. Zachary` had taken him, and one of the
    // two places was lost: three authors where the entry has four.
    expect(paper.authors).toHaveLength(4)
    expect(new Set(paper.authors.map((a) => a.authorId)).size).toBe(4)
  })

  it('keeps initials apart whose fitting people never wrote together', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'One paper on kernels', ['Inbar Seroussi', 'Bo Other']),
      bib('b', 'Another paper on grokking', ['Zohar Ringel', 'Cy Third']),
      bib('c', 'A joint paper on collapse', ['Seroussi, I.', 'Ringel, Z.']),
    ])
    expect(await papersOf('Inbar Seroussi')).toEqual([1])
    expect(await papersOf('Zohar Ringel')).toEqual([1])
  })

  it('keeps initials apart that fit two such pairs, whatever their order', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('d', 'Paper with the first', ['Inbar Seroussi', 'Zohar Ringel']),
      bib('e', 'Paper with the second', ['Inbar Seroussi', 'Zeev Ringel']),
      bib('f', 'Who is Z.?', ['Seroussi, I.', 'Ringel, Z.']),
      bib('g', 'Who is Z., the other way round?', ['Ringel, Z.', 'Seroussi, I.']),
    ])
    // Inbar is the only I. Seroussi, but with two Z. Ringels she wrote with, the pair is not known: neither joins.
    expect(await papersOf('Inbar Seroussi')).toEqual([2])
    expect(await papersOf('Zohar Ringel')).toEqual([1])
    expect(await papersOf('Zeev Ringel')).toEqual([1])
  })

  it('lets no pair vouch among many initials (a large team), where a pair of co-authors is likelier chance', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'Separation of scales in deep networks', ['Inbar Seroussi', 'Zohar Ringel']),
      bib('b', 'A large collaboration on everything', ['Seroussi, I.', 'Ringel, Z.', 'Alpha, A.', 'Beta, B.', 'Gamma, C.']),
    ])
    // The three others fit nobody, so only two names are open: the pair vouches.
    expect(await papersOf('Inbar Seroussi')).toEqual([2])
    await importRecords(t.store, [
      bib('c', 'Alpha', ['Ann Alpha']),
      bib('d', 'Beta', ['Bob Beta']),
      bib('e', 'Gamma', ['Cy Gamma']),
      // `Dan`, not `Di`: `Di Delta` is read as a family name alone (`di` a particle), which `Delta, D.` does not fit,
      // and five initials that have all written with each other are a team seen before (joined, as it should be).
      bib('f', 'Delta', ['Dan Delta']),
      bib('g', 'Another large collaboration', ['Seroussi, I.', 'Ringel, Z.', 'Alpha, A.', 'Beta, B.', 'Gamma, C.', 'Delta, D.']),
    ])
    expect(await papersOf('Inbar Seroussi')).toEqual([2])
  })
})

describe('people joined when co-authors say so, whatever the order', () => {
  const library = useTempStore()
  const bib = (key: string, title: string, authors: string[]) => buildRecord({ source: 'bibtex', key, title, authors })

  async function papersOf(name: string): Promise<number[]> {
    return (await library().store.findAuthors(name, 50)).filter((a) => a.name === name).map((a) => a.paperCount).sort()
  }

  // As in the d2l BibTeX file: `Geoffrey Hinton` and `Geoffrey E. Hinton`, with Alex Krizhevsky and Ilya Sutskever.
  const hinton = [
    bib('a', 'Deep belief nets for digits', ['Geoffrey Hinton', 'Alex Krizhevsky']),
    bib('b', 'Dropout for feature detectors', ['Geoffrey E. Hinton', 'Ilya Sutskever']),
    bib('c', 'ImageNet classification with deep convolutional networks', ['Alex Krizhevsky', 'Ilya Sutskever', 'Geoffrey E. Hinton']),
  ]

  const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
  it.each(orders)('makes one person of two spellings that share a co-author, in the order %i %i %i', async (...order) => {
    await importRecords(library().store, order.map((k) => hinton[k]!))
    // Before, in file order (and two others) `Geoffrey Hinton` and `Geoffrey E. Hinton` stayed two people: the
    // exact spelling went to its own id, and nothing joined the two once Alex Krizhevsky wrote with both.
    expect(await papersOf('Geoffrey E. Hinton')).toEqual([3])
    const person = (await library().store.findAuthors('Hinton', 5))[0]!
    expect(person.nameVariants).toEqual(['Geoffrey E. Hinton', 'Geoffrey Hinton'])
  })

  it('leads the id of a person joined into another to the person they became', async () => {
    const t = library()
    // In this order the two spellings are two people until the third paper joins them.
    await importRecords(t.store, [hinton[1]!, hinton[0]!])
    const before = (await t.store.findAuthors('Hinton', 5)).map((a) => a.id)
    expect(before).toHaveLength(2)
    await importRecords(t.store, [hinton[2]!])
    const person = (await t.store.findAuthors('Hinton', 5))[0]!
    const gone = before.find((id) => id !== person.id)!
    expect(before).toContain(person.id)
    expect(await t.store.getAuthor(gone)).toBeNull()
    expect(await t.store.findAuthorIdByFormerId(gone)).toBe(person.id)
    expect((await findAuthor(t.store, gone)).author?.id).toBe(person.id)
    // A new person whose name makes the id that went takes another: the old id keeps leading where it did.
    const goneName = gone === 'geoffrey-hinton' ? 'Geoffrey Hinton' : 'Geoffrey E. Hinton'
    const fresh = await t.store.transaction((tx) => tx.createAuthor({ name: goneName, nameKey: 'x', blockKey: 'x' }))
    expect(fresh).toBe(`${gone}-2`)
    // A later paper under the spelling that went joins the person, and the old id still leads there.
    await importRecords(t.store, [bib('d', 'A later paper', ['Geoffrey E. Hinton', 'Zed Zulu'])])
    expect(await papersOf('Geoffrey E. Hinton')).toEqual([4])
    expect(await t.store.findAuthorIdByFormerId(gone)).toBe(person.id)
  })

  it('joins two people whom a join has just given a co-author in common', async () => {
    const t = library()
    await importRecords(t.store, [
      hinton[0]!,
      hinton[1]!,
      bib('v1', 'Sequence to sequence learning', ['Geoffrey Hinton', 'Oriol Vinyals']),
      // `O. Vinyals` shares no co-author with Oriol Vinyals yet (the two Hintons are two people): a person of their own.
      bib('v2', 'Distilling the knowledge in a neural network', ['Geoffrey E. Hinton', 'O. Vinyals']),
    ])
    expect(await papersOf('O. Vinyals')).toEqual([1])
    // The third paper joins the Hintons, and so the two Vinyals have written with one person.
    await importRecords(t.store, [hinton[2]!])
    expect(await papersOf('Geoffrey E. Hinton')).toEqual([5])
    expect(await papersOf('Oriol Vinyals')).toEqual([2])
    expect(await papersOf('O. Vinyals')).toEqual([])
  })

  it('counts a co-author written in initials on the paper by the full name they were taken for', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('p0', 'Kernels zero', ['Carl Dunn', 'Bob Ray']),
      bib('p1', 'Kernels one', ['Ann Lee', 'Bob Ray']),
      bib('p2', 'Kernels two', ['A. Lee', 'Carl Dunn']),
    ])
    expect(await papersOf('A. Lee')).toEqual([1])
    // `C. Dunn` is Carl Dunn (Bob Ray vouches), with whom `A. Lee` wrote: Ann Lee and `A. Lee` now share him.
    await importRecords(t.store, [bib('p3', 'Kernels three', ['Ann Lee', 'C. Dunn', 'Bob Ray'])])
    expect(await papersOf('Carl Dunn')).toEqual([3])
    expect(await papersOf('Ann Lee')).toEqual([3])
    expect(await papersOf('A. Lee')).toEqual([])
  })

  it('joins a team paper written all in initials to the people written out on another', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'Hyperband: a bandit approach', ['Lisha Li', 'Kevin Jamieson', 'Afshin Rostamizadeh', 'Ameet Talwalkar']),
      bib('b', 'Massively parallel hyperparameter tuning', ['Li, L.', 'Jamieson, K.', 'Rostamizadeh, A.', 'Talwalkar, A.']),
    ])
    // Before, each initial had three pairs of people who wrote together, so none was "the only pair": four new people.
    for (const name of ['Lisha Li', 'Kevin Jamieson', 'Afshin Rostamizadeh', 'Ameet Talwalkar']) expect(await papersOf(name)).toEqual([2])
    expect(await papersOf('K. Jamieson')).toEqual([])
  })

  it('joins a large team written in initials only when all of its people wrote with each other', async () => {
    const t = library()
    const team = ['Lisha Li', 'Kevin Jamieson', 'Giulia DeSalvo', 'Afshin Rostamizadeh', 'Ameet Talwalkar']
    await importRecords(t.store, [
      bib('a', 'Hyperband: a bandit approach', team),
      bib('b', 'Hyperband in the journal', ['Li, L.', 'Jamieson, K.', 'DeSalvo, G.', 'Rostamizadeh, A.', 'Talwalkar, A.']),
    ])
    for (const name of team) expect(await papersOf(name)).toEqual([2])
  })

  it('keeps apart two people whose initials fit and who share no co-author', async () => {
    const t = library()
    await importRecords(t.store, [
      bib('a', 'Kernels one', ['Jun Zhu', 'Ann Alpha']),
      bib('b', 'Kernels two', ['J. Zhu', 'Bob Beta']),
      bib('c', 'Kernels three', ['Jian Zhu', 'Bob Beta']),
      bib('d', 'Kernels four', ['Jun Zhu', 'Bob Beta']),
    ])
    // `J. Zhu` and Jian Zhu share Bob Beta: one person. Jun Zhu shares Bob too, but cannot be Jian: stays apart.
    expect(await papersOf('Jian Zhu')).toEqual([2])
    expect(await papersOf('Jun Zhu')).toEqual([2])
  })

  it('keeps apart two people one source tells apart, though they share a co-author', async () => {
    const t = library()
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao', 'Ann Other'], ['111', '5'], 'Transformers for tabular data'),
      s2Record('p2', ['Jie Cao', 'Ann Other'], ['222', '5'], 'Phase transitions in grokking'),
      bib('c', 'Tabular grokking', ['J. Cao', 'Ann Other']),
    ])
    // `J. Cao` fits both and shares Ann with both: which one is not known, so it is a person of its own.
    expect(await papersOf('Jie Cao')).toEqual([1, 1])
    expect(await papersOf('J. Cao')).toEqual([1])
  })

  it('changes nothing when the same records are imported again', async () => {
    const t = library()
    await importRecords(t.store, [...hinton].reverse())
    const before = await t.store.findAuthors('Hinton', 5)
    const again = await importRecords(t.store, hinton)
    expect(again.unchanged).toBe(3)
    expect(await t.store.findAuthors('Hinton', 5)).toEqual(before)
  })
})

describe('people whose given name looks like a particle', () => {
  const library = useTempStore()

  async function peopleNamed(family: string): Promise<Array<{ name: string; variants: string[]; papers: number }>> {
    return (await library().store.findAuthors(family, 50)).map((a) => ({ name: a.name, variants: [...a.nameVariants].sort(), papers: a.paperCount }))
  }

  it('makes `Le Song` and `L. Song` on two records of one paper one person', async () => {
    const t = library()
    const doi = { doi: '10.5555/kernel-embeddings' }
    await importRecords(t.store, [
      buildRecord({ source: 'openalex', key: 'W1', title: 'Kernel embeddings of conditional distributions', authors: ['Le Song', 'Kenji Fukumizu'], ids: doi }),
      buildRecord({ source: 'bibtex', key: 'song13', title: 'Kernel embeddings of conditional distributions', authors: ['L. Song', 'K. Fukumizu'], ids: doi }),
    ])
    expect((await t.store.listPapers({ limit: 5 })).total).toBe(1)
    // Before, `Le Song` parsed as the family name `le song`, which no initial of `Song` could fit: two people.
    expect(await peopleNamed('Song')).toEqual([{ name: 'Le Song', variants: ['L. Song', 'Le Song'], papers: 1 }])
  })

  it('joins `B. Yu` on another paper to `Bin Yu` when a co-author vouches for it', async () => {
    const t = library()
    await importRecords(t.store, [
      buildRecord({ source: 'bibtex', key: 'a', title: 'Veridical data science', authors: ['Bin Yu', 'Karl Kumbier'] }),
      buildRecord({ source: 'bibtex', key: 'b', title: 'Stability of interpretations', authors: ['B. Yu', 'Karl Kumbier'] }),
    ])
    expect(await peopleNamed('Yu')).toEqual([{ name: 'Bin Yu', variants: ['B. Yu', 'Bin Yu'], papers: 2 }])
  })
})

describe('people of a paper built again', () => {
  const library = useTempStore()

  it.each([
    ['a sole author written in initials', ['A. B. J. Novikoff']],
    ['two authors both written in initials', ['H. Cramér', 'A. B. J. Novikoff']],
  ])('keeps %s the same person when an edited record builds the paper again', async (_, authors) => {
    const t = library()
    const first = buildRecord({ source: 'bibtex', key: 'novikoff62', title: 'On convergence proofs for perceptrons', authors })
    await importRecords(t.store, [first])
    const before = (await t.store.findAuthors('Novikoff', 5)).map((a) => a.id)
    // The same entry with an abstract added: its paper is built again from its records, and its people resolved again.
    const edited = buildRecord({ source: 'bibtex', key: 'novikoff62', title: 'On convergence proofs for perceptrons', authors, abstract: 'A perceptron converges in finitely many steps.' })
    const again = await importRecords(t.store, [edited])
    expect(again.updated).toBe(1)
    // Before, no co-author vouched for the initials, so each rebuild made a new person (`a-b-j-novikoff-2`) and the
    // old one's links led nowhere.
    expect((await t.store.findAuthors('Novikoff', 5)).map((a) => a.id)).toEqual(before)
  })
})

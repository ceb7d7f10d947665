/**
 * The contract every PaperStore passes. Each implementation's test calls `runStoreContract` with a
 * factory for a fresh, real store (a SQLite file; a PostgreSQL schema when that store exists).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSourceRecord, isPaperscopeError, SearchRefusedError } from '../core/index.js'
import type { Paper } from '../core/index.js'
import type { PaperAnalysisWrite, PaperStore, PaperWrite, PaperWriter } from './store.js'

export interface StoreUnderTest {
  store: PaperStore
  cleanup(): Promise<void>
}

function paperWrite(over: Partial<PaperWrite> & { id: string; title: string }): PaperWrite {
  return {
    titleDerived: false,
    titleKeys: [over.title.toLowerCase()],
    abstract: null,
    date: null,
    listedAt: null,
    categories: [],
    venue: null,
    ids: {},
    authors: [],
    authorsTruncated: false,
    topics: [],
    keywords: [],
    digest: null,
    citationCount: null,
    upvotes: null,
    url: null,
    ...over,
  }
}

async function addPaper(tx: PaperWriter, paper: PaperWrite, authorNames: string[] = []): Promise<void> {
  const record = createSourceRecord({ source: 'test', key: paper.id, locator: `test:${paper.id}`, fetchedAt: '2026-01-01T00:00:00Z', title: paper.title })
  await tx.saveSourceRecord(record, paper.id, `hash-${paper.id}`, null)
  const authors = []
  for (const [i, name] of authorNames.entries()) {
    const key = name.toLowerCase()
    const id = (await tx.findAuthorIdsByNameKey(key))[0] ?? (await tx.createAuthor({ name, nameKey: key, blockKey: key }))
    authors.push({ authorId: id, name, position: i })
  }
  await tx.savePaper({ ...paper, authors })
}

export function runStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`PaperStore contract: ${name}`, () => {
    let sut: StoreUnderTest
    beforeEach(async () => {
      sut = await open()
    })
    afterEach(async () => {
      await sut.cleanup()
    })

    it('writes a paper with its authors, topics, key words and ids, and reads it back', async () => {
      await sut.store.transaction(async (tx) =>
        addPaper(
          tx,
          paperWrite({
            id: 'p1',
            title: 'Grokking as a First Order Phase Transition',
            date: '2023-10-05',
            ids: { arxiv: '2310.03789' },
            topics: ['Emergence and Phase Transitions'],
            keywords: ['Grokking', 'Phase Transition'],
            digest: { text: 'A digest.', origin: 'curated' },
          }),
          ['Noa Rubin', 'Inbar Seroussi'],
        ),
      )
      const paper = await sut.store.getPaper('p1')
      expect(paper).toMatchObject({
        title: 'Grokking as a First Order Phase Transition',
        date: '2023-10-05',
        datePrecision: 'day',
        ids: { arxiv: '2310.03789' },
        digest: { text: 'A digest.', origin: 'curated' },
        sourceCount: 1,
      })
      expect(paper!.authors.map((a) => a.name)).toEqual(['Noa Rubin', 'Inbar Seroussi'])
      expect(paper!.topics).toEqual([
        { topicId: 'emergence-and-phase-transitions', label: 'Emergence and Phase Transitions', origin: 'curated', confidence: null },
      ])
      expect(paper!.keywords.map((k) => k.text)).toEqual(['Grokking', 'Phase Transition'])
      expect(paper!.sources).toHaveLength(1)
      expect(await sut.store.findPaperIdByExternalId('arxiv', '2310.03789')).toBe('p1')
    })

    it("gives a paper's curated topics in its records' order wherever it is read, the same when saved again, then predicted ones by confidence", async () => {
      // A nested list files Focal Loss under Vision › Detection (outermost first); by name or id it would read 'Detection, Vision'.
      const focal = paperWrite({ id: 'p1', title: 'Focal Loss for Dense Object Detection', date: '2017', topics: ['Vision', 'Detection'] })
      const other = paperWrite({ id: 'p2', title: 'Unlabelled focal paper', date: '2016' })
      await sut.store.transaction(async (tx) => {
        await addPaper(tx, focal)
        await addPaper(tx, other)
      })
      const labels = (p: Pick<Paper, 'topics'> | null | undefined) => p!.topics.map((t) => `${t.origin}:${t.label}`)
      const everyRead = async (): Promise<string[][]> => [
        labels(await sut.store.getPaper('p1')),
        labels((await sut.store.getPapers(['p2', 'p1']))[1]),
        labels((await sut.store.listPapers()).items.find((p) => p.id === 'p1')),
        labels((await sut.store.listPapers({ topic: 'detection' })).items[0]),
        labels((await sut.store.searchPapers({ text: 'focal loss' })).items[0]!.paper),
      ]
      const inListOrder = Array<string[]>(5).fill(['curated:Vision', 'curated:Detection'])
      expect(await everyRead()).toEqual(inListOrder)
      // An import that reads the list again saves the same paper: nothing changes.
      await sut.store.transaction(async (tx) => tx.savePaper(focal))
      expect(await everyRead()).toEqual(inListOrder)
      // The order is the one written, not the one rows happened to arrive in.
      await sut.store.transaction(async (tx) => tx.savePaper({ ...focal, topics: ['Detection', 'Vision'] }))
      expect(labels(await sut.store.getPaper('p1'))).toEqual(['curated:Detection', 'curated:Vision'])

      await sut.store.analysis.saveAnalysis({
        analyzedAt: '2099-01-01T00:00:00Z',
        papers: [{
          paperId: 'p2', inputHash: 'h', embedder: 'lsa-1', vector: Float32Array.from([1]), terms: [], topicStatus: 'predicted',
          topicScores: [], topicProbabilities: null, topicWhy: [], keywords: [], language: null, digest: null,
          predictedTopics: [{ label: 'Detection', score: 0.4 }, { label: 'Vision', score: 0.9 }],
        }],
      })
      expect(labels(await sut.store.getPaper('p2'))).toEqual(['predicted:Vision', 'predicted:Detection'])
    })

    it("finds a paper by every id of its records, gives candidates each record's ids, and leaves an id with the paper that had it", async () => {
      const record = (key: string, ids: Record<string, string>) =>
        createSourceRecord({ source: 'test', key, locator: `test:${key}`, fetchedAt: '2026-01-01T00:00:00Z', title: key, ids })
      await sut.store.transaction(async (tx) => {
        await tx.saveSourceRecord(record('pre', { doi: '10.1101/2022.07.20.500902' }), 'p1', 'h1', null)
        await tx.saveSourceRecord(record('pub', { doi: '10.1126/science.ade2574', openalex: 'W1' }), 'p1', 'h2', null)
        // The paper shows one DOI, as the merge picks it.
        await tx.savePaper(paperWrite({ id: 'p1', title: 'ESM', ids: { doi: '10.1101/2022.07.20.500902', openalex: 'W1' } }))
        await tx.saveSourceRecord(record('other', { arxiv: '2301.00001', doi: '10.1126/science.ade2574' }), 'p2', 'h3', null)
        await tx.savePaper(paperWrite({ id: 'p2', title: 'Other', ids: { arxiv: '2301.00001', doi: '10.1126/science.ade2574' } }))
      })
      expect(await sut.store.findPaperIdByExternalId('doi', '10.1126/science.ade2574')).toBe('p1')
      expect(await sut.store.findPaperIdByExternalId('arxiv', '2301.00001')).toBe('p2')
      const [candidate] = await sut.store.transaction((tx) =>
        tx.findPaperCandidates({ ids: { doi: '10.1126/science.ade2574' }, titleKeys: [], titleText: null, abstractText: null }),
      )
      expect(candidate).toMatchObject({ paperId: 'p1', ids: { doi: '10.1101/2022.07.20.500902' } })
      expect(candidate!.recordIds).toEqual(expect.arrayContaining([{ doi: '10.1101/2022.07.20.500902' }, { doi: '10.1126/science.ade2574', openalex: 'W1' }]))
    })

    it('gives an id to the paper that claims it, and the id stays with it when the paper that had it is saved again', async () => {
      const record = (key: string, ids: Record<string, string>) =>
        createSourceRecord({ source: 'test', key, locator: `test:${key}`, fetchedAt: '2026-01-01T00:00:00Z', title: key, ids })
      const doi = '10.1561/2200000006'
      await sut.store.transaction(async (tx) => {
        await tx.saveSourceRecord(record('ddpg', { arxiv: '1509.02971', doi }), 'p1', 'h1', null)
        await tx.savePaper(paperWrite({ id: 'p1', title: 'DDPG', ids: { arxiv: '1509.02971', doi } }))
        await tx.saveSourceRecord(record('bengio', { doi }), 'p2', 'h2', null)
        await tx.savePaper(paperWrite({ id: 'p2', title: 'Bengio', ids: { doi } }))
      })
      expect(await sut.store.findPaperIdByExternalId('doi', doi)).toBe('p1')
      await sut.store.transaction(async (tx) => {
        await tx.claimExternalId('doi', doi, 'p2')
        await tx.savePaper(paperWrite({ id: 'p1', title: 'DDPG', ids: { arxiv: '1509.02971' } }))
      })
      expect([await sut.store.findPaperIdByExternalId('doi', doi), await sut.store.findPaperIdByExternalId('arxiv', '1509.02971')]).toEqual(['p2', 'p1'])
    })

    it('lists the papers whose records give an id, holding it or not, as records are saved, edited, moved and deleted', async () => {
      const record = (key: string, ids: Record<string, string>) =>
        createSourceRecord({ source: 'test', key, locator: `test:${key}`, fetchedAt: '2026-01-01T00:00:00Z', title: key, ids })
      const doi = '10.1561/2200000006'
      const ids = await sut.store.transaction(async (tx) => {
        await tx.saveSourceRecord(record('ddpg', { arxiv: '1509.02971', doi }), 'p1', 'h1', null)
        await tx.savePaper(paperWrite({ id: 'p1', title: 'DDPG', ids: { arxiv: '1509.02971', doi } }))
        // A record of a paper not saved yet gives no claim.
        await tx.saveSourceRecord(record('bengio', { doi }), 'p2', 'h2', null)
        const found = await tx.listPapersGivingId('doi', doi)
        await tx.savePaper(paperWrite({ id: 'p2', title: 'Bengio', ids: {} }))
        return found
      })
      expect(ids).toEqual(['p1'])
      expect([await sut.store.listPapersGivingId('doi', doi), await sut.store.listExternalIdsOf('p1'), await sut.store.listExternalIdsOf('p2')]).toEqual([
        ['p1', 'p2'],
        [{ kind: 'arxiv', value: '1509.02971' }, { kind: 'doi', value: doi }],
        [],
      ])
      await sut.store.transaction(async (tx) => {
        // Edited without the DOI, DDPG's record gives it no more; Bengio's record moves to p1, then is deleted.
        await tx.saveSourceRecord(record('ddpg', { arxiv: '1509.02971' }), 'p1', 'h1b', null)
        expect(await tx.listPapersGivingId('doi', doi)).toEqual(['p2'])
        await tx.saveSourceRecord(record('bengio', { doi }), 'p1', 'h2', null)
        expect(await tx.listPapersGivingId('doi', doi)).toEqual(['p1'])
        await tx.deleteSourceRecord((await tx.findSourceRecord('test', 'bengio'))!.id)
      })
      expect([await sut.store.listPapersGivingId('doi', doi), await sut.store.listPapersGivingId('arxiv', '1509.02971')]).toEqual([[], ['p1']])
    })

    it('lists every record in the order it was first stored, a page at a time, an edited or moved one in its place', async () => {
      const record = (key: string, title: string) => createSourceRecord({ source: 'test', key, locator: `test:${key}`, fetchedAt: '2026-01-01T00:00:00Z', title })
      await sut.store.transaction(async (tx) => {
        await tx.saveSourceRecord(record('a', 'First'), 'p1', 'ha', null, '/lists/a.bib')
        await tx.saveSourceRecord(record('b', 'Second'), 'p2', 'hb', null)
        await tx.saveSourceRecord(record('c', 'First again'), 'p1', 'hc', 'title: same title')
        await tx.savePaper(paperWrite({ id: 'p1', title: 'First' }))
        await tx.savePaper(paperWrite({ id: 'p2', title: 'Second' }))
      })
      // `a` edited and moved to p2 later: it keeps its place.
      await sut.store.transaction(async (tx) => {
        await tx.saveSourceRecord(record('a', 'First, edited'), 'p2', 'ha2', 'title: test')
        await tx.savePaper(paperWrite({ id: 'p2', title: 'Second' }))
      })
      const all = await sut.store.listRecordsInOrder(0, 10)
      expect(all.map((r) => [r.key, r.title, r.paperId, r.contentHash, r.matchReason, r.readFrom])).toEqual([
        ['a', 'First, edited', 'p2', 'ha2', 'title: test', '/lists/a.bib'],
        ['b', 'Second', 'p2', 'hb', null, null],
        ['c', 'First again', 'p1', 'hc', 'title: same title', null],
      ])
      const first = await sut.store.listRecordsInOrder(0, 2)
      expect(first.map((r) => r.key)).toEqual(['a', 'b'])
      expect((await sut.store.listRecordsInOrder(first[1]!.id, 2)).map((r) => r.key)).toEqual(['c'])
      expect(await sut.store.listRecordsInOrder(all[2]!.id, 2)).toEqual([])
    })

    it('rolls a failed transaction back completely', async () => {
      await expect(
        sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'p1', title: 'Kept nowhere' }), ['Jane Doe'])
          throw new Error('injected failure')
        }),
      ).rejects.toThrow('injected failure')
      const stats = await sut.store.libraryStats()
      expect([stats.papers, stats.authors, stats.sourceRecords]).toEqual([0, 0, 0])
      expect((await sut.store.listPapers()).total).toBe(0)
    })

    it('tells which authors have written with any of a list of others, for a short list and a long one', async () => {
      const ids = await sut.store.transaction(async (tx) => {
        await addPaper(tx, paperWrite({ id: 'p1', title: 'One' }), ['Ann Alpha', 'Bob Beta'])
        await addPaper(tx, paperWrite({ id: 'p2', title: 'Two' }), ['Cy Gamma', 'Dan Delta'])
        await addPaper(tx, paperWrite({ id: 'p3', title: 'Three' }), ['Eve Epsilon'])
        const id = async (name: string) => (await tx.findAuthorIdsByNameKey(name.toLowerCase()))[0]!
        return { ann: await id('Ann Alpha'), bob: await id('Bob Beta'), cy: await id('Cy Gamma'), dan: await id('Dan Delta'), eve: await id('Eve Epsilon') }
      })
      const strangers = Array.from({ length: 40 }, (_, i) => `nobody-${i}`)
      await sut.store.transaction(async (tx) => {
        // In the order asked; nobody is their own co-author.
        expect(await tx.filterCoAuthored([ids.cy, ids.eve, ids.ann], [ids.bob, ids.dan])).toEqual([ids.cy, ids.ann])
        expect(await tx.filterCoAuthored([ids.cy, ids.eve, ids.ann], [...strangers, ids.bob, ids.dan])).toEqual([ids.cy, ids.ann])
        expect(await tx.filterCoAuthored([ids.ann, ids.eve], [ids.ann, ids.eve])).toEqual([])
        expect(await tx.hasCoAuthored(ids.ann, [ids.ann])).toBe(false)
        expect(await tx.hasCoAuthored(ids.ann, [...strangers, ids.bob])).toBe(true)
        expect(await tx.filterCoAuthored([ids.ann], [])).toEqual([])
      })
    })

    it('names a person by their fullest spelling, and of twins that differ by a hyphen, the hyphenated one', async () => {
      const named = async (first: string, more: string[]): Promise<string | undefined> =>
        sut.store.transaction(async (tx) => {
          const id = await tx.createAuthor({ name: first, nameKey: first.toLowerCase(), blockKey: first.toLowerCase() })
          await tx.addAuthorNames(id, more.map((name) => ({ name, nameKey: name.toLowerCase() })))
          return (await tx.getAuthor(id))?.name
        })
      expect(await named('A. M. Saxe', ['Andrew M. Saxe'])).toBe('Andrew M. Saxe')
      // `Zeyuan Allen Zhu` reads as given names Zeyuan Allen and family name Zhu; the hyphen says Allen-Zhu.
      expect(await named('Zeyuan Allen Zhu', ['Zeyuan Allen-Zhu'])).toBe('Zeyuan Allen-Zhu')
      expect(await named('Zeyuan Allen-Zhu', ['Zeyuan Allen Zhu', 'Z. Allen-Zhu'])).toBe('Zeyuan Allen-Zhu')
      expect(await named('Cho Jui Hsieh', ['Cho-Jui Hsieh'])).toBe('Cho-Jui Hsieh')
      // A spelling in capitals only (a journal's style) or in lower case only never renames a person.
      expect(await named('Inbar Seroussi', ['INBAR SEROUSSI'])).toBe('Inbar Seroussi')
      expect(await named('INBAR M. SEROUSSI', ['Inbar Seroussi', 'inbar m. seroussi'])).toBe('Inbar Seroussi')
      expect(await named('张伟', ['Wei Zhang'])).toBe('Wei Zhang')
      // Family name first, the given names follow the comma: `Song, L.` is no fuller than `L. Song`, and less full than
      // `Le Song`; of two as full, the given name first, whichever came first (it had been `Song, L.`, the longer).
      for (const [a, b] of [['Le Song', 'Song, L.'], ['Le Song', 'Song, Le'], ['L. Song', 'Song, L.'], ['Andrew Saxe', 'Saxe, Andrew']]) {
        expect(await named(a!, [b!]), `${a} + ${b}`).toBe(a)
        expect(await named(b!, [a!]), `${b} + ${a}`).toBe(a)
      }
      expect(await named('A. Saxe', ['Saxe, Andrew M.'])).toBe('Saxe, Andrew M.')
      expect(await named('Martin L. King', ['King, Jr., Martin Luther'])).toBe('King, Jr., Martin Luther')
      // A comma before a suffix only is no family-name-first spelling.
      expect(await named('M. L. King', ['Martin Luther King, Jr.'])).toBe('Martin Luther King, Jr.')
    })

    it('makes author ids readable in any script, the same whatever order people arrive in', async () => {
      const ids = async (names: string[]): Promise<string[]> =>
        sut.store.transaction(async (tx) => {
          const out = []
          for (const name of names) out.push(await tx.createAuthor({ name, nameKey: `${name.toLowerCase()} ${out.length}`, blockKey: name.toLowerCase() }))
          return out
        })
      // Before: `szymon-p-otka`, `x`, `x-2`, `x-3` (numbered in the order they came).
      expect(await ids(['Szymon Płotka', 'Jörg Weiß', 'Fırat Öztürk', '张伟', 'Иван Петров', '王芳', 'प्रिया शर्मा', 'ガンダム', '김민준'])).toEqual([
        'szymon-plotka',
        'jorg-weiss',
        'firat-ozturk',
        '张伟',
        'иван-петров',
        '王芳',
        // Vowel signs and voicing marks are letters' own here (stripping them gave `परय-शरम`, `カンタム`).
        'प्रिया-शर्मा',
        'ガンダム',
        '김민준',
      ])
      // Cut at 80 characters, never on a hyphen.
      const [long] = await ids([`${'a'.repeat(79)} b`])
      expect(long).toBe('a'.repeat(79))
    })

    describe('finding authors by name', () => {
      beforeEach(async () => {
        // [name, name key as the library folds it, papers]: prolific authors whose names only contain the query.
        const people: Array<[string, string, number]> = [
          ['Surya Ganguli', 'surya ganguli', 4],
          ['Timothy Lillicrap', 'timothy lillicrap', 3],
          ['Zhiyuan Li', 'zhiyuan li', 1],
          ['Yuanzhi Li', 'yuanzhi li', 2],
          ['Andrew M. Saxe', 'andrew m saxe', 3],
          ['Andrew Saxe', 'andrew saxe', 1],
          ['Gérard Ben Arous', 'gerard ben arous', 1],
        ]
        await sut.store.transaction(async (tx) => {
          let n = 0
          for (const [name, nameKey, papers] of people) {
            const authorId = await tx.createAuthor({ name, nameKey, blockKey: nameKey })
            for (let i = 0; i < papers; i++) {
              const paper = paperWrite({ id: `pn${++n}`, title: `Paper ${n}`, authors: [{ authorId, name, position: 0 }] })
              await tx.saveSourceRecord(createSourceRecord({ source: 'test', key: paper.id, locator: `test:${paper.id}`, fetchedAt: '2026-01-01T00:00:00Z', title: paper.title }), paper.id, `h${n}`, null)
              await tx.savePaper(paper)
            }
          }
        })
      })
      const names = async (query: string): Promise<string[]> => (await sut.store.findAuthors(query)).map((a) => a.name)

      it('ranks a whole name word above the start of a word above a part of one, the most prolific first within each', async () => {
        expect(await names('Li')).toEqual(['Yuanzhi Li', 'Zhiyuan Li', 'Timothy Lillicrap', 'Surya Ganguli'])
        expect(await names('gangu')).toEqual(['Surya Ganguli'])
      })

      it('puts the exact full name first, and ignores accents, case, dots, hyphens and word order', async () => {
        expect(await names('Andrew Saxe')).toEqual(['Andrew Saxe', 'Andrew M. Saxe'])
        expect(await names('Saxe, A. M.')).toEqual(['Andrew M. Saxe'])
        expect(await names('GÉRARD Ben-Arous')).toEqual(['Gérard Ben Arous'])
        expect(await names('gerard')).toEqual(['Gérard Ben Arous'])
        // `Family, Given` is the exact name too.
        expect(await names('Saxe, Andrew')).toEqual(['Andrew Saxe', 'Andrew M. Saxe'])
        // A word typed twice, or a paragraph of words, costs no more than a name's words.
        expect(await names('Saxe Saxe Saxe Andrew')).toEqual(['Andrew M. Saxe', 'Andrew Saxe'])
        expect(await names(`${'a '.repeat(100)}saxe`)).toEqual(['Andrew M. Saxe', 'Andrew Saxe'])
      })

      it('reads % and _ as characters, not wildcards, and finds nobody for a query without words', async () => {
        for (const q of ['%', '_', '.', '-', '  ', 'g_nguli', 'sur%li', '\\']) expect(await names(q), q).toEqual([])
      })

      it('pages through the authors a name finds: the pages make up the whole list, and the count says how long it is', async () => {
        // `a` is in every name; three pass one author ranked like another (one paper each), so ties must page stably.
        const whole = await names('a')
        expect(whole).toHaveLength(7)
        const pages = []
        for (let offset = 0; offset < 7; offset += 3) pages.push((await sut.store.findAuthors('a', 3, offset)).map((a) => a.name))
        expect(pages.map((p) => p.length)).toEqual([3, 3, 1])
        expect(pages.flat()).toEqual(whole)
        expect(await sut.store.findAuthors('a', 3, 7)).toEqual([])
        expect(await sut.store.countAuthors('a')).toBe(7)
        expect(await sut.store.countAuthors('Li')).toBe(4)
        expect(await sut.store.countAuthors('Saxe, Andrew')).toBe(2)
        for (const q of ['%', '  ', 'nobody']) expect(await sut.store.countAuthors(q), q).toBe(0)
      })
    })

    describe('with a few papers', () => {
      beforeEach(async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pa', title: 'Grokking modular arithmetic', date: '2022', topics: ['Emergence'], categories: ['cs.LG'] }), ['Alethea Power'])
          await addPaper(
            tx,
            paperWrite({ id: 'pb', title: 'Neural collapse in deep classifiers', date: '2021-06', abstract: 'We relate neural collapse to grokking only in passing.', topics: ['Neural Collapse'] }),
            ['Vardan Papyan'],
          )
          await addPaper(tx, paperWrite({ id: 'pc', title: 'Double descent everywhere', date: '2019-12-04', listedAt: '2026-09-05', upvotes: 12 }), ['Preetum Nakkiran', 'Alethea Power'])
        })
      })

      it('ranks a title match above an abstract match and reports facets', async () => {
        const result = await sut.store.searchPapers({ text: 'grokking' })
        expect(result.items.map((h) => h.paper.id)).toEqual(['pa', 'pb'])
        expect(result.total).toBe(2)
        expect(result.items[0]!.title.some((s) => s.match && /grokking/i.test(s.text))).toBe(true)
        expect(result.facets.topic.map((f) => [f.label, f.count])).toEqual([
          ['Emergence', 1],
          ['Neural Collapse', 1],
        ])
        expect(result.facets.year.map((f) => [f.value, f.count])).toEqual([
          ['2022', 1],
          ['2021', 1],
        ])
      })

      it('says which curated key words a hit matched, for a hit found by them alone', async () => {
        await sut.store.transaction(async (tx) => addPaper(tx, paperWrite({ id: 'pd', title: 'Slow generalization after overfitting', keywords: ['Grokking', 'Phase Transitions'] })))
        const result = await sut.store.searchPapers({ text: 'grokking' })
        const hit = result.items.find((h) => h.paper.id === 'pd')
        expect(hit?.matchedKeywords).toEqual(['Grokking'])
        expect(hit?.title.some((s) => s.match)).toBe(false)
        expect(result.items.find((h) => h.paper.id === 'pa')?.matchedKeywords).toEqual([])
      })

      it('ranks papers with a word typed as a prefix above those with longer words it starts', async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'ps', title: 'Samples, samples and more samples for sample efficiency' }))
          await addPaper(tx, paperWrite({ id: 'pm', title: 'Flat minima found by SAM' }))
        })
        // Before, `SAM*` alone ranked the paper saying `samples` four times first.
        const result = await sut.store.searchPapers({ text: 'SAM', prefix: true })
        expect(result.items.map((h) => h.paper.id)).toEqual(['pm', 'ps'])
      })

      it('finds a word with its plural or singular, and no other word of its stem', async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pk', title: 'Kernels of wide networks' }))
          await addPaper(tx, paperWrite({ id: 'pl', title: 'Generalization of deep nets' }))
          await addPaper(tx, paperWrite({ id: 'pq', title: 'A generative model of phases' }))
        })
        const ids = async (text: string) => (await sut.store.searchPapers({ text })).items.map((h) => h.paper.id).sort()
        expect(await ids('kernel')).toEqual(['pk'])
        expect(await ids('phase')).toEqual(['pq'])
        // The Porter stemmer made these one word: `generative` found `generalization`.
        expect(await ids('generative')).toEqual(['pq'])
        expect(await ids('generalization')).toEqual(['pl'])
      })

      it('ranks a title that says the query above abstracts that repeat its words', async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pf', title: 'Feature Learning in Wide Networks', abstract: 'We study wide networks.' }))
          await addPaper(
            tx,
            paperWrite({ id: 'pg', title: 'Kernels and learning', abstract: 'Feature learning, feature learning and more feature learning: learning features is what learning does.' }),
          )
          await addPaper(tx, paperWrite({ id: 'ph', title: 'Wide networks', abstract: 'Feature learning happens: feature learning, feature learning, feature learning everywhere.' }))
          // Papers without the words, so that the words are rare enough to weigh (bm25's idf is 0 at half the papers).
          for (const id of ['pw', 'px', 'py', 'pz']) await addPaper(tx, paperWrite({ id, title: `Sparse circuits ${id}`, abstract: 'Pruning at initialization.' }))
        })
        expect((await sut.store.searchPapers({ text: 'feature learning' })).items.map((h) => h.paper.id)[0]).toBe('pf')
      })

      it('filters search by topic, year and author', async () => {
        expect((await sut.store.searchPapers({ text: 'grokking', topic: 'neural-collapse' })).items.map((h) => h.paper.id)).toEqual(['pb'])
        expect((await sut.store.searchPapers({ text: 'grokking', yearFrom: 2022 })).items.map((h) => h.paper.id)).toEqual(['pa'])
        const power = (await sut.store.findAuthors('alethea power'))[0]!
        expect((await sut.store.searchPapers({ text: 'double', authorId: power.id })).total).toBe(1)
      })

      it('searches FTS syntax as plain words and rejects a query with no words', async () => {
        for (const q of ['"unbalanced (', 'NEAR(', 'grok*', 'grok -collapse', 'a AND OR']) {
          await expect(sut.store.searchPapers({ text: q })).resolves.toBeDefined()
        }
        // Only a word to leave out (before: searched for it) is refused, as no words are.
        for (const q of ['"(', '-collapse']) await expect(sut.store.searchPapers({ text: q })).rejects.toSatisfy((e) => isPaperscopeError(e, 'INVALID_QUERY'))
        expect((await sut.store.searchPapers({ text: 'grok', prefix: true })).total).toBe(2)
      })

      it('says why it refuses a search, as data an edge reads instead of reading the words again', async () => {
        const refusal = (text: string) =>
          sut.store.searchPapers({ text }).then(
            () => null,
            (e: unknown) => (e instanceof SearchRefusedError ? { code: e.code, field: e.field, reason: e.reason, word: e.word } : e),
          )
        expect(await refusal('  ')).toEqual({ code: 'INVALID_QUERY', field: 'q', reason: 'empty', word: undefined })
        expect(await refusal('AND OR NOT')).toEqual({ code: 'INVALID_QUERY', field: 'q', reason: 'no-words', word: undefined })
        expect(await refusal('"(')).toEqual({ code: 'INVALID_QUERY', field: 'q', reason: 'no-words', word: undefined })
        expect(await refusal('grok -collapse')).toBeNull()
        expect(await refusal('-collapse NOT grok')).toEqual({ code: 'INVALID_QUERY', field: 'q', reason: 'only-left-out', word: undefined })
        expect(await refusal('grok NOT C#')).toEqual({ code: 'INVALID_QUERY', field: 'q', reason: 'letter-and-symbols', word: 'C#' })
      })

      it('lists papers newest first, filtered and paged', async () => {
        expect((await sut.store.listPapers({ sort: 'recent' })).items.map((p) => p.id)).toEqual(['pa', 'pb', 'pc'])
        expect((await sut.store.listPapers({ year: 2021 })).items.map((p) => p.id)).toEqual(['pb'])
        const page = await sut.store.listPapers({ limit: 1, offset: 1 })
        expect([page.total, page.items[0]!.id]).toEqual([3, 'pb'])
        expect((await sut.store.listPapers({ sort: 'trending' })).items.map((p) => p.id)).toEqual(['pc'])
      })

      it("ranks in trending, after the scored ones, the papers a listing page gave no date or votes, in the page's order", async () => {
        await sut.store.transaction(async (tx) => {
          // A page captured without its year: its entries are listed, with no listing date and no upvotes. A
          // publication date from elsewhere (pe) says nothing of when a page listed it.
          // Page by page (two pages captured without their year), each in its order (line 3 before line 12); an
          // entry of no page (ph, from an API) after them.
          const listed = [
            ['pd', 'daily-papers', 'sep5.txt', 12, null],
            ['pe', 'daily-papers', 'sep5.txt', 3, '2026-01'],
            ['pf', 'daily-papers', 'sep6.txt', 9, null],
            ['pg', 'daily-papers', 'sep6.txt', 30, null],
            ['ph', 'huggingface', null, null, null],
          ] as const
          for (const [id, source, file, line, date] of listed) {
            const record = createSourceRecord({ source, key: id, locator: `${file ?? 'https://hf.co/papers/'}:${line ?? id}`, line, fetchedAt: '2026-01-01T00:00:00Z', title: id })
            await tx.saveSourceRecord(record, id, `hash-${id}`, null, file)
            await tx.savePaper({ ...paperWrite({ id, title: `Listed ${id}`, date }), authors: [] })
          }
        })
        const trending = await sut.store.listPapers({ sort: 'trending' })
        expect([trending.total, trending.items.map((p) => p.id)]).toEqual([6, ['pc', 'pe', 'pd', 'pf', 'pg', 'ph']])
        // The page read again with a new entry above pd: its line moves (the record is written, the paper is not
        // saved again), and so does its place.
        await sut.store.transaction(async (tx) => {
          const record = createSourceRecord({ source: 'daily-papers', key: 'pd', locator: 'sep5.txt:2', line: 2, fetchedAt: '2026-01-02T00:00:00Z', title: 'pd' })
          await tx.saveSourceRecord(record, 'pd', 'hash-pd', null, 'sep5.txt')
        })
        expect((await sut.store.listPapers({ sort: 'trending' })).items.map((p) => p.id)).toEqual(['pc', 'pd', 'pe', 'pf', 'pg', 'ph'])
        expect((await sut.store.listPapers({ sort: 'trending', year: 2026 })).items.map((p) => p.id)).toEqual(['pe'])
      })

      it('finds candidates by id, title key and title words', async () => {
        const byKey = await sut.store.transaction((tx) =>
          tx.findPaperCandidates({ ids: {}, titleKeys: ['double descent everywhere'], titleText: null, abstractText: null }),
        )
        expect(byKey.map((c) => c.paperId)).toEqual(['pc'])
        expect(byKey[0]!.authors.sort()).toEqual(['Alethea Power', 'Preetum Nakkiran'])
        const byWords = await sut.store.transaction((tx) =>
          tx.findPaperCandidates({ ids: {}, titleKeys: [], titleText: 'Grokking of modular arithmetics', abstractText: null }),
        )
        expect(byWords.map((c) => c.paperId)).toContain('pa')
      })

      it('counts co-authors, topics and library totals', async () => {
        const power = (await sut.store.findAuthors('power'))[0]!
        expect(power.paperCount).toBe(2)
        expect((await sut.store.listCoAuthors(power.id)).map((c) => c.name)).toEqual(['Preetum Nakkiran'])
        expect((await sut.store.listTopics()).map((t) => [t.label, t.paperCount])).toEqual([
          ['Emergence', 1],
          ['Neural Collapse', 1],
        ])
        const topic = await sut.store.getTopic('neural-collapse')
        expect(topic?.perYear).toEqual([{ year: 2021, curated: 1, predicted: 0 }])
        expect(await sut.store.libraryStats()).toMatchObject({ papers: 3, authors: 3, sourceRecords: 3, mergedPapers: 0 })
      })
    })

    it('counts papers found in more than one source apart from papers a source listed twice', async () => {
      await sut.store.transaction(async (tx) => {
        const paper = async (id: string, sources: string[]) => {
          for (const [i, source] of sources.entries())
            await tx.saveSourceRecord(createSourceRecord({ source, key: `${id}-${i}`, locator: `${source}:${id}-${i}`, fetchedAt: '2026-01-01T00:00:00Z', title: id }), id, `hash-${id}-${i}`, i === 0 ? null : 'same title')
          await tx.savePaper(paperWrite({ id, title: id }))
        }
        // An awesome list that names a paper on two lines: two records, one source.
        await paper('twice', ['awesome-list', 'awesome-list'])
        await paper('both', ['awesome-list', 'arxiv'])
        await paper('once', ['arxiv'])
      })
      expect((await sut.store.getPaper('twice'))!.sourceCount).toBe(2)
      expect(await sut.store.libraryStats()).toMatchObject({ papers: 3, sourceRecords: 5, mergedPapers: 2, multiSourcePapers: 1 })
    })

    describe('search facets on a library where topics, years and sources overlap', () => {
      // 30 papers written in a scrambled order (so insertion order is not id order), with 0-3 topics,
      // 0-2 categories, 1-3 sources (one of them twice) and equal-scoring titles; the expected counts are
      // worked out below from the same spec, never typed in.
      const spec = Array.from({ length: 30 }, (_, n) => {
        const i = (n * 7) % 30
        return {
          id: `q${String(i).padStart(2, '0')}`,
          title: i % 3 === 2 ? `Collapse study number w${i}` : `Grokking study number w${i}`,
          abstract: i % 2 === 1 ? 'Where grokking appears.' : null,
          year: i % 10 === 9 ? null : 2018 + (i % 4),
          topics: [i % 2 === 0 && 'Alpha', i % 3 === 0 && 'Beta', i % 5 < 2 && 'Gamma'].filter((t): t is string => Boolean(t)),
          categories: [i % 2 === 1 && 'cs.LG', i % 3 === 0 && 'stat.ML'].filter((c): c is string => Boolean(c)),
          sources: ['test', ...(i % 4 === 0 ? ['arxiv'] : []), ...(i % 6 === 0 ? ['daily', 'daily'] : [])],
        }
      })
      type Spec = (typeof spec)[number]
      const expected = (papers: Spec[]) => {
        const count = (values: Array<string | number>): Map<string, number> => {
          const m = new Map<string, number>()
          for (const v of values) m.set(String(v), (m.get(String(v)) ?? 0) + 1)
          return m
        }
        const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        return {
          topic: byCount(count(papers.flatMap((p) => p.topics))),
          year: [...count(papers.flatMap((p) => (p.year === null ? [] : [p.year])))].sort((a, b) => Number(b[0]) - Number(a[0])),
          source: byCount(count(papers.flatMap((p) => [...new Set(p.sources)]))),
          category: byCount(count(papers.flatMap((p) => p.categories))),
        }
      }
      const actual = (facets: Record<'topic' | 'year' | 'source' | 'category', Array<{ label: string; value: string; count: number }>>) => ({
        topic: facets.topic.map((f) => [f.label, f.count]),
        year: facets.year.map((f) => [f.value, f.count]),
        source: facets.source.map((f) => [f.value, f.count]),
        category: facets.category.map((f) => [f.value, f.count]),
      })
      const grokking = spec.filter((p) => p.title.startsWith('Grokking') || p.abstract !== null)

      beforeEach(async () => {
        await sut.store.transaction(async (tx) => {
          for (const p of spec) {
            await addPaper(tx, paperWrite({ id: p.id, title: p.title, abstract: p.abstract, date: p.year === null ? null : String(p.year), topics: p.topics, categories: p.categories }))
            for (const [k, source] of p.sources.slice(1).entries()) {
              const record = createSourceRecord({ source, key: `${p.id}-${k}`, locator: `${source}:${p.id}`, fetchedAt: '2026-01-01T00:00:00Z', title: p.title })
              await tx.saveSourceRecord(record, p.id, `hash-${p.id}-${k}`, 'same id')
            }
          }
        })
      })

      it('counts every match once per topic, year, source and category', async () => {
        const result = await sut.store.searchPapers({ text: 'grokking' })
        expect(result.total).toBe(grokking.length)
        expect(result.facetsApproximate).toBe(false)
        expect(result.facetsOver).toBe(grokking.length)
        expect(actual(result.facets)).toEqual(expected(grokking))
      })

      it('counts each topic’s dated papers per year, and each dated paper with any topic once, for trends', async () => {
        const counts = await sut.store.topicYearCounts()
        const dated = spec.filter((p) => p.year !== null)
        const perYear = (papers: Spec[]) => {
          const m = new Map<number, number>()
          for (const p of papers) m.set(p.year as number, (m.get(p.year as number) ?? 0) + 1)
          return [...m].sort((a, b) => a[0] - b[0])
        }
        expect(counts.topics.map((t) => t.label)).toEqual((await sut.store.listTopics()).map((t) => t.label))
        for (const t of counts.topics)
          expect(t.perYear.map((y) => [y.year, y.curated, y.predicted])).toEqual(perYear(dated.filter((p) => p.topics.includes(t.label))).map(([y, n]) => [y, n, 0]))
        // A paper under two or three topics is one sorted paper of its year; a paper with none is not one.
        expect(counts.sortedPerYear.map((y) => [y.year, y.papers])).toEqual(perYear(dated.filter((p) => p.topics.length > 0)))
      })

      it('counts only the matches a filter keeps', async () => {
        const beta = await sut.store.searchPapers({ text: 'grokking', topic: 'beta' })
        expect(actual(beta.facets)).toEqual(expected(grokking.filter((p) => p.topics.includes('Beta'))))
        const arxiv = await sut.store.searchPapers({ text: 'study', source: 'arxiv', yearFrom: 2019 })
        expect(actual(arxiv.facets)).toEqual(expected(spec.filter((p) => p.sources.includes('arxiv') && p.year !== null && p.year >= 2019)))
        const cat = await sut.store.searchPapers({ text: 'study', category: 'stat.ML' })
        expect(cat.total).toBe(spec.filter((p) => p.categories.includes('stat.ML')).length)
        expect(actual(cat.facets)).toEqual(expected(spec.filter((p) => p.categories.includes('stat.ML'))))
        // A category in any case, as a reader types it.
        const folded = await sut.store.searchPapers({ text: 'study', category: 'STAT.ml' })
        expect(folded.items.map((h) => h.paper.id)).toEqual(cat.items.map((h) => h.paper.id))
      })

      it('lists the categories papers carry, most papers first', async () => {
        expect((await sut.store.listCategories()).map((c) => [c.category, c.papers])).toEqual(expected(spec).category)
      })

      it('pages through ties in one order: best score first, then by id', async () => {
        const all = await sut.store.searchPapers({ text: 'grokking', limit: 200 })
        const paged = []
        for (let offset = 0; offset < all.total + 4; offset += 4) paged.push(...(await sut.store.searchPapers({ text: 'grokking', limit: 4, offset })).items)
        expect(paged.map((h) => h.paper.id)).toEqual(all.items.map((h) => h.paper.id))
        for (const [i, hit] of all.items.slice(1).entries()) {
          const before = all.items[i]!
          expect(before.score > hit.score || (before.score === hit.score && before.paper.id < hit.paper.id)).toBe(true)
        }
        expect(new Set(all.items.map((h) => h.score)).size).toBeLessThan(all.items.length)
      })
    })

    describe('analysis results', () => {
      const analysisOf = (paperId: string, over: Partial<PaperAnalysisWrite> = {}): PaperAnalysisWrite => ({
        paperId,
        inputHash: `h-${paperId}`,
        embedder: 'lsa-3',
        vector: Float32Array.from([0.6, 0.8, 0]),
        terms: [{ term: 'grokking', weight: 0.5 }],
        topicStatus: 'predicted',
        topicScores: [{ label: 'Emergence', score: 0.8 }],
        topicProbabilities: [0.8, 0.2],
        topicWhy: [{ label: 'grokking', score: 1.2 }],
        predictedTopics: [{ label: 'Emergence', score: 0.8 }],
        keywords: [{ text: 'modular arithmetic', score: 0.9, inText: true, why: [{ label: 'in title', score: 1 }] }],
        language: null,
        digest: { text: 'We show that grokking happens.', why: [] },
        ...over,
      })

      beforeEach(async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pa', title: 'Grokking modular arithmetic', date: '2022', abstract: 'We show that grokking happens.', topics: ['Emergence'] }), ['Alethea Power'])
          await addPaper(tx, paperWrite({ id: 'pb', title: 'Unlabelled grokking', date: '2023', abstract: 'An abstract.', citationCount: 7 }), ['Alethea Power'])
          await addPaper(tx, paperWrite({ id: 'pc', title: 'Curated digest', digest: { text: 'By hand.', origin: 'curated' } }))
        })
      })

      it('keeps models, vectors, predicted topics, extracted key words and generated digests apart from curated ones', async () => {
        expect(await sut.store.analysis.generation()).toBeNull()
        expect((await sut.store.analysis.listAnalysisInputs({ onlyStale: true })).map((p) => p.id)).toEqual(['pa', 'pb', 'pc'])
        await sut.store.analysis.saveAnalysis({
          analyzedAt: '2099-01-01T00:00:00Z',
          models: [{ kind: 'topics', model: { labels: ['Emergence', 'Other'] }, fittedAt: '2099-01-01T00:00:00Z', librarySize: 3, trainingSize: 1 }],
          papers: [analysisOf('pb'), analysisOf('pc', { topicStatus: 'unsorted', predictedTopics: [], keywords: [], language: 'French', digest: { text: 'Generated.', why: [] } })],
          novelty: [
            // The papers its percentile ranks among, kept as data (the sentence names them for readers only).
            { paperId: 'pb', novelty: 0.25, percentile: 100, comparedWith: 1, evidence: [{ paperId: 'pa', date: '2022', similarity: 0.75 }], explanation: '1 − 0.75', centralityPercentile: 50, tooLittleKnown: null, cohort: { from: 2022, to: 2023, papers: 14 } },
            // The words the model knows of a text too little known to place: one, or none at all (not the same as null).
            { paperId: 'pa', novelty: null, percentile: null, comparedWith: 0, evidence: [], explanation: 'too little known', centralityPercentile: null, tooLittleKnown: ['grokking'], cohort: null },
            { paperId: 'pc', novelty: null, percentile: null, comparedWith: 0, evidence: [], explanation: 'too little known', centralityPercentile: null, tooLittleKnown: [], cohort: null },
          ],
        })
        expect(await sut.store.analysis.generation()).toBe(1)
        expect(await sut.store.analysis.getModels()).toEqual([
          { kind: 'topics', model: { labels: ['Emergence', 'Other'] }, fittedAt: '2099-01-01T00:00:00Z', librarySize: 3, trainingSize: 1 },
        ])
        const pb = await sut.store.getPaper('pb')
        expect(pb!.topics).toEqual([{ topicId: 'emergence', label: 'Emergence', origin: 'predicted', confidence: 0.8 }])
        expect(pb!.keywords).toEqual([{ text: 'modular arithmetic', origin: 'extracted' }])
        expect(pb!.digest).toEqual({ text: 'We show that grokking happens.', origin: 'generated' })
        // A source's digest always wins over a generated one.
        expect((await sut.store.getPaper('pc'))!.digest).toEqual({ text: 'By hand.', origin: 'curated' })
        expect(await sut.store.analysis.listNovelty()).toMatchObject([
          { paperId: 'pa', novelty: null, tooLittleKnown: ['grokking'], cohort: null },
          { paperId: 'pb', novelty: 0.25, comparedWith: 1, evidence: [{ paperId: 'pa', date: '2022', similarity: 0.75 }], tooLittleKnown: null, cohort: { from: 2022, to: 2023, papers: 14 } },
          { paperId: 'pc', novelty: null, tooLittleKnown: [], cohort: null },
        ])
        const [stored, storedPc] = await sut.store.analysis.getPaperAnalyses(['pb', 'pc'])
        expect(stored).toMatchObject({ topicStatus: 'predicted', predictedTopics: [{ label: 'Emergence', score: 0.8 }], novelty: { novelty: 0.25, percentile: 100, evidence: [{ paperId: 'pa', similarity: 0.75 }], tooLittleKnown: null, cohort: { from: 2022, to: 2023, papers: 14 } } })
        expect(storedPc!.novelty).toMatchObject({ novelty: null, tooLittleKnown: [], cohort: null })
        // The language the analysis told: English (null) is known, not left out as for an analysis that kept none.
        expect([stored!.language, storedPc!.language]).toEqual([null, 'French'])
        const vectors = await sut.store.analysis.listVectors()
        expect(vectors.map((v) => [v.paperId, [...v.vector].map((x) => Math.round(x * 10) / 10)])).toEqual([
          ['pb', [0.6, 0.8, 0]],
          ['pc', [0.6, 0.8, 0]],
        ])
        expect(vectors.map((v) => [v.paperId, v.predictedTopics])).toEqual([['pb', ['Emergence']], ['pc', []]])
        const inputs = await sut.store.analysis.listAnalysisInputs()
        expect(inputs.find((p) => p.id === 'pa')).toMatchObject({ curatedTopics: ['Emergence'], analyzedHash: null, digest: null })
        expect(inputs.find((p) => p.id === 'pb')).toMatchObject({ curatedTopics: [], analyzedHash: 'h-pb' })
        expect((await sut.store.analysis.listAnalysisInputs({ onlyStale: true })).map((p) => p.id)).toEqual(['pa'])
        const power = (await sut.store.findAuthors('alethea power'))[0]!
        // pa has no citation count and no novelty yet; pb has both.
        const powerTotals = { authorId: power.id, name: power.name, papers: 2, citationCounts: [7], noveltySum: 100, noveltyPapers: 1, centralitySum: 50, centralityPapers: 1 }
        expect(await sut.store.analysis.getResearcherTotals(power.id)).toEqual(powerTotals)
        expect((await sut.store.analysis.listResearcherTotals()).find((t) => t.authorId === power.id)).toEqual(powerTotals)
        expect(await sut.store.analysis.getResearcherTotals('nobody')).toBeNull()
        // A full analysis replaces everything computed before; curated values stay.
        await sut.store.analysis.saveAnalysis({ analyzedAt: '2099-01-02T00:00:00Z', replaceAll: true, papers: [analysisOf('pa', { topicStatus: 'curated', predictedTopics: [], digest: null })] })
        expect(await sut.store.analysis.generation()).toBe(2)
        const pbAfter = await sut.store.getPaper('pb')
        expect([pbAfter!.topics, pbAfter!.keywords, pbAfter!.digest]).toEqual([[], [], null])
        expect((await sut.store.getPaper('pa'))!.topics.map((t) => t.origin)).toEqual(['curated'])
      })

      it('says it could not save an analysis, saving none of it, as a store failure rather than a bug', async () => {
        const write = sut.store.analysis.saveAnalysis({
          analyzedAt: '2099-01-01T00:00:00Z',
          // The second paper's row breaks a rule of the library (a topic status it does not know).
          papers: [analysisOf('pa'), analysisOf('pb', { topicStatus: 'bogus' as PaperAnalysisWrite['topicStatus'] })],
        })
        await expect(write).rejects.toSatisfy((err: unknown) => isPaperscopeError(err) && err.code === 'STORE_FAILED' && /cannot save the analysis in the library: .*nothing of it was saved/.test(err.message))
        expect(await sut.store.analysis.generation()).toBeNull()
        expect(await sut.store.analysis.listVectors()).toEqual([])
      })

      it('removes a paper its one record left, with its vectors, analysis, novelty and search entry', async () => {
        await sut.store.analysis.saveAnalysis({
          analyzedAt: '2099-01-01T00:00:00Z',
          papers: [analysisOf('pa'), analysisOf('pb')],
          novelty: [{ paperId: 'pb', novelty: 0.25, percentile: 100, comparedWith: 1, evidence: [{ paperId: 'pa', date: '2022', similarity: 0.75 }], explanation: '1 − 0.75', centralityPercentile: 50, tooLittleKnown: null, cohort: { from: 2022, to: 2022, papers: 10 } }],
        })
        // A paper that still has a record is not removed, and nothing of the transaction is kept.
        await expect(sut.store.transaction((tx) => tx.deletePaper('pb', 'pa'))).rejects.toThrow(/source records/)
        expect(await sut.store.getPaper('pb')).not.toBeNull()
        await sut.store.transaction(async (tx) => {
          const [record] = await tx.listSourceRecords('pb')
          await tx.saveSourceRecord(record!, 'pa', 'hash-moved', 'title: test')
          await tx.deletePaper('pb', 'pa')
        })
        expect(await sut.store.getPaper('pb')).toBeNull()
        // Its id leads to the paper its record joined.
        expect(await sut.store.findPaperIdByFormerId('pb')).toBe('pa')
        expect(await sut.store.findPaperIdByFormerId('pa')).toBeNull()
        expect((await sut.store.getPaper('pa'))!.sources).toHaveLength(2)
        expect((await sut.store.analysis.listVectors()).map((v) => v.paperId)).toEqual(['pa'])
        expect(await sut.store.analysis.listNovelty()).toEqual([])
        expect((await sut.store.searchPapers({ text: 'unlabelled' })).items).toEqual([])
        expect((await sut.store.libraryStats()).papers).toBe(2)
        // A server holding vectors in memory learns that they changed.
        expect(await sut.store.analysis.generation()).toBe(2)
        // That paper folded into a third in turn: both old ids lead to the third; made again, an id is its own.
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pz', title: 'Where every record went' }))
          for (const record of await tx.listSourceRecords('pa')) await tx.saveSourceRecord(record, 'pz', `moved-${record.id}`, 'title: test')
          await tx.deletePaper('pa', 'pz')
        })
        expect([await sut.store.findPaperIdByFormerId('pa'), await sut.store.findPaperIdByFormerId('pb')]).toEqual(['pz', 'pz'])
        await sut.store.transaction((tx) => addPaper(tx, paperWrite({ id: 'pb', title: 'Back again' })))
        expect([await sut.store.findPaperIdByFormerId('pb'), await sut.store.findPaperIdByFormerId('pa')]).toEqual([null, 'pz'])
      })

      it('lists the records a file gave, removes one, and removes a paper that left the library without leaving an alias', async () => {
        const file = '/lists/refs.bib'
        await sut.store.transaction(async (tx) => {
          for (const [id, key] of [['pa', 'a'], ['pb', 'b']] as const)
            await tx.saveSourceRecord(createSourceRecord({ source: 'bibtex', key, locator: `${file}:1`, fetchedAt: '2026-01-01T00:00:00Z', title: id }), id, `h-${key}`, null, file)
          await tx.saveSourceRecord(createSourceRecord({ source: 'bibtex', key: 'c', locator: '/other.bib:1', fetchedAt: '2026-01-01T00:00:00Z', title: 'pc' }), 'pc', 'h-c', null, '/other.bib')
        })
        const listed = await sut.store.listFileRecords('bibtex', file)
        expect(listed.map((r) => [r.key, r.paperId])).toEqual([['a', 'pa'], ['b', 'pb']])
        expect(await sut.store.listFileRecords('awesome-list', file)).toEqual([])
        await sut.store.transaction(async (tx) => {
          for (const r of await tx.listSourceRecords('pb')) await tx.deleteSourceRecord(r.id)
          await tx.deletePaper('pb', null)
        })
        expect(await sut.store.getPaper('pb')).toBeNull()
        expect(await sut.store.findPaperIdByFormerId('pb')).toBeNull()
        expect((await sut.store.listFileRecords('bibtex', file)).map((r) => r.key)).toEqual(['a'])
        expect((await sut.store.searchPapers({ text: 'collapse' })).items).toEqual([])
        // A held cite key is a claim after every record's, also of a paper no longer in the library.
        await sut.store.transaction((tx) => tx.holdCiteKey('pb', 'papyan2021neural'))
        expect((await sut.store.listBibtexCiteLabels()).slice(-1)).toEqual([{ paperId: 'pb', label: 'papyan2021neural' }])
        // Held later by another paper, the key is that paper's: the older hold goes (else it would win as the older claim).
        await sut.store.transaction((tx) => tx.holdCiteKey('pz', 'Papyan2021Neural'))
        expect((await sut.store.listBibtexCiteLabels()).filter((c) => c.label?.toLowerCase() === 'papyan2021neural')).toEqual([{ paperId: 'pz', label: 'Papyan2021Neural' }])
        // Its topic had no other paper: it is no topic of the library any more.
        expect((await sut.store.listTopics()).map((t) => t.label)).toEqual(['Emergence'])
        expect(await sut.store.getTopic('neural-collapse')).toBeNull()
      })

      it('counts each topic curated, predicted and all, the all as the topic list counts it; curated alone stays in perTopic', async () => {
        await sut.store.analysis.saveAnalysis({ analyzedAt: '2099-01-01T00:00:00Z', papers: [analysisOf('pb')] })
        const stats = await sut.store.libraryStats()
        expect(stats.topicCounts).toEqual([{ id: 'emergence', label: 'Emergence', curated: 1, predicted: 1, papers: 2 }])
        expect(stats.perTopic).toEqual({ Emergence: 1 })
        const listed = Object.fromEntries((await sut.store.listTopics()).map((t) => [t.label, t.paperCount]))
        expect(Object.fromEntries(stats.topicCounts.map((t) => [t.label, t.papers]))).toEqual(listed)
      })

      it('gives the analysis no title for a paper whose title was made from its abstract', async () => {
        await sut.store.transaction(async (tx) => {
          await addPaper(tx, paperWrite({ id: 'pd', title: 'Diffusion models trained on finite datasets…', titleDerived: true, titleKeys: [], abstract: 'Diffusion models trained on finite datasets generalise.' }))
        })
        const inputs = await sut.store.analysis.listAnalysisInputs()
        // The first words of the abstract would otherwise count twice, and as a title.
        expect(inputs.find((p) => p.id === 'pd')).toMatchObject({ title: '', abstract: 'Diffusion models trained on finite datasets generalise.' })
        expect(inputs.find((p) => p.id === 'pa')).toMatchObject({ title: 'Grokking modular arithmetic' })
      })

      it('tells key words of the text from key words suggested from elsewhere, and replaces both on the next analysis', async () => {
        const keywords = [
          { text: 'modular arithmetic', score: 0.9, inText: true, why: [] },
          { text: 'phase transitions', score: 0.8, inText: false, why: [] },
        ]
        await sut.store.analysis.saveAnalysis({ analyzedAt: '2099-01-01T00:00:00Z', papers: [analysisOf('pb', { keywords })] })
        expect((await sut.store.getPaper('pb'))!.keywords).toEqual([
          { text: 'modular arithmetic', origin: 'extracted' },
          { text: 'phase transitions', origin: 'suggested' },
        ])
        await sut.store.analysis.saveAnalysis({
          analyzedAt: '2099-01-02T00:00:00Z',
          papers: [analysisOf('pb', { keywords: [{ text: 'grokking', score: 0.9, inText: true, why: [] }] })],
        })
        expect((await sut.store.getPaper('pb'))!.keywords).toEqual([{ text: 'grokking', origin: 'extracted' }])
      })

      it('keeps extracted key words out of full-text search, so search does not depend on when analysis ran', async () => {
        await sut.store.analysis.saveAnalysis({
          analyzedAt: '2099-01-01T00:00:00Z',
          papers: [analysisOf('pb', { keywords: [{ text: 'zanzibar lattice', score: 0.9, inText: true, why: [] }] })],
        })
        // Saving the paper again (a re-import) rewrites its full-text row.
        await sut.store.transaction(async (tx) => {
          await tx.savePaper(paperWrite({ id: 'pb', title: 'Unlabelled grokking', date: '2023', abstract: 'An abstract.', citationCount: 7 }))
        })
        expect((await sut.store.getPaper('pb'))!.keywords).toEqual([{ text: 'zanzibar lattice', origin: 'extracted' }])
        expect((await sut.store.searchPapers({ text: 'zanzibar' })).total).toBe(0)
        expect((await sut.store.searchPapers({ text: 'unlabelled' })).total).toBe(1)
      })
    })

    it('keeps feed cursors', async () => {
      expect(await sut.store.getFeedCursor('arxiv:cs.LG')).toBeNull()
      await sut.store.transaction((tx) => tx.setFeedCursor('arxiv:cs.LG', '200'))
      expect(await sut.store.getFeedCursor('arxiv:cs.LG')).toBe('200')
    })
  })
}

/** Crossref as real files use it: DBLP exports (with and without their proceedings), and the loops and lost keys of hand-made files. */
import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../test/support/fixture-server.js'
import { parseBibtex } from './index.js'

const ctx = (input: string) => ({ input, fetchedAt: '2026-06-12T08:00:00.000Z' })

describe('a DBLP export with crossref entries', () => {
  const result = parseBibtex(readFixture('bibtex/dblp_crossref_export.bib'), ctx('dblp.bib'))

  it('reads each paper with what its proceedings give', () => {
    expect(result.records.map((r) => [r.raw['citationKey'], r.date, r.raw['publisher'] ?? null])).toEqual([
      ['DBLP:conf/pldi/PadhiSM16', '2016', '{ACM}'],
      ['DBLP:conf/spire/BastMW06', '2006', 'Springer'],
      ['DBLP:conf/icra/SuchiPFV19', '2019', '{IEEE}'],
      ['DBLP:journals/corr/SzegedyZSBEGF13', '2014', null],
      ['DBLP:conf/icml/YaratsL18', '2018', '{PMLR}'],
    ])
    expect(result.records[1]!.raw['series']).toBe('Lecture Notes in Computer Science')
    expect(result.records[4]!.raw['editor']).toBe('Jennifer G. Dy and Andreas Krause')
    expect(result.entriesSeen).toBe(5)
  })

  it('says in one note, with a count and examples, that the five proceedings are no papers', () => {
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: 'dblp.bib',
        line: 93,
        field: 'author',
        code: 'NOT_A_PAPER',
        message:
          'bibtex: 5 @proceedings entries with no authors are used only as crossref targets (DBLP:conf/pldi/2016 on line 93, DBLP:conf/spire/2006 on line 109, DBLP:conf/icra/2019 on line 127 and 2 more): each is the volume its papers are in, not a paper, and gave no record of its own; their fields are in the records of the 5 entries that crossref them',
      },
    ])
  })

  it('reads the DOI and URL DBLP writes with `\\_` as the DOI and URL they are', () => {
    // DBLP escapes an underscore for BibTeX; a DOI with the backslash would match no other source's DOI.
    expect(result.records[1]).toMatchObject({
      ids: { doi: '10.1007/11880561_13' },
      url: 'https://doi.org/10.1007/11880561_13',
    })
  })

  it('still names a real problem of one entry with its key and line, apart from the grouped note', () => {
    const text = readFixture('bibtex/dblp_crossref_export.bib').replace('  year      = {2006},\n  crossref', '  year      = {2006},\n  month     = {Oktober},\n  crossref')
    const issues = parseBibtex(text, ctx('dblp.bib')).issues
    expect(issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [31, 'INVALID_VALUE', 'bibtex: DBLP:conf/spire/BastMW06: cannot read the month "Oktober"; kept the date without a month'],
      [94, 'NOT_A_PAPER', expect.stringMatching(/^bibtex: 5 @proceedings entries with no authors are used only as crossref targets/)],
    ])
  })
})

// Entries copied one by one from dblp.org into a README: each crossrefs proceedings the file does not have.
const PASTED = `@inproceedings{DBLP:conf/icml/LongC0J15,
  author    = {Mingsheng Long and
               Yue Cao and
               Jianmin Wang and
               Michael I. Jordan},
  title     = {Learning Transferable Features with Deep Adaptation Networks},
  booktitle = {Proceedings of the 32nd International Conference on Machine Learning,
               {ICML} 2015, Lille, France, 6-11 July 2015},
  pages     = {97--105},
  year      = {2015},
  crossref  = {DBLP:conf/icml/2015},
  url       = {http://jmlr.org/proceedings/papers/v37/long15.html},
  timestamp = {Tue, 12 Jul 2016 21:51:15 +0200},
  biburl    = {http://dblp2.uni-trier.de/rec/bib/conf/icml/LongC0J15},
  bibsource = {dblp computer science bibliography, http://dblp.org}
}

@inproceedings{DBLP:conf/nips/LongZ0J16,
  author    = {Mingsheng Long and
               Han Zhu and
               Jianmin Wang and
               Michael I. Jordan},
  title     = {Unsupervised Domain Adaptation with Residual Transfer Networks},
  booktitle = {Advances in Neural Information Processing Systems 29: Annual Conference
               on Neural Information Processing Systems 2016, December 5-10, 2016,
               Barcelona, Spain},
  pages     = {136--144},
  year      = {2016},
  crossref  = {DBLP:conf/nips/2016},
  url       = {http://papers.nips.cc/paper/6110-unsupervised-domain-adaptation-with-residual-transfer-networks},
  timestamp = {Fri, 16 Dec 2016 19:45:58 +0100},
  biburl    = {http://dblp.uni-trier.de/rec/bib/conf/nips/LongZ0J16},
  bibsource = {dblp computer science bibliography, http://dblp.org}
}

@inproceedings{DBLP:conf/icml/LongZ0J17,
  author    = {Mingsheng Long and
               Han Zhu and
               Jianmin Wang and
               Michael I. Jordan},
  title     = {Deep Transfer Learning with Joint Adaptation Networks},
  booktitle = {Proceedings of the 34th International Conference on Machine Learning,
           {ICML} 2017, Sydney, NSW, Australia, 6-11 August 2017},
  pages     = {2208--2217},
  year      = {2017},
  crossref  = {DBLP:conf/icml/2017},
  url       = {http://proceedings.mlr.press/v70/long17a.html},
  timestamp = {Tue, 25 Jul 2017 17:27:57 +0200},
  biburl    = {http://dblp.uni-trier.de/rec/bib/conf/icml/LongZ0J17},
  bibsource = {dblp computer science bibliography, http://dblp.org}
}
`

describe('crossref keys the file does not have', () => {
  it('imports DBLP entries pasted without their proceedings, and names the missing keys in one note', () => {
    const result = parseBibtex(PASTED, ctx('readme.bib'))
    expect(result.records.map((r) => [r.venue?.slice(0, 40), r.date])).toEqual([
      ['Proceedings of the 32nd International Co', '2015'],
      ['Advances in Neural Information Processin', '2016'],
      ['Proceedings of the 34th International Co', '2017'],
    ])
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: 'readme.bib',
        line: 11,
        field: 'crossref',
        code: 'INVALID_VALUE',
        message:
          'bibtex: 3 entries crossref keys this file does not have (DBLP:conf/icml/LongC0J15 on line 11 names DBLP:conf/icml/2015, DBLP:conf/nips/LongZ0J16 on line 29 names DBLP:conf/nips/2016, DBLP:conf/icml/LongZ0J17 on line 46 names DBLP:conf/icml/2017); kept them without what those entries would give',
      },
    ])
  })

  it('names one missing key with its entry and line', () => {
    const result = parseBibtex(PASTED.slice(0, PASTED.indexOf('@inproceedings{DBLP:conf/nips')), ctx('one.bib'))
    expect(result.issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [11, 'crossref', 'bibtex: DBLP:conf/icml/LongC0J15: crossref DBLP:conf/icml/2015 names no entry of this file; kept the entry without what it would give'],
    ])
  })
})

describe('crossref loops', () => {
  it('names a loop of two entries once, and each takes what the other has of its own', () => {
    const text = [
      '@article{a, title = {Paper A}, author = {Doe, Jane}, pages = {1--9}, crossref = {b}}',
      '@article{b, title = {Paper B}, author = {Roe, Rick}, journal = {J. Cyc}, year = 2019, crossref = {a}}',
      '@article{c, title = {Paper C}, author = {Poe, Ed}, journal = {J. Plain}, year = 2020}',
    ].join('\n')
    const result = parseBibtex(text, ctx('loop.bib'))
    expect(result.records.map((r) => [r.title, r.venue, r.date, r.raw['pages'] ?? null])).toEqual([
      ['Paper A', 'J. Cyc', '2019', '1--9'],
      ['Paper B', 'J. Cyc', '2019', '1--9'],
      ['Paper C', 'J. Plain', '2020', null],
    ])
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: 'loop.bib',
        line: 1,
        field: 'crossref',
        code: 'INVALID_VALUE',
        message:
          'bibtex: crossref loop a (line 1) → b (line 2) → a: each entry of it takes what it lacks from those after it, up to where the loop would come back to it',
      },
    ])
  })

  it('gives each entry of a longer loop what the entries after it have, the nearest first, and one leading into it all of them', () => {
    const text = [
      '@article{tail, title = {Tail}, author = {Poe, Ed}, crossref = {x}}',
      '@article{x, title = {Paper X}, author = {Doe, Jane}, crossref = {y}}',
      '@article{y, title = {Paper Y}, author = {Roe, Rick}, journal = {J. Y}, crossref = {z}}',
      '@article{z, title = {Paper Z}, author = {Kay, Al}, journal = {J. Z}, year = 2021, volume = 7, crossref = {x}}',
    ].join('\n')
    const result = parseBibtex(text, ctx('loop3.bib'))
    expect(result.records.map((r) => [r.title, r.venue, r.date, r.raw['volume'] ?? null])).toEqual([
      ['Tail', 'J. Y', '2021', '7'],
      ['Paper X', 'J. Y', '2021', '7'],
      // y's chain is z, then x, which would lead back to y: z's year and volume, its own journal.
      ['Paper Y', 'J. Y', '2021', '7'],
      // z's chain is x, then y: y's journal is no field z lacks; nothing else to take.
      ['Paper Z', 'J. Z', '2021', '7'],
    ])
    expect(result.issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'bibtex: crossref loop x (line 2) → y (line 3) → z (line 4) → x: each entry of it takes what it lacks from those after it, up to where the loop would come back to it'],
    ])
  })

  it('names an entry that crossrefs itself, which takes nothing, and reads the rest of the file', () => {
    const text = [
      '@inproceedings{self, title = {Selfish}, author = {Doe, Jane}, crossref = {SELF}}',
      '@inproceedings{fine, title = {Fine}, author = {Roe, Rick}, crossref = {proc}}',
      '@proceedings{proc, title = {Proceedings of Something 2020}, year = 2020}',
    ].join('\n')
    const result = parseBibtex(text, ctx('self.bib'))
    expect(result.records.map((r) => [r.title, r.venue, r.date])).toEqual([
      ['Selfish', null, null],
      ['Fine', 'Proceedings of Something 2020', '2020'],
    ])
    expect(result.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [1, 'INVALID_VALUE', 'bibtex: self: crossref SELF names the entry itself; ignored it'],
      [3, 'NOT_A_PAPER', expect.stringContaining('bibtex: proc has no authors and fine (line 2)')],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import type { PaperCandidate } from './match.js'
import { abstractContainment, matchRecord, recordVenues } from './match.js'

function candidate(over: Partial<PaperCandidate> & { paperId: string; title: string }): PaperCandidate {
  return { titleDerived: false, ids: {}, authors: [], year: null, abstract: null, ...over }
}
function record(over: Partial<Parameters<typeof matchRecord>[0]>): Parameters<typeof matchRecord>[0] {
  return { title: null, ids: {}, authors: [], extraAuthors: [], date: null, abstract: null, ...over }
}

const grokking = candidate({
  paperId: 'p1',
  title: 'Grokking as a First Order Phase Transition in Two Layer Networks',
  authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
  year: 2023,
})

describe('matchRecord', () => {
  it('matches a shared id before anything else', () => {
    const c = candidate({ paperId: 'p9', title: 'Something else entirely', ids: { arxiv: '2310.03789' } })
    expect(matchRecord(record({ title: 'X', ids: { arxiv: '2310.03789' } }), [grokking, c])?.paperId).toBe('p9')
  })
  it('matches a title with a prefix added before a colon when authors overlap', () => {
    const r = record({
      title: 'Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks',
      authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
      date: '2023',
    })
    expect(matchRecord(r, [grokking])).toMatchObject({ paperId: 'p1', reason: 'title-part' })
  })
  it('matches the same title from a page without authors', () => {
    const r = record({ title: 'Grokking as a first-order phase transition in two layer networks' })
    expect(matchRecord(r, [grokking])).toMatchObject({ paperId: 'p1', reason: 'title' })
  })
  it('does not merge different papers with similar titles', () => {
    const a = candidate({ paperId: 'pa', title: 'Fantastic Generalization Measures and Where to Find Them', year: 2019 })
    const r = record({ title: 'Fantastic Generalization Measures are Nowhere to be Found', date: '2023' })
    expect(matchRecord(r, [a])).toBeNull()
  })
  it('vetoes a title match when nobody is on both author lists', () => {
    const r = record({ title: grokking.title, authors: ['Jane Doe', 'John Roe'] })
    expect(matchRecord(r, [grokking])).toBeNull()
  })
  it('vetoes a title match across different arXiv ids', () => {
    const c = candidate({ ...grokking, ids: { arxiv: '2310.03789' } })
    expect(matchRecord(record({ title: grokking.title, ids: { arxiv: '1111.11111' } }), [c])).toBeNull()
  })
  it('tolerates spelling variants in long titles', () => {
    const c = candidate({ paperId: 'p2', title: 'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks' })
    const r = record({ title: 'Empirical Analysis of the Hessian of Overparameterized Neural Networks' })
    expect(matchRecord(r, [c])).toMatchObject({ paperId: 'p2', reason: 'fuzzy-title' })
  })
  it('keeps apart titles that differ only in a number', () => {
    const c = candidate({ paperId: 'p4', title: 'Scaling laws for neural language models, part 1' })
    expect(matchRecord(record({ title: 'Scaling laws for neural language models, part 2' }), [c])).toBeNull()
  })
  it('matches a record without title by its abstract, even a cut one', () => {
    const full =
      'We study the properties of common loss surfaces through their Hessian matrix. In particular, in the context of deep learning, we empirically show that the spectrum of the Hessian is composed of two parts.'
    const c = candidate({ paperId: 'p3', title: 'Empirical Analysis', abstract: full })
    expect(matchRecord(record({ abstract: full.slice(0, 120) }), [c])).toMatchObject({ reason: 'abstract' })
    expect(matchRecord(record({ abstract: 'A completely different abstract about protein folding and the weather in May.' }), [c])).toBeNull()
  })
  it('breaks ties by the smallest paper id, so merging is deterministic', () => {
    const a = candidate({ ...grokking, paperId: 'pb' })
    const b = candidate({ ...grokking, paperId: 'pa' })
    expect(matchRecord(record({ title: grokking.title }), [a, b])?.paperId).toBe('pa')
  })
})

describe('abstractContainment', () => {
  it('is 1 for a prefix of the other abstract', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen'
    expect(abstractContainment(text.split(' ').slice(0, 10).join(' '), text)).toBe(1)
  })
})

// Real records as the exports give them: Google Scholar's BibTeX (entry types kept in `raw.entryType`, as the
// BibTeX importer keeps them), OpenAlex's works (`raw.type`), arXiv's and the publishers' DOIs.
describe('matchRecord: different works, not versions of one', () => {
  const scholarBook = record({
    source: 'bibtex',
    title: 'Deep learning',
    // Google Scholar's export lists Bengio twice.
    authors: ['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville', 'Yoshua Bengio'],
    date: '2016',
    raw: { entryType: 'book' },
  })
  const scholarNature = record({
    source: 'bibtex',
    title: 'Deep learning',
    authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
    date: '2015',
    raw: { entryType: 'article' },
  })
  const asCandidate = (r: ReturnType<typeof record>, paperId: string, workTypes: string[]): PaperCandidate =>
    candidate({ paperId, title: r.title!, authors: r.authors, year: Number(r.date!.slice(0, 4)), ids: r.ids, workTypes })

  it("keeps Google Scholar's \"Deep learning\" book apart from the Nature review of that title, whichever comes first", () => {
    expect(matchRecord(scholarNature, [asCandidate(scholarBook, 'pbook', ['bibtex:book'])])).toBeNull()
    expect(matchRecord(scholarBook, [asCandidate(scholarNature, 'pnature', ['bibtex:article'])])).toBeNull()
  })

  it('keeps a two-word title apart when only a minority of the authors is on both, also without types', () => {
    const [book, nature] = [{ ...scholarBook, raw: {} }, { ...scholarNature, raw: {} }]
    expect(matchRecord(nature, [asCandidate(book, 'pbook', [])])).toBeNull()
    // The book's doubled Bengio is one person: 1 of 3, not 2 of 4.
    expect(matchRecord(book, [asCandidate(nature, 'pnature', [])])).toBeNull()
  })

  it('merges a two-word title when most of the authors are on both, and says how many', () => {
    const openalex = record({
      source: 'openalex',
      title: 'Deep learning',
      authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey E. Hinton'],
      date: '2015-05-27',
      ids: { doi: '10.1038/nature14539', openalex: 'W1919015474' },
      raw: { type: 'article' },
    })
    expect(matchRecord(openalex, [asCandidate(scholarNature, 'pnature', ['bibtex:article'])])).toEqual({
      paperId: 'pnature',
      reason: 'title',
      score: 1,
      detail: 'same title, authors overlap: 3 of 3 on both',
    })
  })

  it('gives a two-word title without authors to none of the papers that have it, and one with authors to the one they vouch for', () => {
    const both = [asCandidate(scholarBook, 'pbook', ['bibtex:book']), asCandidate(scholarNature, 'pnature', ['bibtex:article'])]
    expect(matchRecord(record({ source: 'awesome-list', title: 'Deep Learning' }), both)).toBeNull()
    // With only one such paper known, the title is enough, as for any title.
    expect(matchRecord(record({ source: 'awesome-list', title: 'Deep Learning' }), both.slice(1))).toMatchObject({ paperId: 'pnature' })
    const openalex = record({ source: 'openalex', title: 'Deep learning', authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey E. Hinton'], date: '2015-05-27' })
    expect(matchRecord(openalex, [candidate({ ...both[0]!, authors: [] }), both[1]!])).toMatchObject({ paperId: 'pnature' })
  })

  it('keeps a book apart from a paper of a near-identical title by its author (Rasmussen 2003 and 2006 in Scholar)', () => {
    const lecture = record({
      source: 'bibtex',
      title: 'Gaussian processes in machine learning',
      authors: ['Carl Edward Rasmussen'],
      date: '2003',
      raw: { entryType: 'inproceedings' },
    })
    const book = record({
      source: 'bibtex',
      title: 'Gaussian processes for machine learning',
      authors: ['Christopher KI Williams', 'Carl Edward Rasmussen'],
      date: '2006',
      raw: { entryType: 'book' },
    })
    expect(matchRecord(lecture, [asCandidate(book, 'pbook', ['bibtex:book'])])).toBeNull()
    expect(matchRecord(book, [asCandidate(lecture, 'plecture', ['bibtex:inproceedings'])])).toBeNull()
    // Without types the titles are 92% alike: it is the kinds of work that tell them apart.
    expect(matchRecord({ ...lecture, raw: {} }, [asCandidate(book, 'pbook', [])])).toMatchObject({ reason: 'fuzzy-title' })
  })

  const maskAuthors = ['Kaiming He', 'Georgia Gkioxari', 'Piotr Dollár', 'Ross Girshick']
  const maskArxiv = record({ source: 'arxiv', title: 'Mask R-CNN', authors: maskAuthors, date: '2017-03-20', ids: { arxiv: '1703.06870' } })
  const maskIccv = record({
    source: 'bibtex',
    title: 'Mask R-CNN',
    authors: maskAuthors,
    date: '2017',
    ids: { doi: '10.1109/iccv.2017.322' },
    raw: { entryType: 'inproceedings' },
  })
  const maskPami = record({
    source: 'bibtex',
    title: 'Mask R-CNN',
    authors: maskAuthors,
    date: '2020',
    ids: { doi: '10.1109/tpami.2018.2844175' },
    raw: { entryType: 'article' },
  })

  it('keeps a conference paper apart from its journal extension when each has its own DOI', () => {
    expect(matchRecord(maskPami, [asCandidate(maskIccv, 'piccv', ['bibtex:inproceedings'])])).toBeNull()
    expect(matchRecord(maskIccv, [asCandidate(maskPami, 'ppami', ['bibtex:article'])])).toBeNull()
  })

  it('merges an arXiv preprint with its published version of the same title, DOIs and types notwithstanding', () => {
    expect(matchRecord(maskIccv, [asCandidate(maskArxiv, 'parxiv', [])])).toMatchObject({ paperId: 'parxiv', reason: 'title' })
    // arXiv's own DOI names the preprint, a version of the paper the publisher's DOI names.
    const resnetPreprint = record({
      source: 'openalex',
      title: 'Deep Residual Learning for Image Recognition',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      date: '2015-12-10',
      ids: { doi: '10.48550/arxiv.1512.03385' },
      raw: { type: 'preprint' },
    })
    const resnetCvpr = record({
      source: 'bibtex',
      title: 'Deep residual learning for image recognition',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      date: '2016',
      ids: { doi: '10.1109/cvpr.2016.90' },
      raw: { entryType: 'inproceedings' },
    })
    expect(matchRecord(resnetCvpr, [asCandidate(resnetPreprint, 'ppre', ['openalex:preprint'])])).toMatchObject({ paperId: 'ppre', reason: 'title' })
    expect(matchRecord(resnetPreprint, [asCandidate(resnetCvpr, 'pcvpr', ['bibtex:inproceedings'])])).toMatchObject({ paperId: 'pcvpr', reason: 'title' })
  })

  it("merges a bioRxiv preprint with its journal version: bioRxiv's DOI names a version", () => {
    const esmAuthors = ['Zeming Lin', 'Halil Akin', 'Roshan Rao', 'Brian Hie', 'Zhongkai Zhu', 'Wenting Lu', 'Nikita Smetanin', 'Robert Verkuil', 'Ori Kabeli', 'Yaniv Shmueli', 'Allan dos Santos Costa', 'Maryam Fazel-Zarandi', 'Tom Sercu', 'Salvatore Candido', 'Alexander Rives']
    const preprint = record({
      source: 'openalex',
      title: 'Evolutionary-scale prediction of atomic level protein structure with a language model',
      authors: esmAuthors,
      date: '2022-07-21',
      ids: { doi: '10.1101/2022.07.20.500902' },
      raw: { type: 'preprint' },
    })
    const science = record({
      source: 'openalex',
      title: 'Evolutionary-scale prediction of atomic-level protein structure with a language model',
      authors: esmAuthors,
      date: '2023-03-17',
      ids: { doi: '10.1126/science.ade2574' },
      raw: { type: 'article' },
    })
    expect(matchRecord(science, [asCandidate(preprint, 'ppre', ['openalex:preprint'])])).toMatchObject({ paperId: 'ppre', reason: 'title' })
    // Merged, the paper shows the preprint's DOI (OpenAlex ranks first) and keeps the journal's among its records':
    // the journal's DOI finds it, and another publication's DOI (made up here) is another work.
    const merged = { ...asCandidate(preprint, 'ppre', ['openalex:preprint', 'openalex:article']), recordIds: [{ doi: '10.1101/2022.07.20.500902' }, { doi: '10.1126/science.ade2574' }] }
    expect(matchRecord({ ...science, title: 'ESMFold' }, [merged])).toMatchObject({ reason: 'id', detail: 'same doi 10.1126/science.ade2574' })
    expect(matchRecord({ ...science, ids: { doi: '10.1000/made-up.2024.1' } }, [merged])).toBeNull()
  })

  it('merges a thesis with the book it was published as', () => {
    const thesis = record({ source: 'bibtex', title: 'Bayesian learning for neural networks', authors: ['Radford M Neal'], date: '1995', raw: { entryType: 'phdthesis' } })
    const book = record({ source: 'bibtex', title: 'Bayesian learning for neural networks', authors: ['Radford M Neal'], date: '1996', raw: { entryType: 'book' } })
    expect(matchRecord(book, [asCandidate(thesis, 'pthesis', ['bibtex:phdthesis'])])).toMatchObject({ reason: 'title' })
  })
})

describe('matchRecord: copies in repositories and book-journals', () => {
  const asCandidate = (r: ReturnType<typeof record>, paperId: string, workTypes: string[]): PaperCandidate =>
    candidate({ paperId, title: r.title!, authors: r.authors, year: Number(r.date!.slice(0, 4)), ids: r.ids, workTypes, recordIds: [r.ids] })

  it("merges a repository's copy with its DOI and the publication with the publisher's (ETH's copy of the ANYmal paper)", () => {
    const authors = ['Marco Hutter', 'Christian Gehring', 'Dominic Jud', 'Andreas Lauber', 'C. Dario Bellicoso', 'Vassilios Tsounis', 'Jemin Hwangbo', 'Karen Bodie', 'Peter Fankhauser', 'Michael Bloesch', 'Remo Diethelm', 'Samuel Bachmann', 'Amir Melzer', 'Mark Hoepflinger']
    const eth = record({
      source: 'openalex',
      title: 'ANYmal - a highly mobile and dynamic quadrupedal robot',
      authors,
      date: '2016',
      ids: { doi: '10.3929/ethz-a-010686165' },
      raw: { type: 'article' },
    })
    const iros = record({
      source: 'bibtex',
      title: 'ANYmal - A Highly Mobile and Dynamic Quadrupedal Robot',
      authors,
      date: '2016-10',
      ids: { doi: '10.1109/iros.2016.7758092' },
      raw: { entryType: 'inproceedings' },
    })
    expect(matchRecord(eth, [asCandidate(iros, 'piros', ['bibtex:inproceedings'])])).toMatchObject({ paperId: 'piros', reason: 'title' })
    expect(matchRecord(iros, [asCandidate(eth, 'peth', ['openalex:article'])])).toMatchObject({ paperId: 'peth', reason: 'title' })
    // A publisher's figshare collection of the paper's files carries the paper's title: part of the paper, not another work.
    const title = 'Evaluation of large Language models on pediatric asthma: a comparative study of Claude3 Opus, Gemini 2.0, ChatGPT-4o and DeepSeek'
    const bmc = record({ source: 'openalex', title, date: '2026', ids: { doi: '10.1186/s12911-026-03371-x' }, raw: { type: 'article' } })
    const files = record({ source: 'openalex', title, date: '2026', ids: { doi: '10.6084/m9.figshare.c.8354879' }, raw: { type: 'article' } })
    expect(matchRecord(files, [asCandidate(bmc, 'pbmc', ['openalex:article'])])).toMatchObject({ paperId: 'pbmc', reason: 'title' })
  })

  // Google Scholar's two exports of one Foundations and Trends monograph, as the BibTeX importer reads them.
  const admmTitle = 'Distributed optimization and statistical learning via the alternating direction method of multipliers'
  const admmBook = record({
    source: 'bibtex',
    title: admmTitle,
    authors: ['Stephen Boyd', 'Neal Parikh', 'Eric Chu'],
    date: '2011',
    raw: { entryType: 'book', publisher: 'Now Publishers Inc' },
  })
  const admmArticle = record({
    source: 'bibtex',
    title: 'Distributed Optimization and Statistical Learning via the Alternating Direction Method of Multipliers',
    authors: ['Stephen Boyd', 'Neal Parikh', 'Eric Chu', 'Borja Peleato', 'Jonathan Eckstein'],
    date: '2011',
    venue: 'Foundations and Trends® in Machine Learning',
    raw: { entryType: 'article', journal: 'Foundations and Trends® in Machine Learning', volume: '3', number: '1', pages: '1--122', publisher: 'Now Publishers, Inc.' },
  })

  it('merges a Foundations and Trends monograph typed a book in one export and an article in another, by its venue or publisher', () => {
    expect(matchRecord(admmBook, [asCandidate(admmArticle, 'particle', ['bibtex:article'])])).toMatchObject({ paperId: 'particle', reason: 'title' })
    expect(matchRecord(admmArticle, [asCandidate(admmBook, 'pbook', ['bibtex:book'])])).toMatchObject({ paperId: 'pbook', reason: 'title' })
    // DBLP's abbreviation of the venue says the same.
    const dblp = { ...admmArticle, venue: 'Found. Trends Mach. Learn.', raw: { entryType: 'article', journal: 'Found. Trends Mach. Learn.' } }
    expect(matchRecord(dblp, [asCandidate(admmBook, 'pbook', ['bibtex:book'])])).toMatchObject({ paperId: 'pbook' })
  })

  it("merges a book without a series named with the paper whose DOI is the series' (OpenAlex's article, 10.1561/…)", () => {
    const openalex = record({
      source: 'openalex',
      title: admmArticle.title,
      authors: admmArticle.authors,
      date: '2011-01-01',
      ids: { doi: '10.1561/2200000016' },
      venue: 'Foundations and Trends® in Machine Learning',
      raw: { type: 'article' },
    })
    const bareBook = { ...admmBook, raw: { entryType: 'book' } }
    expect(matchRecord(bareBook, [asCandidate(openalex, 'poa', ['openalex:article'])])).toMatchObject({ paperId: 'poa', reason: 'title' })
    // The same DOI on both says it before any type is read.
    expect(matchRecord({ ...bareBook, ids: { doi: '10.1561/2200000016' } }, [asCandidate(openalex, 'poa', ['openalex:article'])])).toMatchObject({ reason: 'id' })
    // A book of another publisher stays apart from a paper of its title, as before.
    expect(matchRecord({ ...bareBook, raw: { entryType: 'book', publisher: 'MIT Press' } }, [asCandidate({ ...openalex, ids: {} }, 'poa', ['openalex:article'])])).toBeNull()
  })

  it("merges a bare book with the Scholar article of its title when only the paper's records name the book-journal, no DOI on either", () => {
    // The article's venue is the paper's (a record of it), not the incoming record's: the paper's venues say it.
    const bareBook = { ...admmBook, raw: { entryType: 'book' } }
    const article = { ...asCandidate(admmArticle, 'particle', ['bibtex:article']), venues: recordVenues(admmArticle) }
    expect(matchRecord(bareBook, [article])).toMatchObject({ paperId: 'particle', reason: 'title' })
    const synthesis = { ...article, venues: ['Synthesis lectures on artificial intelligence and machine learning'] }
    expect(matchRecord(bareBook, [synthesis])).toMatchObject({ paperId: 'particle' })
    // Another journal's article stays apart from a book of its title.
    expect(matchRecord(bareBook, [{ ...article, venues: ['Journal of Machine Learning Research'] }])).toBeNull()
  })

  it("merges a Synthesis Lecture that Crossref types a book and Scholar's export an article", () => {
    const scholar = record({
      source: 'bibtex',
      title: 'Introduction to semi-supervised learning',
      authors: ['Xiaojin Zhu', 'Andrew B Goldberg'],
      date: '2009',
      venue: 'Synthesis lectures on artificial intelligence and machine learning',
      raw: { entryType: 'article', journal: 'Synthesis lectures on artificial intelligence and machine learning', publisher: 'Morgan \\& Claypool Publishers' },
    })
    const openalex = record({
      source: 'openalex',
      title: 'Introduction to Semi-Supervised Learning',
      authors: ['Xiaojin Zhu', 'Andrew B. Goldberg'],
      date: '2009-01-01',
      ids: { doi: '10.2200/s00196ed1v01y200906aim006' },
      raw: { type: 'book' },
    })
    expect(matchRecord(openalex, [asCandidate(scholar, 'pscholar', ['bibtex:article'])])).toMatchObject({ paperId: 'pscholar', reason: 'title' })
    expect(matchRecord(scholar, [asCandidate(openalex, 'poa', ['openalex:book'])])).toMatchObject({ paperId: 'poa', reason: 'title' })
  })
})

describe('matchRecord: ids that name two papers', () => {
  // A citation manager's entry for DDPG with the DOI of Bengio's monograph (as printed in reference lists).
  const bengio = candidate({
    paperId: 'p1',
    title: 'Learning Deep Architectures for AI',
    authors: ['Yoshua Bengio'],
    year: 2009,
    ids: { doi: '10.1561/2200000006' },
  })
  const ddpg = candidate({
    paperId: 'p2',
    title: 'Continuous control with deep reinforcement learning',
    authors: ['Timothy P. Lillicrap', 'Jonathan J. Hunt', 'Alexander Pritzel', 'Nicolas Heess', 'Tom Erez', 'Yuval Tassa', 'David Silver', 'Daan Wierstra'],
    year: 2015,
    ids: { arxiv: '1509.02971' },
  })
  const entry = record({
    source: 'bibtex',
    title: 'Continuous control with deep reinforcement learning',
    authors: ['Timothy P. Lillicrap', 'Jonathan J. Hunt', 'Alexander Pritzel', 'Nicolas Heess', 'Tom Erez', 'Yuval Tassa', 'David Silver', 'Daan Wierstra'],
    date: '2016',
    ids: { arxiv: '1509.02971', doi: '10.1561/2200000006' },
    raw: { entryType: 'inproceedings' },
  })

  it('joins the paper its title and authors also name, and says which id named the other', () => {
    expect(matchRecord(entry, [bengio, ddpg])).toEqual({
      paperId: 'p2',
      reason: 'id',
      score: 1,
      detail: 'same arxiv 1509.02971 and same title, authors overlap; its doi 10.1561/2200000006 names p1, which its title, authors and abstract do not',
    })
  })

  // DDPG's paper as the library has it after that entry joined it by its arXiv id: the DOI on a record of it.
  const ddpgWithEntry = { ...ddpg, recordIds: [{ arxiv: '1509.02971' }, entry.ids] }
  const monograph = record({
    source: 'bibtex',
    title: 'Learning Deep Architectures for AI',
    authors: ['Yoshua Bengio'],
    date: '2009',
    ids: { doi: '10.1561/2200000006' },
    raw: { entryType: 'article' },
  })

  it("does not take Bengio's own record, met after that entry, for DDPG by the DOI: another title and other authors", () => {
    expect(matchRecord(monograph, [ddpgWithEntry])).toBeNull()
    // A paper of its title is the one it joins, and the reason names the paper the DOI named.
    expect(matchRecord(monograph, [ddpgWithEntry, { ...bengio, ids: {} }])).toEqual({
      paperId: 'p1',
      reason: 'title',
      score: 1,
      detail: 'same title, authors overlap; its doi 10.1561/2200000006 names p2, which its title and authors do not',
    })
    // An entry of DDPG with only Bengio's DOI is not Bengio's paper either.
    expect(matchRecord({ ...entry, ids: { doi: '10.1561/2200000006' } }, [bengio])).toBeNull()
  })

  it('still joins by a shared id what only the title or only the authors tell apart', () => {
    // A later title of one work by its authors (a record's retitled version), and one paper's title under authors
    // a list got wrong: the id decides.
    expect(matchRecord({ ...monograph, title: 'Deep Architectures, Revisited' }, [bengio])).toMatchObject({ paperId: 'p1', reason: 'id' })
    expect(matchRecord({ ...monograph, authors: ['Ada Lovelace'] }, [bengio])).toMatchObject({ paperId: 'p1', reason: 'id' })
    expect(matchRecord({ ...monograph, authors: [] }, [ddpgWithEntry])).toMatchObject({ paperId: 'p2', reason: 'id' })
  })

  it('falls back to the smallest paper id when nothing else tells, and says so', () => {
    expect(matchRecord({ ...entry, title: null, authors: [] }, [ddpg, bengio])).toEqual({
      paperId: 'p1',
      reason: 'id',
      score: 1,
      detail: 'same doi 10.1561/2200000006; its arxiv 1509.02971 names p2 too, and its title, authors and abstract name none of them: the smallest paper id',
    })
  })
})

/** Files as reference managers write them: Zotero's export and Google Scholar's "Cite → BibTeX". */
import { describe, expect, it } from 'vitest'
import { parseBibtex } from './index.js'

const ctx = (input: string) => ({ input, fetchedAt: '2026-06-12T08:00:00.000Z' })

// Zotero's export (a paper's notes in a blog post): an arXiv preprint, and an OpenReview submission under review.
const ZOTERO = `
@misc{sun_contrastive_2020,
	title = {Contrastive {Distillation} on {Intermediate} {Representations} for {Language} {Model} {Compression}},
	url = {http://arxiv.org/abs/2009.14167},
	doi = {10.48550/arXiv.2009.14167},
	abstract = {Existing language model compression methods mostly use a simple L2 loss to distill knowledge in the intermediate representations of a large BERT model to a smaller one.},
	urldate = {2022-10-14},
	publisher = {arXiv},
	author = {Sun, Siqi and Gan, Zhe and Cheng, Yu and Fang, Yuwei and Wang, Shuohang and Liu, Jingjing},
	month = sep,
	year = {2020},
	note = {arXiv:2009.14167 [cs]},
	keywords = {Computer Science - Computation and Language, Computer Science - Machine Learning},
	file = {arXiv Fulltext PDF:/Users/ethankim/Zotero/storage/DVWKW6S8/Sun et al. - 2020 - Contrastive Distillation on Intermediate Represent.pdf:application/pdf;arXiv.org Snapshot:/Users/ethankim/Zotero/storage/376JPMYM/2009.html:text/html},
}

@inproceedings{anonymous_adaptive_2022,
	title = {Adaptive {Budget} {Allocation} for {Parameter}-{Efficient} {Fine}-{Tuning}},
	url = {https://openreview.net/forum?id=lq62uWRJjiY},
	abstract = {Fine-tuning large pre-trained language models on downstream tasks has become an important paradigm in NLP.},
	language = {en},
	urldate = {2022-11-11},
	author = {Anonymous},
	month = oct,
	year = {2022},
	file = {Full Text PDF:/Users/ethankim/Zotero/storage/TA8DBT62/Anonymous - 2022 - Adaptive Budget Allocation for Parameter-Efficient.pdf:application/pdf;Snapshot:/Users/ethankim/Zotero/storage/F55I3XNW/forum.html:text/html},
}
`

// Google Scholar's BibTeX for two well-known papers.
const SCHOLAR = `@inproceedings{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\\L}ukasz and Polosukhin, Illia},
  booktitle={Advances in neural information processing systems},
  volume={30},
  year={2017}
}

@article{kingma2014adam,
  title={Adam: A method for stochastic optimization},
  author={Kingma, Diederik P and Ba, Jimmy},
  journal={arXiv preprint arXiv:1412.6980},
  year={2014}
}
`

describe('a Zotero export', () => {
  const result = parseBibtex(ZOTERO, ctx('zotero.bib'))

  it('reads an arXiv preprint with its id, month and key words, and says nothing of the fields it has no use for', () => {
    expect(result.records[0]).toMatchObject({
      title: 'Contrastive Distillation on Intermediate Representations for Language Model Compression',
      date: '2020-09',
      venue: null,
      ids: { arxiv: '2009.14167' },
      keywords: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'],
    })
    expect(result.issues).toEqual([])
  })

  it('takes no author from an OpenReview submission under review, whose author is `Anonymous`', () => {
    // Every such paper would otherwise be one researcher's, named Anonymous.
    expect(result.records[1]).toMatchObject({
      title: 'Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning',
      authors: [],
      date: '2022-10',
      url: 'https://openreview.net/forum?id=lq62uWRJjiY',
    })
    const braced = parseBibtex(ZOTERO.replace('author = {Anonymous}', 'author = {{Anonymous Authors}}'), ctx('zotero.bib'))
    expect(braced.records[1]).toMatchObject({ authors: [], raw: { citationKey: 'anonymous_adaptive_2022' } })
    expect(braced.records[1]!.raw['corporateAuthors']).toBeUndefined()
  })
})

describe('a Google Scholar export', () => {
  it('reads its names and containers: an arXiv preprint is no venue, but gives the arXiv id', () => {
    const result = parseBibtex(SCHOLAR, ctx('scholar.bib'))
    expect(result.records.map((r) => [r.authors.at(-2), r.venue, r.date, r.ids])).toEqual([
      ['Łukasz Kaiser', 'Advances in neural information processing systems', '2017', {}],
      ['Diederik P Kingma', null, '2014', { arxiv: '1412.6980' }],
    ])
    expect(result.issues).toEqual([])
  })
})

describe('a file kept by hand', () => {
  it('reads an entry followed by a comment with an `@` in it (an e-mail address), which BibTeX skips', () => {
    const text = [
      '@string{icml = "International Conference on Machine Learning"}',
      '% ICML and NeurIPS papers; corrections to jane.doe@example.org',
      '@inproceedings{doe2020, title = {Paper A}, author = {Doe, Jane}, booktitle = icml, year = 2020}',
      '% checked against the proceedings by rick@example.org in 2021',
      '@article{roe2021, title = {Paper B}, author = {Roe, Rick}, journal = {JMLR}, year = 2021}',
      'Last edit: see @jane on the lab chat.',
      '',
    ].join('\n')
    const result = parseBibtex(text, ctx('refs.bib'))
    expect(result.records.map((r) => [r.title, r.venue, r.date])).toEqual([
      ['Paper A', 'International Conference on Machine Learning', '2020'],
      ['Paper B', 'JMLR', '2021'],
    ])
    expect(result.issues).toEqual([])
  })
})

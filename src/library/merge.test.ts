import { describe, expect, it } from 'vitest'
import { createSourceRecord, type SourceRecordInput } from '../core/index.js'
import { holdsIdBetter, idKey, linkedId, mergeRecords, type MergeInput } from './merge.js'

let nextId = 1
function rec(input: Partial<SourceRecordInput> & { source: string }): MergeInput {
  return { ...createSourceRecord({ key: `k${nextId}`, locator: 'x', fetchedAt: '2026-01-01T00:00:00Z', ...input }), id: nextId++ }
}

describe('mergeRecords', () => {
  const profile = rec({
    source: 'researcher-profile',
    title: 'Hitting the High-Dimensional Notes: An ODE for SGD learning dynamics on GLMs and multi-index models',
    authors: ['Elizabeth Collins-Woodfin', 'Courtney Paquette', 'Elliot Paquette'],
    authorsTruncated: true,
    extraAuthors: ['Inbar Seroussi'],
    date: '2023-08-17',
    categories: ['OC'],
  })
  const awesome = rec({
    source: 'awesome-list',
    title: 'Hitting the High-Dimensional Notes',
    authors: ['E. Collins-Woodfin', 'C. Paquette', 'E. Paquette', 'I. Seroussi'],
    date: '2023',
    topics: ['Others'],
    keywords: ['SGD'],
    digest: { text: 'A digest.', origin: 'curated' },
  })

  it('keeps the profile owner as an author even when the list is cut with et al.', () => {
    const merged = mergeRecords([profile])
    expect(merged.authorsTruncated).toBe(true)
    expect(merged.authors.map((a) => [a.name, a.position])).toEqual([
      ['Elizabeth Collins-Woodfin', 0],
      ['Courtney Paquette', 1],
      ['Elliot Paquette', 2],
      ['Inbar Seroussi', null],
    ])
  })

  it('prefers the complete author list and the fullest spelling of each name', () => {
    const merged = mergeRecords([profile, awesome])
    expect(merged.authorsTruncated).toBe(false)
    expect(merged.authors.map((a) => [a.name, a.position])).toEqual([
      ['Elizabeth Collins-Woodfin', 0],
      ['Courtney Paquette', 1],
      ['Elliot Paquette', 2],
      ['Inbar Seroussi', 3],
    ])
    expect(merged.authors[0]!.variants).toEqual(['E. Collins-Woodfin', 'Elizabeth Collins-Woodfin'])
  })

  it('names a person given name first when two spellings are as full, whichever record comes first', () => {
    const familyFirst = rec({ source: 'test', title: 'Kernel Embeddings', authors: ['Song, Le', 'Smola, A.'] })
    const givenFirst = rec({ source: 'test', title: 'Kernel Embeddings', authors: ['Le Song', 'A. Smola'] })
    for (const records of [[familyFirst, givenFirst], [givenFirst, familyFirst]])
      expect(mergeRecords(records).authors.map((a) => a.name)).toEqual(['Le Song', 'A. Smola'])
  })

  it('takes the most precise date and the best-ranked title, and unions topics and keywords', () => {
    const merged = mergeRecords([awesome, profile])
    expect(merged.date).toBe('2023-08-17')
    expect(merged.title).toMatch(/^Hitting the High-Dimensional Notes: An ODE/)
    expect(merged.topics).toEqual(['Others'])
    expect(merged.keywords).toEqual(['SGD'])
    expect(merged.digest).toEqual({ text: 'A digest.', origin: 'curated' })
    expect(merged.categories).toEqual(['OC'])
  })

  it('gives the same paper whatever order the records come in', () => {
    expect(mergeRecords([awesome, profile])).toEqual(mergeRecords([profile, awesome]))
  })

  it('keeps the listing date apart from the publication date', () => {
    const daily = rec({ source: 'daily-papers', title: 'T', listedAt: '2026-09-05' })
    const merged = mergeRecords([daily])
    expect(merged.date).toBeNull()
    expect(merged.listedAt).toBe('2026-09-05')
  })

  it('derives a marked title for a paper known only by its abstract', () => {
    const merged = mergeRecords([
      rec({ source: 'abstracts', abstract: 'Diffusion models trained on finite datasets exhibit a transition from memorisation to generalisation in many regimes of interest. More.' }),
    ])
    expect(merged.titleDerived).toBe(true)
    expect(merged.title).toBe('Diffusion models trained on finite datasets exhibit a transition from memorisation to…')
  })
})

describe('mergeRecords: the ids a paper shows', () => {
  const ddpg = 'Continuous control with deep reinforcement learning'
  // DDPG's arXiv record, and a reference list's entry of it with the DOI of Bengio's monograph (as printed).
  const arxiv = rec({ source: 'arxiv', title: ddpg, ids: { arxiv: '1509.02971' }, url: 'https://arxiv.org/abs/1509.02971' })
  const entry = rec({ source: 'bibtex', title: ddpg, ids: { arxiv: '1509.02971', doi: '10.1561/2200000006' }, url: 'https://doi.org/10.1561/2200000006' })
  const held = new Set([idKey('doi', '10.1561/2200000006')])

  it('shows no id another paper holds, nor a link to it, and takes the next record\'s of that kind', () => {
    expect(mergeRecords([arxiv, entry]).ids).toEqual({ arxiv: '1509.02971', doi: '10.1561/2200000006' })
    const merged = mergeRecords([arxiv, entry], { heldElsewhere: held })
    expect(merged.ids).toEqual({ arxiv: '1509.02971' })
    const published = rec({ source: 'semantic-scholar', title: ddpg, ids: { doi: '10.48550/arxiv.1509.02971' } })
    expect(mergeRecords([entry, published], { heldElsewhere: held }).ids.doi).toBe('10.48550/arxiv.1509.02971')
    // The entry alone: its URL is a link to the DOI it does not show, so the paper links the id it shows.
    expect(mergeRecords([entry], { heldElsewhere: held }).url).toBe('https://arxiv.org/abs/1509.02971')
    expect(mergeRecords([entry]).url).toBe('https://doi.org/10.1561/2200000006')
  })

  it("links the id it shows: the publication's DOI over a preprint's link, the arXiv page over an arXiv DOI's", () => {
    const title = 'Deep Residual Learning for Image Recognition'
    const arxivDoi = rec({ source: 'openalex', title, ids: { doi: '10.48550/arxiv.1512.03385' }, url: 'https://doi.org/10.48550/arXiv.1512.03385' })
    const arxivRecord = rec({ source: 'arxiv', title, ids: { arxiv: '1512.03385' }, url: 'https://arxiv.org/abs/1512.03385v1' })
    const cvpr = rec({ source: 'bibtex', title, ids: { doi: '10.1109/cvpr.2016.90' } })
    // OpenAlex ranks first and gives the preprint's DOI link; the paper shows the CVPR DOI, so it links that.
    expect(mergeRecords([arxivDoi, cvpr])).toMatchObject({ ids: { doi: '10.1109/cvpr.2016.90' }, url: 'https://doi.org/10.1109/cvpr.2016.90' })
    expect(mergeRecords([arxivRecord, arxivDoi, cvpr]).url).toBe('https://doi.org/10.1109/cvpr.2016.90')
    // A preprint only: its arXiv page, not the arXiv DOI's link, whichever record gives which.
    expect(mergeRecords([arxivDoi, rec({ source: 'semantic-scholar', title, ids: { arxiv: '1512.03385' } })]).url).toBe('https://arxiv.org/abs/1512.03385')
    expect(mergeRecords([arxivRecord, arxivDoi]).url).toBe('https://arxiv.org/abs/1512.03385v1')
    // bioRxiv and its Science publication; the bioRxiv preprint alone keeps its own link.
    const esm = 'Evolutionary-scale prediction of atomic level protein structure with a language model'
    const biorxiv = rec({ source: 'openalex', title: esm, ids: { doi: '10.1101/2022.07.20.500902' }, url: 'https://doi.org/10.1101/2022.07.20.500902' })
    const science = rec({ source: 'bibtex', title: esm, ids: { doi: '10.1126/science.ade2574' } })
    expect(mergeRecords([biorxiv, science]).url).toBe('https://doi.org/10.1126/science.ade2574')
    expect(mergeRecords([biorxiv]).url).toBe('https://doi.org/10.1101/2022.07.20.500902')
    // A link that names no id (a publisher's or a project page) stays, and so does a DOI link of a DOI it has no other of.
    const page = rec({ source: 'bibtex', title, ids: { doi: '10.1109/cvpr.2016.90' }, url: 'https://openaccess.thecvf.com/he2016' })
    expect(mergeRecords([arxivDoi, page]).url).toBe('https://openaccess.thecvf.com/he2016')
    expect(mergeRecords([rec({ source: 'bibtex', title, url: 'https://doi.org/10.1145/3544903.3544906' })]).url).toBe('https://doi.org/10.1145/3544903.3544906')
  })

  it('links a DOI the resolver can read whole, and reads the link back as that DOI', () => {
    const sici = '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-#'
    // Its record links the preprint; the paper shows the publication's DOI, so it links that.
    const published = rec({ source: 'bibtex', title: 'Bibliometric laws', ids: { arxiv: '9806.00001', doi: sici }, url: 'https://arxiv.org/abs/9806.00001' })
    const url = mergeRecords([published]).url as string
    // What doi.org receives is the path: the whole DOI, `#` included.
    expect(decodeURIComponent(new URL(url).pathname.slice(1))).toBe(sici)
    expect(linkedId(url)).toEqual({ kind: 'doi', value: sici })
  })

  it("shows a publication's DOI over a preprint's or an archive copy's, whichever source ranks first", () => {
    const title = 'Evolutionary-scale prediction of atomic level protein structure with a language model'
    const preprint = rec({ source: 'arxiv', title, ids: { arxiv: '2207.00001', doi: '10.48550/arxiv.2207.00001' } })
    const biorxiv = rec({ source: 'openalex', title, ids: { doi: '10.1101/2022.07.20.500902' } })
    const science = rec({ source: 'bibtex', title, ids: { doi: '10.1126/science.ade2574' } })
    expect(mergeRecords([preprint, biorxiv, science]).ids).toEqual({ arxiv: '2207.00001', doi: '10.1126/science.ade2574' })
    expect(mergeRecords([preprint, biorxiv]).ids.doi).toBe('10.48550/arxiv.2207.00001')
    // Held by another paper, the publication's DOI gives way to the preprint's.
    expect(mergeRecords([preprint, science], { heldElsewhere: new Set([idKey('doi', '10.1126/science.ade2574')]) }).ids.doi).toBe(
      '10.48550/arxiv.2207.00001',
    )
  })

  it('gives a disputed id to the records that hold it on better grounds: the source, then a record whose only id it is', () => {
    const doi = '10.1561/2200000006'
    const bengio = rec({ source: 'bibtex', title: 'Learning Deep Architectures for AI', ids: { doi } })
    const bengioOpenalex = rec({ source: 'openalex', title: 'Learning Deep Architectures for AI', ids: { doi, openalex: 'W2072128103' } })
    // Paper ids chosen so that the last rule (the smaller paper id) would say the opposite of the rule tested.
    const better = (mine: MergeInput[], theirs: MergeInput[]) => [
      holdsIdBetter('doi', doi, { paperId: 'pz', records: mine }, { paperId: 'pa', records: theirs }),
      holdsIdBetter('doi', doi, { paperId: 'pa', records: theirs }, { paperId: 'pz', records: mine }),
    ]
    // Both from .bib files: the entry that has it beside DDPG's arXiv id yields to the one whose only id it is.
    expect(better([bengio], [arxiv, entry])).toEqual([true, false])
    // A bibliographic API's DOI over one typed into a reference list, even one whose only id it is.
    const alone = rec({ source: 'bibtex', title: ddpg, ids: { doi } })
    expect(better([bengioOpenalex], [alone])).toEqual([true, false])
    // Records that do not hold it at all have no grounds.
    expect(better([alone], [arxiv])).toEqual([true, false])
  })

  it('settles a tie for an id by the title, then how many records give it, then the smaller paper id: never by who came first', () => {
    const doi = '10.1000/disputed'
    const title = 'Sharpness-Aware Minimization for Efficiently Improving Generalization'
    const other = 'A Closer Look at Sharpness and Generalization'
    const better = (mine: MergeInput[], theirs: MergeInput[], [a, b] = ['pz', 'pa']) => [
      holdsIdBetter('doi', doi, { paperId: a, records: mine }, { paperId: b, records: theirs }),
      holdsIdBetter('doi', doi, { paperId: b, records: theirs }, { paperId: a, records: mine }),
    ]
    // Each a .bib entry whose only id it is. Its record titled as its paper is (a BibTeX entry of that title) holds it
    // over a paper whose record with it joined under a subtitle, the paper's title coming from an arXiv record.
    const named = rec({ source: 'bibtex', title, ids: { doi } })
    const shown = rec({ source: 'arxiv', title: other, ids: { arxiv: '2301.00002' } })
    const joined = rec({ source: 'bibtex', title: `${other}: Flat Minima Revisited`, ids: { doi } })
    expect(better([named], [shown, joined])).toEqual([true, false])
    // Two records giving it over one.
    const again = rec({ source: 'bibtex', title: other, ids: { doi } })
    const twice = rec({ source: 'bibtex', title: other, ids: { doi } })
    expect(better([again, twice], [named])).toEqual([true, false])
    // Nothing else tells them apart: the smaller paper id, whichever asks.
    expect(better([named], [again])).toEqual([false, true])
    expect(better([named], [again], ['pa', 'pz'])).toEqual([true, false])
    // A paper never holds an id better than itself.
    expect(holdsIdBetter('doi', doi, { paperId: 'pa', records: [named] }, { paperId: 'pa', records: [named] })).toBe(false)
  })
})

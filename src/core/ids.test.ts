import { describe, expect, it } from 'vitest'
import { arxivUrl, doiUrl, normalizeDoi } from './ids.js'

describe('doiUrl', () => {
  it('keeps an ordinary DOI readable', () => {
    expect(doiUrl('10.1109/cvpr.2016.90')).toBe('https://doi.org/10.1109/cvpr.2016.90')
    expect(doiUrl('10.1016/0893-6080(89)90020-8')).toBe('https://doi.org/10.1016/0893-6080(89)90020-8')
  })

  it('encodes what would cut the DOI short: a SICI DOI keeps its tail after `#` and `?`', () => {
    // A real SICI-style DOI (Wiley): `<`, `>`, `;` and a `#` check character.
    const sici = '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-#'
    const url = new URL(doiUrl(sici))
    expect(url.hash).toBe('')
    expect(url.search).toBe('')
    expect(normalizeDoi(decodeURIComponent(url.pathname.slice(1)))).toBe(sici)
    expect(new URL(doiUrl('10.1234/what?is=this')).search).toBe('')
    expect(doiUrl('10.1234/100%')).toBe('https://doi.org/10.1234/100%25')
  })
})

describe('arxivUrl', () => {
  it("links new- and old-style ids, an old one's archive slash kept", () => {
    expect(arxivUrl('2312.00752')).toBe('https://arxiv.org/abs/2312.00752')
    expect(arxivUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001')
  })
})

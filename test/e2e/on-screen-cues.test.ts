/**
 * @module End-to-end: what the pages say on screen rather than only in a mouse tooltip, a download's header or a
 * fade at one edge: how much of a search the BibTeX export holds, what a similar paper's wording and topics
 * mean, and which edge of a phone's facet row hides facets. The app and pages come from
 * useWebAppSession; PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import { similarityLegend } from '../../web/src/components/similar-item.js'
import { formatCount } from '../../web/src/format.js'
import { SEARCH_BIBTEX_ENTRIES } from '../../web/src/pages/search.js'
import type { PaperDetail } from '../../src/server/api-types.js'
import { countOf, resultCount, useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

/**
 * The widths (px) a facet row's mask fades at its left and right edge, read from its computed `mask-image`
 * (`linear-gradient(to right, transparent, #000 <left>, #000 calc(100% - <right>), transparent)`).
 */
function fadeWidths(mask: string): { left: number; right: number } {
  const left = /^linear-gradient\(to right, rgba\(0, 0, 0, 0\), rgb\(0, 0, 0\) ([\d.]+)px,/.exec(mask)?.[1]
  const right = /rgb\(0, 0, 0\) (?:calc\(100% - ([\d.]+)px\)|100%), rgba\(0, 0, 0, 0\)\)$/.exec(mask)
  return { left: Number(left ?? 0), right: right ? Number(right[1] ?? 0) : 0 }
}

describe.skipIf(skip)('on-screen cues in chromium', () => {
  // Analysed, so papers have similar papers with their wording and topics.
  const web = useWebAppSession({ analyze: true })

  it('says beside the BibTeX link when the file holds only the best matches, and the file holds what it says', async () => {
    const { page, server, problems } = web
    // Wide enough to match more of the corpus than one export holds.
    await page.goto(
      `${server.url}/search?q=${encodeURIComponent('neural OR learning OR deep OR network OR training OR model')}`,
    )
    await resultCount(page).waitFor()
    const total = await countOf(page)
    expect(total, 'more matches than the export holds').toBeGreaterThan(SEARCH_BIBTEX_ENTRIES)
    const link = page.getByRole('link', { name: 'BibTeX' })
    const note = page.getByTestId('bibtex-coverage')
    expect((await page.locator('.bibtex-link').textContent())?.replace(/\s+/g, ' ')).toBe(
      `BibTeX of the best ${formatCount(SEARCH_BIBTEX_ENTRIES)} of ${formatCount(total)} matches`,
    )
    // Said to a screen reader on the link itself, too.
    expect(await link.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'))
    const res = await fetch(new URL((await link.getAttribute('href'))!, server.url))
    expect(res.headers.get('x-paperscope-entries')).toBe(String(SEARCH_BIBTEX_ENTRIES))

    // A search the file holds whole says nothing more.
    await page.goto(`${server.url}/search?q=grokking`)
    await resultCount(page).waitFor()
    expect(await countOf(page)).toBeLessThanOrEqual(SEARCH_BIBTEX_ENTRIES)
    await link.waitFor()
    expect(await note.count()).toBe(0)
    expect(await link.getAttribute('aria-describedby')).toBeNull()
    expect(problems).toEqual([])
  })

  it("says once above a paper's similar papers what wording and topics mean, not in a mouse tooltip", async () => {
    const { page, server, problems } = web
    const list = (await (await fetch(`${server.url}/api/v1/papers?page_size=50`)).json()) as {
      items: Array<{ id: string }>
    }
    let detail: PaperDetail | undefined
    for (const { id } of list.items) {
      const d = (await (
        await fetch(`${server.url}/api/v1/papers/${encodeURIComponent(id)}`)
      ).json()) as PaperDetail
      if (d.similar.some((s) => s.topicAgreement !== null)) {
        detail = d
        break
      }
    }
    expect(detail, 'a paper with similar papers scored on wording and topics').toBeDefined()
    await page.goto(`${server.url}/papers/${encodeURIComponent(detail!.id)}`)
    await page.locator('.similar .similar-item').first().waitFor()
    const legend = page.locator('.similar .similar-legend')
    expect(await legend.count()).toBe(1)
    expect(await legend.textContent()).toBe(similarityLegend(detail!.similar))
    expect(await legend.textContent()).toMatch(/^Wording: .+ Topics: /)
    // Before the list, so a screen reader reads it first; and no item keeps the meaning in a title only.
    expect(
      await legend.evaluate((el) =>
        Boolean(
          el.compareDocumentPosition(document.querySelector('.similar .card-list')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      ),
    ).toBe(true)
    expect(await page.locator('.similar .why [title]').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it("fades a phone's facet row at whichever edge hides facets: the right before scrolling, both between, the left at the end", async () => {
    const { page, server, problems } = web
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/search?q=neural`)
    await page.locator('article.paper-card').first().waitFor()
    const scrolledTo = (where: 'start' | 'middle' | 'end') =>
      page.getByRole('group', { name: 'Source' }).evaluate(async (row, where) => {
        const end = row.scrollWidth - row.clientWidth
        row.scrollLeft = where === 'start' ? 0 : where === 'middle' ? end / 2 : end
        // The scroll event, then the style it sets, land on the next frames.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        return { cut: end > 0, mask: getComputedStyle(row).maskImage }
      }, where)
    const start = await scrolledTo('start')
    expect(start.cut, 'the Source row is wider than a phone').toBe(true)
    expect(fadeWidths(start.mask)).toEqual({ left: 0, right: 32 })
    expect(fadeWidths((await scrolledTo('middle')).mask)).toEqual({ left: 32, right: 32 })
    expect(fadeWidths((await scrolledTo('end')).mask)).toEqual({ left: 32, right: 0 })
    // A row that fits fades at neither edge.
    const category = await page
      .getByRole('group', { name: 'Category' })
      .evaluate((row) => ({ cut: row.scrollWidth > row.clientWidth, mask: getComputedStyle(row).maskImage }))
    expect(category.cut).toBe(false)
    expect(fadeWidths(category.mask)).toEqual({ left: 0, right: 0 })
    expect(problems).toEqual([])
  })
})

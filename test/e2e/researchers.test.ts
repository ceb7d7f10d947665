/**
 * @module End-to-end: the Researchers page ranks the library's people as the API does, re-ranks by a column header
 * or within a topic with the URL saying so, and leads to each researcher's page. PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import type { ResearcherListOut } from '../../src/server/api-types.js'
import { pastLastPage } from '../../web/src/components/pagination.js'
import { researcherColumns } from '../../web/src/pages/researchers.js'
import { useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

describe.skipIf(skip)('the researchers page in chromium', () => {
  // Analysed, so Novelty and AI Score are known.
  const web = useWebAppSession({ analyze: true })
  const api = async (query: string): Promise<ResearcherListOut> => (await (await fetch(`${web.server.url}/api/v1/researchers${query}`)).json()) as ResearcherListOut
  const tableRows = () =>
    web.page.locator('.researchers-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')))
  const expectedRows = (list: ResearcherListOut, topic: boolean) =>
    list.items.map((r, i) => [String(i + 1), r.name, ...researcherColumns(list.sort, topic).map((c) => c.value(r))])

  it('shows the API\'s ranking, re-ranks by a column header with the URL saying so, and leads to each researcher', async () => {
    const { page, server, problems } = web
    await page.goto(`${server.url}/researchers`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    expect(await tableRows()).toEqual(expectedRows(await api(''), false))
    expect(await page.locator('th[aria-sort]').textContent()).toMatch(/^Papers/)

    await page.getByRole('button', { name: 'AI Score' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('ai_score')
    const byScore = await api('?sort=ai_score')
    await expect.poll(tableRows).toEqual(expectedRows(byScore, false))
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^AI Score/)
    expect(await page.title()).toMatch(/^Researchers by AI Score/)

    // Back is the ranking before.
    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBeNull()

    const first = await tableRows().then((rows) => rows[0]!)
    await page.locator('.researchers-table tbody tr').first().getByRole('link').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/authors/${(await api('')).items[0]!.id}`)
    // The researcher's page leads with the Novelty and AI Score the ranking showed (it had shown 43 beside the
    // ranking's 42.8, and then the profile page's 55% and 53 above Paperscope's own).
    const column = (sort: string) => first[researcherColumns('papers', false).findIndex((c) => c.sort === sort) + 2]!
    await expect.poll(() => page.locator('.metric[data-metric="noveltyPercent"] .metric-value').textContent()).toBe(`${column('novelty')} mean percentile among same-year papers`)
    expect(await page.locator('.metric[data-metric="aiScore"] .metric-value').textContent()).toBe(column('ai_score'))
    expect(problems).toEqual([])
  })

  it('ranks by novelty on the shrunk mean, shown beside the plain one and said in a sentence', async () => {
    const { page, server, problems } = web
    await page.goto(`${server.url}/researchers`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    await page.getByRole('button', { name: 'Novelty', exact: true }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('novelty')
    const byNovelty = await api('?sort=novelty')
    await expect.poll(tableRows).toEqual(expectedRows(byNovelty, false))
    // The column it is ordered by carries aria-sort: the shrunk one, not the plain mean beside it.
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Shrunk novelty/)
    // No one-paper researcher on the first page's top (unshrunk, 19 of the corpus's top 20 had one paper).
    expect(byNovelty.items.slice(0, 10).every((r) => r.papers > 1)).toBe(true)
    const { papers, percentile } = byNovelty.shrinkage
    await expect
      .poll(() => page.getByText(/researchers, ranked by/).textContent())
      .toMatch(`ranked by Shrunk novelty, highest first, unknown last. Shrunk novelty is the Novelty mean with ${papers} more papers at the ${percentile}th added, so that one or two papers cannot top the list by chance.`)
    await page.getByText('How these are computed').click()
    expect(await page.getByRole('region', { name: 'noveltyRanking' }).or(page.locator('section[aria-label="noveltyRanking"]')).first().textContent()).toContain(`+ ${papers} × ${percentile})`)
    expect(problems).toEqual([])
  })

  it('keeps to a topic chosen in the list, ranked by papers there, and says a topic the library lacks', async () => {
    const { page, server, problems } = web
    await page.goto(`${server.url}/researchers`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    await page.getByLabel('Topic').selectOption({ label: 'Neural Collapse' })
    await expect.poll(() => new URL(page.url()).searchParams.get('topic')).toBe('neural-collapse')
    const inTopic = await api('?topic=neural-collapse')
    await expect.poll(tableRows).toEqual(expectedRows(inTopic, true))
    expect(await page.locator('th[aria-sort]').textContent()).toMatch(/^In topic/)
    expect(await page.getByLabel('Rank by').inputValue()).toBe('topic_papers')

    await page.goto(`${server.url}/researchers?topic=alchemy`)
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/No topic “alchemy” in this library/)
    // The API refused it with a 400 the page shows, which the browser logs as a failed request.
    expect(problems.filter((p) => !/400 \(Bad Request\)/.test(p))).toEqual([])
  })

  it('puts the ranked column right after the name on a phone, lets a keyboard scroll the table, and says when a page is past the last', async () => {
    const { page, server, problems } = web
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/researchers?sort=ai_score`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    const headers = await page.locator('.researchers-table thead th').allTextContents()
    expect(headers.slice(0, 3).map((h) => h.replace(/[↓↑]/g, '').trim())).toEqual(['#', 'Name', 'AI Score'])
    // The ranked column is on the first screen, without scrolling sideways.
    const box = await page.locator('.researchers-table thead th[aria-sort]').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    const region = page.getByRole('region', { name: 'Researchers table' })
    expect(await region.getAttribute('tabindex')).toBe('0')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // The page keeps its room under the header on a phone (a later `padding: 0 …` had taken it away).
    expect(await page.locator('main.main').evaluate((el) => parseFloat(getComputedStyle(el).paddingTop))).toBeGreaterThanOrEqual(12)

    // No corpus paper has a citation count: a ranking by them says what it is.
    await page.goto(`${server.url}/researchers?sort=citations`)
    await expect.poll(() => page.getByText(/researchers, ranked by/).textContent()).toMatch(/citations and h-index are unknown for everyone: the order is by papers\.$/)
    // A topic named by its label in a link: the menu shows it chosen.
    await page.goto(`${server.url}/researchers?topic=neural%20collapse`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    await expect.poll(() => page.getByRole('combobox', { name: /^Topic/ }).inputValue({ timeout: 5000 })).toBe('neural-collapse')
    // A count the menu does not offer, from a link, is kept and offered.
    await page.goto(`${server.url}/researchers?min_papers=4`)
    await page.locator('.researchers-table tbody tr').first().waitFor()
    const atLeast = page.getByLabel('At least')
    expect(await atLeast.inputValue()).toBe('4')
    expect(await atLeast.locator('option').allTextContents()).toEqual(['1', '2', '3', '4', '5', '10'])
    const four = (await (await fetch(`${server.url}/api/v1/researchers?min_papers=4&page_size=1`)).json()) as { total: number }
    await expect.poll(() => page.getByText(/researchers, ranked by/).textContent()).toBe(`${four.total} researchers, ranked by Papers, most first.`)
    // Past the API's most, that most (no one has 10,000 papers here), not everyone.
    await page.goto(`${server.url}/researchers?min_papers=20000`)
    await expect.poll(() => page.getByLabel('At least').inputValue()).toBe('10000')
    await expect.poll(() => page.getByText('No researchers match').count()).toBe(1)

    await page.goto(`${server.url}/researchers?page=999`)
    const { title, text } = pastLastPage(999, (await api('')).pages)
    await expect.poll(() => page.getByTestId('past-last-page').textContent()).toBe(`${title}${text} Back to the first page`)
    await page.getByRole('link', { name: 'Back to the first page' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull()
    await page.locator('.researchers-table tbody tr').first().waitFor()
    expect(problems).toEqual([])
  })
})

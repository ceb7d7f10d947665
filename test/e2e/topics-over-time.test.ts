/**
 * @module End-to-end: the Topics page says which topics are rising or falling and shows topics over time, with the
 * numbers behind both, as the API gives them; on a phone too. PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import { trendCells, trendText } from '../../web/src/components/trends-chart.js'
import type { TopicList, TopicTrendsOut } from '../../src/server/api-types.js'
import { useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

describe.skipIf(skip)('topics over time in chromium', () => {
  // Analysed, so predicted topics count too.
  const web = useWebAppSession({ analyze: true })
  const api = async <T,>(path: string): Promise<T> => (await (await fetch(`${web.server.url}/api/v1${path}`)).json()) as T

  it("gives every topic card its trend and draws a cell per topic and year, the table holding the chart's numbers", async () => {
    const { page, server, problems } = web
    const [trends, list] = await Promise.all([api<TopicTrendsOut>('/trends'), api<TopicList>('/topics')])
    await page.goto(`${server.url}/topics`)
    await page.getByTestId('trends-chart').locator('svg').waitFor()
    const cards = page.locator('.topic-card')
    expect(await cards.count()).toBe(list.items.length)
    const byId = new Map(trends.topics.map((t) => [t.id, t]))
    for (const [i, item] of list.items.entries()) {
      const card = cards.nth(i)
      expect(await card.locator('.topic-name').textContent()).toBe(item.label)
      expect((await card.getByTestId('topic-trend').textContent())?.replace(/^[↗↘→] /, '')).toBe(trendText(byId.get(item.id)!, trends.recent!, trends.earlier!))
    }
    // The corpus's story: grokking and emergence came late, the information-bottleneck debate went quiet.
    expect(await page.locator('.topic-card', { hasText: 'Emergence and Phase Transitions' }).getByTestId('topic-trend').textContent()).toMatch(/^↗ Rising/)
    expect(await page.locator('.topic-card', { hasText: 'Information Bottleneck' }).getByTestId('topic-trend').textContent()).toMatch(/^↘ Falling/)

    const cells = trendCells(trends)
    expect(await page.locator('[data-testid="trends-chart"] .trend-cells rect').count()).toBe(cells.filter((c) => !c.thin).length)
    // The corpus's 2025 and 2026 (daily-page papers) are thin years: outlined, not shaded.
    expect(await page.locator('[data-testid="trends-chart"] .trend-cells-thin rect').count()).toBe(cells.filter((c) => c.thin).length)
    expect(cells.filter((c) => c.thin).length).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="trends-chart"] svg').getAttribute('role')).toBe('img')
    await page.getByTestId('trends-numbers').locator('summary').click()
    const rows = await page.getByTestId('trends-numbers').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))
    expect(rows).toEqual([
      ...trends.topics.map((t) => [t.label, ...trends.years.map((y) => String(cells.find((c) => c.topic === t.label && c.year === y.year)!.papers))]),
      ['Papers with a topic', ...trends.years.map((y) => String(y.papers))],
    ])
    await page.getByText('How rising and falling are computed').click()
    await expect.poll(() => page.locator('.trends-panel .how').textContent()).toMatch(/two-proportion z-test/)
    expect(problems).toEqual([])
  })

  it('keeps the page within a phone’s width: the table scrolls inside its panel', async () => {
    const { page, server, problems } = web
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/topics`)
    await page.getByTestId('trends-chart').locator('svg').waitFor()
    await page.getByTestId('trends-numbers').locator('summary').click()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(problems).toEqual([])
  })
})

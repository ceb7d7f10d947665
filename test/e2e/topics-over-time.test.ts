/**
 * @module End-to-end: the Topics page says which topics are rising or falling and shows topics over time, with the
 * numbers behind both, as the API gives them; on a phone too. PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { contrastRatio, everyYear, parseColour, trendCells, trendText } from '../../web/src/components/trends-chart.js'
import type { TopicDetailOut, TopicList, TopicTrendsOut } from '../../src/server/api-types.js'
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
    // Each topic's name is drawn beside its own row of cells (the names are a picture of their own).
    const rowsOff = await page.locator('.trends-chart').evaluate((frame, labels) => {
      const middle = (el: Element) => { const b = el.getBoundingClientRect(); return b.top + b.height / 2 }
      const names = [...frame.querySelectorAll('.trends-chart-labels text')].map(middle)
      const rects = [...frame.querySelectorAll('[data-testid="trends-chart"] rect')].filter((r) => r.querySelector('title'))
      return labels.map((label, i) => rects.filter((r) => r.querySelector('title')!.textContent!.startsWith(`${label}, `)).map((r) => Math.abs(middle(r) - names[i]!)))
    }, trends.topics.map((t) => t.label))
    expect(rowsOff.flat().length).toBe(cells.length)
    expect(Math.max(...rowsOff.flat())).toBeLessThan(3)
    // On a wide screen nothing scrolls: the chart is no tab stop, and no cue says it scrolls.
    expect(await page.getByRole('region', { name: 'Topics over time, chart' }).getAttribute('tabindex')).toBeNull()
    expect(await page.getByTestId('trends-scroll-cue').count()).toBe(0)
    // Narrowed to a phone's width (a window, a turned phone), it is drawn again for it: names cut to fit beside the
    // newest years (the wide drawing had kept its 230 px of names and opened on 2016).
    await page.setViewportSize({ width: 390, height: 844 })
    await expect.poll(() => page.locator('.trends-chart-labels svg').evaluate((svg) => svg.getBoundingClientRect().width)).toBeLessThan(170)
    await expect.poll(() => page.getByRole('region', { name: 'Topics over time, chart' }).evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByTestId('trends-numbers').locator('summary').click()
    const rows = await page.getByTestId('trends-numbers').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))
    // Every year from the first to the last, one the library has no paper of with 0.
    const years = everyYear(trends.years)
    expect(years.map((y) => y.year)).toEqual(years.map((_, i) => years[0]!.year + i))
    for (const y of years) expect(y.papers).toBe(trends.years.find((x) => x.year === y.year)?.papers ?? 0)
    expect(rows).toEqual([
      ...trends.topics.map((t) => [t.label, ...years.map((y) => String(cells.find((c) => c.topic === t.label && c.year === y.year)!.papers))]),
      ['Papers with a topic', ...years.map((y) => String(y.papers))],
    ])
    await page.getByText('How rising and falling are computed').click()
    await expect.poll(() => page.locator('.trends-panel .how').textContent()).toMatch(/two-proportion z-test/)
    expect(problems).toEqual([])
  })

  it('marks the rising topics in the home page’s topic strip, and no other', async () => {
    const { page, server, problems } = web
    const trends = (await (await fetch(`${server.url}/api/v1/trends`)).json()) as TopicTrendsOut
    await page.goto(`${server.url}/`)
    const strip = page.getByRole('navigation', { name: 'Topics' })
    await strip.locator('a').first().waitFor()
    await expect.poll(() => strip.getByTestId('chip-rising').count()).toBe(trends.topics.filter((t) => t.direction === 'rising').length)
    const marked = await strip.locator('a', { has: page.getByTestId('chip-rising') }).evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(marked).toEqual(trends.topics.filter((t) => t.direction === 'rising').map((t) => `/topics/${t.id}`))
    expect(await strip.getByRole('link', { name: /^Emergence and Phase Transitions, \d+ papers, rising$/ }).count()).toBe(1)
    expect(problems).toEqual([])
  })

  it("lists the key words a topic's papers share, each leading to the topic's papers with it", async () => {
    const { page, server, problems } = web
    const topic = (await (await fetch(`${server.url}/api/v1/topics/others`)).json()) as TopicDetailOut
    expect(topic.keywords.length).toBeGreaterThan(5)
    await page.goto(`${server.url}/topics/others`)
    const list = page.getByTestId('topic-keywords')
    await list.locator('li').first().waitFor()
    expect(await list.locator('li').evaluateAll((lis) => lis.map((li) => [li.querySelector('a')!.textContent, li.querySelector('.count')!.textContent]))).toEqual(
      topic.keywords.map((k) => [k.text, `${k.papers} papers`]),
    )
    // A key word leads to the topic's papers with it: as many as counted, suggested ones (not in the text) too.
    const first = topic.keywords[0]!
    await list.getByRole('link', { name: first.text, exact: true }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('keyword')).toBe(first.text)
    expect([new URL(page.url()).pathname, new URL(page.url()).searchParams.get('topic')]).toEqual(['/', 'others'])
    await expect.poll(() => page.locator('#feed-title').textContent()).toBe(`Papers with the key word “${first.text}” in Others`)
    await expect.poll(() => page.locator('.card-list article').count()).toBe(Math.min(20, first.papers))
    const feed = (await (await fetch(`${server.url}/api/v1/papers?topic=others&keyword=${encodeURIComponent(first.text)}`)).json()) as { total: number }
    expect(feed.total).toBe(first.papers)
    // A paper's key word leads to the library's papers with it, the paper among them.
    const paper = (await (await fetch(`${server.url}/api/v1/papers?topic=others&keyword=${encodeURIComponent(first.text)}&page_size=1`)).json()) as { items: Array<{ id: string }> }
    await page.goto(`${server.url}/papers/${paper.items[0]!.id}`)
    const chip = page.locator('[aria-labelledby="keywords-title"] a.chip').first()
    const word = (await chip.evaluate((a) => a.firstChild!.textContent))!
    await chip.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('keyword')).toBe(word)
    await expect.poll(() => page.locator('#feed-title').textContent()).toBe(`Papers with the key word “${word}”`)
    const withWord = (await (await fetch(`${server.url}/api/v1/papers?keyword=${encodeURIComponent(word)}&page_size=100`)).json()) as { items: Array<{ id: string }> }
    expect(withWord.items.map((p) => p.id)).toContain(paper.items[0]!.id)
    expect(problems).toEqual([])
  })

  it("leads from a topic's top authors to its whole ranking of researchers, which starts with them", async () => {
    const { page, server, problems } = web
    const topic = await api<TopicDetailOut>('/topics/neural-collapse')
    const ranking = await api<{ total: number }>('/researchers?topic=neural-collapse')
    expect(ranking.total, 'more researchers than the topic page lists').toBeGreaterThan(topic.topAuthors.length)
    await page.goto(`${server.url}/topics/neural-collapse`)
    const all = page.getByRole('link', { name: /^All researchers in Neural Collapse/ })
    await all.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('topic')).toBe('neural-collapse')
    const rows = page.locator('tbody tr a[href^="/authors/"]')
    await rows.first().waitFor()
    const shown = await rows.evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('/authors/'.length))))
    expect(shown.slice(0, topic.topAuthors.length)).toEqual(topic.topAuthors.map((a) => a.id))
    expect(problems).toEqual([])
  })

  it('writes every count on its cell at 4.5:1 or more, in the light theme and the dark', async () => {
    const { server } = web
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await web.app.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme })
      const page = await context.newPage()
      await page.goto(`${server.url}/topics`)
      await page.getByTestId('trends-chart').locator('svg').waitFor()
      const pairs = await countsOnCells(page)
      expect(pairs.length, colorScheme).toBeGreaterThan(40)
      const worst = Math.min(...pairs.map(([text, cell]) => contrastRatio(parseColour(text)!, parseColour(cell)!)))
      expect(worst, `${colorScheme}: the lowest contrast of a count on its cell`).toBeGreaterThanOrEqual(4.5)
      await context.close()
    }
  })

  it('keeps the page within a phone’s width: the chart and the table scroll sideways inside their panel, neither squeezed', async () => {
    const { page, server, problems } = web
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/topics`)
    await page.getByTestId('trends-chart').locator('svg').waitFor()
    await page.getByTestId('trends-numbers').locator('summary').click()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const trends = (await (await fetch(`${server.url}/api/v1/trends`)).json()) as TopicTrendsOut
    // Each year keeps room for its count: the chart is wider than the screen and scrolls.
    const chart = await page.getByTestId('trends-chart').locator('svg').evaluate((svg) => ({ width: svg.getBoundingClientRect().width, room: svg.closest('.chart-scroll')!.clientWidth }))
    expect(chart.width).toBeGreaterThanOrEqual(30 * everyYear(trends.years).length)
    expect(chart.width).toBeGreaterThan(chart.room)
    // It opens on the newest years, and every topic's name stays on the screen beside them (the names had
    // scrolled out of sight with the oldest years); a keyboard can scroll it.
    const region = page.getByRole('region', { name: 'Topics over time, chart' })
    await expect.poll(() => region.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true)
    expect(await region.getAttribute('tabindex')).toBe('0')
    // Said above it, and its cut edge fades: the earlier years are a scroll away (nothing had said so).
    const cue = page.getByTestId('trends-scroll-cue')
    await expect.poll(() => cue.textContent()).toBe('← Scroll for earlier years')
    expect(await cue.isVisible()).toBe(true)
    expect(await region.evaluate((el) => getComputedStyle(el).maskImage)).toMatch(/linear-gradient/)
    expect(await region.evaluate((el) => parseFloat(el.style.getPropertyValue('--hidden-left')))).toBeGreaterThan(0)
    await region.evaluate((el) => el.scrollTo({ left: 0 }))
    await expect.poll(() => cue.textContent()).toBe('Scroll for later years →')
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await expect.poll(() => cue.textContent()).toBe('← Scroll for earlier years')
    const names = await page.locator('.trends-chart-labels text').evaluateAll((texts) => texts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() })).map(({ text, box }) => ({ text, left: box.left, right: box.right })))
    expect(names).toHaveLength(trends.topics.length)
    names.forEach((name, i) => expect(trends.topics[i]!.label.startsWith(name.text.replace(/…$/, '')), name.text).toBe(true))
    for (const name of names) expect([name.left >= 0, name.right <= 390], name.text).toEqual([true, true])
    // The table keeps its years and names whole (a year one digit a line was the squeezed table) and scrolls.
    const table = await page.getByTestId('trends-numbers').evaluate((details) => {
      const table = details.querySelector('table')!
      const year = table.querySelector('thead th:nth-child(2)')!
      return { width: table.scrollWidth, room: details.querySelector('.table-scroll')!.clientWidth, yearHeight: year.getBoundingClientRect().height }
    })
    expect(table.width).toBeGreaterThan(table.room)
    expect(table.yearHeight).toBeLessThan(30)
    expect(problems).toEqual([])
  })
})

/** Each count's text colour and the colour of the cell under it (the panel's when the cell is outlined, not shaded). */
async function countsOnCells(page: Page): Promise<Array<[string, string]>> {
  return page.getByTestId('trends-chart').evaluate((chart) => {
    const panel = getComputedStyle(chart.closest('.panel')!).backgroundColor
    return [...chart.querySelectorAll('g.trend-counts text')].map((text) => {
      const box = text.getBoundingClientRect()
      const under = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2).find((el) => el.tagName === 'rect')
      const fill = under ? getComputedStyle(under).fill : 'none'
      return [getComputedStyle(text).fill, fill === 'none' ? panel : fill] as [string, string]
    })
  })
}

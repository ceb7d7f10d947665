/**
 * @module End-to-end: the real server (on 127.0.0.1, a free port, the built web app) over a temp library
 * made from the real corpus, driven in headless Debian chromium. Needs `chromium` on PATH (.ci/run installs
 * it); set PAPERSCOPE_SKIP_E2E=1 to skip on a machine without it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { BARE_TITLES, MISCITED, OFF_TOPIC_TITLE, SCRIPT_TITLE, type TestLibrary } from './support/library.js'
import type { RunningServer } from './support/server.js'
import { countOf, openPage, resultCount, startWebApp, type RunningWebApp } from './support/web-app.js'
import { confidencePercent, percentileRank } from '../../web/src/format.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

/** WCAG relative luminance of an sRGB colour (0–255 channels). */
const luminance = ([r, g, b]: number[]) =>
  [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0)
/** WCAG contrast ratio of two colours. */
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}
/** The corpus's researcher profile: metrics reported by the page, 13 papers. */
const RESEARCHER = { id: 'inbar-seroussi', name: 'Inbar Seroussi', hIndex: '44' }

describe.skipIf(skip)('web app in chromium', () => {
  let app: RunningWebApp
  let library: TestLibrary
  let server: RunningServer
  let context: BrowserContext
  let page: Page
  /** Console errors, page errors and CSP violations seen during a test; each test expects none. */
  let problems: string[]

  beforeAll(async () => {
    app = await startWebApp({ analyze: true, offTopic: true, counted: true, miscited: true, bareTitles: true })
    ;({ library, server } = app)
  })

  afterAll(async () => {
    await app?.close()
  })

  beforeEach(async () => {
    problems = []
    ;({ context, page } = await openPage(app, problems))
  })

  afterEach(async () => {
    await context?.close()
  })

  it('updates the results as the query is typed', async () => {
    await page.goto(`${server.url}/search`)
    const box = page.getByRole('searchbox', { name: 'Search papers' })
    await box.pressSequentially('grok', { delay: 40 })
    await expect.poll(() => page.url()).toContain('q=grok')
    await resultCount(page).waitFor()
    const afterGrok = await countOf(page)
    expect(afterGrok).toBeGreaterThan(1)
    // Prefix search: "grok" already finds the grokking papers, highlighted.
    await expect.poll(() => page.locator('article.paper-card mark').first().textContent()).toMatch(/^grok/i)

    await box.pressSequentially('king phase', { delay: 40 })
    await expect.poll(() => page.url()).toContain('q=grokking+phase')
    await expect.poll(() => countOf(page)).toBeLessThan(afterGrok)
    expect(await countOf(page)).toBeGreaterThan(0)

    await box.fill('zzzqqqxxnotaword')
    await expect(page.getByText(/Nothing matches/).waitFor()).resolves.toBeUndefined()
    expect(problems).toEqual([])
  })

  it('says which curated key word a hit matched when its title and text do not show it', async () => {
    // As the page asks (prefix search, 20 a page), all at once to find the hit's page.
    const api = (await (await fetch(`${server.url}/api/v1/search?q=grokking&prefix=true&page_size=100`)).json()) as {
      items: Array<{ paper: { id: string }; title: Array<{ match: boolean }>; snippet: Array<{ match: boolean }>; matchedKeywords: string[] }>
    }
    const at = api.items.findIndex((h) => h.matchedKeywords.length > 0 && !h.title.some((s) => s.match) && !h.snippet.some((s) => s.match))
    expect(at, 'a hit found by its curated key word alone').toBeGreaterThanOrEqual(0)
    const hit = api.items[at]!
    expect(hit.matchedKeywords).toEqual(['Grokking'])
    await page.goto(`${server.url}/search?q=grokking&page=${Math.floor(at / 20) + 1}`)
    const card = page.locator(`article.paper-card[data-paper-id="${hit.paper.id}"]`)
    await card.waitFor()
    expect(await card.locator('[data-testid="matched-keywords"]').textContent()).toBe('Key word: Grokking')
    // Only there: a card whose title or text shows a match does not repeat the key word.
    let withMatchShown = 0
    for (const other of await page.locator('article.paper-card').all()) {
      if ((await other.locator('.card-title mark, .card-text mark').count()) === 0) continue
      withMatchShown++
      expect(await other.locator('[data-testid="matched-keywords"]').count()).toBe(0)
    }
    expect(withMatchShown).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })

  it('downloads as BibTeX the papers the search page lists, the last word searched as a prefix as the page does', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('neural coll')}`)
    await resultCount(page).waitFor()
    const shown = await countOf(page)
    expect(shown).toBeGreaterThan(20)
    const href = (await page.getByRole('link', { name: 'BibTeX' }).getAttribute('href'))!
    expect(new URL(href, server.url).searchParams.get('prefix')).toBe('true')
    const res = await fetch(new URL(href, server.url))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-paperscope-entries')).toBe(String(shown))
    expect(((await res.text()).match(/^@\w+\{/gm) ?? []).length).toBe(shown)
    expect(problems).toEqual([])
  })

  it('counts the matches without a year in the year facet, so its counts add up to the matches', async () => {
    await page.goto(`${server.url}/search?q=grokking`)
    await resultCount(page).waitFor()
    const total = await countOf(page)
    const years = page.getByRole('group', { name: 'Year' })
    const showAll = years.getByRole('button', { name: /^Show all/ })
    if ((await showAll.count()) > 0) await showAll.click()
    const yearCounts = (await years.getByRole('button', { pressed: false }).locator('.facet-count').allTextContents()).map((t) => Number(t.replace(/,/g, '')))
    const noYear = years.locator('[data-testid="facet-unfiltered"]')
    expect(await noYear.locator('.facet-label').textContent()).toBe('no year')
    const without = Number(await noYear.locator('.facet-count').textContent())
    expect(without).toBeGreaterThan(0)
    // Said with its unit, as the year buttons are (`no year, 1 paper`, not `no year 1`).
    expect(await noYear.locator('.visually-hidden').textContent()).toBe(`, ${without} paper${without === 1 ? '' : 's'}`)
    expect(yearCounts.reduce((a, b) => a + b, 0) + without).toBe(total)
    // A count, not a filter: nothing to press.
    expect(await noYear.locator('button').count()).toBe(0)
    // With a year chosen every match has one, and the entry goes.
    await years.getByRole('button', { pressed: false }).first().click()
    await expect.poll(() => page.url()).toContain('year_from=')
    await expect.poll(() => years.getByRole('button', { pressed: true }).count()).toBe(1)
    await expect.poll(() => noYear.count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('says "records" on a card merged from two records of one source, and counts only papers from several sources as found in more than one', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('"Why ReLU networks yield"')}`)
    // The awesome list names this paper on two lines (378 and 2497): two records, one source.
    const card = page.locator('article.paper-card').first()
    await card.waitFor()
    const numbers = card.locator('.card-numbers')
    expect(await numbers.textContent()).toContain('2 records')
    expect(await numbers.textContent()).not.toMatch(/sources/)
    const stats = (await (await fetch(`${server.url}/api/v1/stats`)).json()) as { mergedPapers: number; multiSourcePapers: number }
    expect(stats.multiSourcePapers).toBeLessThan(stats.mergedPapers)
    await page.goto(`${server.url}/`)
    await expect.poll(() => page.locator('.hero .lead').textContent()).toContain(`(${stats.multiSourcePapers} papers found in more than one)`)
    expect(problems).toEqual([])
  })

  it("says which years a paper's novelty percentile ranks among, and that they were pooled when its year had too few", async () => {
    type Detail = { id: string; novelty: { value: number | null; cohort: { from: number; to: number; papers: number } | null } | null }
    let pooled: Detail | undefined
    let single: Detail | undefined
    for (const pageNumber of [1, 2]) {
      const list = (await (await fetch(`${server.url}/api/v1/papers?sort=recent&page_size=40&page=${pageNumber}`)).json()) as { items: Array<{ id: string }> }
      for (const { id } of list.items) {
        const detail = (await (await fetch(`${server.url}/api/v1/papers/${id}`)).json()) as Detail
        const cohort = detail.novelty?.cohort
        if (cohort && cohort.from < cohort.to) pooled ??= detail
        if (cohort && cohort.from === cohort.to) single ??= detail
      }
    }
    expect(pooled, 'a paper of a year pooled with the years next to it').toBeDefined()
    expect(single, 'a paper ranked among its own year').toBeDefined()
    const caption = page.locator('[data-testid="novelty-cohort"]')
    await page.goto(`${server.url}/papers/${pooled!.id}`)
    const { from, to, papers } = pooled!.novelty!.cohort!
    await expect.poll(() => caption.textContent()).toContain(`among this library’s ${papers} papers of ${from}–${to}`)
    expect(await caption.textContent()).toMatch(/years with too few papers to rank among alone are ranked together/)
    expect(await caption.textContent()).not.toMatch(/of its year/)
    await page.goto(`${server.url}/papers/${single!.id}`)
    await expect.poll(() => caption.textContent()).toContain(`among this library’s ${single!.novelty!.cohort!.papers} papers of ${single!.novelty!.cohort!.from} with a novelty`)
    expect(problems).toEqual([])
  })

  it('shows the code in how-computed texts as code, not as backticks', async () => {
    const list = (await (await fetch(`${server.url}/api/v1/papers?source=daily-papers&page_size=20`)).json()) as { items: Array<{ id: string }> }
    let id: string | undefined
    for (const p of list.items) {
      const detail = (await (await fetch(`${server.url}/api/v1/papers/${p.id}`)).json()) as { keywordAnalysis: { howComputed: string } | null }
      // The API keeps the backticks.
      if (detail.keywordAnalysis?.howComputed.includes('(`AI` → artificial intelligence)')) {
        id = p.id
        break
      }
    }
    expect(id, 'a paper with its key words explained').toBeDefined()
    await page.goto(`${server.url}/papers/${id}`)
    const how = page.locator('[data-testid="keywords-how"]')
    await how.locator('summary').click()
    expect(await how.locator('code').allTextContents()).toContain('AI')
    expect(await how.textContent()).toContain('(AI → artificial intelligence)')
    expect(await how.textContent()).not.toContain('`')
    expect(problems).toEqual([])
  })

  it('narrows the results with a topic facet and keeps it in the URL', async () => {
    await page.goto(`${server.url}/search?q=grokking`)
    await resultCount(page).waitFor()
    const before = await countOf(page)
    const topicGroup = page.getByRole('group', { name: 'Topic' })
    const facet = topicGroup.getByRole('button').first()
    const label = ((await facet.locator('.facet-label').textContent()) ?? '').trim()
    const facetCount = Number((await facet.locator('.facet-count').textContent())?.replace(/,/g, ''))
    expect(label).not.toBe('')
    expect(facetCount).toBeGreaterThan(0)
    await facet.click()
    await expect.poll(() => page.url()).toContain('topic=')
    await expect.poll(() => topicGroup.getByRole('button', { pressed: true }).count()).toBe(1)
    // The facet said how many papers the filter leaves; the results agree once they arrive.
    await expect.poll(() => countOf(page)).toBe(facetCount)
    const after = facetCount
    expect(after).toBeLessThanOrEqual(before)
    // Every result now carries that topic.
    const cards = page.locator('article.paper-card')
    await expect.poll(() => cards.count()).toBe(Math.min(after, 20))
    for (const card of await cards.all()) expect(await card.locator('.chips').textContent()).toContain(label)
    expect(problems).toEqual([])
  })

  it('opens a paper, its author with the metric header and plot, and a topic page', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('"first order phase transition"')}`)
    await page
      .getByRole('link', { name: 'Grokking as a First Order Phase Transition in Two Layer Networks' })
      .click()

    // The paper: everything known, every source record, BibTeX.
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Grokking as a First Order Phase Transition in Two Layer Networks',
      })
      .waitFor()
    expect(page.url()).toMatch(/\/papers\/p[0-9a-z]+$/)
    const sources = page.locator('.source-item')
    expect(await sources.count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.locator('.source-list').textContent()).toMatch(/Merged/)
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Cite' }).or(page.locator('.bibtex')).locator('pre').textContent(),
      )
      .toMatch(/^@\w+\{/)

    // Its author: the metric header says where each value comes from, and the plot is drawn.
    await page.locator('.paper-authors').getByRole('link', { name: RESEARCHER.name }).click()
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()
    const hIndex = page.locator('.metric[data-metric="hIndex"]')
    // Ruled out by the page's own numbers: struck in the headline (see the test of that below).
    await expect.poll(() => hIndex.locator('.metric-value del').textContent()).toBe(RESEARCHER.hIndex)
    expect(await hIndex.textContent()).toMatch(/Reported by profile page/)
    // 44 beside the page's own 13 papers and 177 citations cannot be right: flagged, the arithmetic one click away.
    await hIndex.locator('.metric-conflict summary').click()
    expect(await hIndex.locator('.metric-conflict').textContent()).toMatch(/Doesn't add up.*needs at least 1,936 citations/s)
    expect(await page.locator('.metric[data-metric="citations"] .metric-conflict').count()).toBe(0)
    expect(await page.locator('.metric[data-metric="papers"]').textContent()).toMatch(/computed here/i)
    for (const metric of ['hIndex', 'papers', 'citations', 'noveltyPercent', 'aiScore']) {
      expect(await page.locator(`.metric[data-metric="${metric}"] .metric-origin`).count()).toBeGreaterThan(0)
    }
    const bars = page.locator('[data-testid="year-chart"] svg rect')
    await expect.poll(() => bars.count()).toBeGreaterThan(2)
    // A BibTeX download of all the researcher's papers.
    const authorBib = await page.locator('.bibtex-link a').getAttribute('href')
    expect(authorBib).toMatch(/^\/api\/v1\/authors\/[^/]+\/bibtex\?download=true$/)
    expect(await (await fetch(`${server.url}${authorBib}`)).text()).toMatch(/^@\w+\{/)
    expect(await page.locator('[data-testid="year-chart"] svg').getAttribute('aria-label')).toContain(
      RESEARCHER.name,
    )
    // One picture with one name: no part of it labelled (Plot's `bar`, `y-axis tick` on <g>s with no role).
    expect(await page.locator('[data-testid="year-chart"] svg [aria-label]').count()).toBe(0)
    // The chart's numbers as a table, for a screen reader and for exact counts: they add up to the papers listed.
    const numbers = page.getByTestId('year-chart-numbers')
    await numbers.locator('summary').click()
    const counts = await numbers.locator('tbody td').allInnerTexts()
    expect(counts.length).toBeGreaterThan(2)
    const dated = await page.locator('.author-main article.paper-card time').count()
    expect(counts.reduce((s, n) => s + Number(n), 0)).toBeGreaterThanOrEqual(dated)
    // Papers sort by date both ways.
    const firstDate = () =>
      page.locator('.author-main article.paper-card time').first().getAttribute('datetime')
    const newest = await firstDate()
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest')
    await expect.poll(firstDate).not.toBe(newest)

    // A topic page from a paper's topic chip.
    const chip = page.locator('.author-main article.paper-card a.chip').first()
    // The label is the chip's first text; a predicted chip goes on with `· predicted 74%`, a curated one with `(curated)`.
    const topicLabel = await chip.evaluate((a) => a.firstChild?.textContent?.trim() ?? '')
    await chip.click()
    await page.getByRole('heading', { level: 1, name: topicLabel }).waitFor()
    await expect.poll(() => page.locator('[data-testid="year-chart"] svg rect').count()).toBeGreaterThan(0)
    expect(await page.locator('.bibtex-link a').getAttribute('href')).toMatch(
      /^\/api\/v1\/topics\/[^/]+\/bibtex\?download=true$/,
    )
    expect(
      await page
        .getByRole('region', { name: 'Top authors' })
        .or(page.locator('.author-side'))
        .locator('li')
        .count(),
    ).toBeGreaterThan(0)
    expect(await page.locator('.author-main article.paper-card').count()).toBeGreaterThan(0)
    // A card's "Digest" or "Summary" tag says who wrote it.
    const tags = page.locator('.author-main article.paper-card .origin-tag')
    expect(await tags.count()).toBeGreaterThan(0)
    for (const tag of await tags.all()) {
      const [label, title] = [await tag.textContent(), await tag.getAttribute('title')]
      expect(title, label ?? '').toBe(label === 'Digest' ? 'Digest written by a curator' : label === 'Digest (source)' ? "Digest by the source's model" : 'Digest generated by Paperscope')
    }
    expect(problems).toEqual([])
  })

  it('shows the analysis: a predicted topic with its confidence, similar papers, novelty with evidence, and the AI Score with how it is computed', async () => {
    // A paper no person filed under a topic (the daily papers feed has no sections).
    const feed = (await (
      await fetch(`${server.url}/api/v1/papers?source=daily-papers&page_size=50`)
    ).json()) as {
      items: Array<{
        id: string
        topics: Array<{ origin: string; label: string; confidence: number | null }>
      }>
    }
    const predicted = feed.items.find(
      (p) => p.topics.length > 0 && p.topics.every((t) => t.origin === 'predicted'),
    )
    expect(predicted, 'a daily paper with a predicted topic').toBeDefined()
    await page.goto(`${server.url}/papers/${predicted!.id}`)
    await page.locator('h1.paper-title').waitFor()
    const chip = page.locator('.paper-side a.chip-predicted').first()
    await chip.waitFor()
    const top = predicted!.topics[0]!
    expect(await chip.textContent()).toContain(top.label)
    // What the number is, on screen and in words to a screen reader (`>99%` is read as `over 99%`).
    expect(await chip.locator('.chip-note').textContent()).toBe(`· predicted ${confidencePercent(top.confidence!)}`)
    const spoken = confidencePercent(top.confidence!).replace(/^>/, 'over ').replace(/^</, 'under ')
    expect(await chip.getAttribute('aria-label')).toBe(`${top.label}, predicted topic, ${spoken} confidence`)
    expect(await page.locator('.paper-side').textContent()).toMatch(/Predicted \(with confidence\)/)
    await expect.poll(() => page.locator('.similar .similar-item').count()).toBeGreaterThan(0)
    expect(await page.locator('.similar .why').first().textContent()).toMatch(
      /^Similarity 0\.\d\d \(wording 0\.\d\d, topics [01]\.\d\d\) · shared: /,
    )
    // Readers can sort similar papers newest first as well as by similarity.
    const detail = (await (await fetch(`${server.url}/api/v1/papers/${predicted!.id}`)).json()) as {
      similar: Array<{ paper: { id: string; date: string | null } }>
    }
    const shownIds = () =>
      page
        .locator('.similar .similar-item')
        .evaluateAll((items) =>
          items.map((i) =>
            i.querySelector('a[href^="/papers/"]')?.getAttribute('href')?.slice('/papers/'.length),
          ),
        )
    expect(await shownIds()).toEqual(detail.similar.map((x) => x.paper.id))
    await page.locator('.similar select').selectOption('newest')
    const newest = [...detail.similar].sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? ''))
    await expect.poll(shownIds).toEqual(newest.map((x) => x.paper.id))
    // A percentile, written as one (`57th percentile`), not as a share (`57%`).
    const novelty = ((await (await fetch(`${server.url}/api/v1/papers/${predicted!.id}`)).json()) as { novelty: { value: number | null } | null }).novelty
    await expect
      .poll(() => page.locator('[data-testid="novelty-value"]').textContent())
      .toBe(!novelty || novelty.value === null ? 'unknown' : `${percentileRank(novelty.value)} percentile`)
    if ((await page.locator('[data-testid="novelty-value"]').textContent()) !== 'unknown') {
      expect(await page.locator('[data-testid="novelty-evidence"] li a').count()).toBeGreaterThan(0)
    }

    // The researcher: Paperscope's own AI Score leads, the number the ranking of researchers shows (a page reached
    // from its 63.2 had opened on the profile's 53), with its inputs and how it is computed; the page's reported one
    // beside it, never passed off as the same number.
    const metrics = (await (await fetch(`${server.url}/api/v1/authors/${RESEARCHER.id}`)).json()) as { metrics: { computed: { aiScore: { value: number }; noveltyPercent: { value: number } } } }
    await page.goto(`${server.url}/authors/${RESEARCHER.id}`)
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()
    const ai = page.locator('.metric[data-metric="aiScore"]')
    await expect.poll(() => ai.locator('.metric-value').textContent()).toBe((Math.round(metrics.metrics.computed.aiScore.value * 10) / 10).toFixed(1))
    expect(await ai.locator('.origin-reported').textContent()).toBe('Reported by profile page: 53')
    expect(await ai.locator('.origin-computed summary').textContent()).toBe('Paperscope’s own formula')
    expect(await ai.locator('.origin-computed').textContent()).not.toMatch(/computed here/)
    expect(await page.locator('.metric-note').textContent()).toMatch(/AI Score computed here use Paperscope’s own formulas, not the page’s/)
    await ai.locator('.origin-computed summary').click()
    // What the metric is, then how it is computed.
    await expect
      .poll(() => ai.locator('.origin-computed details p').nth(1).textContent())
      .toMatch(/^AI Score = 100 × \(/)
    expect(await ai.locator('.origin-computed details p').first().textContent()).toMatch(/^A score from 0 to 100/)
    expect(await ai.locator('.origin-computed').textContent()).toMatch(/topical centrality/)
    expect(await ai.locator('.origin-computed').textContent()).toMatch(/not the profile page’s score worked out again/i)
    const noveltyTile = page.locator('.metric[data-metric="noveltyPercent"]')
    expect(await noveltyTile.locator('.metric-value').textContent()).toBe(`${metrics.metrics.computed.noveltyPercent.value.toFixed(1)} mean percentile among same-year papers`)
    expect(await noveltyTile.locator('.origin-reported').textContent()).toBe('Reported by profile page: 55%')
    expect(problems).toEqual([])
  })

  it('marks a title made from the abstract on a result card, not only on the paper page', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('"entropy collapse"')}`)
    const card = page.locator('.card', { hasText: 'Finding the right initialisation' })
    await expect.poll(() => card.count()).toBeGreaterThan(0)
    expect(await card.first().locator('.derived-title').textContent()).toBe(' (title from the abstract)')
    // A paper with a title of its own says nothing of the kind.
    expect(await page.locator('.card', { hasNotText: 'Finding the right initialisation' }).locator('.derived-title').count()).toBe(0)
  })

  it('shows key words the text does not spell out apart, as suggested by similar papers', async () => {
    type Listed = { id: string; keywords: Array<{ text: string; origin: string }> }
    let suggested: Listed | undefined
    for (let pageNumber = 1; !suggested && pageNumber <= 10; pageNumber++) {
      const list = (await (await fetch(`${server.url}/api/v1/papers?page_size=100&page=${pageNumber}`)).json()) as { items: Listed[] }
      suggested = list.items.find((p) => p.keywords.some((k) => k.origin === 'suggested') && p.keywords.some((k) => k.origin === 'extracted'))
    }
    expect(suggested, 'a paper with both extracted and suggested key words').toBeDefined()
    await page.goto(`${server.url}/papers/${suggested!.id}`)
    await page.locator('h1.paper-title').waitFor()
    const group = (heading: string) =>
      page.locator('.paper-side div', { has: page.locator('p.side-label', { hasText: heading }) }).locator('.chip')
    const words = (origin: string) => suggested!.keywords.filter((k) => k.origin === origin).map((k) => `${k.text} (${origin})`)
    await expect.poll(() => group('Extracted from the text').allTextContents()).toEqual(words('extracted'))
    expect(await group('Suggested, not in the text (listed by papers like it)').allTextContents()).toEqual(words('suggested'))
    expect(await group('Suggested, not in the text (listed by papers like it)').first().getAttribute('title')).toMatch(/^Not in the paper’s text/)

    // Why each was chosen: the API and the page list every key word the analysis chose, with its reasons.
    const detail = (await (await fetch(`${server.url}/api/v1/papers/${suggested!.id}`)).json()) as {
      keywordAnalysis: { items: Array<{ text: string; origin: string; score: number; why: string[] }>; howComputed: string }
      digest: { origin: string } | null
      digestAnalysis: { why: string[]; howComputed: string } | null
    }
    expect(detail.keywordAnalysis.items.map((k) => `${k.text} (${k.origin})`).sort()).toEqual([...words('extracted'), ...words('suggested')].sort())
    expect(detail.keywordAnalysis.items.every((k) => k.why.length > 0 && k.score > 0 && k.score <= 1)).toBe(true)
    const how = page.locator('[data-testid="keywords-how"]')
    await how.locator('summary').click()
    // A score, not a percent: beside the topics' confidences, `91%` read as one.
    for (const k of detail.keywordAnalysis.items) expect(await how.textContent()).toContain(`${k.text} (${k.origin}, score ${k.score.toFixed(2)}): ${k.why.join(', ')}`)
    expect(await how.textContent()).toContain('shown as suggested, not as extracted')
    if (detail.digest?.origin === 'generated') {
      expect(detail.digestAnalysis?.howComputed).toMatch(/^For a paper with an abstract and no digest from a source/)
      await page.locator('[data-testid="digest-how"] summary').click()
      // The gist and the detail are two paragraphs: the text is theirs, but for the space between.
      const paragraphs = await page.locator('[data-testid="digest-how"] p').allTextContents()
      expect(paragraphs.join(' ')).toContain(detail.digestAnalysis!.howComputed)
    } else {
      expect(detail.digestAnalysis).toBeNull()
    }
    // What counted against a generated digest's sentence is part of its why: `We rather present …` adds to the
    // sentence before it, which comes with it.
    const semi = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('"Semi-Parametric Neural Image Synthesis"')}`)).json()) as { items: Array<{ paper: { id: string } }> }
    const semiDetail = (await (await fetch(`${server.url}/api/v1/papers/${semi.items[0]!.paper.id}`)).json()) as { digest: { text: string; origin: string }; digestAnalysis: { why: string[] } }
    expect(semiDetail.digest).toMatchObject({ origin: 'generated', text: expect.stringMatching(/^Our work questions .*\. We rather present an orthogonal, semi-parametric approach\.$/) })
    expect(semiDetail.digestAnalysis.why).toEqual(expect.arrayContaining(['states a contribution', 'counted against: adds to a result given before it']))
    expect(problems).toEqual([])
  })

  it('says "unsorted" for a paper far from every topic, and why, in the sentence the API serves, instead of guessing', async () => {
    const found = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('sourdough bread')}`)).json()) as {
      items: Array<{ paper: { id: string; title: string } }>
    }
    const paper = found.items.find((i) => i.paper.title === OFF_TOPIC_TITLE)?.paper
    expect(paper, 'the off-topic paper is in the library').toBeDefined()
    await page.goto(`${server.url}/papers/${paper!.id}`)
    await page.locator('h1.paper-title').waitFor()
    const unsorted = page.locator('[data-testid="unsorted"]')
    await unsorted.waitFor()
    const detail = (await (await fetch(`${server.url}/api/v1/papers/${paper!.id}`)).json()) as { topicPrediction: { status: string; unsortedBecause: string | null; unsortedNote: string | null } | null }
    expect(detail.topicPrediction).toMatchObject({ status: 'unsorted', unsortedBecause: 'off-topic' })
    expect(await unsorted.textContent()).toBe(detail.topicPrediction!.unsortedNote)
    expect(await unsorted.textContent()).toBe('Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.')
    expect(await page.locator('.paper-side a.chip-predicted').count()).toBe(0)
    expect(await page.locator('.paper-side').textContent()).not.toMatch(/No topic yet/)
    expect(problems).toEqual([])
  })

  it('says above the similar papers of a bare title that they rest on the one word the model knows of it, or why there are none', async () => {
    type Detail = { id: string; title: string; similar: Array<{ paper: { id: string } }>; similarNote: string | null }
    const detailOf = async (title: string): Promise<Detail> => {
      const found = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { items: Array<{ paper: { id: string; title: string } }> }
      const id = found.items.find((i) => i.paper.title === title)?.paper.id
      expect(id, title).toBeDefined()
      return (await (await fetch(`${server.url}/api/v1/papers/${id}`)).json()) as Detail
    }
    const open = async (detail: Detail) => {
      await page.goto(`${server.url}/papers/${detail.id}`)
      await page.locator('h1.paper-title').waitFor()
      await page.locator('.similar').waitFor()
    }
    // One word known: the list is shown as the analysis ranks it, and the server's sentence says what it rests on.
    const oneWord = await detailOf(BARE_TITLES.oneWord)
    expect(oneWord.similar.length).toBeGreaterThan(0)
    expect(oneWord.similarNote).toMatch(/^The model knows only “transformer” of this paper's text \(its title alone\)/)
    await open(oneWord)
    await expect.poll(() => page.locator('.similar .similar-item').count()).toBe(oneWord.similar.length)
    expect(await page.locator('.similar [data-testid="similar-note"]').textContent()).toBe(oneWord.similarNote)
    // None known: no list, and the sentence says why instead of "No similar papers found".
    const noWord = await detailOf(BARE_TITLES.noWord)
    expect(noWord.similar).toEqual([])
    expect(noWord.similarNote).toMatch(/^No similar papers: the model knows none of the words of this paper's text/)
    await open(noWord)
    expect(await page.locator('.similar [data-testid="similar-note"]').textContent()).toBe(noWord.similarNote)
    expect(await page.locator('.similar').textContent()).not.toMatch(/No similar papers found/)
    // A paper with an abstract carries no note.
    const grokking = await detailOf('Grokking as a First Order Phase Transition in Two Layer Networks')
    expect(grokking.similarNote).toBeNull()
    await open(grokking)
    await expect.poll(() => page.locator('.similar .similar-item').count()).toBeGreaterThan(0)
    expect(await page.locator('.similar [data-testid="similar-note"]').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it("shows sources' LaTeX as text, on the paper page and in search results, while the API keeps it as written", async () => {
    const found = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('linear denoisers')}`)).json()) as {
      items: Array<{ paper: { id: string; title: string } }>
    }
    // abstracts.txt gives no titles: this paper's title is the start of its abstract, `$N$` included.
    const paper = found.items.find((i) => i.paper.title.includes('with $N$ samples'))?.paper
    expect(paper, 'the abstract with LaTeX is in the library').toBeDefined()
    const detail = (await (await fetch(`${server.url}/api/v1/papers/${paper!.id}`)).json()) as { abstract: string }
    expect(detail.abstract).toContain('$N \\asymp d$')
    await page.goto(`${server.url}/papers/${paper!.id}`)
    const title = page.locator('h1.paper-title')
    await expect.poll(() => title.textContent()).toMatch(/^Diffusion models trained on finite datasets with N samples/)
    const abstract = (await page.locator('p.abstract').allTextContents()).join(' ')
    expect(abstract).toContain('when N ≍ d, the dimension of the inputs')
    expect(abstract).not.toMatch(/[$\\]/)
    await page.goto(`${server.url}/search?q=${encodeURIComponent('linear denoisers')}`)
    await page.locator('article.paper-card').first().waitFor()
    expect(await page.locator('main').textContent()).not.toMatch(/\$N\$/)
    expect(problems).toEqual([])
  })

  it('answers /api/v1/similar?text= with the papers nearest to a text never seen, and names a bad parameter', async () => {
    const text =
      'The last-layer features collapse to their class means and form a simplex equiangular tight frame at the end of training.'
    const res = await fetch(`${server.url}/api/v1/similar?k=5&text=${encodeURIComponent(text)}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      similar: Array<{
        paper: { id: string; date: string | null; title: string; topics: Array<{ label: string }> }
        score: number
        textSimilarity: number
        topicAgreement: number | null
      }>
      howComputed: string
    }
    expect(body.similar).toHaveLength(5)
    // Each score is its two parts, blended as howComputed says: wording 0.6, topics 0.4.
    for (const s of body.similar) {
      expect(s.textSimilarity).toBeGreaterThan(0)
      expect(s.score).toBeCloseTo(0.6 * s.textSimilarity + 0.4 * (s.topicAgreement ?? 0), 5)
    }
    const collapse = body.similar.filter((s) => s.paper.topics.some((t) => t.label === 'Neural Collapse'))
    expect(collapse.length, body.similar.map((s) => s.paper.title).join(' / ')).toBeGreaterThanOrEqual(3)
    expect(body.howComputed).toMatch(/LSA/)
    const recent = (await (
      await fetch(`${server.url}/api/v1/similar?k=5&sort=recent&text=${encodeURIComponent(text)}`)
    ).json()) as { similar: Array<{ paper: { id: string; date: string | null } }> }
    const byDate = [...body.similar].sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? ''))
    expect(recent.similar.map((s) => s.paper.id)).toEqual(byDate.map((s) => s.paper.id))
    // Most cited first among the k nearest (then upvotes; unknown last): the same papers, reordered.
    type Counted = { similar: Array<{ paper: { id: string; citationCount: number | null; upvotes: number | null } }> }
    const wide = `k=10&text=${encodeURIComponent(text)}`
    const nearest = (await (await fetch(`${server.url}/api/v1/similar?${wide}`)).json()) as Counted
    const popular = (await (await fetch(`${server.url}/api/v1/similar?sort=popular&${wide}`)).json()) as Counted
    const count = (p: Counted['similar'][number]['paper']): [number, number] => [p.citationCount ?? -1, p.upvotes ?? -1]
    const byCount = [...nearest.similar].sort((a, b) => count(b.paper)[0] - count(a.paper)[0] || count(b.paper)[1] - count(a.paper)[1])
    expect(popular.similar.map((s) => s.paper.id)).toEqual(byCount.map((s) => s.paper.id))
    expect(popular.similar.slice(0, 2).map((s) => [s.paper.citationCount, s.paper.upvotes])).toEqual([[120, null], [null, 40]])
    // The paper page sorts its similar papers the same way: on a page where the cited record is not the most similar.
    const inTopic = (await (await fetch(`${server.url}/api/v1/papers?topic=neural-collapse&page_size=50`)).json()) as { items: Array<{ id: string }> }
    let id: string | undefined
    let detail: Counted | undefined
    for (const p of inTopic.items) {
      const d = (await (await fetch(`${server.url}/api/v1/papers/${p.id}`)).json()) as Counted
      if (d.similar.findIndex((s) => s.paper.citationCount === 120) > 0) {
        id = p.id
        detail = d
        break
      }
    }
    expect(id, 'a neural-collapse paper with the cited record among its similar papers, below the first').toBeDefined()
    await page.goto(`${server.url}/papers/${id}`)
    await page.locator('.similar .similar-item').first().waitFor()
    await page.locator('.similar select').selectOption('cited')
    const shown = () =>
      page.locator('.similar .similar-item').evaluateAll((items) => items.map((i) => i.querySelector('a[href^="/papers/"]')?.getAttribute('href')?.slice('/papers/'.length)))
    const cited = [...detail!.similar].sort((a, b) => count(b.paper)[0] - count(a.paper)[0] || count(b.paper)[1] - count(a.paper)[1])
    await expect.poll(shown).toEqual(cited.map((s) => s.paper.id))
    expect(cited[0]!.paper.citationCount).toBe(120)
    // Where none of the similar papers has a count, "most cited" would repeat the first order: it is offered disabled.
    let uncounted: string | undefined
    for (const p of inTopic.items) {
      const d = (await (await fetch(`${server.url}/api/v1/papers/${p.id}`)).json()) as Counted
      if (d.similar.length > 1 && d.similar.every((s) => s.paper.citationCount === null && s.paper.upvotes === null)) {
        uncounted = p.id
        break
      }
    }
    expect(uncounted, 'a neural-collapse paper whose similar papers have no counts').toBeDefined()
    await page.goto(`${server.url}/papers/${uncounted}`)
    await page.locator('.similar .similar-item').first().waitFor()
    const citedOption = page.locator('.similar select option[value="cited"]')
    expect(await citedOption.isDisabled()).toBe(true)
    expect(await citedOption.textContent()).toBe('Most cited first (no counts known)')
    const bad = await fetch(`${server.url}/api/v1/similar?k=500&text=x`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/k/)
    // Each paper's vector is served too: unit length, from the library's model.
    const vector = (await (await fetch(`${server.url}/api/v1/papers/${body.similar[0]!.paper.id}/vector`)).json()) as { embedder: string; dimensions: number; vector: number[] }
    expect(vector).toMatchObject({ embedder: 'lsa-100', dimensions: 100 })
    expect(Math.hypot(...vector.vector)).toBeCloseTo(1, 4)
  })

  it('classifies a pasted text on the Classify page: topics, key words, digest and the nearest papers, each with why; far-off text is called off topic', async () => {
    const title = 'Collapse of last-layer features'
    const text =
      'We study the terminal phase of training deep classifiers. The last-layer features collapse to their class means, and the class means form a simplex equiangular tight frame. We prove this geometry is the only global minimizer of the cross-entropy loss with weight decay in an unconstrained features model, and we measure how close trained networks come to it.'
    // The API first: the same answer as `paperscope classify`, with topic ids to link and how each part is computed.
    const res = await fetch(`${server.url}/api/v1/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, text }) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      topics: Array<{ id: string; label: string; origin: string; confidence: number }>
      unsorted: boolean
      offTopic: boolean
      topicWhy: string[]
      keywords: Array<{ text: string; origin: string; score: number; why: string[] }>
      language: string | null
      digest: { text: string; origin: string } | null
      howComputed: { topics: string; keywords: string; digest: string }
    }
    expect(body.topics[0]).toMatchObject({ id: 'neural-collapse', label: 'Neural Collapse', origin: 'predicted' })
    expect(body).toMatchObject({ unsorted: false, offTopic: false })
    expect(body.topicWhy.length).toBeGreaterThan(0)
    expect(body.keywords.length).toBeGreaterThanOrEqual(2)
    expect(body.keywords.every((k) => k.why.length > 0 && k.score > 0 && k.score <= 1)).toBe(true)
    expect(body.digest).toEqual({ text: expect.stringMatching(/^[A-Z].*\.$/), origin: 'generated' })
    expect(body.howComputed.topics).toMatch(/curated/)
    // A title of null is a title left out, as `paperscope classify --jsonl` reads it (exporters write a missing field so).
    const post = (input: object) => fetch(`${server.url}/api/v1/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
    const nullTitle = await post({ title: null, text })
    expect(nullTitle.status).toBe(200)
    expect(await nullTitle.json()).toEqual(await (await post({ text })).json())
    expect(body.language).toBeNull()
    // A title alone is classified, as `paperscope classify` takes a line with only a title; neither is a 400.
    const titleOnly = await post({ title: 'Prevalence of neural collapse during the terminal phase of deep learning training' })
    expect(titleOnly.status).toBe(200)
    expect(((await titleOnly.json()) as { topics: Array<{ label: string }> }).topics[0]?.label).toBe('Neural Collapse')
    const neither = await post({ title: '  ' })
    expect(neither.status).toBe(400)
    expect(await neither.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'parameter "text" is required unless a title is given', field: 'text', issue: { kind: 'required' } } })
    // A text not in English gets no key words, and the answer names its language.
    const french = await post({ title: 'Effondrement neuronal dans les réseaux profonds', text: "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe." })
    expect(await french.json()).toMatchObject({ keywords: [], language: 'French' })
    // A bad body names its field; a text too long for a URL is read from a POST body.
    const empty = await fetch(`${server.url}/api/v1/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '   ' }) })
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: { field?: string; message: string } }).error).toMatchObject({ field: 'text', message: 'parameter "text" must not be empty or only spaces' })
    const long = `${text} `.repeat(40).slice(0, 15_000)
    const refused = await fetch(`${server.url}/api/v1/similar?k=3&text=${encodeURIComponent(long)}`)
    expect(refused.status).toBe(431)
    // Refused by Node before Fastify reads it, and still the API's error body.
    expect(await refused.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('POST /api/v1/similar') } })
    const posted = await fetch(`${server.url}/api/v1/similar`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: long, k: 3 }) })
    expect(posted.status).toBe(200)
    expect(((await posted.json()) as { similar: unknown[] }).similar).toHaveLength(3)

    // The page: fill the form, read the answer.
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'Classify' }).click()
    await page.getByLabel('Title (optional)').fill(title)
    await page.getByLabel('Abstract or text').fill(text)
    await page.getByRole('button', { name: 'Classify' }).click()
    const answer = page.locator('.classify-answer')
    await answer.waitFor()
    // Focus stays on the button while the answer loads (a disabled button dropped it to the page's start), and a
    // status region that was there before the answer says it has come.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Classify')
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Results below' }).textContent())
      .toMatch(/^Results below: \d+ predicted topics?, \d+ key words?, 8 nearest papers\.$/)
    const topicChips = answer.locator('[aria-labelledby="classify-topics"] a.chip')
    await expect.poll(() => topicChips.first().textContent()).toMatch(/^Neural Collapse· predicted (\d+%|>99%)$/)
    expect(await topicChips.first().getAttribute('href')).toBe('/topics/neural-collapse')
    const words = await answer.locator('[aria-labelledby="classify-keywords"] .chip').allTextContents()
    // A pasted text's key words are no links: the library need not have a paper with them.
    expect(await answer.locator('[aria-labelledby="classify-keywords"] a.chip').count()).toBe(0)
    // Grouped as on a paper page: phrases of the text first, then suggestions, each group best first.
    const grouped = ['extracted', 'suggested'].flatMap((origin) => body.keywords.filter((k) => k.origin === origin))
    expect(words).toEqual(grouped.map((k) => `${k.text} (${k.origin})`))
    await answer.locator('[data-testid="classify-keywords-how"] summary').click()
    for (const k of body.keywords) expect(await answer.locator('[data-testid="classify-keywords-how"]').textContent()).toContain(`${k.text} (${k.origin}, score ${k.score.toFixed(2)})`)
    expect(await answer.locator('#classify-digest + p').textContent()).toBe(body.digest!.text)
    const nearest = answer.locator('.similar-item')
    expect(await nearest.count()).toBe(8)
    expect(await nearest.first().locator('p.why').textContent()).toMatch(/^Similarity \d\.\d\d \(wording \d\.\d\d, topics \d\.\d\d\)/)
    const collapse = await nearest.filter({ hasText: 'Neural Collapse' }).count()
    expect(collapse).toBeGreaterThanOrEqual(4)
    // Open a nearest paper and come back: the text and its answer are still there.
    const firstNearest = (await nearest.first().locator('h3').textContent()) ?? ''
    await nearest.first().locator('h3 a').click()
    await page.locator('h1.paper-title').waitFor()
    expect(await page.locator('h1.paper-title').textContent()).toBe(firstNearest)
    await page.goBack()
    await answer.waitFor()
    expect(await page.getByLabel('Abstract or text').inputValue()).toBe(text)
    expect(await answer.locator('.similar-item').count()).toBe(8)

    // A close call one word decides: unsorted, with the word, in the sentence the API serves.
    const coordinate = { title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }
    const served = (await (await post(coordinate)).json()) as { unsortedBecause: string | null; unsortedNote: string | null }
    expect(served.unsortedBecause).toBe('one-word')
    expect(served.unsortedNote).toMatch(/^Unsorted: the best topic, Deep Double Descent \(\d+%\), rests on one word \(“regression”\); without it the text is closer to .+\.$/)
    await page.getByLabel('Title (optional)').fill(coordinate.title)
    await page.getByLabel('Abstract or text').fill(coordinate.text)
    await page.getByRole('button', { name: 'Classify' }).click()
    await expect.poll(() => page.locator('[data-testid="classify-unsorted"]').textContent()).toBe(served.unsortedNote)

    // Far from every topic of the library: unsorted, and said why.
    await page.getByLabel('Title (optional)').fill('')
    await page.getByLabel('Abstract or text').fill('Keep a rye sourdough starter in a cold kitchen, feed it flour and water daily, and let the dough rise overnight before baking the bread.')
    await page.getByRole('button', { name: 'Classify' }).click()
    await expect.poll(() => page.locator('[data-testid="classify-unsorted"]').textContent()).toBe('Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.')
    expect(await topicChips.count()).toBe(0)
    // Off topic, no topic lifts a paper, and it shares too little wording with any (the library's sourdough
    // paper is the only one with its words, and the vocabulary keeps only words of two papers or more): the page
    // says why as the API's note for this text does.
    const sourdough = 'Keep a rye sourdough starter in a cold kitchen, feed it flour and water daily, and let the dough rise overnight before baking the bread.'
    const offTopicNote = ((await (await fetch(`${server.url}/api/v1/similar?text=${encodeURIComponent(sourdough)}&k=8`)).json()) as { note: string }).note
    expect(offTopicNote).toMatch(/further from every topic .*no library paper shares two or more listed terms/)
    await expect.poll(() => page.locator('[data-testid="classify-no-similar"]').textContent()).toBe(offTopicNote)
    expect(await answer.locator('.similar-item').count()).toBe(0)

    // A text over the limit is kept whole and said to be too long, not cut at 20,000 characters and sent.
    const tooLong = 'Neural collapse of last-layer features. '.repeat(600)
    await page.getByLabel('Abstract or text').fill(tooLong)
    expect((await page.getByLabel('Abstract or text').inputValue()).length).toBe(tooLong.length)
    expect(await page.locator('[data-testid="classify-count"]').textContent()).toMatch(/^24,000 characters: the longest text read is 20,000/)
    expect(await page.getByRole('button', { name: 'Classify' }).isDisabled()).toBe(true)
    expect(problems).toEqual([])
  })

  it("puts the Classify answer's topics and key words before its nearest papers on a phone, in the page's order too", async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/classify`)
    await page.getByLabel('Abstract or text').fill(
      'The last-layer features of deep classifiers collapse to their class means late in training, and the means form a simplex equiangular tight frame.',
    )
    await page.getByRole('button', { name: 'Classify' }).click()
    const answer = page.locator('.classify-answer')
    await answer.locator('.similar-item').first().waitFor()
    const top = (id: string) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top)
    expect(await top('classify-digest')).toBeLessThan(await top('classify-topics'))
    expect(await top('classify-keywords')).toBeLessThan(await top('classify-similar'))
    // A screen reader reads them in that order as well: the headings in the page's order.
    expect(await answer.locator('h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(['classify-digest', 'classify-topics', 'classify-keywords', 'classify-similar'])
    expect(problems).toEqual([])
  })

  it("names a profile's owner after et al. when the source's cut list did not reach her", async () => {
    const detail = async (id: string) => (await (await fetch(`${server.url}/api/v1/papers/${id}`)).json()) as { title: string; authors: Array<{ name: string; listed: boolean }>; authorsTruncated: boolean }
    const author = (await (await fetch(`${server.url}/api/v1/authors/${RESEARCHER.id}`)).json()) as { papers: Array<{ id: string }> }
    const papers = await Promise.all(author.papers.map((p) => detail(p.id).then((d) => ({ id: p.id, ...d }))))
    const cut = papers.find((p) => p.authorsTruncated && p.authors.some((a) => !a.listed))
    expect(cut).toBeDefined()
    await page.goto(`${server.url}/papers/${cut!.id}`)
    const line = page.locator('.paper-header .author-line, main .author-line').first()
    await line.waitFor()
    const listed = cut!.authors.filter((a) => a.listed).map((a) => a.name)
    expect((await line.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${listed.join(', ')} et al. (also: ${RESEARCHER.name})`)
    expect(problems).toEqual([])
  })

  it('serves deep links that survive a reload', async () => {
    const deep = `${server.url}/authors/${RESEARCHER.id}`
    await page.goto(deep)
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()
    await page.reload()
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()

    await page.goto(`${server.url}/search?q=neural+networks&page=2`)
    await resultCount(page).waitFor()
    await page.reload()
    await resultCount(page).waitFor()
    expect(await page.getByRole('searchbox', { name: 'Search papers' }).inputValue()).toBe('neural networks')
    expect(await page.locator('.page-status').first().textContent()).toMatch(/Page 2 of/)

    await page.goto(`${server.url}/no/such/page`)
    await page.getByText('There is no page here').waitFor()
    const missingAsset = await page.request.get(`${server.url}/assets/nope.js`)
    expect(missingAsset.status()).toBe(404)
    expect(problems.filter((p) => !p.includes('404'))).toEqual([])
  })

  it('renders a title with <script> and markup as text and runs nothing', async () => {
    const found = await library.store.searchPapers({ text: 'attention markup', limit: 5 })
    const paper = found.items.find((h) => h.paper.title === SCRIPT_TITLE)?.paper
    expect(paper).toBeDefined()

    await page.goto(`${server.url}/papers/${paper!.id}`)
    const heading = page.getByRole('heading', { level: 1 })
    await expect.poll(() => heading.textContent()).toBe(SCRIPT_TITLE)
    expect(await heading.locator('script, img, b').count()).toBe(0)
    expect(await page.title()).toContain('<script>')
    expect(await page.locator('.paper-authors').textContent()).toContain('Mallory <b>Evil</b> Hacker')
    // The javascript: URL the record carried never became a link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)

    await page.goto(`${server.url}/search?q=attention+markup`)
    await resultCount(page).waitFor()
    const card = page.locator('article.paper-card', { hasText: 'window.__paperscopeXss' })
    expect(await card.count()).toBe(1)
    expect(await card.locator('script, img').count()).toBe(0)

    expect(
      await page.evaluate(() => (window as unknown as { __paperscopeXss?: number }).__paperscopeXss),
    ).toBeUndefined()
    expect(problems).toEqual([])
  })

  it('works from the keyboard: skip link, header search, feed order', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { level: 2, name: 'Recent papers' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')

    await page.goto(`${server.url}/topics`)
    await page.getByRole('searchbox', { name: 'Search papers' }).first().focus()
    await page.keyboard.type('double descent')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('/search?q=double%20descent')
    await resultCount(page).waitFor()
    expect(await countOf(page)).toBeGreaterThan(0)

    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Trending' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('sort=trending')
    await expect
      .poll(() => page.getByRole('button', { name: 'Trending' }).getAttribute('aria-pressed'))
      .toBe('true')
    // The corpus's daily page has no year and no upvotes: its papers are trending in the page's order.
    const daily = (await (await fetch(`${server.url}/api/v1/papers?sort=trending&page_size=1`)).json()) as { total: number; items: Array<{ title: string }> }
    expect(daily.total).toBeGreaterThan(0)
    await expect.poll(() => page.locator('article.paper-card :is(h2, h3)').first().textContent()).toBe(daily.items[0]!.title)
    expect(problems).toEqual([])
  })

  it('answers an unknown paper, researcher or topic id with the not-found page: its links, a name lookup, a tab title saying so', async () => {
    const notFound = page.locator('[data-testid="not-found"]')
    const waysOn = async () => ({
      feed: await notFound.getByRole('link', { name: 'feed', exact: true }).getAttribute('href'),
      search: await notFound.getByRole('link', { name: 'search', exact: true }).getAttribute('href'),
    })

    await page.goto(`${server.url}/papers/doesnotexist`)
    await page.getByRole('heading', { level: 1, name: 'There is no paper here' }).waitFor()
    expect(await notFound.textContent()).toContain('No paper in this library has the id doesnotexist.')
    expect(await waysOn()).toEqual({ feed: '/', search: '/search' })
    await expect.poll(() => page.title()).toBe('Paper not found · Paperscope')

    // A researcher's name where the id goes: the page finds the researcher by that name and offers a search for it.
    await page.goto(`${server.url}/authors/${encodeURIComponent(RESEARCHER.name)}`)
    await page.getByRole('heading', { level: 1, name: 'There is no researcher here' }).waitFor()
    await expect.poll(() => page.title()).toBe('Researcher not found · Paperscope')
    expect(await waysOn()).toEqual({ feed: '/', search: '/search' })
    const searchLink = notFound.getByRole('link', { name: `Search papers and authors for “${RESEARCHER.name}”` })
    expect(await searchLink.getAttribute('href')).toBe(`/search?q=${encodeURIComponent(RESEARCHER.name)}`)
    const match = page.locator('[data-testid="author-matches"]').getByRole('link', { name: RESEARCHER.name })
    await match.click()
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/authors/${RESEARCHER.id}`)
    await page.goBack()
    await searchLink.click()
    await resultCount(page).waitFor()
    expect(await countOf(page)).toBeGreaterThan(0)

    await page.goto(`${server.url}/topics/no-such-topic`)
    await page.getByRole('heading', { level: 1, name: 'There is no topic here' }).waitFor()
    expect(await notFound.getByRole('link', { name: 'all topics' }).getAttribute('href')).toBe('/topics')
    expect(await waysOn()).toEqual({ feed: '/', search: '/search' })
    await expect.poll(() => page.title()).toBe('Topic not found · Paperscope')
    // The API's 404s show in the console as failed loads; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([])
  })

  it('keeps the Sources heading clear of the sticky header, from the provenance link and on a page opened at #sources', async () => {
    const found = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('"first order phase transition"')}`)).json()) as {
      items: Array<{ paper: { id: string } }>
    }
    const url = `${server.url}/papers/${found.items[0]!.paper.id}`
    /** Where the heading sits: below the header's bottom edge and inside the window means readable. */
    const placement = (p: Page) => () =>
      p.evaluate(() => {
        const heading = document.getElementById('sources')!.getBoundingClientRect()
        const header = document.querySelector('.site-header')!.getBoundingClientRect()
        return { scrolled: window.scrollY > 0, clear: heading.top >= header.bottom, visible: heading.bottom <= window.innerHeight }
      })
    await page.goto(url)
    await page.locator('h1.paper-title').waitFor()
    await page.getByRole('link', { name: 'provenance' }).click()
    await expect.poll(placement(page)).toEqual({ scrolled: true, clear: true, visible: true })

    // Opened at the anchor: the browser looked for it before the paper had arrived.
    const fresh = await context.newPage()
    await fresh.goto(`${url}#sources`)
    await fresh.locator('h1.paper-title').waitFor()
    await expect.poll(placement(fresh)).toEqual({ scrolled: true, clear: true, visible: true })
    expect(problems).toEqual([])
  })

  it("shows a DOI on the paper it names, and on the record of another paper that carried it as not shown for that paper", async () => {
    const identifiers = () => page.getByRole('region', { name: 'Identifiers' }).locator('dl').innerText()
    /** The ids line of the paper's one record, under its "What this record says". */
    const recordIds = async () => {
      const records = page.locator('.source-item')
      await expect.poll(() => records.count()).toBe(1)
      await records.getByText('What this record says').click()
      return records.getByTestId('record-ids').innerText()
    }
    // DDPG, opened at its arXiv id: its entry's DOI is Bengio's monograph's, so the paper shows the arXiv id alone.
    await page.goto(`${server.url}/papers/${MISCITED.ddpg.arxiv}`)
    await page.getByRole('heading', { level: 1, name: MISCITED.ddpg.title }).waitFor()
    await expect.poll(identifiers).toContain(MISCITED.ddpg.arxiv)
    expect(await identifiers()).not.toContain(MISCITED.doi)
    const ddpgPath = new URL(page.url()).pathname
    // Its record keeps the DOI as the file gave it, and says the paper does not show it.
    const ddpgIds = await recordIds()
    expect(ddpgIds).toContain(`arxiv ${MISCITED.ddpg.arxiv}`)
    expect(ddpgIds).toContain(`doi ${MISCITED.doi}`)
    expect(ddpgIds).toMatch(/\(not shown for this paper: doi; another paper holds it/)

    // The DOI opens Bengio's paper, which shows it, and its record has nothing the paper does not show.
    await page.goto(`${server.url}/papers/${MISCITED.doi}`)
    await page.getByRole('heading', { level: 1, name: MISCITED.bengio.title }).waitFor()
    expect(new URL(page.url()).pathname).not.toBe(ddpgPath)
    await expect.poll(identifiers).toContain(MISCITED.doi)
    const bengioIds = await recordIds()
    expect(bengioIds).toBe(`doi ${MISCITED.doi}`)
    expect(problems).toEqual([])
  })

  it('shows the first search results on the first screen of a phone, the filters compact above them', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/search?q=neural`)
    await page.locator('article.paper-card').first().waitFor()
    // Every filter group is still there, and the first result's title is on screen without scrolling.
    for (const group of ['Topic', 'Year', 'Source']) expect(await page.getByRole('group', { name: group }).isVisible()).toBe(true)
    const top = await page.locator('article.paper-card h3').first().evaluate((h) => h.getBoundingClientRect().bottom)
    expect(top).toBeLessThanOrEqual(844)
    // A row cut at the screen's edge fades out there (a cue that it scrolls), and scrolled to its end, its last
    // facet stands clear of the fade.
    const source = page.getByRole('group', { name: 'Source' })
    const row = await source.evaluate((g) => {
      const fade = getComputedStyle(g).maskImage
      g.scrollLeft = g.scrollWidth
      const facets = g.querySelectorAll('.facet')
      const last = facets[facets.length - 1]!.getBoundingClientRect().right
      return { cut: g.scrollWidth > g.clientWidth, fade, clearBy: g.getBoundingClientRect().right - last }
    })
    expect(row.cut, 'the Source row is wider than a phone').toBe(true)
    expect(row.fade).toMatch(/gradient\(.*rgba\(0, 0, 0, 0\)\)/)
    expect(row.clearBy).toBeGreaterThanOrEqual(30)
    expect(problems).toEqual([])
  })

  it('keeps the search and researchers pages inside a phone, with nothing to pan sideways', async () => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    await page.setViewportSize({ width: 390, height: 844 })
    // Each facet's count for a screen reader is hidden in place: the rows that scroll must clip those out of view.
    for (const q of ['neural', 'grokking']) {
      await page.goto(`${server.url}/search?q=${q}`)
      await page.locator('article.paper-card').first().waitFor()
      expect(await overflow(), q).toBeLessThanOrEqual(0)
    }
    // The topic list's longest name, on the narrowest phone.
    await page.setViewportSize({ width: 320, height: 700 })
    await page.goto(`${server.url}/researchers`)
    await expect.poll(() => page.getByLabel('Topic').locator('option').count()).toBeGreaterThan(1)
    expect(await overflow()).toBeLessThanOrEqual(0)
    expect(problems).toEqual([])
  })

  it('does not headline a reported h-index the same page rules out, and says plainly what was computed here', async () => {
    await page.goto(`${server.url}/authors/${RESEARCHER.id}`)
    await page.getByRole('heading', { level: 1, name: RESEARCHER.name }).waitFor()
    const hIndex = page.locator('.metric[data-metric="hIndex"]')
    // 44 beside the page's own 13 papers and 177 citations: struck, not shown as a value that is fine.
    await expect.poll(() => hIndex.locator('.metric-value del').textContent()).toBe(RESEARCHER.hIndex)
    expect(await hIndex.locator('.metric-value').textContent()).toMatch(/^44 ?\(ruled out by the page’s own numbers\)$/)
    expect(await hIndex.locator('.metric-conflict summary').isVisible()).toBe(true)
    // A target at least 24px tall (WCAG 2.5.8).
    expect((await hIndex.locator('.metric-conflict summary').boundingBox())!.height).toBeGreaterThanOrEqual(24)
    // No source gives a citation count: the computed value reads as a sentence, with why.
    expect(await hIndex.locator('.origin-computed summary').textContent()).toBe(
      'Computed here: unknown (no source gave a citation count for any of the papers)',
    )
    expect(await page.locator('.metric-grid').textContent()).not.toMatch(/unknown computed here/)
    // A reported value nothing rules out is still the headline, as it was.
    const papers = page.locator('.metric[data-metric="papers"]')
    expect(await papers.locator('.metric-value').textContent()).toBe('13')
    expect(await papers.locator('.metric-value del').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('shows percentages with one rule on paper, researcher and classify pages, and never 100% for a confidence short of 1', async () => {
    // Classify: the model is all but sure of this text's topic (the API's confidence rounds to 1), not certain.
    await page.goto(`${server.url}/classify`)
    await page.getByLabel('Abstract or text').fill(
      'We study the terminal phase of training deep classifiers. The last-layer features collapse to their class means, and the class means form a simplex equiangular tight frame. We prove this geometry is the only global minimizer of the cross-entropy loss with weight decay in an unconstrained features model, and we measure how close trained networks come to it.',
    )
    await page.getByRole('button', { name: 'Classify' }).click()
    const answer = page.locator('.classify-answer')
    await answer.waitFor()
    await expect.poll(() => answer.locator('[aria-labelledby="classify-topics"] a.chip').first().textContent()).toBe('Neural Collapse· predicted >99%')
    expect(await answer.textContent()).not.toContain('100%')
    // A researcher's Novelty (a mean of percentiles) to a tenth, as the ranking shows it; a paper's novelty
    // percentile whole. The first of the most prolific whose Novelty has a tenth to show (the corpus profile's
    // came out whole once text length was taken out of the percentiles).
    const ranking = (await (await fetch(`${server.url}/api/v1/researchers?min_papers=3&page_size=100`)).json()) as { items: Array<{ id: string; noveltyPercent: number | null }> }
    const researcher = ranking.items.find((r) => r.noveltyPercent !== null && r.noveltyPercent % 1 !== 0)
    expect(researcher, 'a Novelty % with decimals').toBeDefined()
    const computed = ((await (await fetch(`${server.url}/api/v1/authors/${researcher!.id}`)).json()) as { metrics: { computed: { noveltyPercent: { value: number } } } })
      .metrics.computed.noveltyPercent.value
    expect(computed).toBe(researcher!.noveltyPercent)
    await page.goto(`${server.url}/authors/${researcher!.id}`)
    const noveltyTile = page.locator('.metric[data-metric="noveltyPercent"]')
    await expect.poll(() => noveltyTile.locator('.metric-value').textContent()).toBe(`${(Math.round(computed * 10) / 10).toFixed(1)} mean percentile among same-year papers`)
    await page.locator('.author-main article.paper-card h3 a').first().click()
    await expect.poll(() => page.locator('[data-testid="novelty-value"]').textContent()).toMatch(/^(\d{1,3}(st|nd|rd|th) percentile|unknown)$/)
    expect(problems).toEqual([])
  })

  it("shows the home page's Search button on a phone, compact and inside the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/`)
    const button = page.locator('.big-search').getByRole('button', { name: 'Search' })
    await button.waitFor()
    expect(await button.isVisible()).toBe(true)
    const box = (await button.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.locator('#home-q').fill('grokking')
    await button.click()
    await page.waitForURL('**/search?q=grokking')
    expect(problems).toEqual([])
  })

  it('orders topics the same on the home strip and on /topics: specific topics by size, the catch-all Others last', async () => {
    await page.goto(`${server.url}/`)
    const strip = page.locator('nav[aria-label="Topics"] a.chip:not(.chip-static)')
    await strip.first().waitFor()
    const stripLabels = (await strip.evaluateAll((links) => links.map((a) => a.firstChild?.textContent?.trim() ?? '')))
    await page.goto(`${server.url}/topics`)
    const names = page.locator('.topic-card .topic-name')
    await names.first().waitFor()
    const all = await names.allTextContents()
    expect(all.at(-1)).toBe('Others')
    expect(stripLabels).toEqual(all.slice(0, stripLabels.length))
    const counts = (await page.locator('.topic-card .muted').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
    const specific = counts.slice(0, -1)
    expect(specific).toEqual([...specific].sort((a, b) => b - a))
    expect(problems).toEqual([])
  })

  it('clears the Classify form with one button, and says when a title left from the last text would be sent with a new one', async () => {
    const title = 'Collapse of last-layer features'
    const text =
      'The last-layer features of deep classifiers collapse to their class means, and the class means form a simplex equiangular tight frame at the end of training.'
    const recipe = 'Keep a rye sourdough starter in a cold kitchen, feed it flour and water daily, and let the dough rise overnight before baking the bread.'
    await page.goto(`${server.url}/classify`)
    const titleBox = page.getByLabel('Title (optional)')
    const textBox = page.getByLabel('Abstract or text')
    const clear = page.getByRole('button', { name: 'Clear', exact: true })
    expect(await clear.isDisabled()).toBe(true)
    await titleBox.fill(title)
    await textBox.fill(text)
    await page.getByRole('button', { name: 'Classify' }).click()
    const answer = page.locator('.classify-answer')
    await answer.waitFor()
    const note = page.locator('[data-testid="classify-title-note"]')
    expect(await note.count()).toBe(0)

    // A new text under the old title: the page says the title goes with it, and the title box points to that.
    await textBox.fill(recipe)
    await note.waitFor()
    expect(await note.textContent()).toMatch(/^This title is from the last text you classified, and it is sent with this one too\./)
    expect(await titleBox.getAttribute('aria-describedby')).toBe('classify-title-note')
    await note.getByRole('button', { name: 'Clear the title' }).click()
    expect(await titleBox.inputValue()).toBe('')
    expect(await note.count()).toBe(0)

    // Clear empties title, text and answer, and they stay empty after leaving the page and coming back.
    await titleBox.fill(title)
    await clear.click()
    expect([await titleBox.inputValue(), await textBox.inputValue()]).toEqual(['', ''])
    expect(await answer.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('classify-title')
    await page.getByRole('link', { name: 'Feed' }).click()
    await page.getByRole('heading', { level: 2, name: 'Recent papers' }).waitFor()
    await page.getByRole('link', { name: 'Classify' }).click()
    await page.getByRole('heading', { level: 1, name: 'Classify a text' }).waitFor()
    expect([await titleBox.inputValue(), await textBox.inputValue()]).toEqual(['', ''])
    expect(await answer.count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('says when the BibTeX entry could not be loaded and loads it on Try again', async () => {
    const list = (await (await fetch(`${server.url}/api/v1/papers?page_size=1`)).json()) as { items: Array<{ id: string }> }
    // The network drops the BibTeX request (and only it) until the route is removed.
    const bibtex = `**/api/v1/papers/*/bibtex`
    await page.route(bibtex, (route) => route.abort('connectionreset'))
    await page.goto(`${server.url}/papers/${list.items[0]!.id}`)
    await page.locator('h1.paper-title').waitFor()
    const failed = page.locator('[data-testid="bibtex-error"]')
    await failed.waitFor()
    expect(await failed.getAttribute('role')).toBe('alert')
    expect(await failed.textContent()).toMatch(/^The BibTeX entry could not be loaded.*The server could not be reached/)
    expect(await page.getByRole('button', { name: 'Copy BibTeX' }).isDisabled()).toBe(true)
    await page.unroute(bibtex)
    await failed.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => page.locator('.bibtex pre').textContent()).toMatch(/^@\w+\{/)
    expect(await failed.count()).toBe(0)
    // Focus stayed in the Cite section, not thrown back to the page.
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby'))).toBe('bibtex-title')
    expect(problems.filter((p) => !p.includes('net::ERR_CONNECTION_RESET'))).toEqual([])
  })

  it('draws chart bars with at least 3:1 contrast against their panel, in light and dark, curated and predicted apart', async () => {
    const topic = (await (await fetch(`${server.url}/api/v1/topics/others`)).json()) as { perYear: Array<{ curated: number; predicted: number }> }
    expect(topic.perYear.some((y) => y.predicted > 0) && topic.perYear.some((y) => y.curated > 0)).toBe(true)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.goto(`${server.url}/topics/others`)
      const chart = page.locator('[data-testid="year-chart"]')
      await expect.poll(() => chart.locator('svg rect').count()).toBeGreaterThan(2)
      // The colours as the browser resolves them: each bar's fill, and the panel behind the chart.
      const { bars, panel } = await chart.evaluate((el) => {
        const rgb = (color: string) => {
          const probe = document.createElement('span')
          probe.style.color = color
          document.body.append(probe)
          const parts = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number)
          probe.remove()
          return parts
        }
        const fills = [...new Set([...el.querySelectorAll('g.year-bars rect')].map((r) => getComputedStyle(r).fill))]
        return { bars: fills.map(rgb), panel: rgb(getComputedStyle(el.closest('.panel')!).backgroundColor) }
      })
      expect(bars, `${colorScheme}: a curated and a predicted colour`).toHaveLength(2)
      for (const bar of bars) expect(contrast(bar, panel), `${colorScheme}: rgb(${bar.join(', ')}) on rgb(${panel.join(', ')})`).toBeGreaterThanOrEqual(3)
    }
    expect(problems).toEqual([])
  })
  it('names the researchers whose names match a search above the papers it finds', async () => {
    await page.goto(`${server.url}/search?q=seroussi`)
    const people = page.getByTestId('people-matches')
    await people.waitFor()
    expect(await people.getByRole('heading').innerText()).toMatch(/Researchers matching “seroussi”/i)
    await people.getByRole('link', { name: 'Inbar Seroussi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Inbar Seroussi' }).waitFor()
    // No one is named grokking: no such block.
    await page.goto(`${server.url}/search?q=grokking`)
    await page.locator('.paper-card').first().waitFor()
    expect(await page.getByTestId('people-matches').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('looks up no researchers for words longer than any name, so a long search logs no refused request', async () => {
    // Longer than the authors API takes (200), shorter than the search's limit (500).
    const long = `${'grokking '.repeat(29)}phase`
    expect(long.length).toBe(266)
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto(`${server.url}/search?q=${encodeURIComponent(long)}`)
    await resultCount(page).waitFor()
    expect(asked).toContain('/api/v1/search')
    expect(asked).not.toContain('/api/v1/authors')
    expect(problems).toEqual([])
  })

  it('names the people whose names fit a researcher’s, kept apart, to go to', async () => {
    await page.goto(`${server.url}/authors/andrew-m-saxe`)
    const namesakes = page.getByTestId('namesakes')
    await namesakes.waitFor()
    await namesakes.getByRole('link', { name: 'Andrew Saxe', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Andrew Saxe' }).waitFor()
    expect(await page.getByTestId('namesakes').getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Andrew M. Saxe', 'Andrew Michael Saxe']))
    expect(problems).toEqual([])
  })

  it('says how many co-authors a researcher has when the list shows fewer', async () => {
    // One paper of 125 authors: 50 are listed.
    await page.goto(`${server.url}/authors/adam-shephard`)
    await expect.poll(() => page.locator('#coauthors-title ~ ol li').count()).toBe(50)
    expect(await page.getByTestId('coauthors-more').innerText()).toBe('The 50 with most shared papers of 124 co-authors.')
    await page.goto(`${server.url}/authors/inbar-seroussi`)
    await page.locator('#coauthors-title ~ ol li').first().waitFor()
    expect(await page.getByTestId('coauthors-more').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it("shows every author of a paper with more than 30 as links after a press on '+N more', and focus on the first added", async () => {
    // The corpus's paper of 125 authors.
    const list = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('"Adam Shephard"')}`)).json()) as {
      items: Array<{ paper: { id: string; authors: Array<{ name: string }> } }>
    }
    const many = list.items.map((h) => h.paper).find((p) => p.authors.length === 125)
    expect(many, 'a paper with 125 authors').toBeDefined()
    await page.goto(`${server.url}/papers/${encodeURIComponent(many!.id)}`)
    const authors = page.locator('.paper-authors')
    const more = authors.getByRole('button', { name: '+95 more' })
    await more.waitFor()
    expect(await authors.getByRole('link').count()).toBe(30)
    expect(await more.getAttribute('aria-expanded')).toBe('false')
    await more.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => authors.getByRole('link').count()).toBe(125)
    expect(await authors.getByRole('link').allInnerTexts()).toEqual(many!.authors.map((a) => a.name))
    // The reader goes on at the 31st name; the same button now says it shows fewer.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(many!.authors[30]!.name)
    const fewer = authors.getByRole('button', { name: 'Show fewer' })
    expect(await fewer.getAttribute('aria-expanded')).toBe('true')
    await fewer.click()
    await expect.poll(() => authors.getByRole('link').count()).toBe(30)
    expect(problems).toEqual([])
  })

  it('leaves out of the chart legend a series with no bar: predicted papers that are all undated', async () => {
    type Topic = { id: string; predictedCount: number; perYear: Array<{ curated: number; predicted: number }> }
    const topics = (await (await fetch(`${server.url}/api/v1/topics`)).json()) as { items: Array<{ id: string }> }
    let undated: Topic | undefined
    for (const { id } of topics.items) {
      const topic = (await (await fetch(`${server.url}/api/v1/topics/${id}`)).json()) as Topic
      if (topic.predictedCount > 0 && topic.perYear.every((y) => y.predicted === 0) && topic.perYear.some((y) => y.curated > 0)) undated ??= topic
    }
    expect(undated, 'a topic whose predicted papers have no year').toBeDefined()
    // Plot's legend: a swatch per series.
    const legend = page.locator('[data-testid="year-chart"] [class$="-swatch"]')
    await page.goto(`${server.url}/topics/${undated!.id}`)
    await expect.poll(() => legend.allTextContents()).toEqual(['curated'])
    // Both, where both have bars.
    await page.goto(`${server.url}/topics/others`)
    await expect.poll(() => legend.allTextContents()).toEqual(['curated', 'predicted'])
    expect(problems).toEqual([])
  })

  it('draws a chart with a legend as wide as its panel, on a phone too', async () => {
    const chart = page.locator('[data-testid="year-chart"]')
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 })
      // Curated and predicted papers: a chart with a legend, which Plot wraps in a <figure>.
      await page.goto(`${server.url}/topics/others`)
      await chart.locator('figure > svg').waitFor()
      const { box, drawn } = await chart.evaluate((el) => ({
        box: el.clientWidth,
        drawn: el.querySelector('figure > svg')!.getBoundingClientRect().width,
      }))
      expect(Math.round(drawn), `${width} wide`).toBe(box)
    }
    expect(problems).toEqual([])
  })

  it('titles each feed and search page by what it lists, and heads feed cards one level under the list', async () => {
    const titles: Array<[string, string]> = [
      ['/', 'Paperscope'],
      ['/?topic=others', 'Others · Feed · Paperscope'],
      ['/?page=2', 'Recent papers, page 2 · Paperscope'],
      ['/?sort=trending', 'Trending · Paperscope'],
      ['/search?q=grokking', '“grokking” · Search · Paperscope'],
    ]
    for (const [url, title] of titles) {
      await page.goto(`${server.url}${url}`)
      await expect.poll(() => page.title(), { message: url }).toBe(title)
    }
    await page.goto(`${server.url}/`)
    await page.locator('article.paper-card').first().waitFor()
    expect(await page.locator('article.paper-card h3').count()).toBe(await page.locator('article.paper-card').count())
    expect(await page.locator('article.paper-card h2').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('underlines links in running text, not the ones whose shape says they are links', async () => {
    const underline = (link: Locator) => link.evaluate((a) => getComputedStyle(a).textDecorationLine)
    await page.goto(`${server.url}/?topic=others`)
    const card = page.locator('article.paper-card').first()
    await card.waitFor()
    expect(await underline(page.getByRole('link', { name: 'Show all' }))).toBe('underline')
    expect(await underline(page.locator('.site-footer a'))).toBe('underline')
    expect(await underline(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }))).toBe('none')
    expect(await underline(card.locator('.card-title a'))).toBe('none')
    expect(await underline(card.locator('a.chip').first())).toBe('none')
    await page.goto(`${server.url}/papers/${(await card.getAttribute('data-paper-id'))!}`)
    expect(await underline(page.getByRole('link', { name: 'provenance' }))).toBe('underline')
    expect(await underline(page.getByRole('link', { name: 'Download .bib' }))).toBe('none')
    await page.goto(`${server.url}/no/such/page`)
    expect(await underline(page.locator('[data-testid="not-found"]').getByRole('link', { name: 'feed', exact: true }))).toBe('underline')
    expect(problems.filter((p) => !p.includes('404'))).toEqual([])
  })

  it("shows the home page's topic counts at 4.5:1 or more against their chip, in light and dark", async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.goto(`${server.url}/`)
      const note = page.locator('nav[aria-label="Topics"] a.chip .chip-note').first()
      await note.waitFor()
      // The colour as seen: the count's colour, faded by its opacity onto the chip's background.
      const { color, opacity, background } = await note.evaluate((el) => {
        const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number)
        return { color: rgb(getComputedStyle(el).color), opacity: Number(getComputedStyle(el).opacity), background: rgb(getComputedStyle(el.closest('.chip')!).backgroundColor) }
      })
      const seen = color.map((c, i) => c * opacity + background[i]! * (1 - opacity))
      expect(contrast(seen, background), colorScheme).toBeGreaterThanOrEqual(4.5)
    }
    expect(problems).toEqual([])
  })
})

/**
 * @module End-to-end: moving around the web app in chromium — where focus and scroll land after a link, Back
 * and a page change, what the search page shows for words or filters the server refuses, and that a feed shown
 * again asks the server for what is new. Same setup as web.test.ts; PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { importRecords } from '../../src/commands/index.js'
import { createSourceRecord } from '../../src/core/index.js'
import { filterMessage } from '../../web/src/components/filter-error.js'
import { pastLastPage } from '../../web/src/components/pagination.js'
import { querySentence } from '../../web/src/pages/search.js'
import type { ErrorBody } from '../../src/server/api-types.js'
import type { TestLibrary } from './support/library.js'
import type { RunningServer } from './support/server.js'
import { countOf, openPage, resultCount, startWebApp, type RunningWebApp } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'
type ApiErrorBody = ErrorBody

describe.skipIf(skip)('navigation in chromium', () => {
  let app: RunningWebApp
  let library: TestLibrary
  let server: RunningServer
  let context: BrowserContext
  let page: Page
  /** Console errors and page errors; a refused request (400) the test asked for is not one. */
  let problems: string[]

  beforeAll(async () => {
    // Analysed, so topics exist to filter by.
    app = await startWebApp({ analyze: true })
    ;({ library, server } = app)
  })

  afterAll(async () => {
    await app?.close()
  })

  beforeEach(async () => {
    problems = []
    ;({ context, page } = await openPage(app, problems, /status of 400/))
  })

  afterEach(async () => {
    await context?.close()
  })

  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}/api/v1${path}`)).json()) as T
  const searchBox = (p: Page) => p.getByRole('searchbox', { name: 'Search papers' })
  const cards = (p: Page) => p.locator('article.paper-card')
  const scrollY = (p: Page) => p.evaluate(() => window.scrollY)
  const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '')
  /** Lets the page handle what happened so far (a scroll event is dispatched on the next frame). */
  const nextFrame = (p: Page) => p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))

  /** Opens a list of results and scrolls its `index`-th card into view; the card and where the page is scrolled. */
  async function scrolledToResult(p: Page, url: string, index: number): Promise<{ card: Locator; before: number }> {
    await p.goto(url)
    const card = cards(p).nth(index)
    await card.waitFor()
    await card.scrollIntoViewIfNeeded()
    await nextFrame(p)
    const before = await scrollY(p)
    expect(before).toBeGreaterThan(0)
    return { card, before }
  }

  /** True when the element's top edge is inside the window (under the sticky header counts). */
  async function topInView(p: Page, selector: string): Promise<boolean> {
    return p.locator(selector).evaluate((el) => {
      const top = el.getBoundingClientRect().top
      return top >= 0 && top < window.innerHeight
    })
  }

  it('puts the keys in the search box after the Search link and after an empty search from the feed', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' })
    // From another page, and from the search page itself with a query showing.
    for (const start of ['/topics', '/search?q=grokking']) {
      await page.goto(`${server.url}${start}`)
      await page.locator('main h1').first().waitFor({ state: 'attached' })
      await nav.getByRole('link', { name: 'Search', exact: true }).click()
      await expect.poll(() => new URL(page.url()).search).toBe('')
      // The box shows the new URL's (no) words, and has the focus, before the keys come (typed at once, the keys
      // could land while the page was still being drawn on a loaded machine).
      await expect.poll(() => searchBox(page).inputValue()).toBe('')
      await expect.poll(() => searchBox(page).evaluate((el) => el === document.activeElement), { message: start }).toBe(true)
      await page.keyboard.type('grokking')
      await expect.poll(() => searchBox(page).inputValue(), { message: start }).toBe('grokking')
      await expect.poll(() => page.url()).toContain('q=grokking')
    }

    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search')
    await expect.poll(() => searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('neural')
    await expect.poll(() => searchBox(page).inputValue()).toBe('neural')
    expect(problems).toEqual([])
  })

  it('comes back to the same place in the results after Back from a paper', async () => {
    const { card: fifteenth, before } = await scrolledToResult(page, `${server.url}/search?q=neural`, 14)
    const id = await fifteenth.getAttribute('data-paper-id')

    await fifteenth.locator('h3 a').first().click()
    await page.locator('h1.paper-title').waitFor()
    // A new page starts at its top.
    expect(await scrollY(page)).toBe(0)

    await page.goBack()
    await expect.poll(() => scrollY(page)).toBe(before)
    expect(await cards(page).nth(14).getAttribute('data-paper-id')).toBe(id)
    expect(await fifteenth.isVisible()).toBe(true)
    // A keyboard reader is back on the link they opened, so the next Tab goes on from there.
    const link = await fifteenth.locator('h3 a').first().getAttribute('href')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(link)
    expect(problems).toEqual([])
  })

  it("comes back to the same place in the results after a paper's provenance link, which adds no history entry", async () => {
    // Opened from outside, the results' entry has the key `default`, as a browser-made `#sources` entry would.
    const { card: twelfth, before } = await scrolledToResult(page, `${server.url}/search?q=neural`, 11)

    await twelfth.locator('h3 a').first().click()
    await page.locator('h1.paper-title').waitFor()
    const entries = await page.evaluate(() => history.length)
    await page.getByRole('link', { name: 'provenance' }).click()
    await expect.poll(() => scrollY(page)).toBeGreaterThan(0)
    await expect.poll(() => focusedId(page)).toBe('sources')
    const added = (await page.evaluate(() => history.length)) - entries

    // Back to the results (once per entry), and they are where they were, not where the paper was scrolled.
    for (let i = 0; i <= added; i++) await page.goBack()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search')
    await expect.poll(() => scrollY(page)).toBe(before)
    // The link scrolled without an entry of its own: one Back leaves the paper.
    expect(added).toBe(0)
    expect(problems).toEqual([])
  })

  it('shows the next page of results and of the feed from the top of the list, with focus on its heading', async () => {
    for (const { start, heading } of [
      { start: '/search?q=neural', heading: 'results-title' },
      { start: '/', heading: 'feed-title' },
    ]) {
      await page.goto(`${server.url}${start}`)
      await cards(page).first().waitFor()
      const firstOnPage1 = await cards(page).first().getAttribute('data-paper-id')
      const next = page.getByRole('link', { name: 'Next →' })
      await next.scrollIntoViewIfNeeded()
      expect(await topInView(page, `#${heading}`), start).toBe(false)

      await next.click()
      await expect.poll(() => new URL(page.url()).searchParams.get('page'), { message: start }).toBe('2')
      await expect.poll(() => cards(page).first().getAttribute('data-paper-id'), { message: start }).not.toBe(firstOnPage1)
      expect(await topInView(page, `#${heading}`), start).toBe(true)
      expect(await focusedId(page), start).toBe(heading)
      // Other parameters stay.
      if (start.includes('q=')) expect(new URL(page.url()).searchParams.get('q')).toBe('neural')
    }
    expect(problems).toEqual([])
  })

  it("opens a key word's feed at its heading, on a phone too, and Back takes a page never scrolled to its top", async () => {
    const topics = await api<{ items: Array<{ id: string }> }>('/topics')
    let topicId = ''
    for (const t of topics.items) {
      if ((await api<{ keywords: unknown[] }>(`/topics/${t.id}`)).keywords.length > 0) {
        topicId = t.id
        break
      }
    }
    expect(topicId).not.toBe('')
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const at = `${size.width} wide`
      await page.setViewportSize(size)
      await page.goto(`${server.url}/topics/${topicId}`)
      const link = page.getByTestId('topic-keywords').locator('a').first()
      await link.waitFor()
      const word = await link.textContent()
      // A click as a script gives it: the page is not scrolled to the link first.
      await link.evaluate((a) => (a as HTMLAnchorElement).click())
      await expect.poll(() => new URL(page.url()).searchParams.get('keyword'), { message: at }).toBe(word)
      await cards(page).first().waitFor()
      // The heading at the top of the window (under the header where it stays), its papers under it.
      await expect.poll(() => page.locator('#feed-title').evaluate((el) => Math.round(el.getBoundingClientRect().top)), { message: at }).toBeLessThan(100)
      expect(await cards(page).first().evaluate((el) => el.getBoundingClientRect().top < window.innerHeight), at).toBe(true)
      expect(await focusedId(page), at).toBe('feed-title')
      // The landing holds the heading while the page fills, but gives way to any other scroll (a screen reader's).
      await page.evaluate(() => window.scrollTo(0, 0))
      await nextFrame(page)
      await nextFrame(page)
      expect(await scrollY(page), at).toBe(0)
      await page.goBack()
      await expect.poll(() => new URL(page.url()).pathname, { message: at }).toBe(`/topics/${topicId}`)
      await nextFrame(page)
      expect(await scrollY(page), at).toBe(0)
      // The same feed opened as a link from outside (a new tab, a shared link) lands there too.
      await page.goto(`${server.url}/?${new URLSearchParams({ keyword: word ?? '' })}`)
      await cards(page).first().waitFor()
      await expect.poll(() => page.locator('#feed-title').evaluate((el) => Math.round(el.getBoundingClientRect().top)), { message: at }).toBeLessThan(100)
      expect(await focusedId(page), at).toBe('feed-title')
    }
    expect(problems).toEqual([])
  })

  it('takes the old results away when the new words cannot be searched', async () => {
    await page.goto(`${server.url}/search`)
    const box = searchBox(page)
    for (const words of ['"', 'OR', '%']) {
      await box.fill('grokking')
      await expect.poll(() => countOf(page)).toBeGreaterThan(0)
      await box.fill(words)
      await expect.poll(() => page.getByText('No searchable word', { exact: true }).count(), { message: words }).toBe(1)
      expect(await cards(page).count(), words).toBe(0)
      expect(await resultCount(page).count(), words).toBe(0)
      expect(await page.getByRole('link', { name: 'BibTeX' }).count(), words).toBe(0)
      expect(await page.getByRole('group', { name: 'Topic' }).count(), words).toBe(0)
    }
    expect(problems).toEqual([])
  })

  it('says itself that a query has no word to find, asking the server nothing (no 400 in the console)', async () => {
    const asked: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) asked.push(r.url())
    })
    const logged: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') logged.push(m.text())
    })
    for (const q of ['NOT', '*', '🧠', '-x', 'OR AND', 'NOT grokking']) {
      // The server refuses each: the page must not send it.
      expect((await api<ApiErrorBody>(`/search?q=${encodeURIComponent(q)}`)).error.code, q).toBe('INVALID_QUERY')
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
      await expect.poll(() => page.getByText('No searchable word', { exact: true }).count(), { message: q }).toBe(1)
      expect(await page.getByText(/^“.*” (only leaves words out|has no word to search for)/).count(), q).toBe(1)
      expect(await page.getByText('Searching…').count(), q).toBe(0)
    }
    // Typed in the box too.
    await page.goto(`${server.url}/search`)
    await searchBox(page).fill('-transformer')
    await expect.poll(() => page.getByText('“-transformer” only leaves words out: add one to find, as in “grokking -transformer”.').count()).toBe(1)
    expect(asked.filter((u) => /\/api\/v1\/(search|authors)\b/.test(u))).toEqual([])
    expect(logged).toEqual([])
    expect(problems).toEqual([])
  })

  it("stops the box at the server's limit", async () => {
    const long = 'a'.repeat(501)
    await page.goto(`${server.url}/search`)
    // The box takes no more than the server accepts.
    const box = searchBox(page)
    await box.fill(long)
    expect((await box.inputValue()).length).toBe(500)
    expect(problems).toEqual([])
  })

  it('says a filter in a link with no words is on, leads to the author\'s papers and clears it', async () => {
    const author = await api<{ id: string; name: string; paperCount: number }>('/authors/inbar-seroussi')
    // The API needs words: the page cannot list the author's papers itself.
    expect((await api<ApiErrorBody>(`/search?author=${author.id}`)).error.field).toBe('q')
    await page.goto(`${server.url}/search?author=${author.id}`)
    const note = page.getByTestId('filters-without-words')
    await expect.poll(() => note.textContent()).toMatch(new RegExp(`^A filter is on: author ${author.name}\\. It narrows the words you type\\.`))
    await note.getByRole('link', { name: `${author.name}'s page` }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/authors/${author.id}`)
    await page.goBack()
    // Words typed keep the filter: the author's papers with them.
    await searchBox(page).fill('grokking')
    const withWords = await api<{ total: number }>(`/search?q=grokking&author=${author.id}`)
    expect(withWords.total).toBeGreaterThan(0)
    await expect.poll(() => countOf(page)).toBe(withWords.total)
    await expect.poll(() => note.count()).toBe(0)
    // A name in the link, and a second filter: both said, and cleared together.
    await page.goto(`${server.url}/search?${new URLSearchParams({ author: author.name, year_from: '2020', year_to: '2023' })}`)
    await expect.poll(() => note.textContent()).toMatch(new RegExp(`^Filters are on: author ${author.name} and years 2020–2023\\.`))
    await note.getByRole('button', { name: 'Clear all filters' }).click()
    await expect.poll(() => page.url()).toBe(`${server.url}/search`)
    // The URL changes before the page draws again: waited for, not read at once (a fresh-clone run read 1).
    await expect.poll(() => note.count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('leads back to the app from the API docs, the app\'s API link having led there', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'API', exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/docs\/?$/)
    // Swagger UI has drawn the operations under the bar (the bar is no page of its own).
    await page.getByText('/api/v1/papers/{id}', { exact: true }).first().waitFor()
    const back = page.getByRole('navigation', { name: 'Paperscope' }).getByRole('link', { name: '← Paperscope' })
    const box = await back.boundingBox()
    expect(box!.y).toBeLessThan(50)
    // Swagger UI's own bar (a logo linking nowhere, a box for a spec's URL) is not shown.
    expect(await page.locator('.swagger-ui .topbar').evaluateAll((bars) => bars.filter((b) => getComputedStyle(b).display !== 'none').length)).toBe(0)
    await back.click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    await cards(page).first().waitFor()
    expect(problems).toEqual([])
  })

  it('says plainly that a shared query over the limit is too long, by how much, instead of the validator text', async () => {
    const long = `${'grokking '.repeat(57)}abcdefg`
    expect(long.length).toBe(520)
    const body = await api<ApiErrorBody>(`/search?q=${encodeURIComponent(long)}`)
    expect(body.error).toMatchObject({ field: 'q', message: 'parameter "q" must NOT have more than 500 characters' })
    await page.goto(`${server.url}/search?q=${encodeURIComponent(long)}`)
    await expect
      .poll(() => page.getByText('The query is too long: 520 of 500 characters. Shorten it to search.', { exact: true }).count())
      .toBe(1)
    expect(await page.getByText(/must NOT have more than/).count()).toBe(0)
    expect(await page.getByText('Searching…').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it("counts the query's characters beside the box as the too-long message does: trimmed, an emoji as one", async () => {
    // 513 + 2 characters and an emoji (two UTF-16 units), then spaces the search leaves out.
    const long = `${'grokking '.repeat(57)}ab😀  `
    await page.goto(`${server.url}/search?q=${encodeURIComponent(long)}`)
    await page.getByText(/^The query is too long/).waitFor()
    expect(await page.getByText(/^The query is too long/).textContent()).toBe('The query is too long: 516 of 500 characters. Shorten it to search.')
    expect(await page.getByTestId('query-length').textContent()).toBe('516 of 500 characters')
    expect(problems).toEqual([])
  })

  it('searches a short last word, or one ending in punctuation, as a whole word and a longer one as a prefix', async () => {
    const totalOf = async (q: string, prefix: boolean) =>
      (await api<{ total: number }>(`/search?q=${encodeURIComponent(q)}${prefix ? '&prefix=true' : ''}`)).total
    // (`C++` was one: the API refuses it since a159373, which the page says in a sentence, below.)
    for (const q of ['neur,', 'a*']) {
      const whole = await totalOf(q, false)
      // Otherwise the test would not tell the two apart.
      expect(await totalOf(q, true), q).toBeGreaterThan(whole)
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
      await resultCount(page).waitFor()
      await expect.poll(() => countOf(page), { message: q }).toBe(whole)
    }
    // While a word of three letters or more is typed, it still finds the words it begins.
    await page.goto(`${server.url}/search`)
    await searchBox(page).pressSequentially('neur', { delay: 30 })
    const asPrefix = await totalOf('neur', true)
    expect(asPrefix).toBeGreaterThan(await totalOf('neur', false))
    await expect.poll(() => countOf(page)).toBe(asPrefix)
    // After another word a short last word is a prefix too: every word must match, so it still narrows.
    await searchBox(page).fill('')
    await searchBox(page).pressSequentially('double de', { delay: 30 })
    const twoWords = await totalOf('double de', true)
    expect(twoWords).toBeGreaterThan(await totalOf('double de', false))
    await expect.poll(() => countOf(page)).toBe(twoWords)
    // `C++` and `C#` the API refuses; the page says its reason itself, asking nothing (no 400 in the console).
    const searched: string[] = []
    page.on('request', (r) => {
      if (/\/api\/v1\/(search|authors)\b/.test(r.url())) searched.push(r.url())
    })
    for (const q of ['C++', 'C#']) {
      const refused = (await api<ApiErrorBody>(`/search?q=${encodeURIComponent(q)}`)).error
      expect(refused.code, q).toBe('INVALID_QUERY')
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
      await expect.poll(() => page.getByText(querySentence(refused.message), { exact: true }).count(), { message: q }).toBe(1)
      expect(await page.getByText('Searching…').count(), q).toBe(0)
    }
    // Typed in the box too.
    await searchBox(page).fill('c++')
    await expect.poll(() => page.getByText(/^"c\+\+" cannot be searched for: .* as in "c\+\+ code"\.$/).count()).toBe(1)
    expect(searched).toEqual([])
    expect(problems).toEqual([])
  })

  it("keeps each researcher's own sort order when Back returns to a page whose data is cached", async () => {
    const author = await api<{ id: string; coAuthors: Array<{ id: string }> }>('/authors/inbar-seroussi')
    await page.goto(`${server.url}/authors/${author.id}`)
    const sort = page.getByRole('combobox', { name: /sort/i })
    await sort.waitFor()
    const first = await sort.inputValue()
    await page.locator(`a[href="/authors/${author.coAuthors[0]!.id}"]`).first().click()
    await page.waitForURL(`**/authors/${author.coAuthors[0]!.id}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const other = (await sort.locator('option').allInnerTexts()).length > 1 ? await sort.locator('option').nth(1).getAttribute('value') : null
    expect(other).not.toBe(first)
    await sort.selectOption(other!)
    await page.goBack()
    await page.waitForURL(`**/authors/${author.id}`)
    await expect.poll(() => page.getByRole('combobox', { name: /sort/i }).inputValue()).toBe(first)
    expect(problems).toEqual([])
  })

  it("keeps the researcher's paper sort and a paper's similar-papers sort in the URL, replacing the entry, so a reload or a shared link keeps them", async () => {
    const author = await api<{ id: string; papers: Array<{ id: string }> }>('/authors/inbar-seroussi')
    await page.goto(`${server.url}/authors/${author.id}`)
    const sort = page.getByRole('combobox', { name: /sort/i })
    await sort.waitFor()
    const firstTitle = () => page.locator('.author-main article.paper-card h3').first().textContent()
    const newestFirst = await firstTitle()
    const entries = await page.evaluate(() => history.length)
    await sort.selectOption('oldest')
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('oldest')
    expect(await page.evaluate(() => history.length)).toBe(entries)
    await expect.poll(firstTitle).not.toBe(newestFirst)
    const oldestFirst = await firstTitle()
    await page.reload()
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await sort.inputValue()).toBe('oldest')
    expect(await firstTitle()).toBe(oldestFirst)
    // Back to the default: the URL is the plain one again.
    await sort.selectOption('newest')
    await expect.poll(() => page.url()).toBe(`${server.url}/authors/${author.id}`)

    // A paper whose similar papers read differently newest first.
    type Detail = { similar: Array<{ paper: { id: string; date: string | null }; textSimilarity: number | null }> }
    let paperId: string | undefined
    let newest: string[] = []
    for (const p of author.papers) {
      const d = await api<Detail>(`/papers/${p.id}`)
      const byDate = [...d.similar].sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? '')).map((s) => s.paper.id)
      if (byDate.join() !== d.similar.map((s) => s.paper.id).join()) {
        paperId = p.id
        newest = byDate
        break
      }
    }
    expect(paperId, 'a paper whose similar papers read differently newest first').toBeDefined()
    const shown = () => page.locator('.similar .similar-item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')?.slice('/papers/'.length)))
    await page.goto(`${server.url}/papers/${paperId}`)
    const similarSort = page.locator('.similar select')
    await similarSort.waitFor()
    const before = await page.evaluate(() => history.length)
    await similarSort.selectOption('newest')
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest')
    expect(await page.evaluate(() => history.length)).toBe(before)
    await page.reload()
    await page.locator('.similar .similar-item').first().waitFor()
    expect(await similarSort.inputValue()).toBe('newest')
    expect(await shown()).toEqual(newest)
    // A shared link opens sorted.
    const shared = await context.newPage()
    await shared.goto(`${server.url}/papers/${paperId}?sort=newest`)
    await shared.locator('.similar .similar-item').first().waitFor()
    expect(await shared.locator('.similar select').inputValue()).toBe('newest')
    await shared.close()
    // Closest wording first: a paper worded alike but filed under another topic comes up.
    const detail = await api<Detail>(`/papers/${paperId}`)
    const byWording = [...detail.similar].sort((a, b) => (b.textSimilarity ?? -1) - (a.textSimilarity ?? -1)).map((s) => s.paper.id)
    expect(byWording, 'an order other than by similarity').not.toEqual(detail.similar.map((s) => s.paper.id))
    await similarSort.selectOption('wording')
    await expect.poll(shown).toEqual(byWording)
    expect(problems).toEqual([])
  })

  it('says what is wrong with a refused filter and links to the list without it, with no Try again', async () => {
    const cases = [
      { url: '/search?q=grokking&topic=nope', apiPath: '/search?q=grokking&topic=nope', gone: ['topic'] },
      { url: '/search?q=grokking&year_from=2023&year_to=2020', apiPath: '/search?q=grokking&year_from=2023&year_to=2020', gone: ['year_from', 'year_to'] },
      { url: '/?topic=nope', apiPath: '/papers?topic=nope', gone: ['topic'] },
    ]
    for (const { url, apiPath, gone } of cases) {
      const body = await api<ApiErrorBody>(apiPath)
      expect(body.error.code, url).toBe('INVALID_ARGUMENT')
      await page.goto(`${server.url}${url}`)
      const shown = page.getByTestId('filter-error')
      await shown.waitFor()
      // Said in the page's words: the value refused, no API path or parameter name.
      const text = (await shown.textContent()) ?? ''
      expect(text, url).toContain(filterMessage(body.error.field!, body.error.issue))
      expect(text, url).not.toMatch(/\/api\/v1|parameter "|year_from|year_to/)
      if (url.includes('nope')) expect(text, url).toContain('No topic “nope” in this library.')
      expect(await page.getByRole('button', { name: 'Try again' }).count(), url).toBe(0)
      expect(await page.getByText('Searching…').count(), url).toBe(0)

      await shown.getByTestId('clear-filter').click()
      const params = () => new URL(page.url()).searchParams
      await expect.poll(() => gone.some((k) => params().has(k)), { message: url }).toBe(false)
      await cards(page).first().waitFor()
      if (url.startsWith('/search')) expect(params().get('q')).toBe('grokking')
    }
    expect(problems).toEqual([])
  })

  it('says no paper matches a filtered feed, and Back to the first page keeps the filters', async () => {
    // A topic and a source no paper shares, worked out from the library.
    const topics = (await api<{ items: Array<{ id: string }> }>('/topics')).items
    const sources = (await api<{ perSource: Array<{ source: string }> }>('/stats')).perSource.map((s) => s.source)
    let empty: { topic: string; source: string } | null = null
    for (const source of sources) {
      for (const t of topics) {
        if ((await api<{ total: number }>(`/papers?topic=${encodeURIComponent(t.id)}&source=${encodeURIComponent(source)}`)).total === 0) {
          empty = { topic: t.id, source }
          break
        }
      }
      if (empty) break
    }
    expect(empty, 'a topic with no paper from some source').not.toBeNull()
    for (const sort of ['', 'trending']) {
      const qs = new URLSearchParams({ ...(sort ? { sort } : {}), topic: empty!.topic, source: empty!.source })
      await page.goto(`${server.url}/?${qs}`)
      await page.getByText('No paper matches these filters').waitFor()
      expect(await page.getByText(/library is empty|Nothing is trending/).count()).toBe(0)
      await page.getByTestId('clear-filter').click()
      await expect.poll(() => new URL(page.url()).search).toBe(sort ? `?sort=${sort}` : '')
      await expect.poll(() => page.getByText('No paper matches these filters').count()).toBe(0)
    }

    // An unknown source: refused, or no paper; never "the library is empty".
    await page.goto(`${server.url}/?source=nope`)
    await page.getByTestId('clear-filter').waitFor()
    expect(await page.getByText(/library is empty/).count()).toBe(0)

    // Past the last page, the way back keeps the filters: a topic with papers that match the words. Every list
    // says so in the same words.
    const topic = (await api<{ facets: { topic: Array<{ value: string }> } }>('/search?q=neural')).facets.topic[0]!.value
    const lists = [
      { url: `/?topic=${encodeURIComponent(topic)}&page=999`, api: `/papers?topic=${encodeURIComponent(topic)}` },
      { url: `/search?q=neural&topic=${encodeURIComponent(topic)}&page=999`, api: `/search?q=neural&topic=${encodeURIComponent(topic)}` },
      { url: `/researchers?topic=${encodeURIComponent(topic)}&page=999`, api: `/researchers?topic=${encodeURIComponent(topic)}` },
    ]
    for (const { url, api: listed } of lists) {
      await page.goto(`${server.url}${url}`)
      const back = page.getByRole('link', { name: 'Back to the first page' })
      await back.waitFor()
      const { title, text } = pastLastPage(999, (await api<{ pages: number }>(listed)).pages)
      expect(await page.getByTestId('past-last-page').textContent(), url).toBe(`${title}${text} Back to the first page`)
      await back.click()
      await expect.poll(() => new URL(page.url()).searchParams.has('page'), { message: url }).toBe(false)
      expect(new URL(page.url()).searchParams.get('topic'), url).toBe(topic)
      await page.locator(url.startsWith('/researchers') ? '.researchers-table tbody tr' : 'article.paper-card').first().waitFor()
    }
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([])
  })

  it('comes back to the same card after a reload, when the parts above the feed arrive after it, and a fresh open starts at the top', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    /** The feed's 11th card, scrolled to 100 px under the window's top; its id. */
    const scrollToEleventh = async (): Promise<string> => {
      const card = cards(page).nth(10)
      await card.waitFor()
      // The topic chips above the feed are in (they move it down when they come).
      await expect.poll(() => chips.count()).toBeGreaterThan(0)
      await card.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 100))
      await nextFrame(page)
      return (await card.getAttribute('data-paper-id')) ?? ''
    }
    const chips = page.getByRole('navigation', { name: 'Topics' }).locator('a')
    const topOf = (id: string) => page.locator(`article.paper-card[data-paper-id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top))
    // On reload the feed comes first and what sits above it (topics, counts, trends) only when let go.
    let holdAbove: Promise<void> | null = null
    let letGo = () => undefined as void
    await page.route(/\/api\/v1\/(topics|stats|trends)/, async (route) => {
      if (holdAbove) await holdAbove
      await route.continue()
    })

    // Opened from outside (the router's key 'default'), and reached by a link (a key of its own).
    for (const open of ['typed', 'link'] as const) {
      await page.goto(`${server.url}${open === 'typed' ? '/' : '/topics'}`)
      if (open === 'link') await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click()
      const id = await scrollToEleventh()
      const before = await scrollY(page)
      holdAbove = new Promise((resolve) => (letGo = resolve))
      await page.reload()
      await cards(page).nth(10).waitFor()
      await nextFrame(page)
      expect(await chips.count(), `${open}: the chips come after the feed`).toBe(0)
      holdAbove = null
      letGo()
      await expect.poll(() => chips.count(), { message: open }).toBeGreaterThan(0)
      await nextFrame(page)
      await nextFrame(page)
      expect(await scrollY(page), open).toBe(before)
      expect(await topOf(id), open).toBe(100)
    }
    // The same address opened anew later (a bookmark, a link from elsewhere) is a new visit: its top.
    await page.goto(`${server.url}/topics`)
    await page.goto(`${server.url}/`)
    await cards(page).first().waitFor()
    await nextFrame(page)
    expect(await scrollY(page)).toBe(0)
    expect(problems).toEqual([])
  })

  // Last: it adds a paper to the library the other tests read.
  it('shows a paper added since the feed was last shown when coming back to the feed', async () => {
    const title = 'Navigation Test: A Paper Added While the Feed Was Cached'
    await page.goto(`${server.url}/`)
    await cards(page).first().waitFor()
    expect(await page.getByText(title).count()).toBe(0)
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Topics' }).click()
    await page.getByRole('heading', { level: 1, name: 'Topics' }).waitFor()

    await importRecords(library.store, [
      createSourceRecord({
        source: 'e2e-fixture',
        fetchedAt: '2026-01-02T00:00:00.000Z',
        key: 'navigation-new-paper',
        locator: 'e2e-fixture:navigation-new-paper',
        title,
        abstract: 'A record imported while the browser had the feed cached, to show that the feed asks the server again.',
        authors: ['Nadia Fresh'],
        date: '2026-01-02',
      }),
    ])
    const newest = (await api<{ items: Array<{ title: string }> }>('/papers')).items.map((p) => p.title)
    expect(newest, 'the new paper is on the first page of the feed').toContain(title)

    await nav.getByRole('link', { name: 'Feed' }).click()
    await expect.poll(() => page.getByText(title).count()).toBe(1)
    expect(problems).toEqual([])
  })

  // Last too: it adds a paper, dated long ago so that no feed's first page shows it.
  it("opens a paper at its arXiv id and puts the paper's own id in the address, keeping the #fragment", async () => {
    const title = 'Navigation Test: A Paper Opened at Its arXiv Id'
    await importRecords(library.store, [
      createSourceRecord({
        source: 'e2e-fixture',
        fetchedAt: '2026-01-02T00:00:00.000Z',
        key: 'navigation-arxiv-paper',
        locator: 'e2e-fixture:navigation-arxiv-paper',
        title,
        abstract: 'A record with an arXiv id, which a reader may type into the address in place of the paper id.',
        authors: ['Aria Alias'],
        date: '2015-05-01',
        ids: { arxiv: '1505.99999', doi: '10.48550/arXiv.1505.99999' },
      }),
    ])
    const own = (await api<{ id: string }>('/papers/1505.99999')).id
    expect(own).not.toBe('1505.99999')

    await page.goto(`${server.url}/topics`)
    await page.goto(`${server.url}/papers/1505.99999#sources`)
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/papers/${own}`)
    expect(new URL(page.url()).hash).toBe('#sources')
    expect(await page.locator('h1.paper-title').textContent()).toBe(title)
    // The address was replaced, not added to: one Back leaves the paper.
    await page.goBack()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/topics')
    // At its DOI too, the slash written %2F or as it is (pasted from a reference).
    for (const doi of ['10.48550%2FarXiv.1505.99999', '10.48550/arxiv.1505.99999', '10.48550/arxiv.1505.99999/']) {
      const opened = await page.goto(`${server.url}/papers/${doi}`)
      expect(opened?.status(), doi).toBe(200)
      await expect.poll(() => new URL(page.url()).pathname, { message: doi }).toBe(`/papers/${own}`)
      expect(await page.locator('h1.paper-title').textContent(), doi).toBe(title)
    }
    // No id at all names no paper (the API's /papers/ is the feed, not a paper to draw).
    for (const bare of ['/papers', '/papers/']) {
      await page.goto(`${server.url}${bare}`)
      await page.getByRole('heading', { name: 'There is no paper here' }).waitFor()
    }
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([])
  })
  it('keeps the card a reader left on Back when the feed, shown from its cache, brings a new paper above it', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/`)
    const card = cards(page).nth(10)
    await card.waitFor()
    await expect.poll(() => page.getByRole('navigation', { name: 'Topics' }).locator('a').count()).toBeGreaterThan(0)
    await card.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 100))
    await nextFrame(page)
    const id = await card.getAttribute('data-paper-id')
    await card.locator('h2 a, h3 a').first().click()
    await page.locator('h1.paper-title').waitFor()
    await importRecords(library.store, [
      createSourceRecord({
        source: 'e2e-fixture',
        fetchedAt: '2026-11-27T00:00:00.000Z',
        key: 'navigation-newest-paper',
        locator: 'e2e-fixture:navigation-newest-paper',
        title: 'Navigation Test: The Newest Paper, Added While a Paper Was Read',
        abstract: 'A record imported while the reader was on a paper page, so the feed they go back to has it first.',
        authors: ['Nora Newest'],
        date: '2026-11-27',
      }),
    ])
    // The cached feed shows at once; the server's fresh one, with the new paper first, a moment later.
    await page.route(/\/api\/v1\/papers\?/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800))
      await route.continue()
    })
    await page.goBack()
    await expect.poll(() => cards(page).first().textContent(), { timeout: 5_000 }).toContain('The Newest Paper')
    await nextFrame(page)
    await nextFrame(page)
    expect(await page.locator(`article.paper-card[data-paper-id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(100)
    expect(problems).toEqual([])
  })
})

/**
 * @module End-to-end: the search page's history in chromium. Words being typed replace their entry, so Back is
 * not flooded with `g`, `gr`, `gro`; a search that settled (Enter, leaving the box, results read for a while)
 * keeps its entry, and Back and Forward bring back its words, in the box and in the results. The app and pages come
 * from useWebAppSession; PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SEARCH_DEBOUNCE_MS, SEARCH_SETTLE_MS } from '../../web/src/pages/search.js'
import { resultCount, useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

describe.skipIf(skip)('search history in chromium', () => {
  const web = useWebAppSession({})

  const searchBox = (p: Page) => p.getByRole('searchbox', { name: 'Search papers' })
  const urlWords = (p: Page) => () => new URL(p.url()).searchParams.get('q')
  const historyLength = (p: Page) => p.evaluate(() => history.length)
  /** The ids of the result cards shown, once the results for `words` are there. */
  async function shownFor(p: Page, words: string): Promise<string[]> {
    await expect.poll(urlWords(p)).toBe(words)
    // The address changes a moment before the page renders for it (the old cards, not yet marked stale): wait until
    // the results of these words have been fetched, which the page asks for only once it renders for them. On a
    // busy machine the old cards had been read as the new search's.
    await expect
      .poll(() =>
        p.evaluate(
          (w) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === '/api/v1/search' && new URL(e.name).searchParams.get('q') === w),
          words,
        ),
      )
      .toBe(true)
    await resultCount(p).waitFor()
    await p.locator('.card-list:not(.is-stale) article.paper-card').first().waitFor()
    return p
      .locator('article.paper-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-paper-id') ?? ''))
  }
  /** Back or Forward has brought `words` back: in the URL, in the box, and their results. */
  async function expectSearch(p: Page, words: string, ids: string[]): Promise<void> {
    await expect.poll(urlWords(p)).toBe(words)
    await expect.poll(() => searchBox(p).inputValue()).toBe(words)
    await expect
      .poll(() =>
        p
          .locator('article.paper-card')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-paper-id') ?? '')),
      )
      .toEqual(ids)
  }

  it('steps Back and Forward through the searches that settled (Enter, leaving the box), not through each word typed', async () => {
    const { page, server, problems } = web
    await page.goto(`${server.url}/topics`)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click()
    const box = searchBox(page)
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    const entries = await historyLength(page)

    // Slow enough that g, gr, gro... each reach the URL: the empty page's entry becomes the search, no more.
    await box.pressSequentially('grokking', { delay: SEARCH_DEBOUNCE_MS + 100 })
    await page.keyboard.press('Enter')
    const grokking = await shownFor(page, 'grokking')
    expect(await historyLength(page)).toBe(entries)

    await box.fill('double descent')
    await page.keyboard.press('Enter')
    const doubleDescent = await shownFor(page, 'double descent')
    expect(doubleDescent).not.toEqual(grokking)

    // Leaving the box settles a search too, and a facet is an entry of its own.
    await box.fill('neural collapse')
    const neuralCollapse = await shownFor(page, 'neural collapse')
    await page.keyboard.press('Tab')
    await box.fill('lottery ticket')
    const lotteryTicket = await shownFor(page, 'lottery ticket')
    await page.getByRole('group', { name: 'Year' }).getByRole('button', { pressed: false }).first().click()
    await expect.poll(() => new URL(page.url()).searchParams.get('year_from')).not.toBeNull()
    expect(await historyLength(page)).toBe(entries + 4)

    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('year_from')).toBeNull()
    await expectSearch(page, 'lottery ticket', lotteryTicket)
    await page.goBack()
    await expectSearch(page, 'neural collapse', neuralCollapse)
    await page.goBack()
    await expectSearch(page, 'double descent', doubleDescent)
    await page.goBack()
    await expectSearch(page, 'grokking', grokking)
    await page.goBack()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/topics')

    await page.goForward()
    await expectSearch(page, 'grokking', grokking)
    await page.goForward()
    await expectSearch(page, 'double descent', doubleDescent)
    expect(problems).toEqual([])
  })

  it('keeps a search whose results were read for a while, and skips words replaced at once', async () => {
    const { page, server, problems } = web
    await page.goto(`${server.url}/search`)
    const box = searchBox(page)
    await box.fill('grokking')
    const grokking = await shownFor(page, 'grokking')
    // Read, untouched, for longer than the page waits.
    await page.waitForTimeout(SEARCH_SETTLE_MS + 500)

    await box.fill('neural')
    await expect.poll(urlWords(page)).toBe('neural')
    // Replaced before it was read: no entry of its own.
    await box.fill('double descent')
    await shownFor(page, 'double descent')

    await page.goBack()
    await expectSearch(page, 'grokking', grokking)
    expect(problems).toEqual([])
  })
})

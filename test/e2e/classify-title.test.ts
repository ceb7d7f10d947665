/**
 * @module End-to-end: the Classify page takes a title alone, as POST /classify and `paperscope classify` do. Typed
 * with no text, a title is classified and its answer shown whole: topics or why there are none, key words or why
 * there are few, a note in place of a digest, and the nearest papers or why there are none, each as the API says it.
 * The app and pages come from useWebAppSession; PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ClassifyResult, SimilarResult } from '../../web/src/api.js'
import { useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

describe.skipIf(skip)('the Classify page with a title alone, in chromium', () => {
  const web = useWebAppSession({ analyze: true })

  /** What the API answers for this body, as the page asks it (8 nearest papers). */
  async function served(body: object): Promise<{ classified: ClassifyResult; similar: SimilarResult }> {
    const post = async <T>(path: string, payload: object) => {
      const res = await fetch(`${web.server.url}/api/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      expect(res.status, path).toBe(200)
      return (await res.json()) as T
    }
    return { classified: await post<ClassifyResult>('classify', body), similar: await post<SimilarResult>('similar', { ...body, k: 8 }) }
  }
  const button = (page: Page) => page.getByRole('button', { name: 'Classify', exact: true })
  const answer = (page: Page) => page.locator('.classify-answer')
  /** Each part of the answer, its heading left out: a part with nothing under its heading is an empty panel. */
  const partTexts = (page: Page) =>
    answer(page)
      .locator('section')
      .evaluateAll((sections) => sections.map((s) => [...s.children].filter((c) => c.tagName !== 'H2' && c.tagName !== 'DETAILS').map((c) => c.textContent?.trim() ?? '').join(' ')))

  it('classifies a typed title with no text, and shows its topic, key words and nearest papers as the API answers them', async () => {
    const { page, server } = web
    const title = 'Deep Double Descent: Where Bigger Models and More Data Hurt'
    await page.goto(`${server.url}/classify`)
    const titleBox = page.getByLabel('Title (optional)')
    const textBox = page.getByLabel('Abstract or text')
    // Neither: nothing to classify. The text is not `required`: a title alone is a whole request.
    expect(await button(page).isDisabled()).toBe(true)
    expect(await textBox.evaluate((el) => el.hasAttribute('required'))).toBe(false)
    await titleBox.fill('   ')
    expect(await button(page).isDisabled()).toBe(true)

    await titleBox.fill(title)
    expect(await button(page).isDisabled()).toBe(false)
    expect(await page.locator('[data-testid="classify-count"]').textContent()).toBe('The title alone is classified; paste the abstract too for a closer answer and a digest.')
    await button(page).click()
    await answer(page).waitFor()

    const { classified, similar } = await served({ title })
    expect(classified.unsorted).toBe(false)
    expect(classified.keywords.map((k) => k.text)).toContain('Deep Double Descent')
    const topicChips = answer(page).locator('[aria-labelledby="classify-topics"] a.chip')
    await expect.poll(() => topicChips.count()).toBe(classified.topics.length)
    expect(await topicChips.first().textContent()).toMatch(new RegExp(`^${classified.topics[0]!.label}· predicted`))
    expect(await topicChips.first().getAttribute('href')).toBe(`/topics/${classified.topics[0]!.id}`)
    const grouped = ['extracted', 'suggested'].flatMap((origin) => classified.keywords.filter((k) => k.origin === origin))
    expect(await answer(page).locator('[aria-labelledby="classify-keywords"] .chip').allTextContents()).toEqual(grouped.map((k) => `${k.text} (${k.origin})`))
    // No digest from a title: said so as a title's, not as a text that had no sentence.
    expect(await answer(page).locator('#classify-digest + p').textContent()).toBe('None: a title alone has no sentence to take one from; paste the abstract for one.')
    // The nearest papers are the API's for the title alone, in its order.
    expect(similar.similar.length).toBeGreaterThan(0)
    expect(await answer(page).locator('.similar-item h3').allTextContents()).toEqual(similar.similar.map((s) => s.paper.title))
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Results below' }).textContent())
      .toBe(`Results below: ${classified.topics.length} predicted topic${classified.topics.length === 1 ? '' : 's'}, ${classified.keywords.length} key words, ${similar.similar.length} nearest papers.`)
    expect((await partTexts(page)).filter((t) => t === '')).toEqual([])

    // Its abstract pasted under the title classified alone is not a title left over from another text.
    await textBox.fill('We show that a variety of modern deep learning tasks exhibit a double-descent phenomenon where, as we increase model size, performance first gets worse and then gets better.')
    expect(await page.locator('[data-testid="classify-title-note"]').count()).toBe(0)
    // Emptied again, the form has nothing to send.
    await textBox.fill('')
    await titleBox.fill('')
    expect(await button(page).isDisabled()).toBe(true)
    expect(web.problems).toEqual([])
  })

  it('shows why a one-word title gets no topic, few key words and no nearest papers, with no empty part', async () => {
    const { page, server } = web
    await page.goto(`${server.url}/classify`)
    await page.getByLabel('Title (optional)').fill('Grokking')
    await button(page).click()
    await answer(page).waitFor()
    const { classified, similar } = await served({ title: 'Grokking' })
    // The API's reasons, each in its place: too short for a topic, for key words of its own, for nearest papers.
    expect(classified.unsorted).toBe(true)
    await expect.poll(() => page.locator('[data-testid="classify-unsorted"]').textContent()).toBe(classified.unsortedNote)
    expect(classified.keywordsNote).not.toBeNull()
    expect(await page.locator('[data-testid="classify-keywords-note"]').textContent()).toBe(classified.keywordsNote)
    expect(await answer(page).locator('[aria-labelledby="classify-keywords"] .chip').allTextContents()).toEqual(classified.keywords.map((k) => `${k.text} (${k.origin})`))
    expect(similar.similar).toEqual([])
    expect(await page.locator('[data-testid="classify-no-similar"]').textContent()).toBe(similar.note)
    expect((await partTexts(page)).filter((t) => t === '')).toEqual([])
    expect(web.problems).toEqual([])
  })
})

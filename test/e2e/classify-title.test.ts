/**
 * @module End-to-end: the Classify page takes a title alone, as POST /classify and `paperscope classify` do. Typed
 * with no text, a title is classified and its answer shown whole: topics or why there are none, key words or why
 * there are few, a note in place of a digest, and the nearest papers or why there are none, each as the API says it.
 * With a year typed, the text is dated as POST /classify dates it: *Learning the kernel with hyperkernels* of 2005 is
 * not put under Neural Tangent Kernel (first written in 2018), and the page says why; the year never goes to /similar.
 * The app and pages come from useWebAppSession; PAPERSCOPE_SKIP_E2E=1 skips it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ClassifyResult, SimilarResult } from '../../web/src/api.js'
import { useWebAppSession } from './support/web-app.js'

const skip = process.env.PAPERSCOPE_SKIP_E2E === '1'

describe.skipIf(skip)('the Classify page with a title alone, and with a year, in chromium', () => {
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
  /** What POST /classify answers for this body (with a year, which /similar does not take). */
  async function classifiedFor(body: object): Promise<ClassifyResult> {
    const res = await fetch(`${web.server.url}/api/v1/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBe(200)
    return (await res.json()) as ClassifyResult
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
  /** The JSON bodies the page posts to /classify and /similar, in order. */
  function postedBodies(page: Page): { classify: object[]; similar: object[] } {
    const posted = { classify: [] as object[], similar: [] as object[] }
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (request.method() !== 'POST') return
      if (path === '/api/v1/classify') posted.classify.push(request.postDataJSON() as object)
      if (path === '/api/v1/similar') posted.similar.push(request.postDataJSON() as object)
    })
    return posted
  }

  it('dates a title by the year typed: Learning the kernel with hyperkernels of 2005 is not under Neural Tangent Kernel, and says why', async () => {
    const { page, server } = web
    const title = 'Learning the kernel with hyperkernels'
    const posted = postedBodies(page)
    await page.goto(`${server.url}/classify`)
    const titleBox = page.getByLabel('Title (optional)')
    const yearBox = page.getByLabel('Year written (optional)')
    const unsorted = page.locator('[data-testid="classify-unsorted"]')
    const topicChips = answer(page).locator('[aria-labelledby="classify-topics"] a.chip')
    const keywordChips = answer(page).locator('[aria-labelledby="classify-keywords"] .chip')

    // Undated: the title is put under Neural Tangent Kernel, as the API answers it, and NTK is suggested.
    const undated = (await served({ title })).classified
    expect(undated.topics.map((t) => t.label)).toContain('Neural Tangent Kernel')
    expect(undated.keywords.map((k) => k.text)).toContain('Neural Tangent Kernel')
    await titleBox.fill(title)
    await button(page).click()
    await expect.poll(() => topicChips.count()).toBe(undated.topics.length)
    expect(await topicChips.first().textContent()).toMatch(/^Neural Tangent Kernel· predicted/)
    expect(await unsorted.count()).toBe(0)
    expect(await page.locator('[data-testid="classify-dated"]').count()).toBe(0)
    expect(await page.locator('[data-testid="classify-similar-undated"]').count()).toBe(0)
    expect(posted.classify.at(-1)).toEqual({ title })

    // A year the API would refuse is said in the form, and nothing is sent.
    for (const [typed, message] of [
      ['20O5', /^Year: “20O5” is not a year; type a whole year, such as 2005, or leave it empty\.$/],
      ['05', /^Year: 05 is before 1000; type the whole year, such as 2005\.$/],
      [String(new Date().getUTCFullYear() + 2), /^Year: \d{4} is after next year \(\d{4}\)\.$/],
    ] as const) {
      await yearBox.fill(typed)
      expect(await page.locator('[data-testid="classify-year-error"]').textContent(), typed).toMatch(message)
      expect(await yearBox.getAttribute('aria-invalid'), typed).toBe('true')
      expect(await yearBox.getAttribute('aria-describedby'), typed).toContain('classify-year-error')
      expect(await button(page).isDisabled(), typed).toBe(true)
    }
    const sentBefore = posted.classify.length
    await yearBox.press('Enter')
    expect(posted.classify.length).toBe(sentBefore)

    // Dated 2005: no topic, and the page shows the API's named-later sentence; NTK is no longer suggested.
    await yearBox.fill('2005')
    expect(await page.locator('[data-testid="classify-year-error"]').count()).toBe(0)
    expect(await yearBox.getAttribute('aria-invalid')).toBe('false')
    const dated = await classifiedFor({ title, year: 2005 })
    expect(dated).toMatchObject({ unsorted: true, unsortedBecause: 'named-later', topics: [] })
    // The answer in place of the last one (gone while it loads), then read: it must be unsorted, with the API's sentence.
    await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/classify'), button(page).click()])
    await answer(page).waitFor()
    expect(await unsorted.count()).toBe(1)
    expect(await unsorted.textContent()).toBe(dated.unsortedNote)
    expect(dated.unsortedNote).toMatch(/^Unsorted: the closest topic, Neural Tangent Kernel \((>99|\d+)%\), is not given: the library first writes its name in \d{4}, \d+ years after this paper/)
    expect(await topicChips.count()).toBe(0)
    expect(await keywordChips.allTextContents()).toEqual(['extracted', 'suggested'].flatMap((o) => dated.keywords.filter((k) => k.origin === o)).map((k) => `${k.text} (${k.origin})`))
    expect((await keywordChips.allTextContents()).join(' ')).not.toContain('Neural Tangent Kernel')
    expect(await page.locator('[data-testid="classify-dated"]').textContent()).toBe(
      'Dated 2005: the text gets no topic and no suggested key word that the library first writes five or more years later (2010 or after).',
    )
    // Its nearest papers are of any date (the NTK papers of 2018 on), and the list says so.
    expect(await page.locator('[data-testid="classify-similar-undated"]').textContent()).toBe("Papers of any date: the year 2005 dates this text's topics and key words, not this list.")
    await answer(page).locator('[aria-labelledby="classify-topics"] details summary').click()
    expect(await answer(page).locator('[aria-labelledby="classify-topics"] details').textContent()).toContain(`Behind the best topic: ${dated.topicWhy.join(', ')}`)
    // The year went to /classify, and not to /similar, which ranks by wording and topics alone.
    expect(posted.classify.at(-1)).toEqual({ title, year: 2005 })
    expect(posted.similar.at(-1)).toEqual({ title, k: 8 })
    expect(posted.similar.every((body) => !('year' in body))).toBe(true)
    // (It would refuse one: a field it does not take.)
    const refused = await fetch(`${server.url}/api/v1/similar`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, year: 2005, k: 8 }) })
    expect(refused.status).toBe(400)
    expect((await partTexts(page)).filter((t) => t === '')).toEqual([])

    // The year is kept with the answer while the app is open, and Clear empties it with the rest.
    await page.getByRole('link', { name: 'Feed' }).click()
    await page.getByRole('heading', { level: 2, name: 'Recent papers' }).waitFor()
    await page.getByRole('link', { name: 'Classify' }).click()
    await page.getByRole('heading', { level: 1, name: 'Classify a text' }).waitFor()
    expect(await yearBox.inputValue()).toBe('2005')
    expect(await unsorted.textContent()).toBe(dated.unsortedNote)
    await page.getByRole('button', { name: 'Clear', exact: true }).click()
    expect([await titleBox.inputValue(), await yearBox.inputValue()]).toEqual(['', ''])
    expect(await answer(page).count()).toBe(0)
    // A year alone is nothing to classify, and keeps Clear enabled.
    await yearBox.fill('2005')
    expect(await button(page).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Clear', exact: true }).isDisabled()).toBe(false)
    expect(web.problems).toEqual([])
  })

  it('says when a year left from the last text would date a new one, and clears it', async () => {
    const { page, server } = web
    await page.goto(`${server.url}/classify`)
    const yearBox = page.getByLabel('Year written (optional)')
    const textBox = page.getByLabel('Abstract or text')
    await textBox.fill('We learn the kernel of a support vector machine by minimising a regularised quality functional over a reproducing kernel Hilbert space of kernels.')
    await yearBox.fill('2005')
    await button(page).click()
    await answer(page).waitFor()
    const note = page.locator('[data-testid="classify-year-note"]')
    expect(await note.count()).toBe(0)
    await textBox.fill('Transformers trained on modular addition grok long after they fit the training data.')
    await note.waitFor()
    expect(await note.textContent()).toMatch(/^This year is from the last text you classified, and it dates this one too\./)
    expect(await yearBox.getAttribute('aria-describedby')).toContain('classify-year-note')
    await note.getByRole('button', { name: 'Clear the year' }).click()
    expect(await yearBox.inputValue()).toBe('')
    expect(await note.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('classify-year')
    await page.getByRole('button', { name: 'Clear', exact: true }).click()
    expect(web.problems).toEqual([])
  })
})

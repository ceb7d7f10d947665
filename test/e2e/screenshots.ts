/**
 * @module `npm run screenshots`: builds the web app if needed, serves the corpus library on a free port and
 * saves docs/screenshots/{home,search,paper,researcher,researchers,topic,topics}.png (desktop, light), plus dark and phone
 * variants. Run it after changing the UI and commit the images.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { createCorpusLibrary } from './support/library.js'
import { startServer } from './support/server.js'
import { REPO_ROOT, ensureWebBuild } from './support/web-build.js'

/** `--out <dir>` writes elsewhere (for a look without touching the committed images); `--full` shoots whole pages. */
const args = process.argv.slice(2)
const outArg = args.indexOf('--out')
const OUT = outArg >= 0 && args[outArg + 1] ? args[outArg + 1]! : join(REPO_ROOT, 'docs', 'screenshots')
const FULL_PAGE = args.includes('--full')

/** The researcher and paper the shots show: the corpus's profile page and one of her papers. */
const RESEARCHER = 'inbar-seroussi'
const PAPER_TITLE = 'Grokking as a First Order Phase Transition in Two Layer Networks'
const TOPIC = 'neural-collapse'

/** A text the library has never seen, for the Classify page. */
const CLASSIFY_EXAMPLE = {
  title: 'Grokking as a phase transition in modular arithmetic',
  text: 'Small transformers trained on modular addition first memorize the training set and, long after, suddenly generalize. We show this delayed generalization is a phase transition driven by weight decay, track the Fourier features that form the generalizing circuit, and measure how the transition time depends on the size of the training set.',
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(150)
}

async function main(): Promise<void> {
  const webRoot = await ensureWebBuild()
  const library = await createCorpusLibrary({ hostile: false, analyze: true })
  const server = await startServer(library.store, { webRoot })
  const browser = await launchChromium()
  mkdirSync(OUT, { recursive: true })
  const shots: string[] = []
  try {
    const search = await library.store.searchPapers({ text: PAPER_TITLE, limit: 1 })
    const paperId = search.items[0]?.paper.id
    if (!paperId) throw new Error(`the corpus has no paper titled "${PAPER_TITLE}"`)
    const pages: Array<{ name: string; path: string; prepare?: (page: Page) => Promise<void> }> = [
      { name: 'home', path: '/' },
      {
        name: 'search',
        path: '/search',
        prepare: async (page) => {
          await page.getByRole('searchbox', { name: 'Search papers' }).fill('grokking')
          await page.getByRole('heading', { name: /papers? match/ }).waitFor()
        },
      },
      { name: 'paper', path: `/papers/${paperId}` },
      { name: 'researcher', path: `/authors/${RESEARCHER}`, prepare: async (page) => void (await page.locator('.chart svg').first().waitFor()) },
      { name: 'topic', path: `/topics/${TOPIC}`, prepare: async (page) => void (await page.locator('.chart svg').first().waitFor()) },
      { name: 'researchers', path: '/researchers?sort=ai_score', prepare: async (page) => void (await page.locator('.researchers-table tbody tr').first().waitFor()) },
      {
        name: 'topics',
        path: '/topics',
        prepare: async (page) => {
          await page.getByTestId('trends-chart').locator('svg').waitFor()
          // The cards' verdicts and the chart below them in one picture.
          await page.evaluate(() => window.scrollTo(0, 330))
        },
      },
      {
        name: 'classify',
        path: '/classify',
        prepare: async (page) => {
          await page.getByLabel('Title (optional)').fill(CLASSIFY_EXAMPLE.title)
          await page.getByLabel('Abstract or text').fill(CLASSIFY_EXAMPLE.text)
          await page.getByRole('button', { name: 'Classify' }).click()
          await page.locator('.classify-answer .similar-item').first().waitFor()
        },
      },
    ]
    const variants = [
      { suffix: '', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const, fullPage: false },
      { suffix: '-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const, fullPage: false, only: ['researcher', 'search', 'topics'] },
      { suffix: '-phone', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const, fullPage: false, only: ['home', 'paper', 'researcher'] },
    ]
    for (const variant of variants) {
      const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme, deviceScaleFactor: 1 })
      const page = await context.newPage()
      for (const shot of pages) {
        if (variant.only && !variant.only.includes(shot.name)) continue
        await page.goto(`${server.url}${shot.path}`)
        await settle(page)
        await shot.prepare?.(page)
        await settle(page)
        const file = join(OUT, `${shot.name}${variant.suffix}.png`)
        await page.screenshot({ path: file, fullPage: variant.fullPage || FULL_PAGE })
        shots.push(file)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
    await library.cleanup()
  }
  for (const s of shots) console.log(`saved ${s.startsWith(REPO_ROOT) ? s.slice(REPO_ROOT.length + 1) : s}`)
}

await main()

/**
 * @module What every end-to-end file starts from: the web build, a corpus library, the real server on a free
 * port and headless chromium; and a page's console errors, page errors and dialogs gathered as problems.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { CHROMIUM_MISSING, findChromium, launchChromium } from './browser.js'
import { createCorpusLibrary, type TestLibrary } from './library.js'
import { startServer, type RunningServer } from './server.js'
import { ensureWebBuild } from './web-build.js'

export interface RunningWebApp {
  library: TestLibrary
  server: RunningServer
  browser: Browser
  close(): Promise<void>
}

/** The app over a library made from the corpus (`library` as createCorpusLibrary takes it), and a browser. */
export async function startWebApp(library: Parameters<typeof createCorpusLibrary>[0]): Promise<RunningWebApp> {
  if (!findChromium()) throw new Error(CHROMIUM_MISSING)
  const webRoot = await ensureWebBuild()
  const lib = await createCorpusLibrary(library)
  const server = await startServer(lib.store, { webRoot, rateLimit: { max: 1200, windowMs: 60_000 } })
  const browser = await launchChromium()
  return {
    library: lib,
    server,
    browser,
    async close() {
      await browser.close()
      await server.close()
      await lib.cleanup()
    },
  }
}

/**
 * Gathers into `problems` what a test expects none of: console errors (except those `ignoreConsole` matches),
 * page errors and dialogs (dismissed).
 */
export function watchProblems(page: Page, problems: string[], ignoreConsole?: RegExp): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignoreConsole?.test(msg.text())) problems.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
}

/** The desktop viewport the browser tests run at. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 }

/**
 * A fresh browser context and page at the desktop viewport, its problems gathered into `problems`
 * (see {@link watchProblems}); close the context after the test.
 */
export async function openPage(
  app: RunningWebApp,
  problems: string[],
  ignoreConsole?: RegExp,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: DESKTOP_VIEWPORT })
  const page = await context.newPage()
  watchProblems(page, problems, ignoreConsole)
  return { context, page }
}

/** The search page's heading that counts the results. */
export const resultCount = (page: Page) => page.getByRole('heading', { level: 2, name: /papers? match|No papers match/ })

/** How many papers the search page says match (0 when none do). */
export async function countOf(page: Page): Promise<number> {
  const text = (await resultCount(page).textContent()) ?? ''
  const m = /([\d,]+) papers? match/.exec(text)
  return m ? Number(m[1]!.replace(/,/g, '')) : 0
}

/** The app a test file runs against and the page a test drives, as {@link useWebAppSession} keeps them. */
export interface WebAppSession {
  app: RunningWebApp
  server: RunningServer
  context: BrowserContext
  page: Page
  /** What the page logged or raised that a test expects none of (see {@link watchProblems}). */
  problems: string[]
}

/**
 * The hooks a browser test file starts with: the app over a corpus library (`library`, as startWebApp takes it)
 * for the file, a fresh context and page for each test. The session is filled as they run: read it in a test.
 * @example const web = useWebAppSession({ analyze: true }); it('…', async () => { const { page, server } = web })
 */
export function useWebAppSession(library: Parameters<typeof startWebApp>[0], ignoreConsole?: RegExp): WebAppSession {
  const session = {} as WebAppSession
  beforeAll(async () => {
    session.app = await startWebApp(library)
    session.server = session.app.server
  })
  afterAll(async () => {
    await session.app?.close()
  })
  beforeEach(async () => {
    session.problems = []
    Object.assign(session, await openPage(session.app, session.problems, ignoreConsole))
  })
  afterEach(async () => {
    await session.context?.close()
  })
  return session
}

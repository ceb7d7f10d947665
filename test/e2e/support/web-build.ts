/**
 * @module Makes sure web/dist holds a build of the current web sources, building it when it is missing or
 * older than any source file. Several test processes may call it at once: a lock folder serialises them.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
export const WEB_ROOT = join(REPO_ROOT, 'web')
export const WEB_DIST = join(WEB_ROOT, 'dist')

function newestMtime(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

/**
 * Sources of the web build: the app, its page, its config, the API types it imports, and the pure modules of src/
 * it bundles (the search's word rule, LaTeX cleaning): a change to one of those must rebuild the app too.
 */
function sourcesMtime(): number {
  return Math.max(
    ...[join(WEB_ROOT, 'src'), join(WEB_ROOT, 'public'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts')]
      .filter(existsSync)
      .map(newestMtime),
    ...['schemas.ts', 'api-types.ts', 'routes'].map((p) => newestMtime(join(REPO_ROOT, 'src', 'server', p))),
    ...['core/search-words.ts', 'analysis/latex.ts'].map((p) => newestMtime(join(REPO_ROOT, 'src', p))),
  )
}

/** True when web/dist/index.html exists and is newer than every web source. */
export function webBuildIsFresh(): boolean {
  const index = join(WEB_DIST, 'index.html')
  return existsSync(index) && statSync(index).mtimeMs >= sourcesMtime()
}

async function withLock<T>(work: () => T): Promise<T> {
  const lock = join(REPO_ROOT, 'tmp', 'web-build.lock')
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true })
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another process is building; a lock older than two minutes is a leftover from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() - started > 180_000) throw new Error('timed out waiting for another web build')
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  try {
    return work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Builds web/dist unless it is fresh. Returns the folder. */
export async function ensureWebBuild(): Promise<string> {
  if (webBuildIsFresh()) return WEB_DIST
  await withLock(() => {
    if (webBuildIsFresh()) return
    const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
    execFileSync(process.execPath, [vite, 'build', '--config', join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  })
  return WEB_DIST
}

/**
 * @module The process as `npm start` runs it (src/main.ts start, here through tsx so no build is needed):
 * builds an empty library from the corpus with progress lines, serves, answers the README's curl, and
 * shuts down cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT } from './support/web-build.js'

function waitFor(child: ChildProcess, output: () => string, pattern: RegExp, ms = 90_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output()}`)), ms)
    const check = (): void => {
      const m = pattern.exec(output())
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout?.on('data', check)
    child.stderr?.on('data', check)
    check() // what came already
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${output()}`))
    })
  })
}

describe('paperscope start', () => {
  let dir: string | undefined
  let child: ChildProcess | undefined

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('builds the library on first start, serves the API, and stops gracefully on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-start-'))
    let output = ''
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start', '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PAPERSCOPE_DB: join(dir, 'library.db'), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()))

    const [, url] = await waitFor(child, () => output, /running at (http:\/\/127\.0\.0\.1:\d+)\//)
    expect(output).toMatch(/building the library from data\/corpus \(first start\)/)
    expect(output).toMatch(/importing \d+\/\d+: /)
    expect(output).toMatch(/built the library: \d+ papers/)

    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok' })
    const search = (await (await fetch(`${url}/api/v1/search?q=grokking`)).json()) as {
      total: number
      items: Array<{ paper: { title: string } }>
      facets: Record<string, unknown[]>
    }
    expect(search.total).toBeGreaterThanOrEqual(10)
    expect(search.items[0]!.paper.title).toMatch(/grokking/i)
    expect(Object.keys(search.facets).sort()).toEqual(['category', 'source', 'topic', 'year'])
    // Structured logs: one JSON object per line from pino. The line may reach the pipe after the answer (a full
    // run on 2 busy CPUs read the output before it came), so it is waited for.
    const [logLine] = await waitFor(child, () => output, /^\{.*"request completed".*$/m, 10_000)
    expect(JSON.parse(logLine)).toMatchObject({ level: 30, res: { statusCode: 200 } })

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toMatch(/"msg":"shutting down"/)
    expect(output).toMatch(/"msg":"stopped"/)
  })
})

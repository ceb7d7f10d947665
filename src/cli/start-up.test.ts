/**
 * What a command loads before it runs. Start-up is most of a short command's time (`search`, or `classify`
 * on a few lines), so the file parsers, the feed sources, pino and the HTTP stack load only with the
 * commands that use them; src/main.ts loads the CLI itself only after starting `classify`'s text-reading thread.
 * A static import added in the wrong place fails this test.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The module URLs a fresh Node process loads to import `modules` (through tsx, as in a checkout). */
function loadedBy(modules: string[]): string[] {
  const hook = `export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context) }`
  const script = [
    "import { register } from 'node:module'",
    `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}))`,
    "const tsx = await import('tsx/esm/api')",
    'tsx.register()',
    ...modules.map((m) => `await import(${JSON.stringify(new URL(m, `file://${root}/`).href)})`),
  ].join('\n')
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return run.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length))
}

describe('start-up', () => {
  it('loads no parser, feed source, logger or HTTP stack for `classify` and `search`', () => {
    const loaded = loadedBy(['src/main.ts', 'src/cli/commands/classify.ts', 'src/cli/commands/search.ts'])
    // The hook sees what the commands do need: the check below cannot pass on an empty list.
    expect(loaded.some((u) => u.includes('/src/commands/classify-texts.ts'))).toBe(true)
    expect(loaded.some((u) => u.includes('/src/store/'))).toBe(true)
    expect(loaded.filter((u) => u.includes('/src/ingest/'))).toEqual([])
    expect(
      loaded.filter((u) => /\/node_modules\/(fastify|pino|fast-xml-parser|@citation-js)\//.test(u)),
    ).toEqual([])
  })

  it('loads none of the commands, zod, the server or the text modules before the command is known, so `--help` starts small', () => {
    const loaded = loadedBy(['src/main.ts'])
    expect(loaded.some((u) => u.endsWith('/src/main.ts'))).toBe(true)
    // The text modules (tokenizer, digest) load with the reading thread, not before `classify` starts it.
    expect(loaded.filter((u) => /\/src\/(commands\/index|cli\/main|compose-server|server\/|store\/|analysis\/(tokenize|digest|text|read-text)\.ts)|\/node_modules\/(zod|commander|fastify|pino)\//.test(u))).toEqual([])
  })

  it('gives the text-reading thread only the text modules: no zod, core or store, so it is ready when its NLP model is', () => {
    const loaded = loadedBy(['src/analysis/read-text-thread.ts'])
    expect(loaded.some((u) => u.endsWith('/src/analysis/tokenize.ts'))).toBe(true)
    expect(loaded.filter((u) => /\/src\/(core|store|commands)\/|\/src\/analysis\/index\.ts|\/node_modules\/zod\//.test(u))).toEqual([])
  })
})

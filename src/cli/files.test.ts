/**
 * The files the CLI reads and writes (`export --out`, `classify --jsonl`, `sync --config`, `--db`): a path it
 * cannot use is one plain line and exit 1, never Node's error with a stack.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runCliCaptured } from '../../test/support/run-cli.js'

describe('paperscope file paths it cannot use', () => {
  let dir: string
  let db: string
  let folder: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-files-'))
    db = join(dir, 'library.db')
    folder = join(dir, 'a-folder')
    mkdirSync(folder)
    // No analysis: a classify that fitted models before reading its input would say so on stderr.
    expect((await runCliCaptured(['--db', db, 'import', 'data/corpus/abstracts.txt', '--no-analyze'])).code).toBe(0)
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('says which file and why in one line, and exits 1', async () => {
    const missing = join(dir, 'no-such-folder', 'x.bib')
    const cases: Array<[string[], string]> = [
      [['export', '--out', missing], `error [INVALID_ARGUMENT]: cannot write ${missing}: no such folder\n`],
      [['export', '--out', folder], `error [INVALID_ARGUMENT]: cannot write ${folder}: it is a folder, not a file\n`],
      [['classify', '--jsonl', folder], `error [SOURCE_UNAVAILABLE]: cannot read ${folder}: it is a folder, not a file\n`],
      [['classify', '--jsonl', join(dir, 'none.jsonl')], `error [SOURCE_UNAVAILABLE]: cannot read ${join(dir, 'none.jsonl')}: no such file\n`],
      [['sync', '--config', folder], `error [INVALID_ARGUMENT]: cannot read ${folder}: it is a folder, not a file\n`],
    ]
    for (const [args, said] of cases) {
      expect(await runCliCaptured(['--db', db, ...args]), args.join(' ')).toEqual({ code: 1, out: '', err: said })
    }
    expect(await runCliCaptured(['--db', folder, 'stats'])).toEqual({
      code: 1,
      out: '',
      err: `error [STORE_FAILED]: cannot open the library at ${folder}: it is a folder, not a file\n`,
    })
  })

  it('prints no stack in a real process either', async () => {
    const missing = join(dir, 'no-such-folder', 'x.bib')
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db, 'export', '--out', missing], { cwd: REPO_ROOT })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(run).toEqual({ code: 1, stdout: '', stderr: `error [INVALID_ARGUMENT]: cannot write ${missing}: no such folder\n` })
  })
})

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { importFiles } from './import-files.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')

describe('importFiles', () => {
  let t: TempStore
  let dir: string
  beforeEach(async () => {
    t = await createTempStore()
    dir = mkdtempSync(join(tmpdir(), 'paperscope-files-'))
  })
  afterEach(async () => {
    await t.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports the good entries of a corrupted file and names each bad one by file and line', async () => {
    const lines = readFileSync(join(CORPUS, 'researcher-profile.txt'), 'utf8').split('\n')
    // Binary garbage inside the second paper's abstract, a 10 MB line inside the fourth, Latin-1 bytes in a title.
    const garbage = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x13, 0x88, 0x00])
    const at = (title: string): number => lines.findIndex((l) => l.startsWith(title))
    const hitting = at('Hitting the High-Dimensional Notes') + 4
    const spectral = at('Spectral-Bias and Kernel-Task Alignment') + 4
    const parts: Buffer[] = lines.map((line, i) => {
      if (i === hitting) return Buffer.concat([garbage, Buffer.from('\n')])
      if (i === spectral) return Buffer.from(`${'x'.repeat(10 * 1024 * 1024)}\n`)
      if (line.startsWith('Speed Limits for Deep Learning')) return Buffer.from('Speed Limits for D\xe9ep Learning\n', 'latin1')
      return Buffer.from(`${line}\n`)
    })
    const file = join(dir, 'profile.txt')
    writeFileSync(file, Buffer.concat(parts))
    const report = await importFiles(t.store, [file], { format: 'researcher-profile', captureDate: '2026', cwd: dir })
    const rejected = report.issues.filter((i) => i.severity === 'rejected')
    expect(rejected.map((i) => [i.source, i.code])).toEqual([
      ['profile.txt', 'BINARY_CONTENT'],
      ['profile.txt', 'LINE_TOO_LONG'],
    ])
    expect(rejected.map((i) => i.line)).toEqual([hitting + 1, spectral + 1])
    expect(report.issues.some((i) => i.code === 'ENCODING' && i.severity === 'warning')).toBe(true)
    expect(report.new).toBe(11)
    expect(report.read).toBe(13)
    const titles = (await t.store.listPapers({ limit: 50 })).items.map((p) => p.title)
    expect(titles).toContain('Speed Limits for Déep Learning')
    expect(titles.some((x) => x.startsWith('Hitting the High-Dimensional'))).toBe(false)
  })

  it('rejects a file no importer recognises, by name, and goes on with the others', async () => {
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'notes.txt'), 'shopping list\neggs\nmilk\n')
    writeFileSync(join(dir, 'in', 'abstracts.txt'), readFileSync(join(CORPUS, 'abstracts.txt')))
    const report = await importFiles(t.store, [join(dir, 'in'), join(dir, 'missing.txt')], { cwd: dir })
    expect(report.issues.filter((i) => i.severity === 'rejected').map((i) => [i.source, i.code])).toEqual([
      [join(dir, 'missing.txt'), 'SOURCE_UNAVAILABLE'],
      ['in/notes.txt', 'UNKNOWN_FORMAT'],
    ])
    expect(report.new).toBe(10)
  })

  it('refuses an unknown forced format before writing anything', async () => {
    await expect(importFiles(t.store, [join(CORPUS, 'abstracts.txt')], { format: 'nope' })).rejects.toThrow(/unknown format "nope"/)
    expect((await t.store.libraryStats()).papers).toBe(0)
  })
})

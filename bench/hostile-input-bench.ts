/**
 * @module Hostile input: how long the corpus parsers take on a 10 MB line and on long pathological lines
 * inside an entry (runs of spaces, dots, backslashes, `et al.`, name lists). The tests check what the
 * parsers make of such lines; the time they take is printed here (no test asserts a duration).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CORPUS_FORMATS, decodeTextInput } from '../src/ingest/index.js'

/** The line of each corpus file that gets replaced: one inside an entry (as in corrupted-input.test.ts). */
const BROKEN_LINE: Record<string, { file: string; line: number }> = {
  'researcher-profile': { file: 'researcher-profile.txt', line: 28 },
  'author-papers': { file: 'author-papers.txt', line: 5 },
  'awesome-list': { file: 'awesome-deep-phenomena.txt', line: 37 },
  'daily-papers': { file: 'daily-papers.txt', line: 19 },
  abstracts: { file: 'abstracts.txt', line: 5 },
}

/** Fillers that make a careless regular expression backtrack. */
const FILLERS = [' ', '.', 'a', 'A', ',', '\\', '*', 'et al. ', 'Ab. ', 'Noa Rubin, ']

const ms = (start: number): number => performance.now() - start

export function runHostileInputBench({ corpusDir, print }: { corpusDir: string; print: (line: string) => void }): void {
  const encoder = new TextEncoder()
  const huge = new Uint8Array(10 * 1024 * 1024).fill(0x61)
  let t = performance.now()
  decodeTextInput(huge, 'huge.txt')
  print(`decode a file that is one 10 MB line (rejected, not decoded): ${ms(t).toFixed(0)} ms`)
  for (const format of CORPUS_FORMATS) {
    const where = BROKEN_LINE[format.name]
    if (!where) continue
    const lines = readFileSync(join(corpusDir, where.file), 'utf8').split('\n')
    const withLine = (replacement: string): string =>
      lines.map((line, index) => (index === where.line - 1 ? replacement : line)).join('\n')
    t = performance.now()
    format.parseBytes?.(encoder.encode(withLine('b'.repeat(10 * 1024 * 1024))), { input: where.file, fetchedAt: new Date().toISOString() })
    const tenMb = ms(t)
    const times = FILLERS.map((filler) => {
      const text = withLine(filler.repeat(Math.floor(99_000 / filler.length)))
      const start = performance.now()
      format.parse(text, { input: where.file, fetchedAt: new Date().toISOString() })
      return ms(start)
    })
    const worst = Math.max(...times)
    const slowest = FILLERS[times.indexOf(worst)] ?? ''
    print(
      `${format.name}: 10 MB line ${tenMb.toFixed(0)} ms; 99 KB pathological lines, ${FILLERS.length} fillers: ` +
        `median ${median(times).toFixed(0)} ms, slowest ${worst.toFixed(0)} ms (${JSON.stringify(slowest)})`,
    )
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

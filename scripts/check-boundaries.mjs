#!/usr/bin/env node
/**
 * Checks that dependencies point inwards (../shared/STYLE.md §2): which top-level folder of src/ may import
 * which, and that code outside a folder imports only the folder's index.ts. Prints each violation with
 * file and line; exits 1 when there is any. `npm run lint` runs it, and src/architecture.test.ts too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Which folders each folder may import (besides itself). Files directly in src/ are composition roots. */
export const ALLOWED = {
  core: [],
  config: ['core'],
  library: ['core'],
  analysis: ['core'],
  embedding: ['core', 'analysis'],
  ingest: ['core'],
  store: ['core'],
  delivery: ['core'],
  commands: ['core', 'config', 'library', 'analysis', 'embedding', 'ingest', 'store', 'delivery'],
  server: ['core', 'config', 'commands', 'store'],
  cli: ['core', 'config', 'commands', 'store'],
}

function listTs(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listTs(full))
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(full)
  }
  return out
}

/** Violations as `file:line message` strings. */
export function checkBoundaries(root) {
  const src = resolve(root, 'src')
  const problems = []
  for (const file of listTs(src)) {
    const rel = relative(src, file).split(sep)
    const from = rel.length > 1 ? rel[0] : null
    const isTest = /\.test\.tsx?$/.test(file)
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/.exec(line) ?? /^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/.exec(line) ?? /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/.exec(line)
        if (!m) return
        const target = resolve(dirname(file), m[1])
        if (!target.startsWith(src + sep)) return // test/support and friends
        const trel = relative(src, target).split(sep)
        const to = trel.length > 1 ? trel[0] : null
        const where = `src/${rel.join('/')}:${i + 1}`
        if (from === null || to === from) return
        if (to === null) {
          problems.push(`${where} imports ${m[1]}: nothing imports the composition root`)
          return
        }
        const allowed = ALLOWED[from]
        if (!allowed) {
          problems.push(`${where}: folder src/${from} has no import rule; add it to scripts/check-boundaries.mjs`)
          return
        }
        // Tests may reach into a folder they test through its public surface only, like anyone else.
        if (!allowed.includes(to) && !(isTest && to !== 'server' && to !== 'cli')) {
          problems.push(`${where} imports src/${to} from src/${from}: allowed are ${allowed.join(', ') || 'none'}`)
          return
        }
        if (!(trel.length === 2 && /^index\.(js|ts)$/.test(trel[1]))) {
          problems.push(`${where} imports ${m[1]}: import src/${to}/index.js, not a file inside it`)
        }
      })
  }
  return problems
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkBoundaries(resolve(dirname(fileURLToPath(import.meta.url)), '..'))
  for (const p of problems) console.error(p)
  console.log(problems.length ? `${problems.length} boundary violations` : 'import boundaries ok')
  process.exit(problems.length ? 1 : 0)
}

#!/usr/bin/env node
// The `paperscope` command. Runs the built CLI (dist/, made by `npm run build` or `npm start`); in a
// development checkout without a build it falls back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const built = fileURLToPath(new URL('../dist/src/main.js', import.meta.url))
let entry
if (existsSync(built)) {
  entry = pathToFileURL(built).href
} else {
  try {
    const { register } = await import('tsx/esm/api')
    register()
  } catch {
    process.stderr.write('paperscope: not built yet; run `npm run build` in the package folder first.\n')
    process.exit(1)
  }
  entry = new URL('../src/main.ts', import.meta.url).href
}
const { main } = await import(entry)
process.exitCode = await main(process.argv.slice(2))

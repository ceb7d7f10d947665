/** @module `paperscope show <ref>`: one paper, everything known, every source record. */
import { findPaper } from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { renderPaper } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runShow(io: CliIo, dbPath: string, ref: string, opts: { json?: boolean }): Promise<void> {
  const found = await withStore(io, dbPath, (store) => findPaper(store, ref))
  if (!found.paper) {
    io.stderr(`no paper matches "${ref}" (try an id, an arXiv id, a DOI or title words)\n`)
    throw new CliExit(EXIT.fatal)
  }
  if (opts.json) {
    printJson(io, { ...found.paper, matchedBy: found.matchedBy, alternatives: found.alternatives })
    return
  }
  io.stdout(`${renderPaper(found.paper)}\n`)
  if (found.alternatives.length) {
    io.stdout(`\nalso matching "${ref}":\n${found.alternatives.slice(0, 5).map((a) => `  ${a.id}  ${a.title}`).join('\n')}\n`)
  }
}

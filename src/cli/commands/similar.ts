/** @module `paperscope similar <paper>`: the papers nearest to one, with the terms and topic they share. */
import { findPaper, similarPapersOf } from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { printJson, withStore } from './shared.js'

export async function runSimilar(
  io: CliIo,
  dbPath: string,
  ref: string,
  opts: { k: number; json?: boolean },
): Promise<void> {
  await withStore(io, dbPath, async (store) => {
    const found = await findPaper(store, ref)
    if (!found.paper) {
      io.stderr(`no paper matches "${ref}" (try an id, an arXiv id, a DOI or title words)\n`)
      throw new CliExit(EXIT.fatal)
    }
    const paper = found.paper
    const similar = await similarPapersOf(store, paper.id, opts.k)
    if (!similar) {
      io.stderr(`"${paper.title}" has no paper vector yet; run \`paperscope analyze\`\n`)
      throw new CliExit(EXIT.fatal)
    }
    if (opts.json) {
      printJson(io, {
        paper: { id: paper.id, title: paper.title, date: paper.date },
        matchedBy: found.matchedBy,
        similar,
      })
      return
    }
    const lines = [`papers most similar to "${paper.title}" (${paper.id}):`]
    similar.forEach((s, i) => {
      lines.push(
        `${String(i + 1).padStart(3)}. ${s.score.toFixed(3)}  ${s.title}  [${s.date ?? 'undated'}]  ${s.paperId}`,
      )
      if (s.why.length) lines.push(`       shared: ${s.why.join(', ')}`)
    })
    io.stdout(`${lines.join('\n')}\n`)
  })
}

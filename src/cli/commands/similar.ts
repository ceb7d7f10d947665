/**
 * @module `paperscope similar <paper>` and `paperscope similar --text TEXT`: the papers nearest to one, or to
 * a text never seen, with the terms and topic they share.
 */
import {
  findPaper,
  readableText,
  similarPapersOf,
  similarPapersToText,
  type SimilarPaperOut,
} from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { printJson, withStore } from './shared.js'

export async function runSimilar(
  io: CliIo,
  dbPath: string,
  ref: string,
  opts: { k: number; json?: boolean; text?: string },
): Promise<void> {
  if (opts.text !== undefined) return similarToText(io, dbPath, ref, { ...opts, text: opts.text })
  if (!ref.trim()) {
    io.stderr('name a paper (an id, an arXiv id, a DOI or title words) or give --text\n')
    throw new CliExit(EXIT.fatal)
  }
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
        alternatives: found.alternatives,
        similar,
      })
      return
    }
    io.stdout(formatSimilar(`papers most similar to "${readableText(paper.title)}" (${paper.id}):`, similar))
    // Title words can match several papers: the one taken is named above, the others here, by id to pick one.
    if (found.alternatives.length) {
      io.stdout(`\nalso matching "${ref}" (name one by its id):\n${found.alternatives.slice(0, 5).map((a) => `  ${a.id}  ${readableText(a.title)}`).join('\n')}\n`)
    }
  })
}

async function similarToText(
  io: CliIo,
  dbPath: string,
  ref: string,
  opts: { k: number; json?: boolean; text: string },
): Promise<void> {
  if (ref.trim()) {
    io.stderr('give either a paper or --text, not both\n')
    throw new CliExit(EXIT.fatal)
  }
  if (!opts.text.trim()) {
    io.stderr('--text is empty\n')
    throw new CliExit(EXIT.fatal)
  }
  await withStore(io, dbPath, async (store) => {
    const similar = await similarPapersToText(store, { text: opts.text }, opts.k)
    if (!similar) {
      io.stderr('the library has no analysis yet; run `paperscope analyze`\n')
      throw new CliExit(EXIT.fatal)
    }
    if (opts.json) printJson(io, { text: opts.text, similar })
    else if (similar.length === 0) io.stdout('no paper of the library is near the text\n')
    else io.stdout(formatSimilar('papers most similar to the text:', similar))
  })
}

function formatSimilar(heading: string, similar: readonly SimilarPaperOut[]): string {
  const lines = [heading]
  similar.forEach((s, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${s.score.toFixed(3)}  ${readableText(s.title)}  [${s.date ?? 'undated'}]  ${s.paperId}`,
    )
    const topics = s.topicAgreement === null ? '' : `, topics ${s.topicAgreement.toFixed(2)}`
    lines.push(`       wording ${s.textSimilarity.toFixed(2)}${topics}${s.why.length ? ` · shared: ${s.why.join(', ')}` : ''}`)
  })
  return `${lines.join('\n')}\n`
}

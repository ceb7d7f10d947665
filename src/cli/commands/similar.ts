/**
 * @module `paperscope similar <paper>` and `paperscope similar --text TEXT [--title TITLE]`: the papers nearest to
 * one, or to a text never seen (a title alone too, as the API's /similar takes one), with the terms and topic they
 * share.
 */
import {
  createAnalysisReader,
  findPaper,
  paperSimilarNote,
  shortListNote,
  readableText,
  similarPapersOf,
  similarPapersToText,
  type SimilarPaperOut,
} from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { CliIo } from '../io.js'
import { listItem, quoted, wrap } from '../format.js'
import { alsoMatching, printJson, withStore } from './shared.js'

/** The most papers one `similar` lists: past it the list is the whole library in order, weak ones last. */
export const MAX_SIMILAR = 200

export async function runSimilar(
  io: CliIo,
  dbPath: string,
  ref: string,
  opts: { k: number; json?: boolean; text?: string; title?: string },
): Promise<void> {
  if (opts.k > MAX_SIMILAR) {
    io.stderr(`--k ${opts.k} is more than similar lists (at most ${MAX_SIMILAR}): listing the ${MAX_SIMILAR} most similar\n`)
    opts = { ...opts, k: MAX_SIMILAR }
  }
  if (opts.text !== undefined || opts.title !== undefined) return similarToText(io, dbPath, ref, opts)
  if (!ref.trim()) throw new PaperscopeError('INVALID_ARGUMENT', 'name a paper (an id, an arXiv id, a DOI or title words), or give --text, --title or both')
  await withStore(io, dbPath, async (store) => {
    const found = await findPaper(store, ref)
    if (!found.paper) throw new PaperscopeError('NOT_FOUND', `no paper matches ${quoted(ref)} (try an id, an arXiv id, a DOI or title words)`)
    const paper = found.paper
    const reader = createAnalysisReader(store)
    const similar = await similarPapersOf(store, paper.id, opts.k, reader)
    if (!similar) throw new PaperscopeError('NOT_ANALYSED', `"${paper.title}" has no paper vector yet; run \`paperscope analyze\``)
    // A list from the one word the model knows of a bare title says so, as the paper page and the API do.
    const note = paperSimilarNote(paper, (await reader.paperAnalysis(paper.id))?.novelty, similar.length)
    if (opts.json) {
      printJson(io, {
        paper: { id: paper.id, title: paper.title, date: paper.date },
        matchedBy: found.matchedBy,
        alternatives: found.alternatives,
        alternativesTotal: found.alternativesTotal,
        similar,
        note,
      })
      return
    }
    io.stdout(formatSimilar(`papers most similar to "${readableText(paper.title)}" (${paper.id}):`, similar))
    if (note) io.stdout(`${wrap(note, '', '')}\n`)
    // Title words can match several papers: the one taken is named above, the others here, by id to pick one.
    io.stdout(alsoMatching(ref, found.alternatives, found.alternativesTotal))
  })
}

/**
 * What `similar --text/--title` compares: the text and the title as the API's /similar reads them (a title alone is
 * a text too, read as a paper known by its title), or the error that names what is missing.
 * @example textInput({ title: ' Deep Double Descent ' }) // { text: '', title: 'Deep Double Descent' }
 */
function textInput(opts: { text?: string; title?: string }): { text: string; title?: string } {
  const text = opts.text?.trim() ? opts.text : ''
  const title = opts.title?.trim() ?? ''
  if (text || title) return { text, ...(title ? { title } : {}) }
  const empty = [opts.text === undefined ? null : '--text', opts.title === undefined ? null : '--title'].filter((o) => o !== null)
  throw new PaperscopeError('INVALID_ARGUMENT', `${empty.join(' and ')} ${empty.length > 1 ? 'are' : 'is'} empty: give a text, a title or both`)
}

async function similarToText(
  io: CliIo,
  dbPath: string,
  ref: string,
  opts: { k: number; json?: boolean; text?: string; title?: string },
): Promise<void> {
  if (ref.trim()) throw new PaperscopeError('INVALID_ARGUMENT', 'give either a paper or --text/--title, not both')
  const input = textInput(opts)
  // What the list is near, as the reader gave it: the text, the title, or the title and its text.
  const what = input.title === undefined ? 'the text' : input.text ? `${quoted(input.title)} and its text` : quoted(input.title)
  await withStore(io, dbPath, async (store) => {
    const reader = createAnalysisReader(store)
    const similar = await similarPapersToText(store, input, opts.k, reader)
    if (!similar) throw new PaperscopeError('NOT_ANALYSED', 'the library has no analysis yet; run `paperscope analyze`')
    // A short list says why, as the API's /similar does: the same sentence from the same analysis.
    const note = similar.length < opts.k ? shortListNote(await reader.comparedByWording(input), similar.length) : null
    if (opts.json) printJson(io, { text: input.text, title: input.title ?? null, similar, note })
    else {
      if (similar.length === 0) io.stdout(`${wrap(`no paper of the library is near ${what}`, '', '  ')}\n`)
      else io.stdout(formatSimilar(`papers most similar to ${what}:`, similar))
      if (note) io.stdout(`${wrap(note, '', '')}\n`)
    }
  })
}

function formatSimilar(heading: string, similar: readonly SimilarPaperOut[]): string {
  // A heading naming a long title goes on under itself, in 80 columns as the list does.
  const lines = [wrap(heading, '', '  ')]
  similar.forEach((s, i) => {
    lines.push(listItem(`${String(i + 1).padStart(3)}. ${s.score.toFixed(2)}  `, `${readableText(s.title)}  [${s.date ?? 'undated'}]  ${s.paperId}`))
    const topics = s.topicAgreement === null ? '' : `, topics ${s.topicAgreement.toFixed(2)}`
    lines.push(wrap(`wording ${s.textSimilarity.toFixed(2)}${topics}${s.why.length ? ` · shared: ${s.why.join(', ')}` : ''}`, '       ', '         '))
  })
  return `${lines.join('\n')}\n`
}

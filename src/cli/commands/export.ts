/**
 * @module `paperscope export [--paper X]... [--author NAME] [--search Q] [--topic T] [--out FILE]`: writes
 * BibTeX for a paper, an author, a search, a topic, or (with none of them) the whole library, to FILE or
 * stdout. `paperscope import FILE` reads it back into a library.
 */
import { isAbsolute, resolve } from 'node:path'
import { exportBibtex } from '../../commands/index.js'
import { PaperscopeError, pluralize } from '../../core/index.js'
import { isSqliteFile, writeTextFile, type CliIo } from '../io.js'
import { quoted } from '../format.js'
import { withStore } from './shared.js'

export interface ExportCliOptions {
  paper?: string[]
  author?: string
  search?: string
  topic?: string
  out?: string
}

const EXPORT_WHAT = {
  paper: 'a paper (an id, an arXiv id, a DOI or title words)',
  author: 'an author (an id or a name)',
  search: 'words to search for',
  topic: 'a topic (an id or a label)',
} as const

export async function runExport(io: CliIo, dbPath: string, opts: ExportCliOptions): Promise<void> {
  // A blank value (`--topic "$T"` with T unset) was taken as no option: the whole library, without a word.
  const blank = (['author', 'search', 'topic'] as const).find((k) => opts[k] !== undefined && !opts[k]!.trim()) ?? (opts.paper?.some((p) => !p.trim()) ? 'paper' : undefined)
  if (blank) throw new PaperscopeError('INVALID_ARGUMENT', `--${blank} is empty: name ${EXPORT_WHAT[blank]}, or leave the option out`)
  const out = !opts.out ? undefined : isAbsolute(opts.out) ? opts.out : resolve(io.cwd, opts.out)
  // `--out library.db` (a slip for `--db`, or tab completion) wrote BibTeX over the library: it is gone.
  if (out !== undefined && (await isSqliteFile(out)))
    throw new PaperscopeError('INVALID_ARGUMENT', `--out ${opts.out} is an SQLite database (a library?): BibTeX written there would destroy it; name a .bib file`)
  const result = await withStore(io, dbPath, (store) =>
    exportBibtex(store, { papers: opts.paper, author: opts.author, search: opts.search, topic: opts.topic }),
  )
  // What was taken is one of several matches: say which others there were, as `show` and `author` do.
  for (const { ref, others } of result.alsoMatching)
    io.stderr(`${quoted(ref)} also matches (name one by its id):\n${others.slice(0, 5).map((o) => `  ${o}\n`).join('')}${others.length > 5 ? `  … ${others.length - 5} more\n` : ''}`)
  if (result.truncated)
    io.stderr(`the selection has more papers than one export writes; wrote the first ${result.papers}\n`)
  if (opts.out && out) {
    await writeTextFile(out, opts.out, result.bibtex)
    io.stderr(
      `wrote ${pluralize(result.papers, 'BibTeX entry', 'BibTeX entries')} (${result.label}) to ${opts.out}\n`,
    )
  } else {
    io.stdout(result.bibtex)
    io.stderr(`${pluralize(result.papers, 'BibTeX entry', 'BibTeX entries')} (${result.label})\n`)
  }
}

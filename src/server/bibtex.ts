/**
 * @module BibTeX for the API: a paper in the shape a BibTeX writer takes, and the writer a route uses, the one
 * the composition root hands in or else src/ingest/bibtex's (through src/commands, loaded on first use), which
 * keeps TeX as written and marks a title Paperscope made.
 */
import { bibtexWriter } from '../commands/index.js'
import type { Paper } from '../core/index.js'
import type { BibtexFormatter, BibtexInput, ServerDeps } from './deps.js'
import { httpUrl } from './presenters.js'

/** A paper as a BibTeX writer takes it; only an http(s) URL is passed on. */
export function toBibtexInput(paper: Paper): BibtexInput {
  return {
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    authors: paper.authors.map((a) => a.name),
    date: paper.date,
    venue: paper.venue,
    ids: { doi: paper.ids.doi, arxiv: paper.ids.arxiv },
    abstract: paper.abstract,
    url: httpUrl(paper.url),
    authorsTruncated: paper.authorsTruncated,
  }
}

/** The key of the first entry in a `.bib` text, for a download's file name. */
export function firstCiteKey(bibtex: string): string | null {
  return /@\w+\s*\{\s*([^,\s]+)\s*,/.exec(bibtex)?.[1] ?? null
}

/** The BibTeX writer of a server: the one handed in, or src/ingest/bibtex's. */
export async function bibtexFormatter(deps: Pick<ServerDeps, 'formatBibtex'>): Promise<BibtexFormatter> {
  return deps.formatBibtex ?? (await bibtexWriter())
}

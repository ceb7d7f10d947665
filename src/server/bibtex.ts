/**
 * @module BibTeX for the API: the writer a route uses, the one the composition root hands in or else
 * src/ingest/bibtex's (through src/commands, loaded on first use), which keeps TeX as written and marks a title
 * Paperscope made. Routes pass papers through src/commands' toBibtexPapers, as `paperscope export` does.
 */
import { bibtexWriter } from '../commands/index.js'
import type { BibtexFormatter, ServerDeps } from './deps.js'

/** The key of the first entry in a `.bib` text, for a download's file name. */
export function firstCiteKey(bibtex: string): string | null {
  return /@\w+\s*\{\s*([^,\s]+)\s*,/.exec(bibtex)?.[1] ?? null
}

/** The BibTeX writer of a server: the one handed in, or src/ingest/bibtex's. */
export async function bibtexFormatter(deps: Pick<ServerDeps, 'formatBibtex'>): Promise<BibtexFormatter> {
  return deps.formatBibtex ?? (await bibtexWriter())
}

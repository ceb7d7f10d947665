/** @module The outcome of an import run, counted per batch and per source. */
import type { ImportIssue } from './import-issue.js'

export interface ImportCounts {
  /** Entries read from the input (records + rejections). */
  read: number
  /** Records that created a new paper. */
  new: number
  /** Records merged into a paper that already existed (another source or an earlier record). */
  merged: number
  /** Records whose content changed since the last import and were updated. */
  updated: number
  /** Records already stored with identical content. */
  unchanged: number
  /** Entries rejected with a named issue. */
  rejected: number
}

export interface ImportReport extends ImportCounts {
  /**
   * Records removed because the whole list they came from (an awesome list, a BibTeX file) no longer has them;
   * a paper left with no record went with them.
   */
  removed: number
  /** Of `removed`, the records whose paper stays (the entry moved or was retitled, or another record has the paper). */
  removedOfStayingPapers: number
  /** The papers that left the library with them (no other record had them), by the file that no longer lists them. */
  papersRemoved: Array<{ input: string; id: string; title: string }>
  /** Per input (file or feed). */
  inputs: Array<{ input: string; format: string; removed: number } & ImportCounts>
  issues: ImportIssue[]
  /** Author profiles new or changed, candidates included. */
  profiles: number
  /**
   * Of `profiles`, the candidates: search hits kept with no person yet (an id and a name, not someone of this
   * library), as `stats` counts them apart.
   */
  candidateProfiles: number
}

/** A zeroed counter. */
export function emptyImportCounts(): ImportCounts {
  return { read: 0, new: 0, merged: 0, updated: 0, unchanged: 0, rejected: 0 }
}

/**
 * @module The evaluation data set: awesome-list records merged into labelled papers and split by year.
 *
 * The same paper can be listed under two sections (one record per entry). Records are grouped by their
 * normalized title (library's `normalizeTitle`); a group becomes one paper whose topics are the union of its
 * sections (multi-label), whose key words are the union of its key words, and whose year is the earliest.
 * A test paper counts as correct when the predicted topic is any of its topics. A test paper whose title is
 * also in the training years is dropped from the test set (it would be a leak).
 */
import type { SourceRecord } from '../src/core/index.js'
import { normalizeTitle } from '../src/library/index.js'

/** One paper of the evaluation set. */
export interface LabelledPaper {
  id: string
  title: string
  /** The curated digest (the evaluation's text input). */
  text: string
  topics: string[]
  keywords: string[]
  year: number
  authors: string[]
  /** Record locators, for reading a result back to the file. */
  locators: string[]
}

/** Groups records by normalized title into labelled papers; records without a title or date are skipped. */
export function buildLabelledPapers(records: readonly SourceRecord[]): LabelledPaper[] {
  const groups = new Map<string, SourceRecord[]>()
  for (const r of records) {
    if (!r.title || !r.date) continue
    const key = normalizeTitle(r.title)
    const group = groups.get(key)
    if (group) group.push(r)
    else groups.set(key, [r])
  }
  const papers: LabelledPaper[] = []
  for (const [key, group] of groups) {
    const first = group[0] as SourceRecord
    const union = (pick: (r: SourceRecord) => string[]): string[] => [...new Set(group.flatMap(pick))]
    papers.push({
      id: key,
      title: first.title ?? '',
      text: group.map((r) => r.digest?.text ?? '').find((t) => t !== '') ?? '',
      topics: union((r) => r.topics),
      keywords: union((r) => r.keywords),
      year: Math.min(...group.map((r) => Number((r.date ?? '9999').slice(0, 4)))),
      authors: first.authors,
      locators: group.map((r) => r.locator),
    })
  }
  return papers
}

/** The temporal split: train on years ≤ `lastTrainYear`, test on `testYear`. */
export function temporalSplit(
  papers: readonly LabelledPaper[],
  { lastTrainYear = 2022, testYear = 2023 }: { lastTrainYear?: number; testYear?: number } = {},
): { train: LabelledPaper[]; test: LabelledPaper[] } {
  const train = papers.filter((p) => p.year <= lastTrainYear)
  const trainIds = new Set(train.map((p) => p.id))
  const test = papers.filter((p) => p.year === testYear && !trainIds.has(p.id))
  return { train, test }
}

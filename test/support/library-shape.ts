/** What two libraries must share to count as the same (BibTeX round trips): papers and their people. */
import { readableText } from '../../src/commands/index.js'
import type { Paper } from '../../src/core/index.js'
import type { PaperStore } from '../../src/store/index.js'

/** Every paper of the library, by title. */
export async function allPapers(store: PaperStore): Promise<Paper[]> {
  const papers: Paper[] = []
  for (let offset = 0; ; offset += 200) {
    const page = await store.listPapers({ sort: 'title', limit: 200, offset })
    papers.push(...page.items)
    if (offset + 200 >= page.total) return papers
  }
}

/**
 * One sorted line per paper: title | year | arXiv id | DOI | its people by library name, sorted. A title
 * Paperscope made from the abstract is marked so, and compared as it reads: it is made again from the
 * abstract, whose TeX (`$N$`) a BibTeX file gives back as it reads (`N`). `only`: just these papers (ids).
 */
export async function libraryShape(store: PaperStore, only?: ReadonlySet<string>): Promise<string[]> {
  const names = new Map<string, string>()
  const rows: string[] = []
  for (const p of await allPapers(store)) {
    if (only && !only.has(p.id)) continue
    const people: string[] = []
    for (const a of p.authors) {
      if (!names.has(a.authorId)) names.set(a.authorId, (await store.getAuthor(a.authorId))!.name)
      people.push(names.get(a.authorId)!)
    }
    rows.push(
      [
        p.titleDerived ? `${readableText(p.title)} (title derived from the abstract)` : p.title,
        p.date?.slice(0, 4) ?? '-',
        p.ids.arxiv ?? '-',
        p.ids.doi ?? '-',
        people.sort().join('; '),
      ].join(' | '),
    )
  }
  return rows.sort()
}

/**
 * `paperscope rematch` in-process on real library files: the corpus library, which today's matcher built, has
 * nothing to change; a library holding an older matcher's wrong merge is split, said line by line, with `--dry-run`
 * leaving the file's bytes as they were and a second run finding nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type PaperStore } from '../store/index.js'
import { runCliCaptured, type CliRun } from '../../test/support/run-cli.js'

const cli = (args: string[]): Promise<CliRun> => runCliCaptured(args)

async function withLibrary<T>(path: string, work: (store: PaperStore) => Promise<T>): Promise<T> {
  const store = await openStore({ path })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** The library file and its write-ahead log as they are on disk. */
function bytesOf(db: string): string[] {
  return [db, `${db}-wal`].map((f) => (existsSync(f) ? readFileSync(f).toString('base64') : ''))
}

describe('paperscope rematch', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-rematch-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('changes nothing in the corpus library', async () => {
    const db = join(dir, 'corpus.db')
    expect((await cli(['--db', db, 'import', 'data/corpus', '--no-analyze'])).code).toBe(2) // one rejected entry
    const stats = JSON.parse((await cli(['--db', db, 'stats', '--json'])).out) as { stats: { papers: number; sourceRecords: number } }
    const before = bytesOf(db)
    const dry = await cli(['--db', db, 'rematch', '--dry-run'])
    expect(dry).toEqual({
      code: 0,
      out: `nothing to change: today's matcher makes the same ${stats.stats.papers} papers of the ${stats.stats.sourceRecords} records\n`,
      err: '',
    })
    const run = await cli(['--db', db, 'rematch', '--json'])
    expect(JSON.parse(run.out)).toMatchObject({ records: stats.stats.sourceRecords, papersBefore: stats.stats.papers, changes: [], applied: false, analysis: null })
    expect(bytesOf(db)).toEqual(before)
    expect((await cli(['--help'])).out).toMatch(/^ {2}rematch \[options\] +decide again which records are one paper/m)
  }, 120_000)

  it('splits a wrong merge, says why, and finds nothing to do the second time; --dry-run writes nothing', async () => {
    const db = join(dir, 'scholar.db')
    const bib = join(dir, 'scholar.bib')
    writeFileSync(
      bib,
      `@book{goodfellow2016deep,\n  title={Deep learning},\n  author={Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},\n  year={2016},\n  publisher={MIT press}\n}\n\n` +
        `@article{lecun2015deep,\n  title={Deep learning},\n  author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},\n  journal={nature},\n  year={2015}\n}\n`,
    )
    expect((await cli(['--db', db, 'import', bib, '--no-analyze'])).code).toBe(0)
    // What an older matcher's import left when it took the review for the book: the review's record on the book's
    // paper, and the review's own paper gone with its id leading there (the store's own writers, as the import uses them).
    const [bookId, reviewId] = await withLibrary(db, (store) =>
      store.transaction(async (tx) => {
        const [book, review] = [(await tx.findSourceRecord('bibtex', `${bib}#goodfellow2016deep`))!, (await tx.findSourceRecord('bibtex', `${bib}#lecun2015deep`))!]
        const record = (await tx.getSourceRecord(review.id))!
        await tx.saveSourceRecord(record, book.paperId, review.contentHash, 'title: same title, authors overlap')
        await tx.deletePaper(review.paperId, book.paperId)
        return [book.paperId, review.paperId]
      }),
    )
    expect(JSON.parse((await cli(['--db', db, 'show', reviewId, '--json'])).out)).toMatchObject({ id: bookId })

    const before = bytesOf(db)
    const dry = await cli(['--db', db, 'rematch', '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out).toBe(
      `split: ${reviewId} *Deep learning* (article, LeCun 2015) from ${bookId} *Deep learning* (book, Goodfellow 2016): ` +
        'an article is not a book, and their authors do not make them one work (LeCun, Bengio, Hinton; Goodfellow, Bengio, Courville); ' +
        'stored together by title: same title, authors overlap\n' +
        '\n' +
        '1 split, 0 joins, 0 regroups; papers 1 → 2 (1 new, 0 joined into another: their ids lead there); 1 record moved\n' +
        'dry run: nothing was written (`paperscope rematch` applies it)\n',
    )
    expect(bytesOf(db)).toEqual(before)

    const run = await cli(['--db', db, 'rematch', '--no-analyze', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out)).toMatchObject({
      splits: 1,
      applied: true,
      analysis: null,
      changes: [{ kind: 'split', after: [{ id: bookId, created: false }, { id: reviewId, created: true, workType: 'article', firstAuthor: 'LeCun', year: 2015 }] }],
    })
    // The review's id, which led to the book, is its own paper's again.
    const review = JSON.parse((await cli(['--db', db, 'show', reviewId, '--json'])).out) as { id: string; authors: Array<{ name: string }> }
    expect([review.id, review.authors.map((a) => a.name)]).toEqual([reviewId, ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton']])
    expect((await cli(['--db', db, 'rematch'])).out).toBe("nothing to change: today's matcher makes the same 2 papers of the 2 records\n")
  }, 120_000)
})

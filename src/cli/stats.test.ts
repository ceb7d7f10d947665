import { describe, expect, it } from 'vitest'
import { importRecords, type LibraryOverview } from '../commands/index.js'
import { recognizeApiAnswer } from '../ingest/index.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { buildRecord } from '../../test/support/factories.js'
import { runCliCaptured } from '../../test/support/run-cli.js'
import { useTempStore } from '../../test/support/temp-store.js'

/** A recorded Semantic Scholar answer, parsed as `import` parses it. */
function readAnswer(file: string) {
  const text = readFixture(`semanticscholar/${file}`)
  const found = recognizeApiAnswer(text)
  if (!found) throw new Error(`${file} is no API answer`)
  return found.source.parse(text, { input: file, fetchedAt: '2026-06-12T00:00:00Z' })
}

describe('paperscope stats', () => {
  const library = useTempStore()

  it("counts people's author profiles apart from search hits kept with no person", async () => {
    const t = library()
    // Turing's profile (metrics and papers), then a search for 'turing': 59 hits, Turing himself among them.
    for (const file of ['author_detail_2262347_with_papers_hindex.json', 'author_search_turing.json']) {
      const answer = readAnswer(file)
      await importRecords(t.store, answer.records, answer.profiles)
    }
    const stats = async () => {
      const text = (await runCliCaptured(['--db', t.path, 'stats'])).out
      const json = JSON.parse((await runCliCaptured(['--db', t.path, 'stats', '--json'])).out) as LibraryOverview
      return { text, json: json.stats }
    }
    const before = await stats()
    expect([before.json.authorProfiles, before.json.candidateProfiles]).toEqual([59, 58])
    expect(before.text).toMatch(/^author profiles of people +1$/m)
    expect(before.text).toMatch(/^candidate profiles \(search hits, no person yet\) +58$/m)
    // A paper that gives a person the id of the 'Turing Award' hit makes that hit the person's profile.
    await importRecords(t.store, [
      buildRecord({ source: 'semantic-scholar', title: 'Awarded', authors: ['Turing Award'], raw: { authorIds: ['1394093374'] } }),
    ])
    const after = await stats()
    expect([after.json.authorProfiles, after.json.candidateProfiles]).toEqual([59, 57])
    expect(after.text).toMatch(/^author profiles of people +2$/m)
    expect(after.text).toMatch(/^candidate profiles \(search hits, no person yet\) +57$/m)
  })
})

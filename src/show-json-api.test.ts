/**
 * `paperscope show --json` prints a paper as the API's `GET /api/v1/papers/:id` serves it: one presenter
 * (src/commands/paper-detail.ts), checked here on the analysed corpus library against the composed server. At the
 * root of src/ because it reads both edges, the CLI and the server.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Paper } from './core/index.js'
import { composeServer } from './compose-server.js'
import { createCorpusLibrary, OFF_TOPIC_TITLE, SCRIPT_TITLE, type TestLibrary } from '../test/e2e/support/library.js'
import { runCliCaptured } from '../test/support/run-cli.js'

/** What only a lookup by words has, beside the API's fields. */
const CLI_ONLY = ['noveltyStale', 'matchedBy', 'alternatives', 'alternativesTotal']

describe('show --json and the API serve one paper in one shape', () => {
  let lib: TestLibrary
  let app: FastifyInstance
  let papers: Paper[]

  beforeAll(async () => {
    lib = await createCorpusLibrary({ analyze: true, offTopic: true })
    app = await composeServer(lib.store, { webRoot: null, rateLimit: false })
    papers = []
    for (let page; (page = await lib.store.listPapers({ limit: 200, offset: papers.length })).items.length > 0; ) papers.push(...page.items)
  }, 120_000)
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  it('prints every field the API serves, with the same names and values, for papers of every kind', async () => {
    // One of each: a generated digest, unsorted (the corpus's papers all have a topic), undated (no novelty), curated topics, several sources, hostile markup.
    const kinds: Array<[string, (p: Paper) => boolean]> = [
      ['generated digest', (p) => p.digest?.origin === 'generated'],
      ['unsorted, off topic', (p) => p.title === OFF_TOPIC_TITLE],
      ['undated', (p) => p.date === null],
      ['curated topics and a date', (p) => p.date !== null && p.topics.some((t) => t.origin === 'curated')],
      ['predicted topics', (p) => p.topics.some((t) => t.origin === 'predicted')],
      ['several sources', (p) => p.sourceCount > 2],
      ['markup in its title', (p) => p.title === SCRIPT_TITLE],
    ]
    for (const [kind, is] of kinds) {
      const paper = papers.find(is)
      expect(paper, kind).toBeDefined()
      const api = (await app.inject(`/api/v1/papers/${paper!.id}`)).json() as Record<string, unknown>
      const shown = await runCliCaptured(['--db', lib.path, 'show', paper!.id, '--json'])
      expect(shown.code, shown.err).toBe(0)
      const cli = JSON.parse(shown.out) as Record<string, unknown>
      // Before, `authorId`/`topicId` where the API says `id`, a novelty of its own shape, no similar papers.
      expect(Object.keys(cli).filter((k) => !CLI_ONLY.includes(k)), kind).toEqual(Object.keys(api))
      for (const key of Object.keys(api)) expect(cli[key], `${kind}: ${key}`).toEqual(api[key])
      expect(cli.matchedBy, kind).toBe('id')
    }
  }, 120_000)
})

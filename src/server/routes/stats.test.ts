import { describe, expect, it } from 'vitest'
import { importRecords } from '../../commands/index.js'
import { recognizeApiAnswer } from '../../ingest/index.js'
import { buildServer } from '../app.js'
import { readFixture } from '../../../test/support/fixture-server.js'
import { createTempStore } from '../../../test/support/temp-store.js'
import { StatsSchema } from './stats.schema.js'

describe('GET /stats', () => {
  it("counts people's author profiles apart from search hits kept with no person", async () => {
    const t = await createTempStore()
    try {
      // Turing's recorded profile (metrics and papers), then the recorded search for 'turing' (59 hits, him among them).
      for (const file of ['author_detail_2262347_with_papers_hindex.json', 'author_search_turing.json']) {
        const text = readFixture(`semanticscholar/${file}`)
        const answer = recognizeApiAnswer(text)!.source.parse(text, { input: file, fetchedAt: '2026-06-12T00:00:00Z' })
        await importRecords(t.store, answer.records, answer.profiles)
      }
      const app = await buildServer({ store: t.store, rateLimit: false })
      const res = await app.inject('/api/v1/stats')
      expect(res.statusCode).toBe(200)
      const body = StatsSchema.parse(res.json())
      // 59 stored: Turing's, held by him, and 58 hits no person of this library holds.
      expect([body.authorProfiles, body.candidateProfiles]).toEqual([59, 58])
      await app.close()
    } finally {
      await t.cleanup()
    }
  })
})

/** @module GET /stats: what the library holds (counts only; never where it lives). */
import type { FastifyInstance } from 'fastify'
import type { ServerDeps } from '../deps.js'
import { presentStats } from '../presenters.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { StatsSchema } from './stats.schema.js'

export async function statsRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  app.get(
    '/stats',
    {
      schema: {
        tags: ['library'],
        summary: 'Counts of papers, authors, source records and merges, per source',
        response: { 200: { ...toJsonSchema(StatsSchema), description: 'Counts of papers, authors, source records and merges, per source' }, ...errorResponses(429) },
      },
    },
    async () => {
      const [stats, topics] = await Promise.all([deps.store.libraryStats(), deps.store.listTopics()])
      return presentStats(stats, topics.length)
    },
  )
}

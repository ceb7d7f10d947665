/** @module GET /researchers: the library's researchers ranked by papers, citations, h-index, Novelty % or AI Score. */
import type { FastifyInstance } from 'fastify'
import { listResearchers } from '../../commands/index.js'
import type { ServerDeps } from '../deps.js'
import { pageCount } from '../presenters.js'
import { ParameterError } from '../error-handler.js'
import { resolveTopicParam } from '../request-tools.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { ResearcherListSchema, ResearchersQuerySchema, type ResearcherListOut, type ResearchersQuery } from './researchers.schema.js'

export async function researchersRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get<{ Querystring: ResearchersQuery }>(
    '/researchers',
    {
      schema: {
        tags: ['authors'],
        summary:
          "The library's researchers ranked by a metric (papers, citations, h-index, Novelty %, AI Score), each computed as their researcher page computes it, optionally only those with papers under a topic",
        querystring: toJsonSchema(ResearchersQuerySchema, 'input'),
        response: { 200: { ...toJsonSchema(ResearcherListSchema), description: 'A page of the ranking: each researcher with papers, citations, h-index, Novelty % and AI Score (null = unknown), and how each is computed' }, ...errorResponses(400, 429) },
      },
    },
    async (request): Promise<ResearcherListOut> => {
      const q = request.query
      // Said before the ranking is read, with its fault as data (listResearchers refuses it too, with no issue).
      if (q.sort === 'topic_papers' && q.topic === undefined)
        throw new ParameterError('sort', 'sort "topic_papers" ranks by papers under a topic: give the topic too', { kind: 'needs', other: 'topic' })
      const topicId = await resolveTopicParam(store, q.topic)
      const topic = topicId ? ((await store.listTopics()).find((t) => t.id === topicId) ?? null) : null
      const list = await listResearchers(store, { sort: q.sort, topicId, minPapers: q.min_papers, offset: (q.page - 1) * q.page_size, limit: q.page_size })
      return {
        ...list,
        page: q.page,
        pageSize: q.page_size,
        pages: pageCount(list.total, q.page_size),
        minPapers: q.min_papers,
        topic: topic ? { id: topic.id, label: topic.label } : null,
      }
    },
  )
}

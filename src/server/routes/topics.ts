/** @module GET /topics, /topics/:id (papers per year, top authors, newest papers) and /trends (topics over time). */
import type { FastifyInstance } from 'fastify'
import { listResearchers, orderTopics, readTopicTrends, topicKeywords } from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { ServerDeps } from '../deps.js'
import { presentTopicDetail, presentTopicListItem } from '../presenters.js'
import { requireTopicParam } from '../request-tools.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { TopicDetailSchema, TopicListSchema, TopicParamsSchema, TopicTrendsSchema, type TopicParams, type TopicTrendsOut } from './topics.schema.js'

/** Newest papers a topic page shows. */
export const TOPIC_RECENT_LIMIT = 20
/** Researchers a topic page shows. */
export const TOPIC_TOP_AUTHORS = 15

export async function topicsRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get(
    '/topics',
    {
      schema: {
        tags: ['topics'],
        summary: 'Every topic with its number of papers: the specific topics largest first, a catch-all section (Others) last',
        response: { 200: { ...toJsonSchema(TopicListSchema), description: 'Every topic with its number of papers' }, ...errorResponses(429) },
      },
    },
    async () => ({ items: orderTopics((await store.listTopics()).map(presentTopicListItem)) }),
  )

  app.get(
    '/trends',
    {
      schema: {
        tags: ['topics'],
        summary: "Topics over time: each topic's papers per year, its share of the recent and the earlier years, and whether it is rising, falling or steady (with how that is computed)",
        response: { 200: { ...toJsonSchema(TopicTrendsSchema), description: 'Each topic: papers per year, its share of the recent and earlier years, and its direction with the test behind it' }, ...errorResponses(429) },
      },
    },
    async (): Promise<TopicTrendsOut> => {
      return readTopicTrends(store)
    },
  )

  app.get<{ Params: TopicParams }>(
    '/topics/:id',
    {
      schema: {
        tags: ['topics'],
        summary: 'A topic: papers per year (curated and predicted), top authors, the key words its papers share, newest papers',
        params: toJsonSchema(TopicParamsSchema, 'input'),
        response: { 200: { ...toJsonSchema(TopicDetailSchema), description: 'The topic: papers per year (curated and predicted), top authors, the key words its papers share, newest papers' }, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { id } = await requireTopicParam(store, request.params.id)
      const topic = await store.getTopic(id)
      if (!topic) throw new PaperscopeError('NOT_FOUND', `no topic with id "${id}"`, { field: 'id' })
      const [recent, keywords, researchers] = await Promise.all([
        store.listPapers({ topic: id, sort: 'recent', limit: TOPIC_RECENT_LIMIT }),
        topicKeywords(store, id),
        // The first of the topic's ranking of researchers, ties broken alike.
        listResearchers(store, { topicId: id, sort: 'topic_papers', limit: TOPIC_TOP_AUTHORS }),
      ])
      const topAuthors = researchers.items.map((r) => ({ id: r.id, name: r.name, papers: r.topicPapers ?? 0 }))
      return presentTopicDetail(topic, recent.items, keywords, topAuthors)
    },
  )
}

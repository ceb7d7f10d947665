/** @module GET /topics and /topics/:id (papers per year, top authors, newest papers). */
import type { FastifyInstance } from 'fastify'
import { PaperscopeError } from '../../core/index.js'
import type { ServerDeps } from '../deps.js'
import { presentTopicDetail, presentTopicListItem } from '../presenters.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { TopicDetailSchema, TopicListSchema, TopicParamsSchema, type TopicParams } from './topics.schema.js'

/** Newest papers a topic page shows. */
export const TOPIC_RECENT_LIMIT = 20

/** A catch-all section of a curated list (`Others`, `Misc`), which holds what fits no specific topic. */
export function isCatchAllTopic(label: string): boolean {
  return /^(?:others?|misc(?:ellaneous)?)$/i.test(label.trim())
}

/**
 * Topics in the one order every list of them uses (the home page's strip, /topics): the specific topics by
 * size, largest first (ties by label), then a catch-all section (`Others`) whatever its size, since it says
 * least about a paper.
 * @example orderTopics([{ label: 'Others', paperCount: 253 }, { label: 'Grokking', paperCount: 9 }]) // Grokking, Others
 */
export function orderTopics<T extends { label: string; paperCount: number }>(topics: readonly T[]): T[] {
  const bySize = (a: T, b: T) => b.paperCount - a.paperCount || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  return [...topics.filter((t) => !isCatchAllTopic(t.label)).sort(bySize), ...topics.filter((t) => isCatchAllTopic(t.label)).sort(bySize)]
}

export async function topicsRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get(
    '/topics',
    {
      schema: {
        tags: ['topics'],
        summary: 'Every topic with its number of papers: the specific topics largest first, a catch-all section (Others) last',
        response: { 200: toJsonSchema(TopicListSchema), ...errorResponses(429) },
      },
    },
    async () => ({ items: orderTopics((await store.listTopics()).map(presentTopicListItem)) }),
  )

  app.get<{ Params: TopicParams }>(
    '/topics/:id',
    {
      schema: {
        tags: ['topics'],
        summary: 'A topic: papers per year (curated and predicted), top authors, newest papers',
        params: toJsonSchema(TopicParamsSchema, 'input'),
        response: { 200: toJsonSchema(TopicDetailSchema), ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { id } = request.params
      const topic = await store.getTopic(id)
      if (!topic) throw new PaperscopeError('NOT_FOUND', `no topic with id "${id.slice(0, 200)}"`, { field: 'id' })
      const recent = await store.listPapers({ topic: id, sort: 'recent', limit: TOPIC_RECENT_LIMIT })
      return presentTopicDetail(topic, recent.items)
    },
  )
}

/** @module GET /search: full-text search with facet counts and highlighted matches. */
import type { FastifyInstance } from 'fastify'
import { paperNamedBy } from '../../commands/index.js'
import type { ServerDeps } from '../deps.js'
import { presentSearch } from '../presenters.js'
import { checkCategoryWhenEmpty, checkSourceWhenEmpty, checkYearRange, definedOnly, resolveAuthorParam, resolveTopicParam } from '../request-tools.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { SearchQuerySchema, SearchResponseSchema, type SearchQueryParams } from './search.schema.js'

export async function searchRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get<{ Querystring: SearchQueryParams }>(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search papers; facets count topics, years, sources and categories of the matches',
        querystring: toJsonSchema(SearchQuerySchema, 'input'),
        response: { 200: { ...toJsonSchema(SearchResponseSchema), description: 'A page of hits, best first, with marked snippets, and facet counts of all the matches' }, ...errorResponses(400, 429) },
      },
    },
    async (request) => {
      const q = request.query
      checkYearRange(q.year_from, q.year_to)
      const author = (await resolveAuthorParam(store, q.author)) ?? null
      const result = await store.searchPapers({
        text: q.q,
        prefix: q.prefix,
        ...definedOnly({
          topic: await resolveTopicParam(store, q.topic),
          yearFrom: q.year_from,
          yearTo: q.year_to,
          source: q.source,
          category: q.category,
          authorId: author?.id,
          paperIdNamed: await paperNamedBy(store, q.q),
        }),
        limit: q.page_size,
        offset: (q.page - 1) * q.page_size,
      })
      await checkSourceWhenEmpty(store, q.source, result.total)
      await checkCategoryWhenEmpty(store, q.category, result.total)
      return presentSearch(result, { q: q.q, page: q.page, pageSize: q.page_size, author })
    },
  )
}

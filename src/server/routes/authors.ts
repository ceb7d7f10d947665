/** @module GET /authors?q= (find people by name, a page at a time) and /authors/:id (a researcher page's data). */
import type { FastifyInstance } from 'fastify'
import { findAuthor, findAuthorById, namesakes } from '../../commands/index.js'
import { PaperscopeError, type Paper } from '../../core/index.js'
import type { PaperStore } from '../../store/index.js'
import type { ServerDeps } from '../deps.js'
import { presentAuthorDetail, presentAuthorList } from '../presenters.js'
import { ParameterError } from '../error-handler.js'
import { optionalAnalysis } from '../request-tools.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import {
  AUTHOR_PAPER_LIMIT,
  AUTHORS_PAGE_SIZE,
  AuthorDetailSchema,
  AuthorListSchema,
  AuthorParamsSchema,
  AuthorsQuerySchema,
  type AuthorParams,
  type AuthorsQuery,
} from './authors.schema.js'

const PAGE = 200

/**
 * All of an author's papers, newest first, read page by page (the store caps one page). Every one, not the
 * listed 2,000: papers per year and topics count them all, as `paperCount` does.
 */
async function listAllPapers(store: PaperStore, authorId: string): Promise<Paper[]> {
  const papers: Paper[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listPapers({ authorId, sort: 'recent', limit: PAGE, offset })
    papers.push(...page.items)
    if (page.items.length < PAGE || papers.length >= page.total) break
  }
  return papers
}

/** A name given where an id belongs (`/authors/Inbar Seroussi`) is answered with the id it names. */
async function idHint(store: PaperStore, id: string): Promise<string> {
  if (!/\s/.test(id.trim())) return ''
  // The same words in any order, `Seroussi, Inbar` as `Inbar Seroussi`.
  const plain = (name: string) => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[\s.,]+/).filter(Boolean).sort().join(' ')
  const { author } = await findAuthor(store, id)
  return author && plain(author.name) === plain(id) ? `; it is the name of the author with id "${author.id}" (/api/v1/authors/${author.id})` : ''
}

/** Authors per page: `page_size`, or `limit` (its older name); the two given at once must agree. */
function authorsPageSize({ page_size: pageSize, limit }: AuthorsQuery): number {
  if (pageSize !== undefined && limit !== undefined && pageSize !== limit)
    throw new ParameterError('limit', `parameter "limit" is the older name of "page_size", and they disagree (${limit} and ${pageSize}); give one of them`, { kind: 'disagrees', other: 'page_size' })
  return pageSize ?? limit ?? AUTHORS_PAGE_SIZE
}

export async function authorsRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get<{ Querystring: AuthorsQuery }>(
    '/authors',
    {
      schema: {
        tags: ['authors'],
        summary: 'Find authors by any spelling of their name: the exact name first, then whole name words, word starts and parts of words, most papers first within each',
        querystring: toJsonSchema(AuthorsQuerySchema, 'input'),
        response: { 200: { ...toJsonSchema(AuthorListSchema), description: 'People whose name has the words, best match first, a page at a time' }, ...errorResponses(400, 429) },
      },
    },
    async (request) => {
      const q = request.query.q.trim()
      if (!q) throw new ParameterError('q', 'parameter "q" must contain a name', { kind: 'empty' })
      const pageSize = authorsPageSize(request.query)
      const offset = (request.query.page - 1) * pageSize
      const items = await store.findAuthors(q, pageSize, offset)
      // A page that is not full is the last: its total needs no second pass over every name.
      const total = items.length > 0 && items.length < pageSize ? offset + items.length : await store.countAuthors(q)
      return presentAuthorList({ items, total, limit: pageSize, offset }, request.query.page, pageSize)
    },
  )

  app.get<{ Params: AuthorParams }>(
    '/authors/:id',
    {
      schema: {
        tags: ['authors'],
        summary: 'A researcher: papers, co-authors with counts, topics, and metrics with their origin',
        params: toJsonSchema(AuthorParamsSchema, 'input'),
        response: { 200: { ...toJsonSchema(AuthorDetailSchema), description: 'The researcher: papers, co-authors, topics, and metrics reported by a page beside those computed here, each with how it is computed' }, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const asked = request.params.id
      // A joined person's former id answers with the person it became, under their own id.
      const author = await findAuthorById(store, asked)
      if (!author) throw new PaperscopeError('NOT_FOUND', `no author with id "${asked.slice(0, 200)}"${await idHint(store, asked)}`, { field: 'id' })
      const id = author.id
      const analysis = deps.analysis
      const [papers, coAuthors, coAuthorsTotal, sameNames, metrics] = await Promise.all([
        listAllPapers(store, id),
        store.listCoAuthors(id, 50),
        store.countCoAuthors(id),
        namesakes(store, author),
        optionalAnalysis(request.log, 'author metrics', analysis?.authorMetrics && (() => analysis.authorMetrics!(id))),
      ])
      return presentAuthorDetail({ author, papers, papersListed: AUTHOR_PAPER_LIMIT, coAuthors, coAuthorsTotal, namesakes: sameNames, analysis: metrics })
    },
  )
}

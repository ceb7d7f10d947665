/**
 * @module BibTeX downloads beside /papers/:id/bibtex: every paper of an author (/authors/:id/bibtex), of a
 * search (/search/bibtex?q=) and of a topic (/topics/:id/bibtex). The papers are chosen by src/commands'
 * `selectPapers` (the same selection `paperscope export` writes), each author under their library name,
 * and written by the injected BibTeX writer (src/ingest/bibtex's, from src/main.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { findAuthorById, selectPapers, toBibtexPapers, type BibtexSelection } from '../../commands/index.js'
import { PaperscopeError, slugText } from '../../core/index.js'
import { bibtexFormatter } from '../bibtex.js'
import type { ServerDeps } from '../deps.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { checkCategoryWhenEmpty, checkSourceWhenEmpty, checkYearRange, requireTopicParam, resolveAuthorParam, resolveTopicParam } from '../request-tools.js'
import {
  AuthorParamsSchema,
  BIBTEX_RESPONSE,
  BibtexQuerySchema,
  SearchBibtexQuerySchema,
  TopicParamsSchema,
  type AuthorParams,
  type BibtexQuery,
  type SearchBibtexQuery,
  type TopicParams,
} from './bibtex.schema.js'
import { AUTHOR_PAPER_LIMIT } from './authors.schema.js'

/** A file name from a label, in ASCII for every browser and header: `szymon-plotka.bib`, else `papers.bib`. */
function fileName(label: string): string {
  const slug = slugText(label).replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$|-(?=-)/g, '')
  return `${slug === 'x' || !slug ? 'papers' : slug}.bib`
}

export async function bibtexRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  async function send(
    reply: FastifyReply,
    selection: BibtexSelection,
    limit: number,
    download: boolean,
    name: string,
  ): Promise<string> {
    const { papers, total } = await selectPapers(store, selection, limit)
    await checkSourceWhenEmpty(store, selection.searchFilters?.source, papers.length)
    await checkCategoryWhenEmpty(store, selection.searchFilters?.category, papers.length)
    const bibtex = (await bibtexFormatter(deps))(await toBibtexPapers(store, papers))
    void reply.type('application/x-bibtex; charset=utf-8')
    void reply.header('x-paperscope-entries', String(papers.length))
    // A search's file holds its best `limit` matches: a client sees there were more without counting entries.
    void reply.header('x-paperscope-total', String(Math.max(total, papers.length)))
    if (download) void reply.header('content-disposition', `attachment; filename="${fileName(name)}"`)
    return bibtex
  }

  app.get<{ Params: AuthorParams; Querystring: BibtexQuery }>(
    '/authors/:id/bibtex',
    {
      schema: {
        tags: ['authors'],
        summary: 'Every paper of an author as BibTeX (by title; each author under their library name)',
        params: toJsonSchema(AuthorParamsSchema, 'input'),
        querystring: toJsonSchema(BibtexQuerySchema, 'input'),
        response: { 200: BIBTEX_RESPONSE, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      // A joined person's former id leads to the person they became, as GET /authors/:id does.
      const author = await findAuthorById(store, id)
      if (!author)
        throw new PaperscopeError('NOT_FOUND', `no author with id "${id.slice(0, 200)}"`, { field: 'id' })
      return send(reply, { author: author.id }, AUTHOR_PAPER_LIMIT, request.query.download, author.name)
    },
  )

  app.get<{ Params: TopicParams; Querystring: BibtexQuery }>(
    '/topics/:id/bibtex',
    {
      schema: {
        tags: ['topics'],
        summary: 'Every paper of a topic as BibTeX (by title)',
        params: toJsonSchema(TopicParamsSchema, 'input'),
        querystring: toJsonSchema(BibtexQuerySchema, 'input'),
        response: { 200: BIBTEX_RESPONSE, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const topic = await requireTopicParam(store, request.params.id)
      return send(reply, { topic: topic.id }, 100_000, request.query.download, topic.label)
    },
  )

  app.get<{ Querystring: SearchBibtexQuery }>(
    '/search/bibtex',
    {
      schema: {
        tags: ['search'],
        summary: 'The papers a search finds as BibTeX, best matches first',
        querystring: toJsonSchema(SearchBibtexQuerySchema, 'input'),
        // No 404: an unknown topic or author is a 400 naming the parameter, and no matches an empty file.
        response: { 200: BIBTEX_RESPONSE, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const q = request.query
      checkYearRange(q.year_from, q.year_to)
      const selection: BibtexSelection = {
        search: q.q,
        prefix: q.prefix,
        topic: await resolveTopicParam(store, q.topic),
        author: (await resolveAuthorParam(store, q.author))?.id,
        searchFilters: { yearFrom: q.year_from, yearTo: q.year_to, source: q.source, category: q.category },
      }
      return send(reply, selection, q.limit, q.download, `search ${q.q}`)
    },
  )
}

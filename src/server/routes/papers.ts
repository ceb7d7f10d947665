/** @module GET /papers (the feed), /papers/:id (everything known) and /papers/:id/bibtex. */
import type { FastifyInstance } from 'fastify'
import { findPaperById, keywordSpellings, readPaperDetail, toBibtexPapers } from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import { bibtexFormatter, firstCiteKey } from '../bibtex.js'
import type { ServerDeps } from '../deps.js'
import { presentPaperList } from '../presenters.js'
import { checkSourceWhenEmpty, definedOnly, logAnalysisFailure, resolveTopicParam } from '../request-tools.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import type { PaperDetail } from '../schemas.js'
import {
  BibtexQuerySchema,
  PAPER_BIBTEX_RESPONSE,
  PaperDetailSchema,
  PaperListSchema,
  PaperParamsSchema,
  PapersQuerySchema,
  PaperVectorSchema,
  type BibtexQuery,
  type PaperVector,
  type PaperParams,
  type PapersQuery,
} from './papers.schema.js'

function notFound(id: string): PaperscopeError {
  return new PaperscopeError('NOT_FOUND', `no paper with id "${id.slice(0, 200)}"`, { field: 'id' })
}

export async function papersRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const { store } = deps

  app.get<{ Querystring: PapersQuery }>(
    '/papers',
    {
      schema: {
        tags: ['papers'],
        summary: 'The feed: recent or trending papers, filtered by topic, year, source or key word',
        querystring: toJsonSchema(PapersQuerySchema, 'input'),
        response: { 200: { ...toJsonSchema(PaperListSchema), description: 'A page of the feed: papers with their topics, key words and digest, and `total`, `page`, `pages`' }, ...errorResponses(400, 429) },
      },
    },
    async (request) => {
      const q = request.query
      const page = await store.listPapers({
        sort: q.sort,
        ...definedOnly({
          topic: await resolveTopicParam(store, q.topic),
          year: q.year,
          source: q.source,
          keywords: q.keyword === undefined ? undefined : await keywordSpellings(store, q.keyword),
        }),
        limit: q.page_size,
        offset: (q.page - 1) * q.page_size,
      })
      await checkSourceWhenEmpty(store, q.source, page.total)
      return presentPaperList(page, q.page, q.page_size)
    },
  )

  app.get<{ Params: PaperParams }>(
    '/papers/:id',
    {
      schema: {
        tags: ['papers'],
        summary: 'A paper: authors, topics, key words, digest, every source record, similar papers',
        params: toJsonSchema(PaperParamsSchema, 'input'),
        response: { 200: { ...toJsonSchema(PaperDetailSchema), description: 'The paper with everything known: every source record and why it was merged, topics, key words, digest, similar papers, novelty, each with how it is computed' }, ...errorResponses(400, 404, 429) },
      },
    },
    async (request): Promise<PaperDetail> => {
      // A paper's Paperscope id, or its arXiv id or DOI (a URL a person types: `/papers/2310.03789`).
      const paper = (await findPaperById(store, request.params.id)).paper
      if (!paper) throw notFound(request.params.id)
      // One presenter with `paperscope show --json` (src/commands); a failing analysis lookup is logged and shown
      // as not computed, so a broken model never takes a paper's page down.
      return readPaperDetail(store, deps.analysis ?? null, paper, { onError: logAnalysisFailure(request.log) })
    },
  )

  app.get<{ Params: PaperParams }>(
    '/papers/:id/vector',
    {
      schema: {
        tags: ['papers'],
        summary: "The paper's vector (its embedding), as similar papers and novelty use it",
        params: toJsonSchema(PaperParamsSchema, 'input'),
        response: { 200: { ...toJsonSchema(PaperVectorSchema), description: 'The paper vector (unit length) and the model that made it' }, ...errorResponses(400, 404, 429) },
      },
    },
    async (request): Promise<PaperVector> => {
      const paper = (await findPaperById(store, request.params.id)).paper
      if (!paper) throw notFound(request.params.id)
      const id = paper.id
      const found = deps.analysis?.paperVector ? await deps.analysis.paperVector(id) : null
      if (!found) throw new PaperscopeError('NOT_FOUND', `paper "${id.slice(0, 200)}" has no vector yet: the library has not analysed it (run \`paperscope analyze\`)`, { field: 'id' })
      return {
        paperId: id,
        embedder: found.embedder,
        dimensions: found.vector.length,
        vector: Array.from(found.vector, (x) => Math.round(x * 1e6) / 1e6),
        howComputed: found.embedder.startsWith('lsa-')
          ? 'TF-IDF of the title (twice), the abstract and a source\'s digest over lemmas and two-word phrases, reduced by a truncated SVD fitted on the whole library (LSA), unit length.'
          : "The title, abstract and digest embedded by the local ONNX sentence-embedding model the library was set to (its own pooled sentence embedding when the model outputs one, else its first token's vector when the model's pooling configuration says so, as BGE models', else the mean of its token vectors over the attention mask), unit length.",
      }
    },
  )

  app.get<{ Params: PaperParams; Querystring: BibtexQuery }>(
    '/papers/:id/bibtex',
    {
      schema: {
        tags: ['papers'],
        summary: 'The paper as a BibTeX entry',
        params: toJsonSchema(PaperParamsSchema, 'input'),
        querystring: toJsonSchema(BibtexQuerySchema, 'input'),
        response: {
          200: PAPER_BIBTEX_RESPONSE,
          ...errorResponses(400, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const paper = (await findPaperById(store, request.params.id)).paper
      if (!paper) throw notFound(request.params.id)
      // As every other export writes it: each author under their library name, a venue's year (src/commands).
      const bibtex = (await bibtexFormatter(deps))(await toBibtexPapers(store, [paper]))
      void reply.type('application/x-bibtex; charset=utf-8')
      if (request.query.download) {
        const name = (firstCiteKey(bibtex) ?? paper.id).replace(/[^\w.-]/g, '_')
        void reply.header('content-disposition', `attachment; filename="${name}.bib"`)
      }
      return bibtex
    },
  )
}

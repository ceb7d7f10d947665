/** @module GET /similar?text=: the library papers nearest to a text never seen (a draft, an abstract). */
import type { FastifyInstance } from 'fastify'
import { shortListNote } from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { ServerDeps } from '../deps.js'
import { NOT_ANALYSED_MESSAGE, ParameterError } from '../error-handler.js'
import { presentSimilarPapers } from '../presenters.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { SimilarGetQuerySchema, SimilarQuerySchema, SimilarResultSchema, type SimilarQuery } from './similar.schema.js'

export const SIMILAR_TO_TEXT_HOW_COMPUTED =
  "The text is embedded with the library's stored paper-vector model (LSA: TF-IDF over lemmas and phrases, truncated SVD; or the local ONNX sentence-embedding model the library was set to) and classified with its topic model; each paper scores the cosine similarity of the vectors (textSimilarity: how alike the wording is) blended with how much their topics agree (topicAgreement: the cosine of the topic vectors, each topic weighed by how specific it is, 1 for the rarest and less for a topic many curated papers share, so sharing a catch-all topic says less than sharing a rare one): 0.6 × textSimilarity + 0.4 × topicAgreement. A text further from every topic than any curated paper (off topic), or too short to tell its topic (fewer than 3 content words, or too few the library's papers use), is compared by wording alone, and only papers it shares at least two listed terms with are listed, so the list is often empty. The same method as a paper page's similar papers."

/** Most cited first (as a source reported), then most upvoted; unknown counts last. */
function byPopularity(a: { citationCount: number | null; upvotes: number | null }, b: { citationCount: number | null; upvotes: number | null }): number {
  return (b.citationCount ?? -1) - (a.citationCount ?? -1) || (b.upvotes ?? -1) - (a.upvotes ?? -1)
}

export async function similarRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  const answer = async ({ text: given, title, k, sort }: SimilarQuery) => {
    // As POST /classify: a title alone is read as a paper known by its title.
    if (!given && !title?.trim()) throw new ParameterError('text', 'parameter "text" is required unless a title is given', { kind: 'required' })
    const text = given ?? ''
    const ranked = deps.analysis?.similarToText
      ? await deps.analysis.similarToText({ text, ...(title ? { title } : {}) }, k)
      : null
    if (!ranked)
      throw new PaperscopeError('NOT_ANALYSED', NOT_ANALYSED_MESSAGE)
    const papers = new Map((await deps.store.getPapers(ranked.map((r) => r.paperId))).map((p) => [p.id, p]))
    const similar = presentSimilarPapers(ranked, papers)
    // Among the k most similar, newest or most cited first: readers ask what is new or influential near
    // their text, not only what is closest. The sort is stable, so ties keep the similarity order.
    if (sort === 'recent') similar.sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? ''))
    if (sort === 'popular') similar.sort((a, b) => byPopularity(a.paper, b.paper))
    return {
      similar,
      howComputed: SIMILAR_TO_TEXT_HOW_COMPUTED,
      note: similar.length < k ? await noteFor({ text, title }, similar.length) : null,
    }
  }
  /** Why fewer than k papers came back, said for this text: compared by wording alone, off topic or too short. */
  const noteFor = async (input: { text: string; title?: string | null | undefined }, found: number): Promise<string> =>
    shortListNote((await deps.analysis?.comparedByWording?.({ text: input.text, ...(input.title ? { title: input.title } : {}) }).catch(() => null)) ?? null, found)
  app.get<{ Querystring: SimilarQuery }>(
    '/similar',
    {
      schema: {
        tags: ['papers'],
        summary: 'The library papers most similar to a text never seen',
        querystring: toJsonSchema(SimilarGetQuerySchema, 'input'),
        // 431 (a text too long for a URL) is declared on every operation by src/server/app.ts.
        response: { 200: { ...toJsonSchema(SimilarResultSchema), description: 'The library papers nearest to the text, each with its score, what it shares with the text, and how similarity is computed' }, ...errorResponses(400, 429, 503) },
      },
    },
    async (request) => answer(request.query),
  )
  // The same with the text in a JSON body: a long draft does not fit in a URL (Node refuses request heads
  // over 16 KB: measured, 10,400 characters of English passed and 15,600 did not; 3,000 `é` did not).
  app.post<{ Body: SimilarQuery }>(
    '/similar',
    {
      schema: {
        tags: ['papers'],
        summary: 'The library papers most similar to a text never seen (the text in a JSON body)',
        body: toJsonSchema(SimilarQuerySchema, 'input'),
        response: { 200: { ...toJsonSchema(SimilarResultSchema), description: 'The library papers nearest to the text, each with its score, what it shares with the text, and how similarity is computed' }, ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => answer(request.body),
  )
}

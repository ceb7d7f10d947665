/** @module POST /classify: topics, key words and a digest for a text never seen, with the library's models. */
import type { FastifyInstance } from 'fastify'
import { latestTextYear } from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { ServerDeps } from '../deps.js'
import { NOT_ANALYSED_MESSAGE, ParameterError } from '../error-handler.js'
import { errorResponses, toJsonSchema } from '../schema-tools.js'
import { ClassifyBodySchema, ClassifyResultSchema, type ClassifyBody, type ClassifyResult } from './classify.schema.js'

export async function classifyRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  app.post<{ Body: ClassifyBody }>(
    '/classify',
    {
      schema: {
        tags: ['papers'],
        summary: 'Topics, key words and a digest for a text never seen (nothing is stored)',
        body: toJsonSchema(ClassifyBodySchema, 'input'),
        response: {
          200: { ...toJsonSchema(ClassifyResultSchema), description: 'Topics, key words and a digest for the text, each with why and how it is computed (nothing is stored)' },
          ...errorResponses(400, 413, 415, 429, 503),
          // The classifier of a library analysed while it had no papers refuses (src/commands' createTextClassifier).
          404: { ...errorResponses(404)[404], description: 'The library has no papers to learn from (it was analysed while empty): import some, then run `paperscope analyze`' },
        },
      },
    },
    async (request): Promise<ClassifyResult> => {
      const { text, title, year } = request.body
      if (!text && !title?.trim()) throw new ParameterError('text', 'parameter "text" is required unless a title is given', { kind: 'required' })
      const latest = latestTextYear()
      if (typeof year === 'number' && year > latest) throw new ParameterError('year', `parameter "year" must be ${latest} (next year) or earlier`, { kind: 'too_large', limit: latest })
      const dated = typeof year === 'number' ? { year } : {}
      const result = deps.analysis?.classifyText ? await deps.analysis.classifyText({ text: text ?? '', ...(title ? { title } : {}), ...dated }) : null
      if (!result)
        throw new PaperscopeError('NOT_ANALYSED', NOT_ANALYSED_MESSAGE)
      // Topic pages are linked by id: the library's topics carry it.
      const ids = new Map((await deps.store.listTopics()).map((t) => [t.label, t.id]))
      return {
        topics: result.topics.map((t) => ({ id: ids.get(t.label) ?? '', label: t.label, origin: 'predicted' as const, confidence: t.confidence })),
        unsorted: result.unsorted,
        offTopic: result.offTopic,
        unsortedBecause: result.unsortedBecause,
        unsortedNote: result.unsortedNote,
        topicWhy: result.topicWhy,
        keywords: result.keywords,
        keywordsNote: result.keywordsNote ?? null,
        language: result.language,
        digest: result.digest === null ? null : { text: result.digest, origin: 'generated' as const },
        howComputed: result.howComputed,
      }
    },
  )
}

/** @module Request and response schemas of the /papers routes. */
import { z } from 'zod'
import { PageParamSchema, pageSizeParam } from '../schema-tools.js'
import { PaperDetailSchema, PaperListSchema } from '../schemas.js'

export const PapersQuerySchema = z.object({
  sort: z
    .enum(['recent', 'trending'])
    .default('recent')
    .describe(
      'recent: newest publication date first; trending: only the papers a listing page (daily or trending papers) showed: those with a listing date or upvotes ranked by upvotes over age since the page showed them (since publication when only upvotes are known), then those a page listed with neither (captured without its year), in the page\'s order; a library without such papers gets an empty feed',
    ),
  topic: z.string().min(1).max(200).optional().describe('A topic id or label (see /topics)'),
  year: z.number().int().min(1000).max(3000).optional().describe('Only papers published in this year'),
  source: z.string().min(1).max(100).optional().describe('Only papers with a record from this source'),
  keyword: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only papers with this key word, curated, extracted or suggested (not in the text), its spellings counted as one (`Neural Tangent Kernels` is `neural tangent kernel`), as a topic page counts them'),
  page: PageParamSchema,
  page_size: pageSizeParam('Papers'),
})
export type PapersQuery = z.infer<typeof PapersQuerySchema>

export const PaperParamsSchema = z.object({ id: z.string().min(1).max(200).describe('A paper id (a former one leads to the paper it became), or its arXiv id (2310.03789) or DOI (URL-encoded)') })
export type PaperParams = z.infer<typeof PaperParamsSchema>

export const BibtexQuerySchema = z.object({
  download: z.boolean().default(false).describe('Send as an attachment (a .bib file) rather than inline'),
})
export type BibtexQuery = z.infer<typeof BibtexQuerySchema>

/** The header a BibTeX route sends with `?download=true`, as an OpenAPI response header. */
export function bibtexDownloadHeader(name: string, what: string): { 'Content-Disposition': { type: 'string'; description: string } } {
  return {
    'Content-Disposition': {
      type: 'string',
      description: `Sent only with \`download=true\`: \`attachment; filename="${name}.bib"\`, ${name} being ${what}`,
    },
  }
}

/** The 200 response of /papers/:id/bibtex: one entry. */
export const PAPER_BIBTEX_RESPONSE = {
  description: 'A BibTeX entry',
  // Declared under its own media type, so the OpenAPI document does not promise JSON.
  content: { 'application/x-bibtex': { schema: { type: 'string' } } },
  headers: bibtexDownloadHeader('<key>', "the entry's cite key (any character but letters, digits, `.`, `-` and `_` as `_`)"),
} as const

export const PaperVectorSchema = z.object({
  paperId: z.string().describe('The paper\'s id'),
  embedder: z.string().describe('The model that made the vector: `lsa-100`, or the ONNX model the library uses (`onnx:<folder>@<fingerprint>`)'),
  dimensions: z.number().int().describe('Length of `vector`'),
  vector: z.array(z.number()).describe('Unit length; the cosine of two papers is their dot product'),
  howComputed: z.string().describe('How the vector is made'),
})
export type PaperVector = z.infer<typeof PaperVectorSchema>

export { PaperDetailSchema, PaperListSchema }

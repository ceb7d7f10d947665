/** @module Settings, parsed once from the environment with zod; every other module receives them. */
import { z } from 'zod'

export const EnvSchema = z.object({
  PAPERSCOPE_DB: z.string().min(1).default('data/paperscope.db'),
  PAPERSCOPE_CORPUS: z.string().min(1).default('data/corpus'),
  PAPERSCOPE_CONFIG: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Contact put in the User-Agent of outgoing requests (feeds only; nothing is fetched otherwise). */
  PAPERSCOPE_CONTACT: z.string().min(1).optional(),
  SEMANTIC_SCHOLAR_API_KEY: z.string().min(1).optional(),
  /** OpenAlex premium key (sent as `api_key`); wins over the config file's. */
  OPENALEX_API_KEY: z.string().min(1).optional(),
  /** A cron string: `paperscope serve`/`start` then run the configured feeds on it; wins over the config file's `schedule`. */
  PAPERSCOPE_SYNC_SCHEDULE: z.string().min(1).optional(),
  /** A local ONNX sentence-embedding model folder (or `lsa`) that `paperscope analyze` switches the paper vectors to. */
  PAPERSCOPE_EMBEDDING_MODEL: z.string().min(1).optional(),
})
export type Env = z.infer<typeof EnvSchema>

/**
 * Reads settings from an environment map (defaults for what is unset).
 * @example const env = parseEnv(process.env)
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')))
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid settings: ${problems}`)
  }
  return result.data
}

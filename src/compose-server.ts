/**
 * @module The server's half of the composition root: settings → store → analysis → HTTP server, and the
 * `serve` launcher (pino logs, listening, graceful shutdown on SIGINT/SIGTERM). src/main.ts loads it only when
 * a command serves or a caller composes a server, so the other commands start without it.
 */
import type { Logger } from 'pino'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { CliIo } from './cli/io.js'
import type { ServeLauncher, ServeOptions } from './cli/commands/serve.js'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { aiScoreInputsNote, aiScoreRescaleNote, centralityWhy, citationCountsWhy, DIGEST_HOW_COMPUTED, KEYWORDS_HOW_COMPUTED, noveltyPercentWhy, noveltyRankedWhy, TOPIC_HOW_COMPUTED } from './analysis/index.js'
import { createAnalysisReader, paperDetailAnalysis, shownNoveltyPercent, similarPaperIn, startScheduledSync } from './commands/index.js'
// Only the server's settings and types load eagerly: the HTTP stack (~0.5 s of imports) loads when a
// command serves, so `paperscope classify` or `search` start fast.
import { DEFAULT_RATE_LIMIT, type RateLimitSettings, type ServerAnalysis } from './server/deps.js'
import type { PaperStore } from './store/index.js'
import { packageRoot, packageVersion } from './package-info.js'

/** Settings only the server reads, parsed once here. */
const ServerEnvSchema = z.object({
  /** API requests per client per minute; 0 turns the limit off. */
  PAPERSCOPE_RATE_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.max),
  /** Where the built web app is; defaults to web/dist in the package. */
  PAPERSCOPE_WEB_DIST: z.string().min(1).optional(),
  /**
   * The reverse proxies in front of the server whose X-Forwarded-For names the client: `true` for any, or their
   * addresses and subnets, comma-separated (`127.0.0.1,10.0.0.0/8`). Unset: none, the peer is the client.
   */
  PAPERSCOPE_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === 'false' ? false : v === 'true' ? true : v)),
})

/** The server's settings from the environment (blank values count as unset). @throws ZodError naming a bad one */
export function serverSettings(env: Record<string, string | undefined>): z.infer<typeof ServerEnvSchema> {
  return ServerEnvSchema.parse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in ServerEnvSchema.shape && v !== '')))
}

/** Seconds a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * The analysis results the API shows (issue 4), read from what `paperscope analyze` and the imports stored.
 * Before the library was ever analysed each lookup returns null and the API says "not computed".
 */
export function createAnalysis(store: PaperStore): ServerAnalysis {
  const reader = createAnalysisReader(store)
  return {
    // A paper's similar papers, novelty, topics and why its key words and digest: as `paperscope show --json` reads them.
    ...paperDetailAnalysis(reader),
    async similarToText(input, limit) {
      return (await reader.similarToText(input, limit))?.map(similarPaperIn) ?? null
    },
    comparedByWording: (input) => reader.comparedByWording(input),
    async classifyText(input) {
      const c = await reader.classifyText(input)
      if (!c) return null
      return {
        topics: c.topics.map((t) => ({ label: t.label, confidence: t.score })),
        unsorted: c.unsorted,
        offTopic: c.offTopic,
        unsortedBecause: c.unsortedBecause,
        unsortedNote: c.unsortedNote,
        topicWhy: c.topicWhy,
        keywords: c.keywordDetails,
        keywordsNote: c.keywordsNote,
        language: c.language,
        digest: c.digest,
        howComputed: { topics: TOPIC_HOW_COMPUTED, keywords: KEYWORDS_HOW_COMPUTED, digest: DIGEST_HOW_COMPUTED },
      }
    },
    async paperVector(paperId) {
      return reader.paperVector(paperId)
    },
    async authorMetrics(authorId) {
      const m = await reader.authorMetrics(authorId)
      if (!m) return null
      const ai = m.aiScore
      return {
        papers: { value: m.papers.value, howComputed: m.papers.howComputed },
        citations: { value: m.citations.value, howComputed: m.citations.howComputed, why: citationCountsWhy(m.citations), lowerBound: m.citations.lowerBound },
        hIndex: { value: m.hIndex.value, howComputed: m.hIndex.howComputed, why: citationCountsWhy(m.hIndex), lowerBound: m.hIndex.lowerBound },
        noveltyPercent: {
          value: shownNoveltyPercent(m.noveltyPercent.value),
          howComputed: m.noveltyPercent.howComputed,
          why: [...noveltyPercentWhy(m.papers.value, m.noveltyPercent.papers), ...noveltyRankedWhy(m.noveltyPercent)],
        },
        aiScore: {
          value: ai.value,
          howComputed: ai.howComputed,
          why: [
            ...ai.why.map((w) => `${w.label}: ${w.weight.toFixed(1)} points`),
            aiScoreInputsNote(m),
            ...centralityWhy(m.papers.value, m.centrality.papers),
            ...aiScoreRescaleNote(ai.why.map((w) => w.label)),
          ],
        },
      }
    },
  }
}

export interface ComposeOptions {
  logger?: FastifyBaseLogger
  /** The built web app; null serves the API only. */
  webRoot: string | null
  rateLimit: RateLimitSettings | false
  version?: string
  /** The reverse proxies whose X-Forwarded-For names the client (ServerDeps.trustProxy); none by default. */
  trustProxy?: boolean | string
  /** False serves no analysis results (every lookup "not computed"). */
  analysis?: boolean
}

/**
 * The server with everything wired: the store, the analysis results, the BibTeX writer of src/ingest/bibtex.
 * `launchServer` listens on it; the end-to-end tests and the benchmark build theirs here too.
 */
export async function composeServer(store: PaperStore, options: ComposeOptions): Promise<FastifyInstance> {
  const analysis = options.analysis === false ? undefined : createAnalysis(store)
  const { buildServer } = await import('./server/index.js')
  const { formatBibtex } = await import('./ingest/index.js')
  return buildServer({
    store,
    webRoot: options.webRoot,
    rateLimit: options.rateLimit,
    formatBibtex,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.version ? { version: options.version } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(analysis ? { analysis } : {}),
  })
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function waitForShutdownSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
      process.once('SIGINT', () => process.exit(130))
      process.once('SIGTERM', () => process.exit(143))
      logger.info({ signal }, 'shutting down')
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

/**
 * Serves `store` until SIGINT/SIGTERM, then closes the server (finishing requests in flight).
 * @example await runCli(['start'], processIo(), { serve: launchServer })
 */
export const launchServer: ServeLauncher = async (store: PaperStore, options: ServeOptions & { io: CliIo }) => {
  const { io } = options
  const settings = serverSettings(process.env)
  const root = packageRoot()
  // pino (45 ms of imports) loads when a command serves, like the HTTP stack.
  const { pino } = await import('pino')
  const logger = pino({ level: io.env.LOG_LEVEL, base: { service: 'paperscope' } })
  const rateLimit: RateLimitSettings | false =
    settings.PAPERSCOPE_RATE_LIMIT === 0 ? false : { max: settings.PAPERSCOPE_RATE_LIMIT, windowMs: 60_000 }
  const webRoot = settings.PAPERSCOPE_WEB_DIST ?? join(root, 'web', 'dist')
  const version = packageVersion(root)
  const app = await composeServer(store, { logger, webRoot, rateLimit, version, trustProxy: settings.PAPERSCOPE_TRUST_PROXY })
  if (!existsSync(join(webRoot, 'index.html'))) logger.warn('the web app is not built (run `npm run build`); serving the API only')
  const shutdown = waitForShutdownSignal(logger)
  await app.listen({ host: options.host, port: options.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  // Feeds run on a schedule only when one is set (PAPERSCOPE_SYNC_SCHEDULE or the config's "schedule").
  const sync = await startScheduledSync(store, { cwd: io.cwd, env: io.env, logger, version })
  io.stderr(`\nPaperscope is running at http://${shownHost}:${port}/  (API: /api/v1, docs: /docs). Press Ctrl+C to stop.\n\n`)
  await shutdown
  const force = setTimeout(() => {
    logger.error('shutdown took too long; exiting')
    process.exit(1)
  }, SHUTDOWN_GRACE_MS)
  force.unref()
  await sync?.stop()
  await app.close()
  clearTimeout(force)
  logger.info('stopped')
}

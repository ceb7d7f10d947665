/** @module The HTTP edge: Fastify server, JSON API under /api/v1, and the built web app. */
export { buildServer, API_PREFIX } from './app.js'
export { DEFAULT_RATE_LIMIT, type ServerDeps, type ServerAnalysis, type AnalysisValue, type AnalysisAuthorMetrics, type RateLimitSettings, type BibtexInput, type BibtexFormatter } from './deps.js'

/** @module The shared polite HTTP client: rate limits per source, retries, timeouts and a size cap. */
export {
  createHttpClient,
  formatUserAgent,
  DEFAULT_RATE_LIMITS,
  SILENT_LOGGER,
  redactUrl,
  type FetchLike,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type RateLimit,
} from './http-client.js'
export { parseRetryAfter } from './retry-after.js'
export { realSleep, type Sleep } from './rate-gate.js'

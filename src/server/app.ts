/**
 * @module The HTTP edge: `buildServer(deps)` assembles Fastify with security headers, the API under
 * /api/v1 (a JSON schema on every route, OpenAPI at /api/v1/openapi.json, docs at /docs), the rate limit,
 * the error handler and the web app. It never listens; src/main.ts (or a test) does.
 */
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { findAuthorById, findPaperById, findTopic } from '../commands/index.js'
import { PaperscopeError, pluralize } from '../core/index.js'
import { DEFAULT_RATE_LIMIT, type ServerDeps } from './deps.js'
import { BARE_SECURITY_HEADERS, clientErrorResponse, frameworkErrorBody, installErrorHandler, parseJsonBody } from './error-handler.js'
import { routedPath } from './request-tools.js'
import { errorResponses, RATE_LIMIT_STATUS_HEADERS, type ErrorBody, type JsonSchema } from './schema-tools.js'
import { BODY_LIMIT, MAX_PARAM_LENGTH } from './schemas.js'
import { authorsRoutes } from './routes/authors.js'
import { researchersRoutes } from './routes/researchers.js'
import { bibtexRoutes } from './routes/bibtex.js'
import { papersRoutes } from './routes/papers.js'
import { searchRoutes } from './routes/search.js'
import { similarRoutes } from './routes/similar.js'
import { classifyRoutes } from './routes/classify.js'
import { statsRoutes } from './routes/stats.js'
import { topicsRoutes } from './routes/topics.js'
import { closedBodySchema, closedQuerySchema, createValidatorCompiler } from './validation.js'
import { registerWeb } from './web.js'

export const API_PREFIX = '/api/v1'

/**
 * Builds the server; call `listen` on the result (or `inject` in tests).
 * @example const app = await buildServer({ store }); await app.listen({ host: '127.0.0.1', port: 0 })
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // The rate limit counts per client address: behind a proxy, what X-Forwarded-For names.
    trustProxy: deps.trustProxy ?? false,
    // Longer than any id a schema allows, so an over-long id is the schema's 400 naming it, not "no route".
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // A path the router cannot decode (`/papers/%ZZ`) or a segment past MAX_PARAM_LENGTH is answered with the
    // API's error body, not Fastify's.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      void reply.headers(BARE_SECURITY_HEADERS)
      const body = frameworkErrorBody(error)
      if (!routedPath(request.url).startsWith(`${API_PREFIX}/`)) return void reply.status(400).type('text/plain; charset=utf-8').send(`Bad request: ${body.error.message}\n`)
      void reply.status(400).type('application/json; charset=utf-8').send(body)
    },
    // Node refuses a request head over 16 KB before Fastify sees it; the answer still has the API's error body.
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return
      if (socket.writable) socket.end(clientErrorResponse(err))
      else socket.destroy(err)
    },
  })
  app.setValidatorCompiler(createValidatorCompiler())
  // Every API body is JSON: a text/plain body is refused (415) rather than read as a string and misreported.
  app.removeContentTypeParser('text/plain')
  // Our own JSON reader: Fastify's says "Body is not valid JSON" of valid JSON holding a `__proto__` key, and
  // never where a broken body breaks.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const parsed = parseJsonBody(body as string)
    if (parsed instanceof PaperscopeError) done(parsed, undefined)
    else done(null, parsed.value)
  })

  installErrorHandler(app)

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Self-hosted on plain http (a laptop, a LAN box): upgrading requests to https would break every asset.
        'upgrade-insecure-requests': null,
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
      },
    },
    // Outgoing links go to other sites; sending them our URL (which holds search words) is not needed.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Plain http deployments are supported, and HSTS would pin a host to https.
    strictTransportSecurity: false,
  })

  if (deps.rateLimit !== false) {
    const limit = deps.rateLimit ?? DEFAULT_RATE_LIMIT
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      allowList: (request) => !routedPath(request.url).startsWith('/api/'),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `too many requests: ${context.max} per ${describeWindow(limit.windowMs)}; try again in ${context.after}`,
      }),
    })
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Paperscope API',
        version: deps.version ?? '0.0.0',
        description:
          'Read the merged paper library: the feed, search with facets, papers with every source record, researchers and topics. ' +
          'Every number says where it comes from. Errors are `{ "error": { "code", "message", "field"?, "issue"? } }`: `issue` is the fault as data. ' +
          'A query parameter an operation does not list is refused with a 400 naming it (a cache-busting `_=` or `utm_*` too), not ignored.',
      },
      tags: [
        { name: 'papers', description: 'The feed and single papers' },
        { name: 'search', description: 'Full-text search with facets' },
        { name: 'authors', description: 'Researchers' },
        { name: 'topics', description: 'Topics, curated and predicted' },
        { name: 'library', description: 'What the library holds' },
      ],
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // The tab's title: "Swagger UI" said nothing of whose API it is among the app's tabs. The bar leads back to the
    // app: Swagger UI's own top bar has no way there (its `logo.href` sets an href on an <img>, which links nowhere).
    theme: { title: 'Paperscope API', css: [{ filename: 'paperscope.css', content: DOCS_BAR_CSS }], js: [{ filename: 'paperscope.js', content: DOCS_BAR_JS }] },
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    transformSpecification: (spec) => ({ ...spec, servers: [] }),
  })

  app.get('/healthz', { schema: { hide: true } }, async () => {
    // A primary-key lookup proves the library file is readable without costing anything.
    await deps.store.getPaper('__healthz__')
    return { status: 'ok', version: deps.version ?? null, uptimeSeconds: Math.round(process.uptime()) }
  })

  // The methods each API path answers, so another method there is a 405 naming them, not a "no route" 404.
  const apiMethods = new Map<string, Set<string>>()
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(`${API_PREFIX}/`) && !(route.config as { methodNotAllowed?: boolean } | undefined)?.methodNotAllowed) {
      const methods = apiMethods.get(route.url) ?? new Set<string>()
      for (const method of [route.method].flat()) methods.add(method)
      apiMethods.set(route.url, methods)
    }
    if (!route.schema || route.schema.hide) return
    // A copy: routes may share one schema object.
    const schema = { ...route.schema } as typeof route.schema & { operationId?: string; response?: Record<string, unknown> }
    // Generated clients name their methods by operationId: `GET /papers/:id/bibtex` is `getPaperBibtex`.
    const method = [route.method].flat().find((m) => m !== 'HEAD')
    if (method && !schema.operationId) schema.operationId = operationId(method, route.url.replace(API_PREFIX, ''))
    // A query parameter a route does not declare is refused (400 naming it), not ignored: a client whose filter
    // was misspelt (`pageSize`, `year_from` on /papers) would otherwise take the default answer for its own.
    if (route.url.startsWith(`${API_PREFIX}/`)) schema.querystring = closedQuerySchema(schema.querystring as JsonSchema | undefined)
    // So does a JSON body: `{"text": "…", "limit": 5}` would otherwise answer 10 papers, `limit` quietly dropped.
    if (route.url.startsWith(`${API_PREFIX}/`) && schema.body) schema.body = closedBodySchema(schema.body as JsonSchema)
    // Node answers 431 to a request head over 16 KB (clientErrorHandler above) whatever the route: every
    // operation says so.
    if (schema.response && !('431' in schema.response)) schema.response = { ...schema.response, ...errorResponses(431) }
    // Every answer carries the rate limit's headers (when a limit is set), a success too: a client paces itself by them.
    if (route.url.startsWith(`${API_PREFIX}/`) && schema.response?.['200']) {
      const ok = schema.response['200'] as { headers?: Record<string, unknown> }
      schema.response = { ...schema.response, 200: { ...ok, headers: { ...RATE_LIMIT_STATUS_HEADERS, ...ok.headers } } }
    }
    // And every API operation can answer 400: one that takes no parameters refuses any it is given.
    if (route.url.startsWith(`${API_PREFIX}/`) && schema.response && !('400' in schema.response)) schema.response = { ...schema.response, ...errorResponses(400) }
    route.schema = schema
  })

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
      await api.register(papersRoutes, { deps })
      await api.register(searchRoutes, { deps })
      await api.register(authorsRoutes, { deps })
      await api.register(researchersRoutes, { deps })
      await api.register(topicsRoutes, { deps })
      await api.register(statsRoutes, { deps })
      await api.register(bibtexRoutes, { deps })
      await api.register(similarRoutes, { deps })
      await api.register(classifyRoutes, { deps })
    },
    { prefix: API_PREFIX },
  )
  for (const [url, methods] of apiMethods) registerMethodNotAllowed(app, url, methods)

  await registerWeb(app, deps.webRoot ?? null, async (kind, id) => {
    // Found as the API finds it: a paper also by its arXiv id, DOI or a former id; a person also by a former id.
    if (kind === 'papers') return (await findPaperById(deps.store, id)).paper !== null
    if (kind === 'authors') return (await findAuthorById(deps.store, id)) !== null
    // A topic by its id or label in any case, as GET /api/v1/topics/:id takes it.
    return (await findTopic(deps.store, id)) !== null
  })
  return app
}

/** The methods a client may send, in the order an `Allow` header lists them. */
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * Answers the methods an API path does not serve: OPTIONS with 204 and `Allow`, any other with 405, `Allow`
 * and the error body. A client that GETs `/classify` learns it takes POST, where a 404 "no route" said the
 * path did not exist.
 */
function registerMethodNotAllowed(app: FastifyInstance, url: string, served: ReadonlySet<string>): void {
  const allowed = HTTP_METHODS.filter((m) => served.has(m) || (m === 'HEAD' && served.has('GET')))
  const others = HTTP_METHODS.filter((m) => !allowed.includes(m))
  const allow = allowed.join(', ')
  app.route({
    method: [...others],
    url,
    schema: { hide: true },
    config: { methodNotAllowed: true },
    // Answered before the body is read: a DELETE with a text body is a 405, not a 415 about its body.
    onRequest: async (request, reply) => {
      void reply.header('allow', allow)
      if (request.method === 'OPTIONS') return reply.code(204).send()
      const path = request.url.split('?')[0] ?? request.url
      const message = `${request.method} is not served at ${path.slice(0, 200)}; it takes ${allowed.filter((m) => m !== 'HEAD').join(' or ')}`
      return reply.code(405).type('application/json; charset=utf-8').send({ error: { code: 'METHOD_NOT_ALLOWED', message } } satisfies ErrorBody)
    },
    handler: async () => undefined,
  })
}

/** A rate limit's window as people say it: `minute`, `10 seconds`, `2 minutes`. */
function describeWindow(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : pluralize(ms / 60_000, 'minute')
  return ms === 1000 ? 'second' : pluralize(Math.round(ms / 100) / 10, 'second')
}

/**
 * An operation id from a method and a path: a resource before an `:id` is singular.
 * @example operationId('GET', '/papers/:id/bibtex') // 'getPaperBibtex'
 */
export function operationId(method: string, path: string): string {
  const parts = path.split('/').filter(Boolean)
  const words = parts
    .map((part, i) => (part.startsWith(':') ? '' : parts[i + 1]?.startsWith(':') ? part.replace(/ies$/, 'y').replace(/s$/, '') : part))
    .filter(Boolean)
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('')
}

/**
 * The bar over the API docs: a link back to the app, in place of Swagger UI's top bar (its logo and a box for a
 * spec's URL, neither of use here). A file, not an inline script: the CSP allows scripts only from the server.
 */
const DOCS_BAR_JS = `(function () {
  var bar = document.createElement('nav')
  bar.className = 'paperscope-docs-bar'
  bar.setAttribute('aria-label', 'Paperscope')
  var home = document.createElement('a')
  home.href = '/'
  home.textContent = '\u2190 Paperscope'
  var note = document.createElement('span')
  note.textContent = 'API reference'
  bar.append(home, note)
  document.body.prepend(bar)
})()
`
const DOCS_BAR_CSS = `.swagger-ui .topbar { display: none; }
.paperscope-docs-bar { display: flex; align-items: baseline; gap: 1rem; box-sizing: border-box; max-width: 1460px; margin: 0 auto; padding: 0.75rem 20px; border-bottom: 1px solid #dde1e8; background: #fff; font: 15px/1.4 system-ui, sans-serif; color: #5f6878; }
.paperscope-docs-bar a { color: #2c48b8; font-weight: 600; text-decoration: none; }
.paperscope-docs-bar a:hover, .paperscope-docs-bar a:focus-visible { text-decoration: underline; }
`

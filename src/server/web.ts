/**
 * @module Serves the built web app (web/dist) beside the API: hashed assets cached for a year, index.html
 * for every other page URL so client-side routes survive a reload and can be shared.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { routedPath } from './request-tools.js'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { notFoundBody } from './error-handler.js'

/** A page's paper, author or topic and its id as written; a DOI's slash may be written as it is (`10.2139/ssrn.288970`). */
const PAGE_TARGET = /^\/(?:(papers)\/(10\.\d{4,9}\/[^?#]+?)|(papers|authors|topics)\/([^/]+))\/?$/

/** The app's pages that name no paper, author or topic. */
const LIST_PAGE = /^\/(?:search|classify|topics|researchers)\/?$/

/**
 * True for the web app's own routes (web/src/app.tsx): a page there gets the app whatever its id looks like, so an
 * arXiv id (`/papers/2310.03789`), an initialled name (`/authors/X.Y.Han`) or a dotted topic id is a page, and
 * the app says when nothing has that id.
 */
function isAppRoute(path: string): boolean {
  return PAGE_TARGET.test(path) || LIST_PAGE.test(path)
}

/**
 * The path page routes are matched on: as written when it is one of the app's routes, so an id's encoded slash
 * (`/papers/10.2139%2Fssrn.288970`) stays inside its segment; else decoded, as the router reads it.
 */
function pagePath(url: string): string {
  const written = url.split('?')[0] ?? '/'
  return isAppRoute(written) ? written : routedPath(url)
}

/**
 * True for URLs that name a file (`/assets/index-3f2a.js`, `/favicon.ico`), which must 404 rather than get the
 * app; never for a URL of the app's routes.
 */
export function looksLikeFile(path: string): boolean {
  return !isAppRoute(path) && /\/[^/]*\.[a-z0-9]{1,8}$/i.test(path)
}

function isPageRequest(request: FastifyRequest): boolean {
  const path = routedPath(request.url)
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    !path.startsWith('/docs') &&
    !looksLikeFile(pagePath(request.url))
  )
}

/** Whether a page's paper, author or topic exists, as the API would find it. */
export type PageTargetExists = (kind: 'papers' | 'authors' | 'topics', id: string) => Promise<boolean>

/**
 * The HTTP status of a page the app will render: 404 for a paper, author or topic nothing has, and for a path
 * the app has no page for (the app shows its not-found page either way; a link checker or crawler sees why).
 */
async function pageStatus(path: string, exists: PageTargetExists | null): Promise<200 | 404> {
  if (path !== '/' && !isAppRoute(path)) return 404
  const target = PAGE_TARGET.exec(path)
  if (!target || !exists) return 200
  let id: string
  try {
    id = decodeURIComponent(target[2] ?? target[4]!)
  } catch {
    return 404
  }
  return (await exists((target[1] ?? target[3]) as 'papers' | 'authors' | 'topics', id)) ? 200 : 404
}

/**
 * Registers static files and the fallback; without a built app, page URLs answer with how to build it.
 * `exists` tells a page whose paper, author or topic is missing, which then answers 404 (with the app).
 */
export async function registerWeb(app: FastifyInstance, webRoot: string | null, exists: PageTargetExists | null = null): Promise<void> {
  const hasApp = webRoot !== null && existsSync(join(webRoot, 'index.html'))
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      // Our own Cache-Control below: hashed assets forever, everything else revalidated.
      cacheControl: false,
      setHeaders(reply, path) {
        void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (isPageRequest(request)) {
      if (hasApp) {
        const status = await pageStatus(pagePath(request.url), exists)
        return reply.code(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html')
      }
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The Paperscope web app is not built. Run `npm run build` (or `npm start`), then reload. The API is at /api/v1.')
    }
    return reply.code(404).type('application/json; charset=utf-8').send(notFoundBody(request.method, request.url))
  })
}

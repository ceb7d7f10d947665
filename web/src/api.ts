/** @module The web app's only way to the server: typed GETs (and POSTs of texts) on the JSON API, errors as ApiError. */
import type {
  AuthorDetailOut,
  AuthorList,
  ErrorBody,
  ErrorIssue,
  PaperDetail,
  PaperList,
  SearchResponse,
  StatsOut,
  TopicDetailOut,
  TopicList,
} from '../../src/server/api-types.js'

export type * from '../../src/server/api-types.js'

export const API = '/api/v1'

/**
 * A failed API call: the server's error code and message, or NETWORK when it could not be reached; for a refused
 * parameter, its name (`field`) and its fault as data (`issue`), which a page says in its own words.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly issue?: ErrorIssue,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Builds `path?k=v` from the defined, non-empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  const qs = search.toString()
  return qs ? `${path}?${qs}` : path
}

async function request(path: string, signal?: AbortSignal, body?: unknown): Promise<Response> {
  let response: Response
  try {
    response = await fetch(
      `${API}${path}`,
      body === undefined
        ? { signal: signal ?? null, headers: { accept: 'application/json' } }
        : { method: 'POST', signal: signal ?? null, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) },
    )
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    throw new ApiError('NETWORK', 'The server could not be reached. Is Paperscope running?', 0)
  }
  if (!response.ok) {
    let body: ErrorBody | null = null
    try {
      body = (await response.json()) as ErrorBody
    } catch {
      // Not JSON (a proxy's error page): fall through to a generic message.
    }
    throw new ApiError(
      body?.error.code ?? `HTTP_${response.status}`,
      body?.error.message ?? `The server answered ${response.status}.`,
      response.status,
      body?.error.field,
      body?.error.issue,
    )
  }
  return response
}

/** GET a JSON resource. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, signal)).json()) as T
}

/** POST a JSON body (a text to classify or compare: too long for a URL) and read the JSON answer. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, signal, body)).json()) as T
}

/** GET a text resource (BibTeX). */
export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  return (await request(path, signal)).text()
}

export const paths = {
  papers: (p: { sort?: string; topic?: string; source?: string; keyword?: string; page?: number }) => withQuery('/papers', p),
  paper: (id: string) => `/papers/${encodeURIComponent(id)}`,
  bibtex: (id: string) => `/papers/${encodeURIComponent(id)}/bibtex`,
  authorBibtex: (id: string) => `/authors/${encodeURIComponent(id)}/bibtex`,
  topicBibtex: (id: string) => `/topics/${encodeURIComponent(id)}/bibtex`,
  searchBibtex: (p: Record<string, string | number | boolean | undefined>) => withQuery('/search/bibtex', p),
  search: (p: Record<string, string | number | boolean | undefined>) => withQuery('/search', p),
  author: (id: string) => `/authors/${encodeURIComponent(id)}`,
  authors: (p: { q: string; limit?: number }) => withQuery('/authors', p),
  topics: () => '/topics',
  topic: (id: string) => `/topics/${encodeURIComponent(id)}`,
  trends: () => '/trends',
  researchers: (p: { sort?: string | undefined; topic?: string | undefined; min_papers?: number | undefined; page?: number | undefined }) => withQuery('/researchers', p),
  stats: () => '/stats',
  classify: () => '/classify',
  similar: () => '/similar',
}

export type { AuthorDetailOut, AuthorList, PaperDetail, PaperList, SearchResponse, StatsOut, TopicDetailOut, TopicList }

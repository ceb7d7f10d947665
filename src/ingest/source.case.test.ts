/**
 * @module The contract every API connector passes, run against its recorded payloads on a local server.
 * Each source's test calls `runSourceContract(source)`; the registry test runs it for every registered source.
 *
 * What a source must show is described by a manifest next to its fixtures,
 * `test/fixtures/<folder>/<source name>.contract.json`: the payloads its parser must read (and how many
 * records each holds) and a run (a feed, the routes it hits and the responses they give, in order) that
 * spans two or more pages. The contract then also disturbs that run: a 429 with Retry-After and a 503
 * before the first page, a connection cut mid-body, a truncated body, invalid XML/JSON, a source that is
 * down, and an abort. Each must end in the right records or in a named PaperscopeError: never a crash,
 * never a duplicate.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  PartialDateSchema,
  SourceRecordSchema,
  isPaperscopeError,
  type ParseResult,
  type SourceRecord,
} from '../core/index.js'
import {
  FIXTURES_DIR,
  createFakeClock,
  startFixtureServer,
  type FakeClock,
  type FixtureResponse,
  type FixtureServer,
} from '../../test/support/fixture-server.js'
import { SILENT_LOGGER, createHttpClient } from './http/index.js'
import {
  normalizeArxivId,
  normalizeDoi,
  normalizeOpenAlexId,
  parsePage,
  type AnySource,
  type SourceDeps,
  type SourcePage,
} from './source.js'

// Captured before any test stubs the global: connectors must get fetch only through the client.
const realFetch = globalThis.fetch

const FixtureResponseSchema: z.ZodType<FixtureResponse> = z
  .object({
    status: z.number().int().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.string().optional(),
    file: z.string().optional(),
    contentType: z.string().optional(),
  })
  .strict() as z.ZodType<FixtureResponse>

/** The manifest format; `file`s are relative to the manifest's folder. */
export const ContractManifestSchema = z
  .object({
    $comment: z.string().optional(),
    source: z.string(),
    parse: z
      .array(
        z.object({
          file: z.string(),
          records: z.number().int().min(0),
          profiles: z.number().int().min(0).optional(),
          /** Rejected issues the payload is known to produce (an API error page). */
          rejected: z.number().int().min(0).optional(),
        }),
      )
      .min(1),
    run: z.object({
      /** Appended to the server's URL to make the source's `baseUrl`. */
      basePath: z.string().default(''),
      feed: z.unknown(),
      routes: z
        .array(z.object({ route: z.string(), responses: z.array(FixtureResponseSchema).min(1) }))
        .min(1),
      /** Records the whole run yields. */
      records: z.number().int().min(1),
      apiKey: z.string().optional(),
    }),
  })
  .strict()
export type ContractManifest = z.output<typeof ContractManifestSchema> & { folder: string }

/** Finds `<name>.contract.json` in any fixture folder; null when there is none. */
export function findContractManifest(name: string): ContractManifest | null {
  for (const folder of readdirSync(FIXTURES_DIR)) {
    const path = join(FIXTURES_DIR, folder, `${name}.contract.json`)
    if (!existsSync(path)) continue
    const manifest = ContractManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
    if (manifest.source !== name) throw new Error(`${path} names source ${manifest.source}, not ${name}`)
    return { ...manifest, folder }
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------
// Checks: plain functions that throw on a violation, so the contract can be tested on a broken source.

const FETCHED_AT = '2026-06-12T08:00:00.000Z'

/** Every record is valid, carries the source's name, has a unique key and normalized ids. */
export function checkRecords(source: AnySource, result: ParseResult, input: string): void {
  const keys = new Set<string>()
  for (const record of result.records) {
    expect(SourceRecordSchema.parse(record)).toEqual(record)
    expect(record.source).toBe(source.name)
    expect(keys.has(record.key), `duplicate key ${record.key} in ${input}`).toBe(false)
    keys.add(record.key)
    expect(record.fetchedAt).toBe(FETCHED_AT)
    expect(
      record.title ?? record.abstract,
      `record ${record.key} has neither title nor abstract`,
    ).toBeTruthy()
    for (const name of record.authors) expect(name.trim()).toBe(name)
    if (record.date) expect(PartialDateSchema.safeParse(record.date).success).toBe(true)
    if (record.ids.arxiv) expect(normalizeArxivId(record.ids.arxiv)).toBe(record.ids.arxiv)
    if (record.ids.doi) expect(normalizeDoi(record.ids.doi)).toBe(record.ids.doi)
    if (record.ids.openalex) expect(normalizeOpenAlexId(record.ids.openalex)).toBe(record.ids.openalex)
  }
  for (const issue of result.issues) {
    expect(issue.source).toBe(input)
    expect(issue.message.length).toBeGreaterThan(0)
  }
  const rejected = result.issues.filter((i) => i.severity === 'rejected').length
  expect(result.entriesSeen).toBeGreaterThanOrEqual(result.records.length)
  expect(result.entriesSeen).toBeLessThanOrEqual(result.records.length + result.profiles.length + rejected)
}

/** Parsing never throws, and a payload it cannot read ends in a rejected issue naming source and URL. */
export function checkMalformedPayload(
  source: AnySource,
  payload: string,
  input: string,
  mustReject: boolean,
): void {
  let result: ParseResult
  try {
    result = source.parse(payload, { input, fetchedAt: FETCHED_AT })
  } catch (err) {
    throw new Error(`${source.name}.parse threw on ${JSON.stringify(payload.slice(0, 40))}: ${String(err)}`)
  }
  checkRecords(source, result, input)
  if (mustReject) {
    const issue = result.issues.find((i) => i.severity === 'rejected' && i.code === 'PARSE_FAILED')
    expect(issue, `no PARSE_FAILED issue for ${JSON.stringify(payload.slice(0, 40))}`).toBeDefined()
    expect(issue!.message).toContain(source.name)
    expect(issue!.message).toContain(input)
  }
}

/** How a run of a source went: the pages it yielded with their parsed records, and how it ended. */
export interface RunOutcome {
  pages: Array<SourcePage & { result: ParseResult }>
  records: SourceRecord[]
  error: unknown
}

/** Drives `fetchPages` to its end (or `stopAfter` pages), parsing each page as it comes. */
export async function runSource(
  source: AnySource,
  feed: unknown,
  cursor: string | null,
  deps: SourceDeps,
  stopAfter = Number.POSITIVE_INFINITY,
): Promise<RunOutcome> {
  const outcome: RunOutcome = { pages: [], records: [], error: null }
  try {
    for await (const page of source.fetchPages(feed, cursor, deps)) {
      const result = parsePage(source, page, { input: page.url, fetchedAt: FETCHED_AT })
      outcome.pages.push({ ...page, result })
      outcome.records.push(...result.records)
      if (outcome.pages.length >= stopAfter) break
    }
  } catch (err) {
    outcome.error = err
  }
  return outcome
}

/** No record key twice across the pages of a run. */
export function checkNoDuplicates(outcome: RunOutcome): void {
  const keys = outcome.records.map((r) => r.key)
  expect(keys.length, `duplicate keys: ${keys.filter((k, i) => keys.indexOf(k) !== i).join(', ')}`).toBe(
    new Set(keys).size,
  )
}

/** A run ended either cleanly or in a PaperscopeError with a stable code that names the source. */
export function checkNamedEnd(source: AnySource, outcome: RunOutcome): void {
  if (outcome.error === null) return
  if (!isPaperscopeError(outcome.error)) throw new Error(`${source.name} crashed: ${String(outcome.error)}`)
  expect(outcome.error.message).toContain(source.name)
}

// ---------------------------------------------------------------------------------------------------------

function scriptsOf(manifest: ContractManifest): Array<{ route: string; responses: FixtureResponse[] }> {
  return manifest.run.routes.map((r) => ({
    route: r.route,
    responses: r.responses.map((res) =>
      res.file ? { ...res, file: `${manifest.folder}/${res.file}` } : res,
    ),
  }))
}

function readScripted(response: FixtureResponse): string {
  return response.file ? readFileSync(join(FIXTURES_DIR, response.file), 'utf8') : (response.body ?? '')
}

/** Something that is not the source's format at all: broken XML for XML sources, broken JSON for JSON ones. */
function invalidPayloadLike(payload: string): string {
  return payload.trimStart().startsWith('<')
    ? '<feed><entry><title>cut</entry></feed>'
    : '{"data": [{"paperId": }'
}

/**
 * Registers the contract's tests for one source, using its manifest.
 * @example describe('arxiv', () => runSourceContract(arxivSource))
 */
export function runSourceContract(source: AnySource): void {
  const manifest = findContractManifest(source.name)
  let server: FixtureServer
  let clock: FakeClock

  beforeAll(async () => {
    server = await startFixtureServer()
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.reset()
    clock = createFakeClock()
    vi.stubGlobal('fetch', () => {
      throw new Error(`${source.name} reached for the global fetch instead of deps.http`)
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function deps(signal?: AbortSignal): SourceDeps {
    const http = createHttpClient({
      fetch: realFetch,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 1,
      userAgent: 'Paperscope/contract-test',
      rateLimits: { [source.name]: source.rateLimit },
      retries: 2,
      timeoutMs: 5000,
    })
    return {
      http,
      baseUrl: `${server.baseUrl}${manifest!.run.basePath}`,
      now: clock.now,
      logger: SILENT_LOGGER,
      signal,
      apiKey: manifest!.run.apiKey,
    }
  }

  function serve(scripts: Array<{ route: string; responses: FixtureResponse[] }>): void {
    for (const script of scripts) server.route(script.route, ...script.responses)
  }

  /** The run's scripts with the first route's first answer replaced or preceded by `first`. */
  function disturbed(
    first: FixtureResponse[],
    replace: boolean,
  ): Array<{ route: string; responses: FixtureResponse[] }> {
    const scripts = scriptsOf(manifest!)
    const [head, ...rest] = scripts
    return [{ route: head!.route, responses: [...first, ...head!.responses.slice(replace ? 1 : 0)] }, ...rest]
  }

  async function fullRun(): Promise<RunOutcome> {
    server.reset()
    serve(scriptsOf(manifest!))
    return runSource(source, feed(), null, deps())
  }

  const feed = () => source.feedSchema.parse(manifest!.run.feed)

  it('has a fixture folder with a contract manifest', () => {
    expect(manifest, `add test/fixtures/<folder>/${source.name}.contract.json`).not.toBeNull()
  })
  if (!manifest) return

  it('describes itself: name, base URL, a polite rate limit and a feed schema', () => {
    expect(source.name).toMatch(/^[a-z][a-z0-9-]*$/)
    expect(source.description.length).toBeGreaterThan(10)
    expect(new URL(source.defaultBaseUrl).protocol).toBe('https:')
    expect(source.rateLimit.minIntervalMs).toBeGreaterThan(0)
    expect(() => feed()).not.toThrow()
    expect(source.feedSchema.safeParse({ unknownOption: true }).success).toBe(false)
  })

  for (const entry of manifest.parse) {
    it(`parses ${entry.file} into ${entry.records} valid records`, () => {
      const input = `https://example.org/${entry.file}`
      const payload = readFileSync(join(FIXTURES_DIR, manifest.folder, entry.file), 'utf8')
      const result = source.parse(payload, { input, fetchedAt: FETCHED_AT })
      checkRecords(source, result, input)
      expect(result.records).toHaveLength(entry.records)
      if (entry.profiles !== undefined) expect(result.profiles).toHaveLength(entry.profiles)
      expect(result.issues.filter((i) => i.severity === 'rejected')).toHaveLength(entry.rejected ?? 0)
      // Pure: the same payload gives the same result.
      expect(source.parse(payload, { input, fetchedAt: FETCHED_AT })).toEqual(result)
    })
  }

  it('never throws on malformed payloads and names source and URL in the issue', () => {
    const first = readFileSync(join(FIXTURES_DIR, manifest.folder, manifest.parse[0]!.file), 'utf8')
    const input = 'https://example.org/malformed'
    for (const payload of [
      '',
      '   ',
      '<<<not a payload',
      '{"unclosed": ',
      first.slice(0, Math.floor(first.length / 2)),
    ]) {
      checkMalformedPayload(source, payload, input, true)
    }
    for (const payload of ['null', '[]', '{}', '<x/>', '\u0000\u0001\u0002', '[null, 3, "x"]']) {
      checkMalformedPayload(source, payload, input, false)
    }
  })

  it('pages through several responses to the right records, without duplicates', async () => {
    const outcome = await fullRun()
    expect(outcome.error).toBeNull()
    expect(outcome.pages.length).toBeGreaterThanOrEqual(2)
    expect(outcome.pages.map((p) => p.last)).toEqual(
      outcome.pages.map((_, i) => i === outcome.pages.length - 1),
    )
    for (const page of outcome.pages) {
      checkRecords(source, page.result, page.url)
      expect(page.result.issues.filter((i) => i.severity === 'rejected')).toEqual([])
      expect(page.url.startsWith(server.baseUrl)).toBe(true)
      expect(typeof page.nextCursor).toBe('string')
    }
    expect(outcome.records).toHaveLength(manifest.run.records)
    checkNoDuplicates(outcome)
  })

  it('resumes from the cursor stored after the first page, without repeating it', async () => {
    const full = await fullRun()
    server.reset()
    serve(scriptsOf(manifest))
    const first = await runSource(source, feed(), null, deps(), 1)
    // Drop the answers the first page consumed, route by route, so the resumed run gets what comes next.
    const served = new Map<number, number>()
    for (const request of server.requests) {
      if (request.routeIndex !== null)
        served.set(request.routeIndex, (served.get(request.routeIndex) ?? 0) + 1)
    }
    server.reset()
    serve(
      scriptsOf(manifest).map((script, index) => ({
        ...script,
        responses: script.responses.slice(Math.min(served.get(index) ?? 0, script.responses.length - 1)),
      })),
    )
    const rest = await runSource(source, feed(), first.pages[0]!.nextCursor, deps())
    expect(rest.error).toBeNull()
    const firstKeys = first.records.map((r) => r.key)
    const restKeys = rest.records.map((r) => r.key)
    expect(restKeys.filter((k) => firstKeys.includes(k))).toEqual([])
    expect([...firstKeys, ...restKeys].sort()).toEqual(full.records.map((r) => r.key).sort())
  })

  it('waits out a 429 with Retry-After and a 503, then ends with the same records', async () => {
    const full = await fullRun()
    server.reset()
    serve(
      disturbed(
        [{ status: 429, headers: { 'retry-after': '4' }, body: 'Too Many Requests' }, { status: 503 }],
        false,
      ),
    )
    const outcome = await runSource(source, feed(), null, deps())
    expect(outcome.error).toBeNull()
    expect(outcome.records.map((r) => r.key)).toEqual(full.records.map((r) => r.key))
    expect(clock.sleeps).toContain(4000)
  })

  it('asks again when a body is cut off mid-transfer', async () => {
    const full = await fullRun()
    const first = scriptsOf(manifest)[0]!.responses[0]!
    server.reset()
    serve(disturbed([{ ...first, cutAfterBytes: 50 }], false))
    const outcome = await runSource(source, feed(), null, deps())
    expect(outcome.error).toBeNull()
    expect(outcome.records.map((r) => r.key)).toEqual(full.records.map((r) => r.key))
  })

  it('ends a truncated or invalid page in a named PARSE_FAILED, never a crash or a duplicate', async () => {
    const firstPayload = readScripted(scriptsOf(manifest)[0]!.responses[0]!)
    for (const broken of [
      firstPayload.slice(0, Math.floor(firstPayload.length / 2)),
      invalidPayloadLike(firstPayload),
    ]) {
      server.reset()
      serve(disturbed([{ body: broken }], true))
      const outcome = await runSource(source, feed(), null, deps())
      checkNamedEnd(source, outcome)
      checkNoDuplicates(outcome)
      const named =
        (isPaperscopeError(outcome.error, 'PARSE_FAILED') &&
          outcome.error.message.includes(server.baseUrl)) ||
        outcome.pages.some((p) =>
          p.result.issues.some((i) => i.code === 'PARSE_FAILED' && i.source === p.url),
        )
      expect(named, 'the broken page is named as PARSE_FAILED with its URL').toBe(true)
    }
  })

  it('names a source that stays down as SOURCE_UNAVAILABLE with the URL', async () => {
    server.reset()
    serve(
      disturbed([{ status: 503, body: 'Service Unavailable' }], true).map((s) => ({
        ...s,
        responses: [s.responses[0]!],
      })),
    )
    const outcome = await runSource(source, feed(), null, deps())
    expect(outcome.pages).toEqual([])
    expect(isPaperscopeError(outcome.error, 'SOURCE_UNAVAILABLE')).toBe(true)
    expect((outcome.error as Error).message).toContain(source.name)
    expect((outcome.error as Error).message).toContain(server.baseUrl)
  })

  it('stops when aborted, without another request', async () => {
    server.reset()
    serve(scriptsOf(manifest))
    const controller = new AbortController()
    const outcome: RunOutcome = { pages: [], records: [], error: null }
    try {
      for await (const page of source.fetchPages(feed(), null, deps(controller.signal))) {
        outcome.pages.push({
          ...page,
          result: source.parse(page.payload, { input: page.url, fetchedAt: FETCHED_AT }),
        })
        controller.abort(new Error('sync cancelled'))
      }
    } catch (err) {
      outcome.error = err
    }
    expect(outcome.pages).toHaveLength(1)
    expect((outcome.error as Error | null)?.message).toBe('sync cancelled')
    expect(server.requests).toHaveLength(1)
  })
}

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SourceRecordSchema } from '../core/index.js'
import { FIXTURES_DIR } from '../../test/support/fixture-server.js'
import { DEFAULT_RATE_LIMITS } from './http/index.js'
import {
  SOURCES,
  SOURCE_LABELS,
  describeForeignFile,
  findSource,
  recognizeApiAnswer,
  sourceRateLimits,
} from './registry.js'
import {
  checkMalformedPayload,
  checkNamedEnd,
  checkNoDuplicates,
  checkRecords,
  findContractManifest,
  runSourceContract,
  type RunOutcome,
} from './source.case.test.js'
import type { AnySource } from './source.js'

describe('the source registry', () => {
  it('has unique names and finds each source by name', () => {
    const names = SOURCES.map((s) => s.name)
    expect(new Set(names).size).toBe(names.length)
    for (const source of SOURCES) expect(findSource(source.name)).toBe(source)
    expect(findSource('nope')).toBeNull()
  })

  it.each(SOURCES.map((s) => [s.name, s] as const))(
    '%s has a fixture folder with recorded payloads and a contract manifest',
    (_, source) => {
      const manifest = findContractManifest(source.name)
      expect(manifest, `test/fixtures/<folder>/${source.name}.contract.json`).not.toBeNull()
      const payloads = readdirSync(join(FIXTURES_DIR, manifest!.folder)).filter(
        (f) => !f.endsWith('.contract.json'),
      )
      expect(payloads.length).toBeGreaterThan(0)
      for (const entry of manifest!.parse) expect(payloads).toContain(entry.file)
    },
  )

  it('has no contract manifest for a source it does not register', () => {
    const manifests = readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.contract.json'))
      .map((f) =>
        f
          .split(/[\\/]/)
          .pop()!
          .replace(/\.contract\.json$/, ''),
      )
    expect(manifests.sort()).toEqual(SOURCES.map((s) => s.name).sort())
  })

  it("hands the HTTP client each source's published limit, and the client's defaults agree", () => {
    const limits = sourceRateLimits()
    for (const source of SOURCES) expect(DEFAULT_RATE_LIMITS[source.name]).toEqual(limits[source.name])
    expect(limits['arxiv']!.minIntervalMs).toBe(3000)
    expect(limits['semantic-scholar']!.minIntervalMs).toBe(1000)
  })
})

describe('files that are no file format', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text)

  it.each(SOURCES.map((s) => [s.name] as const))(
    'tells each recorded %s payload with records for an answer of that API, and says to sync it',
    (name) => {
      const manifest = findContractManifest(name)!
      const readable = manifest.parse.filter((entry) => entry.records > 0 || (entry.profiles ?? 0) > 0)
      expect(readable.length).toBeGreaterThan(0)
      for (const entry of readable) {
        const bytes = readFileSync(join(FIXTURES_DIR, manifest.folder, entry.file))
        expect(recognizeApiAnswer(bytes.toString('utf8'))?.source.name, entry.file).toBe(name)
        const foreign = describeForeignFile(bytes)
        expect(foreign?.kind, entry.file).toBe('api-answer')
        expect(foreign?.advice, entry.file).toContain('`paperscope sync`')
        expect(foreign?.advice, entry.file).toContain(`source "${name}"`)
      }
    },
  )

  it('has a label for every source', () => {
    for (const source of SOURCES) expect(SOURCE_LABELS[source.name], source.name).toBeTruthy()
  })

  it('keeps the words the import already uses for an Atom feed and for JSON', () => {
    const atom = readFileSync(join(FIXTURES_DIR, 'arxiv/api_query_all_transformer_and_cat_cs.LG_max5.xml'))
    expect(describeForeignFile(atom)?.what).toBe('an Atom feed (XML, as the arXiv API answers)')
    const works = readFileSync(join(FIXTURES_DIR, 'openalex/works_list_per_page2.json'))
    expect(describeForeignFile(works)?.what).toMatch(/^JSON, which no file format reads \(an OpenAlex API answer/)
    expect(describeForeignFile(utf8('{"feeds": []}'))).toMatchObject({
      kind: 'json',
      what: 'JSON, which no file format reads',
      advice: expect.stringContaining('`paperscope sync`'),
    })
    expect(describeForeignFile(utf8('<?xml version="1.0"?><library><book/></library>'))).toMatchObject({
      kind: 'xml',
      what: 'XML, which no file format reads',
    })
  })

  it('calls a binary file binary, with what it is, and gives no --format advice', () => {
    const png = new Uint8Array(64)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const foreign = describeForeignFile(png)
    expect(foreign).toMatchObject({ kind: 'binary', what: 'binary (a PNG image), not text' })
    expect(foreign?.advice).not.toContain('--format')
  })

  it('says nothing of text that is just not a known format, nor of text that merely starts like JSON', () => {
    for (const text of ['shopping list\neggs\n', '', '[1] A Title. In: Proceedings.\n', '{ not json'])
      expect(describeForeignFile(utf8(text)), text).toBeNull()
    expect(recognizeApiAnswer('{"feeds": []}')).toBeNull()
  })
})

for (const source of SOURCES) describe(`contract: ${source.name}`, () => runSourceContract(source))

// The contract's own test: a broken source must fail it.
describe('the source contract', () => {
  const FETCHED_AT = '2026-06-12T08:00:00.000Z'
  const brokenSource: AnySource = {
    name: 'broken',
    description: 'a source that throws on what it cannot read',
    defaultBaseUrl: 'https://example.org',
    rateLimit: { minIntervalMs: 1 },
    feedSchema: z.object({}).strict(),
    fetchPages: async function* () {},
    parse: (payload) => {
      const items = JSON.parse(payload) as Array<{ id: string }>
      return {
        records: items.map((item) =>
          SourceRecordSchema.parse({
            source: 'broken',
            key: item.id,
            locator: 'x',
            fetchedAt: FETCHED_AT,
            title: 't',
          }),
        ),
        profiles: [],
        issues: [],
        entriesSeen: items.length,
      }
    },
  }

  it('rejects a parser that throws on malformed input', () => {
    expect(() => checkMalformedPayload(brokenSource, '{"unclosed": ', 'https://example.org/x', true)).toThrow(
      /threw/,
    )
  })

  it('rejects records with the same key twice in one payload', () => {
    const result = brokenSource.parse('[{"id":"a"},{"id":"a"}]', { input: 'in', fetchedAt: FETCHED_AT })
    expect(() => checkRecords(brokenSource, result, 'in')).toThrow(/duplicate key a/)
  })

  it('rejects a run that yields the same record on two pages', () => {
    const record = SourceRecordSchema.parse({
      source: 'broken',
      key: 'a',
      locator: 'x',
      fetchedAt: FETCHED_AT,
      title: 't',
    })
    expect(() => checkNoDuplicates({ pages: [], records: [record, record], error: null })).toThrow(
      /duplicate keys: a/,
    )
  })

  it('rejects a run that crashes instead of naming the error', () => {
    const outcome: RunOutcome = {
      pages: [],
      records: [],
      error: new TypeError("Cannot read properties of undefined (reading 'data')"),
    }
    expect(() => checkNamedEnd(brokenSource, outcome)).toThrow(/crashed/)
  })
})

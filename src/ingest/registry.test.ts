import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SourceRecordSchema } from '../core/index.js'
import { FIXTURES_DIR } from '../../test/support/fixture-server.js'
import { DEFAULT_RATE_LIMITS } from './http/index.js'
import { SOURCES, findSource, sourceRateLimits } from './registry.js'
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

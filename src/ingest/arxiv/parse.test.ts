import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../test/support/fixture-server.js'
import { runSourceContract } from '../source.case.test.js'
import { arxivOaiSource, arxivSource, parseArxivAtom, parseArxivOai } from './index.js'

/**
 * Recorded arXiv payloads, plus pages we wrote for cases the recordings lack (see test/fixtures/SOURCES.md):
 * the two `paging_cs.LG_*` pages are a recorded feed split in two with its OpenSearch header edited; the OAI-PMH
 * resumption-token pages and the `noRecordsMatch`/`badResumptionToken` errors are written from the OAI-PMH 2.0
 * specification (§3.5, §3.6).
 */
describe('arxiv source contract', () => runSourceContract(arxivSource))
describe('arxiv-oai source contract', () => runSourceContract(arxivOaiSource))

const ctx = { input: 'https://export.arxiv.org/api/query?x', fetchedAt: '2026-06-12T08:00:00.000Z' }

describe('parseArxivAtom', () => {
  it('reads ids without version, authors in order, categories primary first, DOI and journal ref', () => {
    const { records } = parseArxivAtom(readFixture('arxiv/api_query_search_testing_max10.xml'), ctx)
    expect(records[0]).toMatchObject({
      source: 'arxiv',
      key: '2202.12139',
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      date: '2022-02-24',
      categories: ['cs.SE', 'cs.LG'],
      venue:
        'Artificial Intelligence in Software Testing @ 2022 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)',
      ids: { arxiv: '2202.12139', doi: '10.1109/icstw55395.2022.00035' },
      url: 'https://arxiv.org/abs/2202.12139',
      locator: 'https://arxiv.org/abs/2202.12139',
    })
    expect(records[0]!.raw).toMatchObject({
      version: 1,
      comment: 'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
    })
  })

  it('keeps old-style ids with their archive, and affiliations in raw', () => {
    const [record] = parseArxivAtom(
      readFixture('arxiv/api_query_id_list_astro-ph_0601001_with_affiliations.xml'),
      ctx,
    ).records
    expect(record!.key).toBe('astro-ph/0601001')
    expect(record!.ids).toEqual({ arxiv: 'astro-ph/0601001' })
    expect(record!.venue).toBe('ActaAstron.56:1-50,2006')
    expect(record!.raw['affiliations']).toEqual([
      ['Ohio State'],
      ['Ohio State'],
      ['CfA'],
      ['Warsaw University Observatory'],
    ])
  })

  it('reads the 2016 format, with namespaces on each element and wrapped summaries', () => {
    const { records } = parseArxivAtom(
      readFixture('arxiv/legacy_api_query_search_au_del_maestro_2016.xml'),
      ctx,
    )
    expect(records).toHaveLength(10)
    // The same person as 'Adrian Del Maestro' and 'A. Del Maestro': spelled as each paper lists him.
    expect(records.every((r) => r.authors.some((a) => /^A(drian|\.) Del Maestro$/.test(a)))).toBe(true)
    expect(records[0]!.abstract).not.toMatch(/\n/)
    expect(records[0]!.ids.doi).toBe('10.1142/s021797921244002x')
    expect(records.some((r) => r.abstract?.includes("R\\'{e}nyi"))).toBe(true)
  })

  it('turns the API error feed into a rejected issue that says what was wrong', () => {
    const result = parseArxivAtom(readFixture('arxiv/api_query_error_incorrect_id_format_http400.xml'), ctx)
    expect(result.records).toEqual([])
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'rejected',
        code: 'INVALID_VALUE',
        message: 'arxiv: the API answered with an error: incorrect id format for abc',
      }),
    ])
  })

  it('reads an empty result as no records and no issues', () => {
    expect(parseArxivAtom(readFixture('arxiv/api_query_empty_result.xml'), ctx)).toEqual({
      records: [],
      profiles: [],
      issues: [],
      entriesSeen: 0,
    })
  })

  it('names the line where a cut payload stops being XML', () => {
    const xml = readFixture('arxiv/api_query_id_list_1605.08386.xml')
    const [issue] = parseArxivAtom(xml.slice(0, 900), ctx).issues
    expect(issue).toMatchObject({ code: 'PARSE_FAILED', severity: 'rejected', source: ctx.input })
    expect(issue!.line).toBeGreaterThan(0)
    expect(issue!.message).toContain(
      'arxiv: cannot read the payload from https://export.arxiv.org/api/query?x: invalid XML',
    )
  })
})

describe('parseArxivOai', () => {
  it('joins forenames and keyname, splits categories and uses the v1 date', () => {
    const { records } = parseArxivOai(
      readFixture('arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-th.xml'),
      ctx,
    )
    expect(records.map((r) => r.key)).toEqual(['1412.8323', '1507.07790', '1607.01710'])
    expect(records[1]).toMatchObject({
      source: 'arxiv-oai',
      authors: ['Luis B. Castro', 'Edilberto O. Silva'],
      date: '2015-07-28',
      categories: ['hep-th', 'math-ph', 'math.MP', 'quant-ph'],
      venue: 'J. Phys. A: Math. Theor. 51 (2018) 035201',
      ids: { arxiv: '1507.07790', doi: '10.1088/1751-8121/aa9c53' },
    })
    expect(records[2]!.authors).toContain('A. de Souza Dutra')
  })

  it('skips author entries that are not names and says so, keeping suffixes', () => {
    const result = parseArxivOai(readFixture('arxiv/oai_pmh_getrecord_arXiv_format_1603.05976.xml'), ctx)
    const [record] = result.records
    expect(record!.authors).not.toContain(':')
    expect(record!.authors).toContain('R. W. IV')
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'authors' })])
  })

  it('reads noRecordsMatch as an empty harvest and badResumptionToken as a rejection', () => {
    expect(parseArxivOai(readFixture('arxiv/oai_pmh_error_no_records_match.xml'), ctx).issues).toEqual([])
    expect(
      parseArxivOai(readFixture('arxiv/oai_pmh_error_bad_resumption_token.xml'), ctx).issues[0]!.message,
    ).toContain('badResumptionToken')
  })
})

/** The recorded one-entry feed for 1605.08386, with parts of its entry blanked or removed. */
function edited1605(edit: (xml: string) => string): string {
  const xml = readFixture('arxiv/api_query_id_list_1605.08386.xml')
  const changed = edit(xml)
  expect(changed).not.toBe(xml)
  return changed
}

describe('parseArxivAtom entries with parts missing', () => {
  it('rejects an entry with neither title nor abstract, naming it, instead of storing an untitled paper', () => {
    const xml = edited1605((x) =>
      x
        .replace(/<title>Heat-bath[^<]*<\/title>/, '<title>  </title>')
        .replace(/<summary>[^<]*<\/summary>/, '<summary>\n    </summary>'),
    )
    const result = parseArxivAtom(xml, ctx)
    expect(result.records).toEqual([])
    expect(result.entriesSeen).toBe(1)
    expect(result.issues).toEqual([
      {
        severity: 'rejected',
        source: ctx.input,
        field: 'title',
        code: 'MISSING_FIELD',
        message: 'arxiv: 1605.08386 has neither title nor abstract (entry 1)',
      },
    ])
  })

  it('still stores an entry with a title but no abstract, or an abstract but no title', () => {
    const noSummary = edited1605((x) => x.replace(/<summary>[^<]*<\/summary>/, '<summary/>'))
    expect(parseArxivAtom(noSummary, ctx).records.map((r) => r.key)).toEqual(['1605.08386'])
    const noTitle = edited1605((x) => x.replace(/<title>Heat-bath[^<]*<\/title>/, '<title/>'))
    expect(parseArxivAtom(noTitle, ctx).records.map((r) => r.key)).toEqual(['1605.08386'])
  })

  it('stores an entry without <published> or <author>, with a warning naming the entry and what is missing', () => {
    const xml = edited1605((x) =>
      x
        .replace(/<published>[^<]*<\/published>/, '')
        .replace(/<author>\s*<name>[^<]*<\/name>\s*<\/author>/g, ''),
    )
    const result = parseArxivAtom(xml, ctx)
    expect(result.records).toHaveLength(1)
    expect(result.records[0]).toMatchObject({ key: '1605.08386', date: null, authors: [] })
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'published',
        code: 'MISSING_FIELD',
        message: 'arxiv: 1605.08386 has no <published> date; stored without a date (entry 1)',
      },
      {
        severity: 'warning',
        source: ctx.input,
        field: 'author',
        code: 'MISSING_FIELD',
        message: 'arxiv: 1605.08386 has no <author>; stored without authors (entry 1)',
      },
    ])
  })

  it('says nothing of the kind for the recorded feeds, where every entry has them', () => {
    for (const file of [
      'arxiv/api_query_search_testing_max10.xml',
      'arxiv/legacy_api_query_search_au_del_maestro_2016.xml',
      'arxiv/api_query_id_list_astro-ph_0601001_with_affiliations.xml',
    ])
      // The repaired encoding of two names in the first file is another kind (see 'arXiv text as XML writes it').
      expect(
        parseArxivAtom(readFixture(file), ctx).issues.filter((i) => i.code !== 'ENCODING'),
        file,
      ).toEqual([])
  })
})

/** The recorded hep-th ListRecords, with its second record (1507.07790) edited. */
function editedHepTh(edit: (record: string) => string): string {
  const xml = readFixture('arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-th.xml')
  const records = xml.split('<record>')
  const changed = edit(records[2]!)
  expect(changed).not.toBe(records[2])
  records[2] = changed
  return records.join('<record>')
}

describe('parseArxivOai records with parts missing', () => {
  it('rejects a record with neither title nor abstract, naming it', () => {
    const xml = editedHepTh((r) =>
      r
        .replace(/<title>[^<]*<\/title>/, '<title></title>')
        .replace(/<abstract>[^<]*<\/abstract>/, '<abstract> </abstract>'),
    )
    const result = parseArxivOai(xml, ctx)
    expect(result.records.map((r) => r.key)).toEqual(['1412.8323', '1607.01710'])
    expect(result.issues).toEqual([
      {
        severity: 'rejected',
        source: ctx.input,
        field: 'title',
        code: 'MISSING_FIELD',
        message: 'arxiv-oai: 1507.07790 has neither title nor abstract (record 2)',
      },
    ])
  })

  it('stores a record without <created> or authors, with a warning naming the record and what is missing', () => {
    const xml = editedHepTh((r) =>
      r.replace(/<created>[^<]*<\/created>/, '').replace(/<authors>[\s\S]*?<\/authors>/, ''),
    )
    const result = parseArxivOai(xml, ctx)
    expect(result.records).toHaveLength(3)
    expect(result.records[1]).toMatchObject({ key: '1507.07790', date: null, authors: [] })
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'created',
        code: 'MISSING_FIELD',
        message: 'arxiv-oai: 1507.07790 has no <created> date; stored without a date (record 2)',
      }),
      expect.objectContaining({
        severity: 'warning',
        field: 'authors',
        code: 'MISSING_FIELD',
        message: 'arxiv-oai: 1507.07790 has no <author>; stored without authors (record 2)',
      }),
    ])
  })
})

describe('arXiv text as XML writes it', () => {
  it('decodes numeric character references in titles, abstracts and author names (Atom)', () => {
    const xml = edited1605((x) =>
      x
        .replace(
          '<title>Heat-bath random walks with Markov bases</title>',
          '<title>Heat-bath walks: Spi&#233;ker &#xE9;t&#xe9; &#x1D49C;</title>',
        )
        .replace('<name>Caprice Stanley</name>', '<name>Caprice Spi&#233;ker</name>')
        .replace(/<summary>/, '<summary>Caf&#xE9; &#8211; '),
    )
    const [record] = parseArxivAtom(xml, ctx).records
    expect(record!.title).toBe('Heat-bath walks: Spiéker été 𝒜')
    expect(record!.authors[0]).toBe('Caprice Spiéker')
    expect(record!.abstract).toMatch(/^Café – /)
  })

  it('decodes the five XML entities once: an escaped entity stays as the text it is', () => {
    const xml = edited1605((x) =>
      x.replace(
        '<title>Heat-bath random walks with Markov bases</title>',
        '<title>&lt;b&gt; &amp; &quot;q&quot; &apos;s &amp;lt; &amp;#233; &amp;amp;</title>',
      ),
    )
    expect(parseArxivAtom(xml, ctx).records[0]!.title).toBe(`<b> & "q" 's &lt; &#233; &amp;`)
  })

  it('decodes numeric character references in OAI-PMH names and titles', () => {
    const xml = readFixture('arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-th.xml')
      .replace('<keyname>Hoehn</keyname>', '<keyname>H&#246;hn</keyname>')
      .replace('<title>Toolbox for', '<title>Toolbox f&#xFC;r')
    const [record] = parseArxivOai(xml, ctx).records
    expect(record!.authors).toEqual(['Philipp A Höhn'])
    expect(record!.title).toMatch(/^Toolbox für reconstructing/)
  })

  it('repairs double-encoded UTF-8 in author names, with a warning naming each field', () => {
    const result = parseArxivAtom(readFixture('arxiv/api_query_search_testing_max10.xml'), ctx)
    const record = result.records.find((r) => r.key === '2405.13786')
    expect(record!.authors).toEqual(['Aurora Ramírez', 'Mario Berrios', 'José Raúl Romero', 'Robert Feldt'])
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'authors[0]',
        code: 'ENCODING',
        message:
          'arxiv: 2405.13786: repaired double-encoded UTF-8 in authors[0] ("Aurora RamÃ­rez" → "Aurora Ramírez") (entry 2)',
      },
      {
        severity: 'warning',
        source: ctx.input,
        field: 'authors[2]',
        code: 'ENCODING',
        message:
          'arxiv: 2405.13786: repaired double-encoded UTF-8 in authors[2] ("JosÃ© RaÃºl Romero" → "José Raúl Romero") (entry 2)',
      },
    ])
  })

  it('repairs a double-encoded title, and leaves a real Ã (São, João, Ãlvaro) alone', () => {
    const xml = edited1605((x) =>
      x
        .replace(
          '<title>Heat-bath random walks with Markov bases</title>',
          '<title>Heat-bath walks in SÃ£o Paulo</title>',
        )
        .replace('<name>Caprice Stanley</name>', '<name>João São Ãlvaro</name>')
        .replace('<name>Tobias Windisch</name>', '<name>Ã‰mile CÃ´tÃ©</name>'),
    )
    const result = parseArxivAtom(xml, ctx)
    expect(result.records[0]!.title).toBe('Heat-bath walks in São Paulo')
    expect(result.records[0]!.authors).toEqual(['João São Ãlvaro', 'Émile Côté'])
    expect(result.issues.map((i) => i.field)).toEqual(['title', 'authors[1]'])
  })

  it('keeps the first of two <title> elements, and says so', () => {
    const xml = edited1605((x) =>
      x.replace(
        '<title>Heat-bath random walks with Markov bases</title>',
        '<title>Heat-bath random walks with Markov bases</title><title>A second title</title>',
      ),
    )
    const result = parseArxivAtom(xml, ctx)
    expect(result.records[0]!.title).toBe('Heat-bath random walks with Markov bases')
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'title',
        code: 'INVALID_VALUE',
        message: 'arxiv: 1605.08386 has 2 <title> elements; kept the first (entry 1)',
      },
    ])
  })
})

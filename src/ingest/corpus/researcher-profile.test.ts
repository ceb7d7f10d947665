import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { researcherProfileFormat } from './researcher-profile.js'

const PROFILE = readFileSync(new URL('../../../data/corpus/researcher-profile.txt', import.meta.url), 'utf8')
const ctx = { input: 'data/corpus/researcher-profile.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }
const result = researcherProfileFormat.parse(PROFILE, ctx)
const byTitle = (title: string) => {
  const record = result.records.find((r) => r.title === title)
  if (!record) throw new Error(`no record titled ${title}`)
  return record
}

describe('researcher-profile on the real page', () => {
  it('reads the owner, field and exact metrics into one profile', () => {
    expect(result.profiles).toHaveLength(1)
    expect(result.profiles[0]).toMatchObject({
      source: 'researcher-profile',
      key: 'inbar seroussi',
      locator: 'data/corpus/researcher-profile.txt:1',
      fetchedAt: ctx.fetchedAt,
      name: 'Inbar Seroussi',
      field: 'ML',
      metrics: { hIndex: 44, papers: 13, citations: 177, noveltyPercent: 55, aiScore: 53 },
    })
  })

  it('dates the profile by when the page was captured, as precisely as that is known, not by the import', () => {
    const captured = researcherProfileFormat.parse(PROFILE, { ...ctx, captureDate: '2026' }).profiles[0]!
    // The manifest knows the year alone: the profile says 2026, no made-up day, and keeps where that came from.
    expect([captured.fetchedAt, captured.raw['captureDate']]).toEqual(['2026', '2026'])
    expect(researcherProfileFormat.parse(PROFILE, { ...ctx, captureDate: '2026-03-04' }).profiles[0]!.fetchedAt).toBe('2026-03-04')
  })

  it('yields all 13 papers, in page order, with nothing rejected', () => {
    expect(result.records.map((r) => [r.line, r.title])).toEqual([
      [12, 'Grokking as a First Order Phase Transition in Two Layer Networks'],
      [
        19,
        'Hitting the High-Dimensional Notes: An ODE for SGD learning dynamics on GLMs and multi-index models',
      ],
      [26, 'Speed Limits for Deep Learning'],
      [33, 'Spectral-Bias and Kernel-Task Alignment in Physically Informed Neural Networks'],
      [40, 'When Stronger Triggers Backfire: A High-Dimensional Theory of Backdoor Attacks'],
      [47, 'From Kernels to Features: A Multi-Scale Adaptive Theory of Feature Learning'],
      [54, 'Applications of Statistical Field Theory in Deep Learning'],
      [61, 'Better Rates for Private Linear Regression in the Proportional Regime via Aggressive Clipping'],
      [68, 'Exact Dynamics of Multi-class Stochastic Gradient Descent'],
      [75, 'Dimension-Free Minimax Rates for Learning Pairwise Interactions in Attention-Style Models'],
      [82, 'A Geometric Unification of Generative AI with Manifold-Probabilistic Projection Models'],
      [89, 'Separation of Scales and a Thermodynamic Description of Feature Learning in Some CNNs'],
      [96, 'Lower Bounds on the Generalization Error of Nonlinear Learning Models'],
    ])
    expect(result.entriesSeen).toBe(13)
    expect(result.issues.filter((issue) => issue.severity === 'rejected')).toEqual([])
  })

  it('credits the owner where the author list is cut before her (Hitting the High-Dimensional Notes)', () => {
    expect(
      byTitle(
        'Hitting the High-Dimensional Notes: An ODE for SGD learning dynamics on GLMs and multi-index models',
      ),
    ).toMatchObject({
      authors: ['Elizabeth Collins-Woodfin', 'Courtney Paquette', 'Elliot Paquette'],
      authorsTruncated: true,
      extraAuthors: ['Inbar Seroussi'],
      date: '2023-08-17',
      categories: ['OC'],
      locator: 'data/corpus/researcher-profile.txt:19',
    })
  })

  it('does not add the owner where she is listed', () => {
    expect(byTitle('Grokking as a First Order Phase Transition in Two Layer Networks')).toMatchObject({
      authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
      authorsTruncated: false,
      extraAuthors: [],
      date: '2023-10-05',
      categories: ['ML'],
    })
  })

  it('credits every paper to the owner, one way or the other, and never lists "et al." as an author', () => {
    for (const record of result.records) {
      expect([...record.authors, ...record.extraAuthors]).toContain('Inbar Seroussi')
      expect(record.authors.some((author) => /et al/i.test(author))).toBe(false)
    }
    expect(result.records.filter((r) => r.authorsTruncated)).toHaveLength(7)
    expect(result.records.filter((r) => r.extraAuthors.length > 0)).toHaveLength(6)
  })

  it('keeps a glued category apart from its date', () => {
    expect(
      byTitle('From Kernels to Features: A Multi-Scale Adaptive Theory of Feature Learning'),
    ).toMatchObject({ categories: ['DIS-NN'], date: '2025-02-05' })
    expect(
      byTitle('A Geometric Unification of Generative AI with Manifold-Probabilistic Projection Models')
        .categories,
    ).toEqual(['CV'])
  })

  it('leaves "LGMay 21" undated without a capture date, keeps the raw text, and warns once', () => {
    const record = byTitle('When Stronger Triggers Backfire: A High-Dimensional Theory of Backdoor Attacks')
    expect(record.date).toBeNull()
    expect(record.raw).toMatchObject({ categoryDate: 'LGMay 21', category: 'LG', date: 'May 21' })
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        line: 40,
        field: 'date',
        code: 'INVALID_VALUE',
        message: '"May 21" has no year; pass the capture date (captureDate) to date it',
      },
    ])
  })

  it('dates "LGMay 21" in the capture year when the capture date is given', () => {
    const captured = researcherProfileFormat.parse(PROFILE, { ...ctx, captureDate: '2026-06-01' })
    const record = captured.records.find((r) => r.line === 40)
    expect(record?.date).toBe('2026-05-21')
    expect(captured.issues).toEqual([])
  })

  it('fills source, locator, line and fetchedAt, and keys that do not depend on lines or paths', () => {
    for (const record of result.records) {
      expect(record.source).toBe('researcher-profile')
      expect(record.locator).toBe(`${ctx.input}:${record.line}`)
      expect(record.fetchedAt).toBe(ctx.fetchedAt)
      expect(record.key.startsWith('inbar seroussi/')).toBe(true)
    }
    expect(new Set(result.records.map((r) => r.key)).size).toBe(13)
    const moved = researcherProfileFormat.parse(`\n\n${PROFILE}`, { ...ctx, input: 'elsewhere/profile.txt' })
    expect(moved.records.map((r) => r.key)).toEqual(result.records.map((r) => r.key))
    expect(moved.records[0]?.line).toBe(14)
  })

  it('keeps the abstract paragraph whole', () => {
    const record = byTitle('Speed Limits for Deep Learning')
    expect(
      record.abstract?.startsWith(
        'State-of-the-art neural networks require extreme computational power to train.',
      ),
    ).toBe(true)
    expect(record.abstract?.endsWith('followed by a longer optimal regime.')).toBe(true)
  })
})

describe('researcher-profile on damaged pages', () => {
  it('rejects a paper whose author line is missing and goes on with the rest', () => {
    const lines = PROFILE.split('\n')
    lines.splice(27, 2) // line 28 is the author line of "Speed Limits for Deep Learning", 29 the blank after it
    const damaged = researcherProfileFormat.parse(lines.join('\n'), ctx)
    expect(damaged.records).toHaveLength(12)
    expect(damaged.entriesSeen).toBe(13)
    const rejected = damaged.issues.filter((issue) => issue.severity === 'rejected')
    expect(rejected).toMatchObject([{ code: 'MISSING_FIELD', line: 26, field: 'authors' }])
    expect(rejected[0]?.message).toContain('has no author line')
  })

  it('reports an unreadable line where a date line was on its own, keeping the paper before it', () => {
    const lines = PROFILE.split('\n')
    lines[25] = '\u0000\u0001\u0002\u0003' // line 26: the date line of "Speed Limits for Deep Learning"
    const damaged = researcherProfileFormat.parse(lines.join('\n'), ctx)
    expect(damaged.records.map((r) => r.line)).not.toContain(26)
    expect(damaged.records).toHaveLength(12)
    expect(
      damaged.records
        .find((r) => r.line === 19)
        ?.abstract?.endsWith('give an excellent match to the theory.'),
    ).toBe(true)
    expect(damaged.entriesSeen).toBe(13)
    expect(damaged.issues.filter((issue) => issue.severity === 'rejected')).toMatchObject([
      {
        code: 'BINARY_CONTENT',
        line: 26,
        field: 'entry',
        message: expect.stringContaining('3 more line(s) follow it'),
      },
    ])
    expect(damaged.issues.some((issue) => issue.field === 'papers')).toBe(false)
  })

  it('warns when the page lists fewer papers than its heading says', () => {
    const lines = PROFILE.split('\n')
    const cut = researcherProfileFormat.parse(lines.slice(0, 25).join('\n'), ctx)
    expect(cut.records).toHaveLength(2)
    expect(cut.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'INVALID_VALUE',
        line: 10,
        field: 'papers',
        message: 'the page says it lists 13 papers, but 2 entries were found',
      }),
    )
  })

  it('imports the papers without an owner when the header is gone, and says so', () => {
    const withoutHeader = PROFILE.split('\n').slice(11).join('\n')
    const parsed = researcherProfileFormat.parse(withoutHeader, ctx)
    expect(parsed.profiles).toEqual([])
    expect(parsed.records).toHaveLength(13)
    expect(parsed.records.every((r) => r.extraAuthors.length === 0)).toBe(true)
    expect(parsed.issues[0]).toMatchObject({ code: 'MISSING_FIELD', field: 'name', severity: 'warning' })
  })

  it('ignores an out-of-range metric with a warning instead of failing', () => {
    const parsed = researcherProfileFormat.parse(PROFILE.replace('Novelty55%', 'Novelty155%'), ctx)
    expect(parsed.profiles[0]?.metrics).toEqual({ hIndex: 44, papers: 13, citations: 177, aiScore: 53 })
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ code: 'INVALID_VALUE', line: 7, field: 'noveltyPercent' }),
    )
  })
})

/**
 * @module Researcher: a header of metrics where every value says where it comes from (reported by a page,
 * or computed here and how), papers sortable by date, papers per year, co-authors and topics.
 */
import { useEffect, useMemo } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom'
import {
  paths,
  withQuery,
  type AuthorDetailOut,
  type AuthorList,
  type ComputedValue,
  type MetricName,
  type PaperSummary,
  type ReportedProfileOut,
} from '../api.js'
import { YearBarChart } from '../components/bar-chart.js'
import { HowComputed } from '../components/how-computed.js'
import { PaperCard } from '../components/paper-card.js'
import { ErrorState, Loading, NotFound } from '../components/states.js'
import { formatCount, formatDay, percentOf100, plural, shortSourceLabel, sourceLabel, sourceLabelInText } from '../format.js'
import { useApi, useQueryChoice, useTitle } from '../hooks.js'

/**
 * `ownFormula`: the site's metric has no published definition, so the value computed here is Paperscope's own
 * formula under the same name, not the site's number recomputed; the tile must not present them as one.
 * `computedUnit`: what the value computed here is, when the tile's own unit would misname it (Paperscope's
 * Novelty is a mean of the papers' novelty percentiles, not a share: `58 (mean percentile)`, not `58%`).
 */
/** What a researcher's computed Novelty is a percentile of: a bare "mean percentile" left the reader to guess. */
export const NOVELTY_UNIT = 'mean percentile among same-year papers'

const HEADER_METRICS: Array<{ key: MetricName; label: string; suffix?: string; computedUnit?: string; explain: string; ownFormula?: boolean }> = [
  { key: 'hIndex', label: 'h-index', explain: 'The largest h such that h papers have at least h citations each.' },
  { key: 'papers', label: 'Papers', explain: 'Papers by this researcher: listed among the authors, or on their profile page (an author line cut with et al. may leave them out).' },
  { key: 'citations', label: 'Citations', explain: 'Citations of those papers, summed.' },
  { key: 'noveltyPercent', label: 'Novelty', suffix: '%', computedUnit: NOVELTY_UNIT, explain: 'How new the papers are: how far each stands from the papers before it, ranked among its year’s.', ownFormula: true },
  { key: 'aiScore', label: 'AI Score', explain: 'A score from 0 to 100: a profile site’s own, where one reports it, and Paperscope’s own formula (topical centrality, novelty and output; see how it is computed).', ownFormula: true },
]

type PaperOrder = 'newest' | 'oldest' | 'cited'
const PAPER_ORDERS: readonly PaperOrder[] = ['newest', 'oldest', 'cited']

/**
 * The papers section's heading, which counts every paper (`paperCount`), and when the API listed only the newest of
 * them (`papersTruncated`: more than 2,000) the note that says the list below is cut, and that a sort orders what
 * is listed, not every paper.
 * @example papersListing({ paperCount: 2345, papers: newest2000, papersTruncated: true }, 'oldest') // { title: '2,345 papers', note: 'The newest 2,000 are listed below, the oldest of them first.' }
 */
export function papersListing(author: Pick<AuthorDetailOut, 'paperCount' | 'papers' | 'papersTruncated'>, order: PaperOrder): { title: string; note: string | null } {
  const title = plural(author.paperCount, 'paper')
  if (!author.papersTruncated) return { title, note: null }
  const sorted = order === 'oldest' ? ', the oldest of them first' : order === 'cited' ? ', the most cited of them first' : ''
  return { title, note: `The newest ${formatCount(author.papers.length)} are listed below${sorted}.` }
}

export function AuthorPage() {
  const { id = '' } = useParams()
  const author = useApi<AuthorDetailOut>(paths.author(id))
  const { search, hash } = useLocation()
  const navigate = useNavigate()
  // The API answers a joined person's former id with the person they became, under their own id: the URL names
  // them by that id, as every link to them does (as a paper's page does for a merged paper).
  const canonicalId = author.status === 'ok' && author.data.id !== id ? author.data.id : null
  useEffect(() => {
    if (canonicalId !== null) navigate({ pathname: `/authors/${encodeURIComponent(canonicalId)}`, search, hash }, { replace: true })
  }, [canonicalId])
  const missing = author.status === 'error' && author.error.status === 404
  useTitle(missing ? 'Researcher not found' : author.data?.id === id ? author.data.name : null)
  if (missing) return <AuthorNotFound id={id} />
  if (author.status === 'error') return <ErrorState error={author.error} onRetry={author.reload} />
  if (!author.data || author.data.id !== id) return <Loading label="Loading the researcher…" />
  // Keyed by researcher: another researcher's page starts with its own sort order, even when cached.
  return <AuthorView key={author.data.id} author={author.data} />
}

/** The longest name the API's author lookup takes. */
const MAX_NAME_QUERY = 200

/** An unknown researcher id. Links and people often use the name (`/authors/Inbar Seroussi`), so look it up as one. */
function AuthorNotFound({ id }: { id: string }) {
  const name = id.replace(/[-_+]+/g, ' ').trim().slice(0, MAX_NAME_QUERY)
  const matches = useApi<AuthorList>(name ? withQuery('/authors', { q: name, limit: 5 }) : null)
  const found = matches.data?.items ?? []
  return (
    <NotFound title="There is no researcher here">
      <p>
        No researcher in this library has the id <code>{id}</code>.
      </p>
      {found.length > 0 && (
        <>
          <p>Researchers whose name matches “{name}”:</p>
          <ul className="plain-list" data-testid="author-matches">
            {found.map((a) => (
              <li key={a.id}>
                <Link to={`/authors/${encodeURIComponent(a.id)}`}>{a.name}</Link> <span className="muted">({plural(a.paperCount, 'paper')})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {name && (
        <p>
          <Link to={`/search?q=${encodeURIComponent(name)}`}>Search papers and authors for “{name}”</Link>
        </p>
      )}
    </NotFound>
  )
}

function AuthorView({ author }: { author: AuthorDetailOut }) {
  // In the URL (`?sort=oldest`), so a reload or a shared link keeps it; replaced, not pushed, as the search
  // page does for typing: Back leaves the page, not the sort.
  const [chosen, setOrder] = useQueryChoice('sort', PAPER_ORDERS, 'newest')
  // "Most cited" orders by citation count alone (sortPapers), so only a count makes it differ.
  const hasCounts = author.papers.some((p) => p.citationCount !== null)
  const order = chosen === 'cited' && !hasCounts ? 'newest' : chosen
  const papers = useMemo(() => sortPapers(author.papers, order), [author.papers, order])
  const listing = papersListing(author, order)
  const variants = author.nameVariants.filter((v) => v !== author.name)
  const chartData = useMemo(() => author.papersPerYear.map((y) => ({ year: y.year, count: y.count })), [author.papersPerYear])
  const { reporting, silent } = splitReportingProfiles(author.metrics.reported)
  return (
    <article className="author-page">
      <header className="page-header author-header">
        <div className="author-title">
          <div className="avatar" aria-hidden="true">
            {initials(author.name)}
          </div>
          <div>
            <h1 tabIndex={-1}>{author.name}</h1>
            <p className="muted">
              {author.field && (
                <>
                  <span className={`field-tag origin-${author.field.origin}`}>{author.field.value}</span>
                  <span className="field-origin" title={author.field.detail}>
                    {author.field.origin === 'reported' ? 'field reported by a profile page' : 'field computed from the papers'}
                  </span>
                </>
              )}
              {variants.length > 0 && <>Also written as {variants.join(' · ')}</>}
            </p>
            {author.sourceIds.length > 0 && (
              <p className="muted source-ids">
                Known to sources as{' '}
                {author.sourceIds.map((s, i) => (
                  <span key={`${s.source}:${s.id}`}>
                    {i > 0 && ' · '}
                    {sourceLabel(s.source)}{' '}
                    {s.link ? (
                      <a href={s.link} target="_blank" rel="noopener noreferrer">
                        {s.id}
                      </a>
                    ) : (
                      s.id
                    )}
                  </span>
                ))}
              </p>
            )}
            <p className="bibtex-link">
              <a className="button small" href={`/api/v1${paths.authorBibtex(author.id)}?download=true`} download>
                BibTeX
              </a>
            </p>
          </div>
        </div>
        <dl className="metric-grid" aria-label="Metrics">
          {HEADER_METRICS.map((m) => (
            <MetricTile key={m.key} metric={m} reported={reportedValues(author.metrics.reported, m.key)} computed={author.metrics.computed[m.key]} />
          ))}
        </dl>
        {reporting.length > 0 && (
          <p className="metric-note muted">
            Reported values are copied from{' '}
            {reporting.map((r, i) => (
              <span key={`${r.source}:${r.locator}`}>
                {i > 0 && ', '}
                <ProfileLink profile={r} label={sourceLabelInText(r.source)} />{' '}
                (<code>{r.locator}</code>, read {formatDay(r.fetchedAt)})
              </span>
            ))}
            ; computed values come from this library.{' '}
            {HEADER_METRICS.filter((m) => m.ownFormula)
              .map((m) => m.label)
              .join(' and ')}{' '}
            computed here use Paperscope’s own formulas, not the page’s.
          </p>
        )}
        {silent.length > 0 && (
          <p className="metric-note muted" data-testid="profiles-without-metrics">
            {silent.map((r, i) => (
              <span key={`${r.source}:${r.locator}`}>
                {i > 0 && ', '}
                <ProfileLink profile={r} label={sourceLabel(r.source)} />
              </span>
            ))}{' '}
            {silent.length === 1 ? 'lists' : 'list'} this person but {silent.length === 1 ? 'reports' : 'report'} no metrics (read{' '}
            {[...new Set(silent.map((r) => formatDay(r.fetchedAt)))].join(', ')}).
          </p>
        )}
      </header>

      <div className="author-grid">
        <div className="author-main">
          <section aria-labelledby="per-year-title" className="panel">
            <h2 id="per-year-title">Papers per year</h2>
            <YearBarChart data={chartData} label={`Bar chart of ${author.name}'s papers per year`} />
            {author.papersWithoutYear > 0 && <p className="muted small">{plural(author.papersWithoutYear, 'paper')} without a known year not shown.</p>}
          </section>

          <section aria-labelledby="papers-title">
            <div className="section-head">
              <h2 id="papers-title">{listing.title}</h2>
              <label className="inline-label">
                Sort{' '}
                <select value={order} onChange={(e) => setOrder(e.target.value as PaperOrder)}>
                  <option value="newest">Newest first</option>
                  <option value="oldest">Oldest first</option>
                  <option value="cited" disabled={!hasCounts}>
                    {hasCounts ? 'Most cited' : 'Most cited (no counts known)'}
                  </option>
                </select>
              </label>
            </div>
            {listing.note && (
              <p className="muted small" data-testid="papers-truncated">
                {listing.note}
              </p>
            )}
            <div className="card-list">
              {papers.map((p) => (
                <PaperCard key={p.id} paper={p} headingLevel="h3" />
              ))}
            </div>
          </section>
        </div>

        <aside className="author-side">
          {author.namesakes.length > 0 && (
            <section aria-labelledby="namesakes-title" className="panel" data-testid="namesakes">
              <h2 id="namesakes-title" className="small-heading">
                Perhaps the same person
              </h2>
              <PeopleCounts people={author.namesakes.map((n) => ({ id: n.id, name: n.name, count: n.paperCount }))} unit="paper" />
              <p className="muted small">
                Names that fit this one, kept apart: no source’s author id and no co-author in common says they are one person.
              </p>
            </section>
          )}
          <section aria-labelledby="coauthors-title" className="panel">
            <h2 id="coauthors-title" className="small-heading">
              Co-authors
            </h2>
            {author.coAuthors.length === 0 ? (
              <p className="muted">None in this library.</p>
            ) : (
              <PeopleCounts people={author.coAuthors.map((c) => ({ id: c.id, name: c.name, count: c.sharedPapers }))} unit="shared paper" />
            )}
            {author.coAuthorsTotal > author.coAuthors.length && (
              <p className="muted small" data-testid="coauthors-more">
                The {formatCount(author.coAuthors.length)} with most shared papers of {plural(author.coAuthorsTotal, 'co-author')}.
              </p>
            )}
          </section>
          {author.topics.length > 0 && (
            <section aria-labelledby="author-topics-title" className="panel">
              <h2 id="author-topics-title" className="small-heading">
                Topics
              </h2>
              <ol className="count-list">
                {author.topics.map((t) => (
                  <li key={t.id}>
                    <Link to={`/topics/${encodeURIComponent(t.id)}`}>{t.label}</Link>
                    <span className="count" title={`${t.papers} papers (${t.curated} curated)`}>
                      {t.papers}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </aside>
      </div>
    </article>
  )
}

interface Reported {
  value: number
  profile: ReportedProfileOut
}

/** People linked to their pages, each with a count in `unit`s, read with its unit (`4 shared papers`). */
/** A profile a value or listing comes from, by `label`: a link to the page where it has one, else its locator on hover. */
function ProfileLink({ profile, label }: { profile: { link?: string | null; locator: string }; label: string }) {
  return profile.link ? (
    <a href={profile.link} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    <span title={profile.locator}>{label}</span>
  )
}

function PeopleCounts({ people, unit }: { people: ReadonlyArray<{ id: string; name: string; count: number }>; unit: string }) {
  return (
    <ol className="count-list">
      {people.map((p) => (
        <li key={p.id}>
          <Link to={`/authors/${encodeURIComponent(p.id)}`}>{p.name}</Link>
          <span className="count" title={plural(p.count, unit)}>
            {p.count}
            <span className="visually-hidden"> {p.count === 1 ? unit : `${unit}s`}</span>
          </span>
        </li>
      ))}
    </ol>
  )
}

/**
 * The profiles that report at least one metric, and those that only name the person (a search hit). The note
 * under the tiles says values are copied from the first; it must not name a source no value came from
 * (Semantic Scholar's author search had left Turing's page saying so beside no value).
 * @example splitReportingProfiles(author.metrics.reported) // { reporting: [researcher-profile], silent: [] }
 */
export function splitReportingProfiles<P extends { values: Readonly<Record<string, number | null>> }>(profiles: readonly P[]): { reporting: P[]; silent: P[] } {
  const reports = (p: P) => Object.values(p.values).some((v) => v !== null)
  return { reporting: profiles.filter(reports), silent: profiles.filter((p) => !reports(p)) }
}

/** Every profile's value of a metric, in the profiles' order (a page, then OpenAlex, ...). */
function reportedValues(profiles: ReportedProfileOut[], key: MetricName): Reported[] {
  return profiles.flatMap((profile) => {
    const value = profile.values[key]
    return value === null ? [] : [{ value, profile }]
  })
}

/**
 * The reported value a tile leads with: the first that its own page's numbers do not rule out, else the first.
 * The others are listed under it, each with its source.
 */
export function leadingReported<R extends { profile: { conflicts: ReadonlyArray<{ metric: string }> } }>(reported: readonly R[], metric: string): R | null {
  return reported.find((r) => !r.profile.conflicts.some((c) => c.metric === metric)) ?? reported[0] ?? null
}

/** A conflict the reported value's page shows against it (h-index 44 beside 177 citations). */
type Conflict = ReportedProfileOut['conflicts'][number]

/**
 * What a metric tile puts in its headline. A reported value the same page's numbers rule out is not shown as
 * if it were fine: the value computed here takes its place when there is one, else it is shown struck
 * (`struck`), with the conflict beside it.
 */
export function metricHeadline(
  reported: { value: number } | null,
  computed: Pick<ComputedValue, 'value' | 'lowerBound'> | null,
  conflicts: readonly Conflict[],
  format: (n: number) => string,
  formatComputed: (n: number) => string = format,
): { text: string; from: 'reported' | 'computed' | 'none'; struck: boolean } {
  const computedText = computed && computed.value !== null ? `${computed.lowerBound ? '≥' : ''}${formatComputed(computed.value)}` : null
  if (reported && conflicts.length === 0) return { text: format(reported.value), from: 'reported', struck: false }
  if (computedText !== null) return { text: computedText, from: 'computed', struck: false }
  if (reported) return { text: format(reported.value), from: 'reported', struck: true }
  // Computed but unknowable (no citation count anywhere) reads "unknown", never 0.
  return { text: computed ? 'unknown' : '—', from: 'none', struck: false }
}

/**
 * What the tile says was computed here: `computed here: unknown (no source gave a citation count for any of
 * the papers)`, `computed here: ≥12`.
 */
export function computedSummary(computed: Pick<ComputedValue, 'value' | 'lowerBound' | 'why'>, format: (n: number) => string): string {
  if (computed.value !== null) return `${computed.lowerBound ? '≥' : ''}${format(computed.value)}`
  return computed.why[0] ? `unknown (${computed.why[0]})` : 'unknown'
}

function MetricTile({
  metric,
  reported,
  computed,
}: {
  metric: (typeof HEADER_METRICS)[number]
  reported: Reported[]
  computed: ComputedValue | null
}) {
  // The same page's other numbers can rule a reported value out (h-index 44 beside 177 citations).
  const conflictsOf = (r: Reported) => r.profile.conflicts.filter((c) => c.metric === metric.key)
  const lead = leadingReported(reported, metric.key)
  const conflicts = reported.flatMap((r) =>
    conflictsOf(r).map((c) => ({ ...c, message: reported.length > 1 ? `${shortSourceLabel(r.profile.source)}: ${c.message}` : c.message })),
  )
  // Percentages by the one rule of every page (whole percents); other metrics to one decimal at most.
  const format = (n: number) => (metric.suffix === '%' ? percentOf100(n) : formatCount(Math.round(n * 10) / 10))
  // A computed value in its own unit: the number in the headline (the unit beside it), both in the summary.
  const unit = metric.computedUnit
  // A mean of percentiles to a tenth, as the ranking of researchers shows and orders it (58 and 58 there looked
  // out of order, and a page showing 43 beside the ranking's 42.8 looked like another number).
  const tenth = (n: number) => Math.round(Number(n.toFixed(6)) * 10) / 10
  // Paperscope's own scores too (AI Score 55.0 in the ranking read 55 here).
  const formatComputed = unit || metric.ownFormula ? (n: number) => tenth(n).toFixed(1) : format
  const describeComputed = unit ? (n: number) => `${formatComputed(n)} (${unit})` : formatComputed
  // Paperscope's own formula leads where it has a value: the ranking of researchers shows and orders by it, and a
  // page reached from its 63.2 must not open on the profile site's 53 under the same name.
  const ownLeads = metric.ownFormula === true && computed !== null && computed.value !== null
  const headline = metricHeadline(ownLeads ? null : lead, computed, lead && !ownLeads ? conflictsOf(lead) : [], format, formatComputed)
  const source = lead ? shortSourceLabel(lead.profile.source) : ''
  return (
    <div className="metric" data-metric={metric.key}>
      {/* The definition is the label's description for every reader, not only a mouse's tooltip. */}
      <dt title={metric.explain}>
        {metric.label}
        <span className="visually-hidden">: {metric.explain}</span>
      </dt>
      <dd className="metric-value">
        {headline.struck ? (
          <>
            <del>{headline.text}</del>
            <span className="visually-hidden"> (ruled out by the page’s own numbers)</span>
          </>
        ) : (
          headline.text
        )}
        {unit && headline.from === 'computed' && (
          <>
            {' '}
            <span className="number-unit">{unit}</span>
          </>
        )}
      </dd>
      {(lead ? [lead, ...reported.filter((r) => r !== lead)] : reported).map((r) => {
        const label = shortSourceLabel(r.profile.source)
        // The headline's own value is not repeated; every other page's is, struck when its page rules it out.
        const isHeadline = r === lead && headline.from === 'reported'
        return (
          <dd key={`${r.profile.source}:${r.profile.locator}`} className="metric-origin origin-reported" title={`${r.profile.locator}, read ${formatDay(r.profile.fetchedAt)}`}>
            {isHeadline ? (
              <>Reported by {label}</>
            ) : conflictsOf(r).length > 0 || (headline.from === 'computed' && !ownLeads) ? (
              <>
                Reported by {label}: <del>{format(r.value)}</del>
              </>
            ) : (
              <>
                Reported by {label}: {format(r.value)}
              </>
            )}
          </dd>
        )
      })}
      {conflicts.length > 0 && (
        <dd className="metric-origin metric-conflict">
          <details>
            <summary>Doesn't add up</summary>
            {conflicts.map((c) => (
              <p key={c.message}>{c.message}</p>
            ))}
          </details>
        </dd>
      )}
      {computed && (
        <dd className="metric-origin origin-computed">
          <details>
            <summary>
              {metric.ownFormula
                ? lead && !ownLeads
                  ? `Paperscope’s own formula: ${computedSummary(computed, describeComputed)}`
                  : 'Paperscope’s own formula'
                : lead
                  ? `Computed here: ${computedSummary(computed, describeComputed)}`
                  : 'Computed here'}
            </summary>
            {/* What the metric is, for those who cannot hover the label (touch, keyboard). */}
            <p className="muted">{metric.explain}</p>
            <HowComputed text={computed.howComputed} />
            {metric.ownFormula && lead && (
              <p className="muted">
                Not the {source}’s score worked out again: Paperscope’s own formula under the same name, so the two
                numbers need not agree.
              </p>
            )}
            {computed.lowerBound && <p className="muted">Some inputs are missing, so the true value can only be higher.</p>}
            {computed.why.length > 0 && <p className="muted">From: {computed.why.slice(0, 8).join(', ')}</p>}
          </details>
        </dd>
      )}
      {!computed && <dd className="metric-origin not-computed">{lead ? 'Not computed yet' : 'Not reported, not computed yet'}</dd>}
    </div>
  )
}

function sortPapers(papers: PaperSummary[], order: PaperOrder): PaperSummary[] {
  const copy = [...papers]
  if (order === 'cited') return copy.sort((a, b) => (b.citationCount ?? -1) - (a.citationCount ?? -1))
  const dir = order === 'newest' ? -1 : 1
  // Undated papers go last either way.
  return copy.sort((a, b) => {
    if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0
    return a.date < b.date ? -dir : a.date > b.date ? dir : 0
  })
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase()
}

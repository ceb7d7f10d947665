/** @module All topics with their paper counts, whether each is rising or falling, and topics over time. */
import { Link } from 'react-router-dom'
import { paths, type TopicList, type TopicTrendsOut } from '../api.js'
import { HowComputed } from '../components/how-computed.js'
import { Empty, ErrorState, Loading } from '../components/states.js'
import { THIN_YEAR_PAPERS, spanText, TrendsChart, trendText } from '../components/trends-chart.js'
import { plural } from '../format.js'
import { useApi, useTitle } from '../hooks.js'

const ARROW = { rising: '↗', falling: '↘', steady: '→' } as const

export function TopicsPage() {
  useTitle('Topics')
  const topics = useApi<TopicList>(paths.topics())
  // Trends are extra: the list shows without them, and a failure to read them is said where they would be.
  const trends = useApi<TopicTrendsOut>(paths.trends())
  const trendOf = new Map((trends.data?.topics ?? []).map((t) => [t.id, t]))
  const spans = trends.data?.recent && trends.data.earlier ? { recent: trends.data.recent, earlier: trends.data.earlier } : null
  return (
    <div>
      <header className="page-header">
        <h1 tabIndex={-1}>Topics</h1>
        <p className="muted">
          Sections of curated lists, and topics a model predicted, with how many papers each holds
          {spans ? `, and whether each holds a larger or smaller share of the papers of ${spanText(spans.recent)} than of ${spanText(spans.earlier)}` : ''}.
        </p>
      </header>
      {topics.status === 'error' && <ErrorState error={topics.error} onRetry={topics.reload} />}
      {!topics.data && topics.status === 'loading' && <Loading />}
      {topics.data && topics.data.items.length === 0 && <Empty title="No topics yet" />}
      {topics.data && topics.data.items.length > 0 && (
        <ul className="topic-grid">
          {topics.data.items.map((t) => {
            const trend = trendOf.get(t.id)
            return (
              <li key={t.id}>
                <Link to={`/topics/${encodeURIComponent(t.id)}`} className="card topic-card">
                  <span className="topic-name">{t.label}</span>
                  <span className="muted">{plural(t.paperCount, 'paper')}</span>
                  {trend && spans && (
                    <span className={`topic-trend trend-${trend.direction}`} data-testid="topic-trend">
                      <span aria-hidden="true">{ARROW[trend.direction]} </span>
                      {trendText(trend, spans.recent, spans.earlier)}
                    </span>
                  )}
                </Link>
              </li>
            )
          })}
        </ul>
      )}
      {topics.data && topics.data.items.length > 0 && (
        <section aria-labelledby="trends-title" className="panel trends-panel">
          <h2 id="trends-title">Topics over time</h2>
          {trends.status === 'error' && <ErrorState error={trends.error} onRetry={trends.reload} />}
          {!trends.data && trends.status === 'loading' && <Loading label="Loading topics over time…" />}
          {trends.data && (
            <>
              <p className="muted small">
                Each cell: the topic’s papers in that year (curated or predicted). Its shade is their share of the year’s papers that
                have a topic, each row against its own highest year. A year with fewer than {THIN_YEAR_PAPERS} papers with a topic is
                outlined, not shaded: a share of so few says little.
              </p>
              <TrendsChart trends={trends.data} label="Papers per topic and year, each shaded by its share of the year's papers against its own highest year" />
              {trends.data.reason && <p className="muted">No rising or falling topics yet: {trends.data.reason}.</p>}
              {trends.data.caveat && <p className="muted">Note: {trends.data.caveat}.</p>}
              <details className="how">
                <summary>How rising and falling are computed</summary>
                <HowComputed text={trends.data.howComputed} />
              </details>
            </>
          )}
        </section>
      )}
    </div>
  )
}

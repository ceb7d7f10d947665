/** @module Topic: papers per year (curated and predicted), the key words its papers share, top authors, newest papers. */
import { useMemo } from 'react'
import { Link, useParams } from 'react-router-dom'
import { paths, type TopicDetailOut } from '../api.js'
import { YearBarChart, type YearBar } from '../components/bar-chart.js'
import { PaperCard } from '../components/paper-card.js'
import { ErrorState, Loading, NotFound } from '../components/states.js'
import { formatCount, plural } from '../format.js'
import { useApi, useTitle } from '../hooks.js'

export function TopicPage() {
  const { id = '' } = useParams()
  const topic = useApi<TopicDetailOut>(paths.topic(id))
  const missing = topic.status === 'error' && topic.error.status === 404
  useTitle(missing ? 'Topic not found' : topic.data?.id === id ? topic.data.label : null)
  if (missing)
    return (
      <NotFound title="There is no topic here">
        <p>
          No topic in this library has the id <code>{id}</code>. See <Link to="/topics">all topics</Link>.
        </p>
      </NotFound>
    )
  if (topic.status === 'error') return <ErrorState error={topic.error} onRetry={topic.reload} />
  if (!topic.data || topic.data.id !== id) return <Loading label="Loading the topic…" />
  return <TopicView key={topic.data.id} topic={topic.data} />
}

function TopicView({ topic }: { topic: TopicDetailOut }) {
  // The feed lands on its heading (it marks it), which names the topic: the label goes along, before the feed has
  // the topics list.
  const feedOfTopic = { topicLabel: topic.label }
  const hasPredicted = topic.predictedCount > 0
  const chartData = useMemo<YearBar[]>(
    () =>
      hasPredicted
        ? topic.perYear.flatMap((y) => [
            { year: y.year, count: y.curated, series: 'curated' },
            { year: y.year, count: y.predicted, series: 'predicted' },
          ])
        : topic.perYear.map((y) => ({ year: y.year, count: y.curated })),
    [topic.perYear, hasPredicted],
  )
  const dated = topic.perYear.reduce((n, y) => n + y.curated + y.predicted, 0)
  return (
    <article className="topic-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/topics">Topics</Link>
        </p>
        <h1 tabIndex={-1}>{topic.label}</h1>
        <p className="muted">
          {plural(topic.paperCount, 'paper')}
          {hasPredicted
            ? `: ${formatCount(topic.curatedCount)} curated (filed by a person), ${formatCount(topic.predictedCount)} predicted (by a model)`
            : ', filed here by a curator'}
          .
        </p>
        <p className="bibtex-link">
          <a className="button small" href={`/api/v1${paths.topicBibtex(topic.id)}?download=true`} download>
            BibTeX
          </a>
        </p>
      </header>
      <div className="author-grid">
        <div className="author-main">
          <section aria-labelledby="topic-year-title" className="panel">
            <h2 id="topic-year-title">Papers per year</h2>
            <YearBarChart data={chartData} label={`Bar chart of papers per year in ${topic.label}`} />
            {dated < topic.paperCount && (
              <p className="muted small">{plural(topic.paperCount - dated, 'paper')} without a known year not shown.</p>
            )}
          </section>
          <section aria-labelledby="newest-title">
            <h2 id="newest-title">Newest papers</h2>
            <div className="card-list">
              {topic.recentPapers.map((p) => (
                <PaperCard key={p.id} paper={p} headingLevel="h3" />
              ))}
            </div>
            {topic.paperCount > topic.recentPapers.length && (
              <p>
                <Link to={`/?topic=${encodeURIComponent(topic.id)}`} state={feedOfTopic} className="button">
                  All {topic.paperCount} papers in the feed →
                </Link>
              </p>
            )}
          </section>
        </div>
        <aside className="author-side">
          {topic.keywords.length > 0 && (
            <section aria-labelledby="topic-keywords-title" className="panel">
              <h2 id="topic-keywords-title" className="small-heading">
                Key words its papers share
              </h2>
              <ol className="count-list" data-testid="topic-keywords">
                {topic.keywords.map((k) => (
                  <li key={k.text}>
                    {/* The papers counted: the feed filtered by the key word (a text search misses suggested ones). */}
                    <Link to={`/?${new URLSearchParams({ topic: topic.id, keyword: k.text })}`} state={feedOfTopic}>{k.text}</Link>
                    <span className="count">
                      {k.papers}
                      <span className="visually-hidden"> papers</span>
                    </span>
                  </li>
                ))}
              </ol>
              <p className="muted small">Papers per key word: curated, extracted or suggested, spellings of one counted as one.</p>
            </section>
          )}
          <section aria-labelledby="top-authors-title" className="panel">
            <h2 id="top-authors-title" className="small-heading">
              Top authors
            </h2>
            {topic.topAuthors.length === 0 ? (
              <p className="muted">No authors known.</p>
            ) : (
              <ol className="count-list">
                {topic.topAuthors.map((a) => (
                  <li key={a.id}>
                    <Link to={`/authors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                    <span className="count" title={plural(a.papers, 'paper')}>
                      {a.papers}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {/* The list is the ranking's first: the rest, and other orders (Novelty, AI Score), are there. */}
            {topic.topAuthors.length > 0 && (
              <p className="small">
                <Link to={`/researchers?${new URLSearchParams({ topic: topic.id })}`}>All researchers in {topic.label} →</Link>
              </p>
            )}
          </section>
        </aside>
      </div>
    </article>
  )
}

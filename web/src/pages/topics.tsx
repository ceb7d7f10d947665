/** @module All topics with their paper counts. */
import { Link } from 'react-router-dom'
import { paths, type TopicList } from '../api.js'
import { Empty, ErrorState, Loading } from '../components/states.js'
import { plural } from '../format.js'
import { useApi, useTitle } from '../hooks.js'

export function TopicsPage() {
  useTitle('Topics')
  const topics = useApi<TopicList>(paths.topics())
  return (
    <div>
      <header className="page-header">
        <h1 tabIndex={-1}>Topics</h1>
        <p className="muted">Sections of curated lists, and topics a model predicted, with how many papers each holds.</p>
      </header>
      {topics.status === 'error' && <ErrorState error={topics.error} onRetry={topics.reload} />}
      {!topics.data && topics.status === 'loading' && <Loading />}
      {topics.data && topics.data.items.length === 0 && <Empty title="No topics yet" />}
      {topics.data && topics.data.items.length > 0 && (
        <ul className="topic-grid">
          {topics.data.items.map((t) => (
            <li key={t.id}>
              <Link to={`/topics/${encodeURIComponent(t.id)}`} className="card topic-card">
                <span className="topic-name">{t.label}</span>
                <span className="muted">{plural(t.paperCount, 'paper')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** @module Home: the feed of recent or trending papers, topic chips, a search box, what the library holds. */
import { useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import { paths, type PaperList, type StatsOut, type TopicList, type TopicTrendsOut } from '../api.js'
import { FilterError, refusedFilter, urlWithout } from '../components/filter-error.js'
import { PaperCard } from '../components/paper-card.js'
import { Pagination, PastLastPage } from '../components/pagination.js'
import { Empty, ErrorState, Loading } from '../components/states.js'
import { formatCount, plural, sourceLabelInText } from '../format.js'
import { useApi, useTitle } from '../hooks.js'

type Sort = 'recent' | 'trending'

/**
 * The tab title of a feed: its filter, its order and its page, so tabs and history entries of the feed tell
 * apart (none for the plain first page: the app's name alone).
 * @example feedTitle({ sort: 'recent', topic: 'Others', page: 1 }) // 'Others · Feed'; feedTitle({ sort: 'recent', page: 2 }) // 'Recent papers, page 2'
 */
export function feedTitle({ sort, topic, source, keyword, page }: { sort: Sort; topic?: string | undefined; source?: string | undefined; keyword?: string | undefined; page: number }): string | null {
  const filters = [keyword && `“${keyword}”`, topic, source && `From ${sourceLabelInText(source)}`].filter((f): f is string => Boolean(f))
  if (filters.length === 0 && sort === 'recent' && page === 1) return null
  const order = sort === 'trending' ? 'Trending' : filters.length > 0 ? 'Feed' : 'Recent papers'
  return `${[...filters, order].join(' · ')}${page > 1 ? `, page ${page}` : ''}`
}

/**
 * The feed's heading: every filter it shows, so a key word or a topic never hides a source filter beside it.
 * @example feedHeading({ sort: 'recent', keyword: 'grokking', source: 'arxiv' }) // 'Papers with the key word “grokking”, from arXiv'
 */
export function feedHeading({ sort, topic, source, keyword }: { sort: Sort; topic?: string | undefined; source?: string | undefined; keyword?: string | undefined }): string {
  const from = source ? `from ${sourceLabelInText(source)}` : ''
  if (keyword) return `Papers with the key word “${keyword}”${topic ? ` in ${topic}` : ''}${from ? `, ${from}` : ''}`
  if (topic) return `Papers in ${topic}${from ? `, ${from}` : ''}`
  if (source) return `From ${sourceLabelInText(source)}`
  return sort === 'trending' ? 'Trending' : 'Recent papers'
}

/** What the feed's filters keep, in a sentence. */
function filterNote({ topic, source, keyword }: { topic?: string | undefined; source?: string | undefined; keyword?: string | undefined }): string {
  const kept = [
    keyword && 'with one key word: given by a curator, found in the text, or suggested by papers like it (then not in the text), its spellings counted as one',
    topic && 'in one topic',
    source && 'with a record from one source',
  ].filter((k): k is string => Boolean(k))
  return `Showing papers ${kept.length > 1 ? `${kept.slice(0, -1).join('; ')}; and ${kept.at(-1)!}` : kept[0] ?? ''}.`
}

export function HomePage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const sort: Sort = params.get('sort') === 'trending' ? 'trending' : 'recent'
  const source = params.get('source') ?? undefined
  const topic = params.get('topic') ?? undefined
  // A topic page's key words lead here: the papers with one, whether their text writes it or not.
  const keyword = params.get('keyword') ?? undefined
  const page = Math.max(1, Number(params.get('page')) || 1)
  const feed = useApi<PaperList>(paths.papers({ sort, page, ...(source ? { source } : {}), ...(topic ? { topic } : {}), ...(keyword ? { keyword } : {}) }))
  const topics = useApi<TopicList>(paths.topics())
  const stats = useApi<StatsOut>(paths.stats())
  // Which topics take a growing share of the recent papers (the Topics page says how that is judged).
  const trends = useApi<TopicTrendsOut>(paths.trends())
  const rising = new Set((trends.data?.topics ?? []).filter((t) => t.direction === 'rising').map((t) => t.id))

  // The heading names the topic when focus lands on it (a screen reader reads it then), before the topics list may
  // be here: by the label the linking page gave; else a key word's heading leaves the topic out until the list
  // comes, rather than name it by its id, which it falls back to when the list cannot be had.
  const linkedLabel = (location.state as { topicLabel?: unknown } | null)?.topicLabel
  const topicLabel =
    topics.data?.items.find((t) => t.id === topic)?.label ??
    (typeof linkedLabel === 'string' ? linkedLabel : undefined) ??
    (topics.status === 'loading' && keyword ? undefined : topic)
  useTitle(feedTitle({ sort, topic: topicLabel, source, keyword, page }))
  const feedError = feed.status === 'error' ? feed.error : null
  const badFilter = refusedFilter(feedError, ['topic', 'source', 'keyword', 'page'])
  const filtered = Boolean(source || topic || keyword)

  const setSort = (next: Sort) => {
    const p = new URLSearchParams(params)
    p.delete('page')
    if (next === 'recent') p.delete('sort')
    else p.set('sort', next)
    setParams(p)
  }

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Your research radar</h1>
        <p className="lead">
          {stats.data ? (
            <>
              {formatCount(stats.data.papers)} papers by {formatCount(stats.data.authors)} researchers, merged from{' '}
              {formatCount(stats.data.sourceRecords)} records in {stats.data.perSource.length} sources
              {stats.data.multiSourcePapers > 0 && <> ({formatCount(stats.data.multiSourcePapers)} papers found in more than one)</>}.
            </>
          ) : (
            'Papers from many sources, merged into one library.'
          )}
        </p>
        <HomeSearch />
        {topics.data && topics.data.items.length > 0 && (
          <nav aria-label="Topics" className="topic-strip">
            <ul className="chips">
              {stripTopics(topics.data.items).map((t) => (
                <li key={t.id}>
                  <TopicStripChip topic={t} rising={rising.has(t.id)} />
                </li>
              ))}
              {topics.data.items.length > 12 && (
                <li>
                  <Link to="/topics" className="chip chip-static">
                    All {topics.data.items.length} topics →
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </section>

      <section aria-labelledby="feed-title">
        <div className="section-head">
          {/* A filtered feed opened from a link (a key word's, a topic's) lands here, past the search and topics. */}
          <h2 id="feed-title" tabIndex={-1} data-landing={filtered ? '' : undefined}>
            {feedHeading({ sort, topic: topicLabel, source, keyword })}
          </h2>
          <div className="segmented" role="group" aria-label="Order">
            <button type="button" aria-pressed={sort === 'recent'} onClick={() => setSort('recent')}>
              Recent
            </button>
            <button type="button" aria-pressed={sort === 'trending'} onClick={() => setSort('trending')}>
              Trending
            </button>
          </div>
        </div>
        {filtered && (
          <p className="muted">
            {filterNote({ topic, source, keyword })}{' '}
            {keyword && topic && (
              <>
                <Link to={urlWithout('/', params, ['keyword', 'page'])}>All of {topicLabel ?? 'the topic'}</Link> ·{' '}
              </>
            )}
            <Link to={sort === 'trending' ? '/?sort=trending' : '/'}>Show all</Link>
          </p>
        )}
        <p className="section-note muted">
          {sort === 'trending'
            ? 'Trending: upvotes on listing pages, decaying with days since the paper was listed; then the papers a page listed with neither date nor upvotes, in its order.'
            : 'Newest publication date first; dates are as precise as the sources give them.'}
        </p>
        {feedError && badFilter && <FilterError error={feedError} field={badFilter} clearTo={urlWithout('/', params, [badFilter])} />}
        {feedError && !badFilter && <ErrorState error={feedError} onRetry={feed.reload} />}
        {feed.status === 'loading' && !feed.data && <Loading label="Loading the feed…" />}
        {feed.data && feed.data.items.length === 0 && feed.data.total > 0 && (
          <PastLastPage page={feed.data.page} pages={feed.data.pages} firstPage={urlWithout('/', params, ['page'])} />
        )}
        {feed.data && feed.data.total === 0 && filtered && (
          <Empty title="No paper matches these filters">
            <p>
              {sort === 'trending'
                ? 'No paper with these filters is trending (trending shows only papers a listing page, like a daily papers page, showed).'
                : keyword
                ? `No paper${topic ? ' in this topic' : ''}${source ? ' with a record from this source' : ''} has the key word “${keyword}”.`
                : topic && source
                  ? 'No paper in this topic has a record from this source.'
                  : topic
                    ? 'No paper is in this topic yet.'
                    : 'No paper has a record from this source.'}{' '}
              <Link to={urlWithout('/', params, ['topic', 'source', 'keyword'])} data-testid="clear-filter">
                Show all papers
              </Link>
            </p>
          </Empty>
        )}
        {feed.data && feed.data.items.length === 0 && feed.data.total === 0 && !filtered && (
          <Empty title={sort === 'trending' ? 'Nothing is trending yet' : 'The library is empty'}>
            {sort === 'trending' ? (
              <p>
                Trending shows the papers a listing page (a daily or trending papers page) showed, and this library has none yet: import
                one, or run <code>paperscope sync</code> with the Hugging Face daily papers. See the <Link to="/">recent papers</Link>.
              </p>
            ) : (
              <p>
                Import papers with <code>paperscope import &lt;files&gt;</code>, or start with <code>npm start</code> to build the library
                from the bundled corpus.
              </p>
            )}
          </Empty>
        )}
        {feed.data && feed.data.items.length > 0 && (
          <>
            <div className={`card-list${feed.status === 'loading' ? ' is-stale' : ''}`} aria-busy={feed.status === 'loading'}>
              {feed.data.items.map((p) => (
                <PaperCard key={p.id} paper={p} headingLevel="h3" />
              ))}
            </div>
            <Pagination page={feed.data.page} pages={feed.data.pages} label="Feed pages" headingId="feed-title" />
          </>
        )}
      </section>
    </div>
  )
}

/**
 * A topic above the feed with its number of papers: the number alone (`Empirical Study 88`) said nothing of what
 * it counts, so it is named on hover and, in words, to a screen reader (`Empirical Study, 88 papers`).
 */
export function TopicStripChip({ topic, rising }: { topic: Pick<TopicList['items'][number], 'id' | 'label' | 'paperCount'>; rising: boolean }) {
  return (
    <Link
      to={`/topics/${encodeURIComponent(topic.id)}`}
      className="chip chip-curated"
      title={plural(topic.paperCount, 'paper')}
      // A name of its own: read from the chip's parts, a browser puts a space before the comma (`Study , 88 papers`).
      aria-label={`${topic.label}, ${plural(topic.paperCount, 'paper')}${rising ? ', rising' : ''}`}
    >
      {topic.label}
      <span className="chip-note">{formatCount(topic.paperCount)}</span>
      {rising && (
        <span className="chip-rising" data-testid="chip-rising">
          {' '}
          <span aria-hidden="true">↗ </span>rising
        </span>
      )}
    </Link>
  )
}

/** The first topics in the API's order, which /topics shows too: specific topics by size, the catch-all "Others" last. */
function stripTopics<T>(items: T[]): T[] {
  return items.slice(0, 12)
}

function HomeSearch() {
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    navigate(q.trim() ? `/search?q=${encodeURIComponent(q.trim())}` : '/search')
  }
  return (
    <form className="big-search" role="search" onSubmit={submit}>
      <label htmlFor="home-q" className="visually-hidden">
        Search papers
      </label>
      <input
        id="home-q"
        type="search"
        placeholder="Search papers, e.g. grokking"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      <button type="submit" className="button primary">
        Search
      </button>
    </form>
  )
}

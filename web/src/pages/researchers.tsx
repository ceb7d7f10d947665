/** @module Researchers: everyone in the library ranked by papers, citations, h-index, Novelty or AI Score, or within a topic. */
import { type ChangeEvent } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { paths, type ResearcherListOut, type TopicList } from '../api.js'
import { FilterError, refusedFilter, urlWithout } from '../components/filter-error.js'
import { HowComputed } from '../components/how-computed.js'
import { Pagination, PastLastPage } from '../components/pagination.js'
import { Empty, ErrorState, Loading } from '../components/states.js'
import { formatCount } from '../format.js'
import { useApi, useMediaQuery, useScrollsSideways, useTitle } from '../hooks.js'

type Sort = ResearcherListOut['sort']
type Row = ResearcherListOut['items'][number]

/** A column of the table and the ranking its header asks for. */
export interface ResearcherColumn {
  sort: Sort
  label: string
  value: (r: Row) => string
  /** Shown only in a ranking by its `sort`, which orders by it rather than by the other column of that sort. */
  rankingOnly?: true
}

/** The columns a ranking can be by, in the table's order; `topic_papers` only with a topic, a `rankingOnly` one only in its ranking. */
export const RESEARCHER_COLUMNS: readonly ResearcherColumn[] = [
  { sort: 'topic_papers', label: 'In topic', value: (r) => (r.topicPapers === null ? '' : formatCount(r.topicPapers)) },
  { sort: 'papers', label: 'Papers', value: (r) => formatCount(r.papers) },
  { sort: 'citations', label: 'Citations', value: (r) => (r.citations === null ? '—' : `${r.citationsLowerBound ? '≥' : ''}${formatCount(r.citations)}`) },
  { sort: 'h_index', label: 'h-index', value: (r) => (r.hIndex === null ? '—' : `${r.citationsLowerBound ? '≥' : ''}${r.hIndex}`) },
  // To a tenth, as it is ranked: whole numbers made `58, 58` look out of order.
  { sort: 'novelty', label: 'Novelty', value: (r) => (r.noveltyPercent === null ? '—' : r.noveltyPercent.toFixed(1)) },
  // What a ranking by novelty orders by: the mean above shrunk toward the middle, so one paper cannot top it.
  { sort: 'novelty', label: 'Shrunk novelty', rankingOnly: true, value: (r) => (r.noveltyRanked === null ? '—' : r.noveltyRanked.toFixed(1)) },
  { sort: 'ai_score', label: 'AI Score', value: (r) => (r.aiScore === null ? '—' : r.aiScore.toFixed(1)) },
]

const SORTS: readonly Sort[] = ['papers', 'citations', 'h_index', 'novelty', 'ai_score', 'topic_papers', 'name']
/** The choices of "At least … papers". */
const MIN_PAPERS = [1, 2, 3, 5, 10] as const

/**
 * The columns a table ranked by `shown` has, in order (the e2e test reads the table by them).
 * @example researcherColumns('novelty', false).map((c) => c.label) // [..., 'Novelty', 'Shrunk novelty', 'AI Score']
 */
export function researcherColumns(shown: Sort, topic: boolean): ResearcherColumn[] {
  return RESEARCHER_COLUMNS.filter((c) => (c.sort !== 'topic_papers' || topic) && (!c.rankingOnly || c.sort === shown))
}

/** The column a ranking by `shown` orders by: its `rankingOnly` one when it has one. */
function orderingColumn(columns: readonly ResearcherColumn[], shown: Sort): ResearcherColumn | undefined {
  return columns.find((c) => c.sort === shown && c.rankingOnly) ?? columns.find((c) => c.sort === shown)
}

/** What a ranking is by, as the page says it in a sentence and in the tab's title. */
export function sortLabel(sort: Sort): string {
  if (sort === 'topic_papers') return 'papers in the topic'
  if (sort === 'name') return 'family name'
  return orderingColumn(RESEARCHER_COLUMNS, sort)?.label ?? sort
}

/**
 * The tab title: what the ranking is by and within, and its page.
 * @example researchersTitle({ sort: 'ai_score', topic: 'Neural Collapse', page: 2 }) // 'Researchers by AI Score · Neural Collapse, page 2'
 */
export function researchersTitle({ sort, topic, page }: { sort: Sort; topic?: string | undefined; page: number }): string {
  return `Researchers by ${sortLabel(sort)}${topic ? ` · ${topic}` : ''}${page > 1 ? `, page ${page}` : ''}`
}

export function ResearchersPage() {
  const [params, setParams] = useSearchParams()
  const topic = params.get('topic') ?? undefined
  const asked = params.get('sort')
  const sort: Sort | undefined = SORTS.find((s) => s === asked && (s !== 'topic_papers' || topic))
  const page = Math.max(1, Number(params.get('page')) || 1)
  // Any count the API takes (a link may hold 4); the menu offers a few and shows an asked one beside them.
  const askedMin = Number(params.get('min_papers'))
  // Past the API's most (10,000) is that most, which no one reaches either, not 1 (everyone).
  const minPapers = Number.isInteger(askedMin) && askedMin >= 1 ? Math.min(askedMin, 10_000) : 1
  const minChoices = [...new Set([...MIN_PAPERS, minPapers])].sort((a, b) => a - b)
  const [tableRegion, tableScrolls] = useScrollsSideways()
  const list = useApi<ResearcherListOut>(paths.researchers({ sort, topic, min_papers: minPapers > 1 ? minPapers : undefined, page: page > 1 ? page : undefined }))
  // On a phone only a few columns show: the ranked one comes right after the name.
  const narrow = useMediaQuery('(max-width: 720px)')
  const topics = useApi<TopicList>(paths.topics())
  const shown = list.data?.sort ?? sort ?? (topic ? 'topic_papers' : 'papers')
  const topicLabel = list.data?.topic?.label ?? topics.data?.items.find((t) => t.id === topic)?.label ?? topic
  // A link may name the topic by its label (`?topic=Neural Collapse`): the menu shows the topic the API took it for.
  const chosenTopic = topic === undefined ? '' : list.data?.topic?.id ?? topic
  useTitle(researchersTitle({ sort: shown, topic: topicLabel, page }))
  const error = list.status === 'error' ? list.error : null
  const badFilter = refusedFilter(error, ['topic', 'sort', 'page'])

  const update = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params)
    p.delete('page')
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') p.delete(k)
      else p.set(k, v)
    }
    setParams(p)
  }
  const shownColumns = researcherColumns(shown, topic !== undefined)
  const ordering = orderingColumn(shownColumns, shown)
  const columns = narrow && ordering ? [ordering, ...shownColumns.filter((c) => c !== ordering)] : shownColumns
  const shrinkage = list.data?.shrinkage

  return (
    <div>
      <header className="page-header">
        <h1 tabIndex={-1} id="researchers-title">
          Researchers
        </h1>
        <p className="muted">
          Everyone with papers in this library{topicLabel ? ` under ${topicLabel}` : ''}, each value computed from their papers here as their
          researcher page computes it (what a source reports is on that page): Novelty is the mean of their papers’ novelty percentiles (each paper ranked among the library’s papers of its year), AI
          Score Paperscope’s own formula from 0 to 100. “—” is unknown, never 0.
        </p>
      </header>
      <div className="researcher-controls">
        <label>
          Rank by{' '}
          <select value={shown} onChange={(e: ChangeEvent<HTMLSelectElement>) => update({ sort: e.target.value })}>
            {shownColumns
              .filter((c) => !c.rankingOnly)
              .map((c) => (
                <option key={c.sort} value={c.sort}>
                  {c.sort === 'topic_papers' ? 'Papers in the topic' : c.label}
                </option>
              ))}
            <option value="name">Name</option>
          </select>
        </label>
        <label>
          At least{' '}
          <select value={minPapers} onChange={(e: ChangeEvent<HTMLSelectElement>) => update({ min_papers: e.target.value === '1' ? null : e.target.value })}>
            {minChoices.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>{' '}
          {minPapers === 1 ? 'paper' : 'papers'}
        </label>
        <label>
          Topic{' '}
          <select value={chosenTopic} onChange={(e: ChangeEvent<HTMLSelectElement>) => update({ topic: e.target.value, ...(shown === 'topic_papers' ? { sort: null } : {}) })}>
            <option value="">All topics</option>
            {topics.data?.items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {badFilter && error ? (
        <FilterError error={error} field={badFilter} clearTo={urlWithout('/researchers', params, [badFilter])} />
      ) : (
        error && <ErrorState error={error} onRetry={list.reload} />
      )}
      {!list.data && list.status === 'loading' && <Loading label="Ranking the researchers…" />}
      {list.data && list.data.total === 0 && <Empty title={minPapers > 1 || topic ? 'No researchers match' : 'No researchers here yet'} />}
      {list.data && list.data.total > 0 && list.data.items.length === 0 && (
        <PastLastPage page={page} pages={list.data.pages} firstPage={urlWithout('/researchers', params, ['page'])} />
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {formatCount(list.data.total)} researchers, ranked by {sortLabel(shown)}
            {shown === 'name' ? '' : shown === 'papers' || shown === 'topic_papers' ? ', most first' : ', highest first, unknown last'}.
            {/* A mean of one paper is one draw: shrunk, it cannot top the list by chance (it did, 19 of the corpus's top 20). */}
            {shown === 'novelty' &&
              shrinkage &&
              ` Shrunk novelty is the Novelty mean with ${shrinkage.papers} more papers at the ${shrinkage.percentile}th added, so that one or two papers cannot top the list by chance.`}
            {shown === 'ai_score' &&
              shrinkage &&
              ` The AI Score takes a researcher’s novelty and centrality means with ${shrinkage.papers} more papers at the ${shrinkage.percentile}th added, so that one or two papers cannot top the list by chance.`}
            {!list.data.analysed && ' The library has not been analysed yet: Novelty and AI Score are unknown for everyone.'}
            {/* Unknown values rank last: an unknown first on the first page is an unknown for everyone. */}
            {(shown === 'citations' || shown === 'h_index') && list.data.page === 1 && list.data.items[0]!.citations === null && ` No source gave citation counts for the papers of ${topic || minPapers > 1 ? 'these researchers' : 'this library'}, so citations and h-index are unknown for everyone${topic || minPapers > 1 ? ' here' : ''}: the order is by papers.`}
          </p>
          {/* A region with a name and, when it scrolls, a tab stop: a keyboard can scroll to the columns a phone hides. */}
          <div className="table-scroll" role="region" aria-label="Researchers table" tabIndex={tableScrolls ? 0 : undefined} ref={tableRegion}>
            <table className="researchers-table" aria-labelledby="researchers-title">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <SortHeader label="Name" sort="name" active={shown === 'name'} onSort={(s) => update({ sort: s })} />
                  {columns.map((c) => (
                    <SortHeader key={c.label} label={c.label} sort={c.sort} active={c === ordering} numeric onSort={(s) => update({ sort: s })} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r, i) => (
                  <tr key={r.id}>
                    <td className="numeric muted">{(list.data!.page - 1) * list.data!.pageSize + i + 1}</td>
                    <th scope="row">
                      <Link to={`/authors/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                    </th>
                    {columns.map((c) => (
                      <td key={c.label} className="numeric">
                        {c.value(r)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pages={list.data.pages} label="Pages of researchers" headingId="researchers-title" />
          <details className="how">
            <summary>How these are computed</summary>
            {(['papers', 'citations', 'hIndex', 'noveltyPercent', 'noveltyRanking', 'aiScore'] as const).map((k) => (
              <section key={k} aria-label={k}>
                <h3 className="small-heading">{{ papers: 'Papers', citations: 'Citations', hIndex: 'h-index', noveltyPercent: 'Novelty', noveltyRanking: 'Shrunk novelty', aiScore: 'AI Score' }[k]}</h3>
                <HowComputed text={list.data!.howComputed[k]} />
              </section>
            ))}
          </details>
        </>
      )}
    </div>
  )
}

/** A column header that ranks by its column: a button, with `aria-sort` on the column ranked by. */
function SortHeader({ label, sort, active, numeric = false, onSort }: { label: string; sort: Sort; active: boolean; numeric?: boolean; onSort: (sort: Sort) => void }) {
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={active ? (sort === 'name' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-header" onClick={() => onSort(sort)}>
        {label}
        {active && <span aria-hidden="true">{sort === 'name' ? ' ↑' : ' ↓'}</span>}
      </button>
    </th>
  )
}

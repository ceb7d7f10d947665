/**
 * @module Search: results as you type (debounced, kept in the URL so a search can be shared, a history entry
 * for each search that settled), facets as filters, highlighted matches, pagination, empty and error states.
 */
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router-dom'
import { paths, type AuthorList, type Facet, type SearchResponse } from '../api.js'
import { FilterError, refusedFilter, urlWithout } from '../components/filter-error.js'
import { PaperCard } from '../components/paper-card.js'
import { Pagination, PastLastPage } from '../components/pagination.js'
import { Empty, ErrorState, Loading } from '../components/states.js'
import { readQuery, wordsToFind } from '../../../src/core/search-words.js'
import { formatCount, plural, sourceLabel } from '../format.js'
import { trackHiddenEdges } from '../hidden-edges.js'
import { useApi, useTitle } from '../hooks.js'

/** How long typing must pause before a search runs. */
export const SEARCH_DEBOUNCE_MS = 250
/**
 * How long a search's results stay on screen, its words untouched, before the search counts as settled (as
 * after Enter or leaving the box): long enough to have read them, so words typed next get an entry of their own.
 */
export const SEARCH_SETTLE_MS = 1500

/**
 * History entries (by `location.key`) whose words are still being typed: the next words replace them, so Back
 * steps over `g`, `gr`, `gro` to the search before. In memory: after a reload every entry counts as settled.
 */
const typingEntries = new Set<string>()

const FILTER_PARAMS = ['topic', 'year_from', 'year_to', 'source', 'category', 'author'] as const

/** The server's limit on `q` (src/server/routes/search.schema.ts). */
export const MAX_QUERY_LENGTH = 500
/** The shortest last word searched as a prefix: a shorter one (the C of C++, a) matches nearly every paper. */
const MIN_PREFIX_LENGTH = 3
/** Researchers named above the papers a search finds. */
const PEOPLE_SHOWN = 5
/** The authors API's limit on `q` (src/server/routes/authors.schema.ts): longer words are no one's name. */
const MAX_PEOPLE_QUERY_LENGTH = 200

/**
 * The most entries the page's BibTeX export asks for: the link says so (`limit`), so the page's note and the
 * file agree whatever the API's default. At most the API's MAX_SEARCH_BIBTEX (search.test.ts checks it).
 */
export const SEARCH_BIBTEX_ENTRIES = 500

/** The operators the search reads between words, in capitals. */
const OPERATOR_WORDS = ['OR', 'AND', 'NOT']

/** A word in capitals (`SAM`, `GPT4`): an acronym, typed whole. */
function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word)
}

/**
 * Whether the last word is still being typed and long enough to search as a prefix: the query ends in letters
 * or digits (not punctuation, a quote or `*`), and they are not an operator nor an acronym in capitals, typed
 * whole (`SAM` found `samples`, `GAN` Ganguli, where the API and the CLI found the method).
 */
export function searchesPrefix(q: string): boolean {
  const last = /[\p{L}\p{N}]+$/u.exec(q)?.[0]
  if (last === undefined || OPERATOR_WORDS.includes(last)) return false
  if (isAcronym(last)) return false
  // After other words a short prefix narrows (every word must match): `double de` is as good as `double descent`.
  const alone = !/[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]/u.test(q)
  return !alone || last.length >= MIN_PREFIX_LENGTH
}

/**
 * Whether a person's name is what the words name: each word starts a word of one spelling (`saxe`, `B.
 * Schölkopf`), accents and case aside; a word in capitals (an acronym: `GAN`) is a whole word of it. The API
 * also finds a word inside a name (`deep` in Ekdeep), which above a paper search reads as noise.
 * @example namedBy(['Andrew M. Saxe'], 'saxe') // true; namedBy(['Ekdeep Singh Lubana'], 'deep') // false
 */
export function namedBy(variants: readonly string[], q: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  const wanted = (q.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !OPERATOR_WORDS.includes(w))
    .map((w) => ({ word: fold(w), whole: isAcronym(w) }))
  if (wanted.length === 0) return false
  return variants.some((v) => {
    const words = fold(v).match(/[\p{L}\p{N}]+/gu) ?? []
    return wanted.every(({ word, whole }) => words.some((x) => (whole ? x === word : x.startsWith(word))))
  })
}

/**
 * The words of a query that could name a person: without the words it leaves out (`-word`, `-"a phrase"`, `NOT
 * word`, the dash as typed or as an editor's en dash or minus sign), which no one listed should be named by.
 * @example peopleWords('andrew -saxe') // 'andrew'
 */
export function peopleWords(q: string): string {
  return q
    .replace(/(?:^|\s)(?:[-\u2013\u2212]|NOT\s+)(?:"[^"]*"|\S+)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * What the page says about a query with no word to find ({@link wordsToFind} is empty): that it only leaves words
 * out, or that it holds no word at all.
 * @example nothingToFindMessage('-transformer') // '“-transformer” only leaves words out: add one to find, as in “grokking -transformer”.'
 */
export function nothingToFindMessage(q: string): string {
  if (/[\p{L}\p{N}]/u.test(q.replace(/\b(?:OR|AND|NOT)\b/g, ''))) return `“${q}” only leaves words out: add one to find, as in “grokking -transformer”.`
  return `“${q}” has no word to search for: only letters and digits are searched, and OR, AND and NOT go between words.`
}

/**
 * A message of the server's about the words as a sentence on the page (its API messages start in lower case).
 * @example querySentence('the query has no words to search for') // 'The query has no words to search for.'
 */
export function querySentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Why the page does not send a query, in its words: a heading, a sentence, and whether to add how to type one. */
export interface Unsearchable {
  title: 'No searchable word' | 'These words cannot be searched'
  message: string
  /** Add that a word to find is needed, and that `-word` and `NOT word` only leave words out. */
  typingHint: boolean
}

/**
 * Why the API would refuse the words (src/core/search-words: the store reads them by the same rule), said here
 * instead of asking it: a 400 the browser logs as an error. Null when the page sends them.
 * @example unsearchable('c++')?.message // '"c++" cannot be searched for: … as in "c++ code".'
 */
export function unsearchable(q: string): Unsearchable | null {
  if (queryLength(q) > MAX_QUERY_LENGTH) return { title: 'These words cannot be searched', message: tooLongMessage(q), typingHint: false }
  const { refusal } = readQuery(q)
  // The refusal's own sentence says what to type instead (`"c++ code"`).
  if (refusal?.reason === 'letter-and-symbols') return { title: 'These words cannot be searched', message: querySentence(refusal.message), typingHint: false }
  if (wordsToFind(q).length === 0) return { title: 'No searchable word', message: nothingToFindMessage(q), typingHint: true }
  return null
}

/**
 * The filters of a search, as a sentence names them: `author Inbar Seroussi`, `years 2020–2023`. The author by
 * `authorName` when it is known (the URL may hold an id), the source by its label.
 * @example filtersSaid(new URLSearchParams('author=inbar-seroussi&year_from=2023&year_to=2023'), 'Inbar Seroussi') // ['author Inbar Seroussi', 'year 2023']
 */
export function filtersSaid(params: URLSearchParams, authorName: string | null = null): string[] {
  const said: string[] = []
  const author = params.get('author')
  if (author) said.push(`author ${authorName ?? `“${author}”`}`)
  const topic = params.get('topic')
  if (topic) said.push(`topic “${topic}”`)
  const years = yearRangeLabel(params.get('year_from'), params.get('year_to'))
  const from = params.get('year_from')
  if (years) said.push(`years ${years}`)
  else if (from) said.push(`year ${from}`)
  const source = params.get('source')
  if (source) said.push(`source ${sourceLabel(source)}`)
  const category = params.get('category')
  if (category) said.push(`category ${category}`)
  return said
}

/** Words joined as a sentence joins them: `a`, `a and b`, `a, b and c`. */
function inSentence(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`
}

/**
 * The filters of a link to a search with no words (`/search?author=…`, shared or typed): the search needs words,
 * so the page says the filters are on and wait for them, offers to clear them, and for an author leads to their
 * page, which lists all their papers.
 */
function FiltersWithoutWords({ params, onClear }: { params: URLSearchParams; onClear: () => void }) {
  const author = params.get('author')
  // Its name, when the URL gives an id: the authors API finds an id's words as a name's (inbar-seroussi).
  const found = useApi<AuthorList>(author && author.length <= MAX_PEOPLE_QUERY_LENGTH && /[\p{L}\p{N}]/u.test(author) ? paths.authors({ q: author, limit: 1 }) : null)
  const person = author ? (found.data?.items.find((a) => a.id === author || namedBy(a.nameVariants, author)) ?? null) : null
  const said = filtersSaid(params, person?.name ?? null)
  return (
    <div className="filters-without-words" role="status" data-testid="filters-without-words">
      <p>
        {said.length === 1 ? 'A filter is on' : 'Filters are on'}: {inSentence(said)}. {said.length === 1 ? 'It narrows' : 'They narrow'} the words you type.{' '}
        <button type="button" className="link-button" onClick={onClear}>
          {said.length === 1 ? 'Clear the filter' : 'Clear all filters'}
        </button>
      </p>
      {person && (
        <p>
          <Link to={paths.author(person.id)}>{person.name}'s page</Link> lists all their papers.
        </p>
      )}
    </div>
  )
}

/** The results' heading: how many papers match, the verb agreeing with the count. */
export function resultsTitle(total: number): string {
  if (total === 0) return 'No papers match'
  return `${plural(total, 'paper')} ${total === 1 ? 'matches' : 'match'}`
}

/**
 * What the BibTeX export holds when it cannot hold every match, said after the link's own word: null when it
 * holds them all.
 * @example bibtexCoverage(66595) // 'of the best 500 of 66,595 matches'
 */
export function bibtexCoverage(total: number, entries: number = SEARCH_BIBTEX_ENTRIES): string | null {
  return total > entries ? `of the best ${formatCount(entries)} of ${formatCount(total)} matches` : null
}

/** Characters as the server counts them for its limit (code points: an emoji is one). */
export function queryLength(q: string): number {
  return [...q].length
}

/** What the page says about words longer than the server takes, in place of its validator's wording. */
export function tooLongMessage(q: string): string {
  return `The query is too long: ${formatCount(queryLength(q))} of ${formatCount(MAX_QUERY_LENGTH)} characters. Shorten it to search.`
}

/**
 * How many of the matches the facets count have no year: the year facet has no bucket for them, so without
 * this its counts would not add up. The facets count `facetsOver` matches (every match, or the best-ranked
 * ones when `facetsApproximate`), each in at most one year.
 */
export function matchesWithoutYear(data: Pick<SearchResponse, 'facets' | 'facetsOver'>): number {
  return Math.max(0, data.facetsOver - data.facets.year.reduce((sum, f) => sum + f.count, 0))
}

/** The longest words the tab title quotes whole: a paper's title, pasted to find it, fits. */
const TITLE_WORDS_MAX = 64

/**
 * The tab title of a search: its words, quoted; a pasted abstract is cut after its first words (at a space),
 * as a tab and the history list show a few dozen characters and a 500-character title said nothing more.
 * @example searchTitle('neural collapse') // '“neural collapse” · Search'
 */
export function searchTitle(q: string): string {
  const words = q.trim()
  if (!words) return 'Search'
  const chars = [...words]
  if (chars.length <= TITLE_WORDS_MAX) return `“${words}” · Search`
  const cut = chars.slice(0, TITLE_WORDS_MAX).join('')
  const atSpace = cut.lastIndexOf(' ')
  return `“${(atSpace > TITLE_WORDS_MAX / 2 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:.]+$/, '')}…” · Search`
}

export function SearchPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const urlQ = params.get('q') ?? ''
  const [text, setText] = useState(urlQ)
  const lastWritten = useRef(urlQ)
  // Whether the words this page writes next are still being typed (their entry is then replaced) or settled.
  const arriving = useRef<'typing' | 'settled' | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useTitle(searchTitle(urlQ))

  useEffect(() => {
    if (arriving.current === 'typing') typingEntries.add(location.key)
    arriving.current = null
  }, [location.key])

  // The URL changed from outside (back button, a link): show its words in the box.
  useEffect(() => {
    if (urlQ !== lastWritten.current) {
      lastWritten.current = urlQ
      setText(urlQ)
      // The Search link clicked on this page: a new search starts, so the keys go to the box.
      if (!urlQ) input.current?.focus({ preventScroll: true })
    }
  }, [urlQ])

  /**
   * Writes the words to the URL. A settled search keeps its history entry and new words get one of their own;
   * words still being typed, and the page without words (nothing to come back to), are replaced.
   */
  const writeWords = (words: string, settled: boolean) => {
    const replace = !urlQ || typingEntries.has(location.key)
    if (replace) typingEntries.delete(location.key)
    lastWritten.current = words
    arriving.current = settled ? 'settled' : 'typing'
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (words) next.set('q', words)
        else next.delete('q')
        next.delete('page')
        return next
      },
      { replace },
    )
  }
  const writeTypedWords = useEffectEvent((words: string) => writeWords(words, false))

  // Typing paused: write the words. Timed from each change of the box, not of a debounced value: words typed
  // again after the URL moved away from them (the Search link, then the same query) leave a debounced value
  // unchanged and would never be written.
  useEffect(() => {
    const timer = setTimeout(() => {
      const words = text.trim()
      if (words !== lastWritten.current.trim()) writeTypedWords(words)
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  /** Enter or leaving the box: the words are written now if typing has not reached the URL yet, and kept. */
  const settle = () => {
    const words = text.trim()
    if (words !== lastWritten.current.trim()) writeWords(words, true)
    else typingEntries.delete(location.key)
  }

  const q = urlQ.trim()
  const page = Math.max(1, Number(params.get('page')) || 1)
  const prefix = q ? searchesPrefix(q) : false
  // Words the server would refuse (over the limit, `c++`, nothing to find: `NOT`, `*`, `-x`): said here, not asked.
  const refused = q ? unsearchable(q) : null
  const apiPath = q && !refused
    ? paths.search({
        q,
        prefix,
        page,
        ...Object.fromEntries(FILTER_PARAMS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))),
      })
    : null
  const result = useApi<SearchResponse>(apiPath)
  // Results on screen for the words in the box: read for a while, untouched, the search settles.
  const showing = result.status === 'ok' && text.trim() === q
  useEffect(() => {
    const key = location.key
    if (!showing || !typingEntries.has(key)) return undefined
    const timer = setTimeout(() => typingEntries.delete(key), SEARCH_SETTLE_MS)
    return () => clearTimeout(timer)
  }, [showing, location.key])
  const activeFilters = FILTER_PARAMS.filter((k) => params.get(k))
  // People whose name has the words, on the first page of an unfiltered search: a name typed here finds them.
  // Not for words longer than that API takes: it would refuse them (a 400 in the console) and find no one.
  // The words that could name someone: a word left out names no one to list.
  const named = peopleWords(q)
  const asksPeople = named && !refused && page === 1 && activeFilters.length === 0 && named.length <= MAX_PEOPLE_QUERY_LENGTH
  const people = useApi<AuthorList>(asksPeople ? paths.authors({ q: named, limit: PEOPLE_SHOWN }) : null)

  const setFilter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k)
      else next.set(k, v)
    }
    next.delete('page')
    setParams(next)
  }

  const inputId = useId()
  const exportNoteId = useId()
  const data = apiPath ? result.data : null
  const error = result.status === 'error' ? result.error : null
  // What the server says about the words (none to search for, too long): its message names the problem.
  const queryError = error && (error.code === 'INVALID_QUERY' || error.field === 'q') ? error : null
  const badFilter = refusedFilter(error, [...FILTER_PARAMS, 'page'])
  const exportNote = data ? bibtexCoverage(data.total) : null

  return (
    <div className="search-page">
      <h1 className="visually-hidden">Search papers</h1>
      <form
        className="big-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          settle()
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          Search papers
        </label>
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          placeholder="Search titles, key words, abstracts and authors"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={settle}
          maxLength={MAX_QUERY_LENGTH}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
        />
        {result.status === 'loading' && apiPath && <span className="spinner inline" aria-hidden="true" />}
      </form>
      <p className="muted search-help">
        Results update as you type. Use <kbd>"quotes"</kbd> for a phrase, <kbd>OR</kbd> and <kbd>NOT</kbd> between words, <kbd>-word</kbd> to leave one out. Title words count most, then key words, abstract and authors.
      </p>
      {/* Counted as the too-long message and the server count: trimmed, an emoji as one. */}
      {queryLength(text.trim()) > MAX_QUERY_LENGTH - 100 && (
        <p className="muted search-help" data-testid="query-length">
          {formatCount(queryLength(text.trim()))} of {formatCount(MAX_QUERY_LENGTH)} characters
        </p>
      )}

      {!q && activeFilters.length > 0 && <FiltersWithoutWords params={params} onClear={() => setFilter(Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])))} />}
      {!q && (
        <Empty title="Search the library">
          <p>
            Try <Link to="/search?q=grokking">grokking</Link>, <Link to="/search?q=neural%20collapse">neural collapse</Link> or{' '}
            <Link to="/search?q=%22double%20descent%22">"double descent"</Link>.
          </p>
        </Empty>
      )}

      {q && (
        <div className="search-layout">
          <aside className="facets" aria-labelledby="filters-title">
            {/* Headings in order for screen readers: the filter groups' h3s sit under this h2, not under the h1. */}
            <h2 id="filters-title" className="visually-hidden">
              Filters
            </h2>
            {activeFilters.length > 0 && (
              <button type="button" className="button small" onClick={() => setFilter(Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])))}>
                Clear all filters
              </button>
            )}
            {data?.query.author && (
              <FacetGroup
                title="Author"
                facets={[{ value: data.query.author.id, label: data.query.author.name, count: data.total }]}
                selected={data.query.author.id}
                onSelect={() => undefined}
                onClear={() => setFilter({ author: null })}
              />
            )}
            <FacetGroup
              title="Topic"
              facets={data?.facets.topic ?? []}
              selected={params.get('topic')}
              onSelect={(v) => setFilter({ topic: v })}
              onClear={() => setFilter({ topic: null })}
            />
            <FacetGroup
              title="Year"
              facets={data?.facets.year ?? []}
              selected={params.get('year_from') && params.get('year_from') === params.get('year_to') ? params.get('year_from') : null}
              rangeLabel={yearRangeLabel(params.get('year_from'), params.get('year_to'))}
              onSelect={(v) => setFilter({ year_from: v, year_to: v })}
              onClear={() => setFilter({ year_from: null, year_to: null })}
              unfiltered={data ? { label: 'no year', count: matchesWithoutYear(data), title: 'Papers without a known year (no filter for them)' } : undefined}
            />
            <FacetGroup
              title="Source"
              facets={(data?.facets.source ?? []).map((f) => ({ ...f, label: sourceLabel(f.value) }))}
              selected={params.get('source')}
              onSelect={(v) => setFilter({ source: v })}
              onClear={() => setFilter({ source: null })}
            />
            <FacetGroup
              title="Category"
              facets={data?.facets.category ?? []}
              selected={params.get('category')}
              onSelect={(v) => setFilter({ category: v })}
              onClear={() => setFilter({ category: null })}
            />
            {data?.facetsApproximate && (
              <p className="muted facets-note">
                Counts over the first {formatCount(data.facetsOver)} of {formatCount(data.total)} matches, best first
              </p>
            )}
          </aside>

          <section className="results" aria-labelledby="results-title">
            <h2 id="results-title" className="results-count" aria-live="polite" tabIndex={-1}>
              {data ? resultsTitle(data.total) : error || refused ? 'No results' : 'Searching…'}
              {data && data.total > 0 && data.pages > 1 && data.page <= data.pages && <span className="muted"> · page {data.page} of {data.pages}</span>}
            </h2>
            {data && data.query.wordsLeftOut > 0 && <p className="muted search-help" data-testid="words-left-out">Searched the first {data.query.wordsSearched} words and phrases, the most one search takes; the other {data.query.wordsLeftOut} {data.query.wordsLeftOut === 1 ? 'was' : 'were'} left out.</p>}
            {data && data.total > 0 && (
              <p className="bibtex-link">
                <a
                  className="button small"
                  href={`/api/v1${paths.searchBibtex({ q, prefix: prefix || undefined, ...Object.fromEntries(activeFilters.map((k) => [k, params.get(k)!])), limit: SEARCH_BIBTEX_ENTRIES, download: true })}`}
                  download
                  aria-describedby={exportNote ? exportNoteId : undefined}
                >
                  BibTeX
                </a>
                {/* The file is cut at the best matches: said here, not only in a header of the download. */}
                {exportNote && (
                  <span id={exportNoteId} className="muted" data-testid="bibtex-coverage">
                    {' '}
                    {exportNote}
                  </span>
                )}
              </p>
            )}
            {asksPeople && people.data && people.data.items.some((a) => namedBy(a.nameVariants, named)) && (
              <section className="people-matches" aria-labelledby="people-title" data-testid="people-matches">
                <h3 id="people-title" className="small-heading">
                  Researchers matching “{named}”
                </h3>
                <ul className="plain-list people-list">
                  {people.data.items.filter((a) => namedBy(a.nameVariants, named)).map((a) => (
                    <li key={a.id}>
                      <Link to={`/authors/${encodeURIComponent(a.id)}`}>{a.name}</Link> <span className="muted">{plural(a.paperCount, 'paper')}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {(refused ?? queryError) && (
              <Empty title={refused?.title ?? 'These words cannot be searched'}>
                <p>{refused?.message ?? querySentence(queryError!.message)}</p>
                {(refused ? refused.typingHint : queryError?.code === 'INVALID_QUERY') && (
                  <p>
                    Type at least one word to find, of letters or digits; <kbd>-word</kbd> and <kbd>NOT word</kbd> only leave words out.
                  </p>
                )}
              </Empty>
            )}
            {error && !queryError && badFilter && <FilterError error={error} field={badFilter} clearTo={urlWithout('/search', params, [badFilter])} />}
            {error && !queryError && !badFilter && <ErrorState error={error} onRetry={result.reload} />}
            {result.status === 'loading' && apiPath && !data && <Loading label="Searching…" />}
            {data && data.total === 0 && (
              <Empty title={`Nothing matches “${q}”${activeFilters.length ? ' with these filters' : ''}`}>
                <p>
                  {activeFilters.length
                    ? 'Remove a filter, or use fewer words.'
                    : 'Every word must appear somewhere in the paper. Try fewer or shorter words, or a different spelling.'}
                </p>
              </Empty>
            )}
            {data && data.total > 0 && data.items.length === 0 && (
              <PastLastPage page={data.page} pages={data.pages} firstPage={urlWithout('/search', params, ['page'])} />
            )}
            {data && data.items.length > 0 && (
              <>
                <div className={`card-list${result.status === 'loading' ? ' is-stale' : ''}`} aria-busy={result.status === 'loading'}>
                  {data.items.map((hit) => (
                    <PaperCard key={hit.paper.id} paper={hit.paper} titleSegments={hit.title} snippet={hit.snippet} matchedKeywords={hit.matchedKeywords} headingLevel="h3" />
                  ))}
                </div>
                <Pagination page={data.page} pages={data.pages} label="Result pages" headingId="results-title" />
              </>
            )}
          </section>
        </div>
      )}
    </div>
  )
}

function yearRangeLabel(from: string | null, to: string | null): string | null {
  if (!from && !to) return null
  if (from && to) return from === to ? null : `${from}–${to}`
  return from ? `from ${from}` : `until ${to}`
}

interface FacetGroupProps {
  title: string
  facets: Facet[]
  selected: string | null
  rangeLabel?: string | null
  /** Matches in none of the values (no year), counted last so the counts add up; not a filter. Shown when any. */
  unfiltered?: { label: string; count: number; title: string } | undefined
  onSelect: (value: string) => void
  onClear: () => void
}

/** One facet as a list of toggle buttons; the selected value is pressed and clears on a second click. */
function FacetGroup({ title, facets, selected, rangeLabel, unfiltered, onSelect, onClear }: FacetGroupProps) {
  const [expanded, setExpanded] = useState(false)
  const rest = unfiltered && unfiltered.count > 0 ? unfiltered : null
  if (facets.length === 0 && !selected && !rangeLabel && !rest) return null
  const limit = 8
  const shown = expanded ? facets : facets.slice(0, limit)
  return (
    <div className="facet-group" role="group" aria-label={title} ref={trackHiddenEdges}>
      <h3>{title}</h3>
      {(rangeLabel ?? (selected && !facets.some((f) => f.value === selected) ? selected : null)) && (
        // A range, or a value no match has (a topic the library lacks): still shown, so it can be removed.
        <button type="button" className="facet selected" aria-pressed="true" onClick={onClear} title={`Remove the ${title.toLowerCase()} filter`}>
          <span className="facet-label">{rangeLabel ?? selected}</span>
          <span aria-hidden="true">×</span>
        </button>
      )}
      <ul>
        {shown.map((f) => {
          const isSelected = selected === f.value
          return (
            <li key={f.value}>
              <button
                type="button"
                className={`facet${isSelected ? ' selected' : ''}`}
                aria-pressed={isSelected}
                onClick={() => (isSelected ? onClear() : onSelect(f.value))}
                title={isSelected ? `Remove the ${title.toLowerCase()} filter` : `Only ${f.label}`}
              >
                <span className="facet-label">{f.label}</span>
                {/* Said with its unit (`2023, 6 papers`), and a selected one as what pressing it does. */}
                <span className="facet-count" aria-hidden="true">
                  {isSelected ? '×' : formatCount(f.count)}
                </span>
                <span className="visually-hidden">{isSelected ? `, ${plural(f.count, 'paper')}, selected: press to remove` : `, ${plural(f.count, 'paper')}`}</span>
              </button>
            </li>
          )
        })}
        {rest && (
          <li>
            <span className="facet static" title={rest.title} data-testid="facet-unfiltered">
              <span className="facet-label">{rest.label}</span>
              <span className="facet-count" aria-hidden="true">
                {formatCount(rest.count)}
              </span>
              {/* Said with its unit, as the facets beside it are. */}
              <span className="visually-hidden">, {plural(rest.count, 'paper')}</span>
            </span>
          </li>
        )}
      </ul>
      {facets.length > limit && (
        <button type="button" className="link-button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? 'Show fewer' : `Show all ${facets.length}`}
        </button>
      )}
    </div>
  )
}

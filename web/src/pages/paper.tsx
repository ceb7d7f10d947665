/** @module Paper: everything known, every source record with its link and why it was merged, BibTeX, similar papers. */
import { useEffect, useRef, useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom'
import { ApiError, getText, paths, type PaperDetail, type SourceRecordOut } from '../api.js'
import { AuthorLine } from '../components/authors.js'
import { KeywordGroups, KeywordReasons, TopicChip } from '../components/chips.js'
import { HowComputed } from '../components/how-computed.js'
import { SimilarItem, SimilarityLegend } from '../components/similar-item.js'
import { ErrorState, Loading, NotFound } from '../components/states.js'
import { digestOriginLabel, formatCount, formatDate, formatDay, idsNotShown, matchReasonText, percentileRank, readableText, sourceLabel, sourceLabelInText } from '../format.js'
import { useApi, useQueryChoice, useTitle } from '../hooks.js'
import { restoresPlace } from '../navigation.js'

/**
 * What a novelty percentile ranks among: the papers of the paper's year, or of the years around it when its
 * year had too few papers and was pooled with them. Read after the headline (`57th percentile`).
 */
export function noveltyCaption(cohort: { from: number; to: number; papers: number } | null): string {
  // The length of the text is taken out before ranking (a title alone sits near some earlier title), so the
  // percentile need not follow the novelty shown under it from paper to paper: said here, not only in the how.
  const length = ', with what a text of its length gets taken out'
  if (!cohort) return `among this library’s papers of its year (of the years next to it too, when its year has few papers)${length}`
  const papers = `${formatCount(cohort.papers)} papers`
  if (cohort.from === cohort.to) return `among this library’s ${papers} of ${cohort.from} with a novelty${length}`
  // Not "its year had too few": a year with enough takes in the years next to it that have too few.
  return `among this library’s ${papers} of ${cohort.from}–${cohort.to} with a novelty${length}: years with too few papers to rank among alone are ranked together with the years next to them`
}

/**
 * The line naming the language of a paper's text (keywordAnalysis.language), only for a text not in English: it is
 * why such a paper has no key words of its own. An English paper, and one analysed before the language was recorded
 * (null), get none.
 * @example paperLanguageLine('French') // 'Language: French'
 */
export function paperLanguageLine(language: string | null | undefined): string | null {
  return language && language !== 'English' ? `Language: ${language}` : null
}

export function PaperPage() {
  const params = useParams()
  // A DOI pasted with its slash comes as the rest of the path, perhaps with a slash after it, as the server reads it.
  const id = (params.id ?? params['*'] ?? '').replace(/\/+$/, '')
  // `/papers` alone names no paper (asked of the API, `/papers/` is the feed).
  const paper = useApi<PaperDetail>(id ? paths.paper(id) : null)
  const { search, hash } = useLocation()
  const navigate = useNavigate()
  const missing = id === '' || (paper.status === 'error' && paper.error.status === 404)
  // The API answers an arXiv id, a DOI or a merged paper's former id with the paper under its own id: the answer is
  // this URL's (status 'ok') though its id differs. While another URL's paper stays shown, the ids must agree.
  const shown = paper.data && (paper.status === 'ok' || paper.data.id === id) ? paper.data : null
  const canonicalId = shown && shown.id !== id ? shown.id : null
  useEffect(() => {
    // The URL names the paper by its own id, as every link to it does.
    if (canonicalId !== null) navigate({ pathname: `/papers/${encodeURIComponent(canonicalId)}`, search, hash }, { replace: true })
  }, [canonicalId])
  useTitle(missing ? 'Paper not found' : shown ? readableText(shown.title) : null)
  if (missing)
    return (
      <NotFound title="There is no paper here">
        <p>
          No paper in this library has the id <code>{id}</code>.
        </p>
      </NotFound>
    )
  if (paper.status === 'error') return <ErrorState error={paper.error} onRetry={paper.reload} />
  if (!shown) return <Loading label="Loading the paper…" />
  // Keyed by paper: another paper's page starts with its own boxes closed, even when its data is cached.
  return <PaperView key={shown.id} paper={shown} />
}

function PaperView({ paper }: { paper: PaperDetail }) {
  const location = useLocation()
  const { hash, key } = location
  useEffect(() => {
    // On a page opened at #sources the browser looked for the anchor before the paper arrived: look again.
    // Not on Back, Forward or a reload to a place the reader had scrolled to: ScrollAndFocus puts them back there.
    if (hash.length > 1 && !restoresPlace(location)) document.getElementById(hash.slice(1))?.scrollIntoView()
  }, [paper.id, hash, key])
  const date = formatDate(paper.date)
  // The API gives curated topics in their lists' order (Vision › Detection, outermost first).
  const curated = paper.topics.filter((t) => t.origin === 'curated')
  const predicted = paper.topics.filter((t) => t.origin === 'predicted')
  const language = paperLanguageLine(paper.keywordAnalysis?.language)
  return (
    <article className="paper-page">
      <header className="page-header">
        <div className="card-meta">
          {paper.categories.map((c) => (
            <span key={c} className="badge">
              {c}
            </span>
          ))}
          {date ? <time dateTime={paper.date ?? undefined}>{date}</time> : <span className="muted">Publication date unknown</span>}
          {paper.venue && <span className="venue">{paper.venue}</span>}
          {paper.listedAt && <span className="muted">Listed {formatDate(paper.listedAt)}</span>}
          {language && (
            <span className="muted" data-testid="paper-language">
              {language}
            </span>
          )}
        </div>
        <h1 className="paper-title" tabIndex={-1}>
          {readableText(paper.title)}
        </h1>
        {paper.titleDerived && (
          <p className="notice">No source gave this paper a title; this one is the start of its abstract.</p>
        )}
        <p className="paper-authors">
          <AuthorLine authors={paper.authors} truncated={paper.authorsTruncated} max={30} expandable />
        </p>
        <div className="paper-facts">
          {paper.citationCount !== null && <span>{formatCount(paper.citationCount)} citations (as reported by a source)</span>}
          {paper.upvotes !== null && <span>▲ {formatCount(paper.upvotes)} upvotes</span>}
          <span>
            {paper.sources.length === 1 ? 'From 1 source record' : `Merged from ${paper.sources.length} source records`} ·{' '}
            <a
              href="#sources"
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
                // Scroll and focus without a history entry, as the skip link does: the browser's `#sources`
                // entry would have the key `default`, shared with every entry opened from outside, and Back
                // would put another page where this one was scrolled.
                event.preventDefault()
                const heading = document.getElementById('sources')
                heading?.scrollIntoView()
                heading?.focus({ preventScroll: true })
              }}
            >
              provenance
            </a>
          </span>
        </div>
        {paper.links.length > 0 && (
          <ul className="link-row" aria-label="Elsewhere">
            {paper.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} target="_blank" rel="noopener noreferrer" className="button small">
                  {l.label} ↗
                </a>
              </li>
            ))}
          </ul>
        )}
      </header>

      <div className="paper-grid">
        <div className="paper-main">
          {paper.digest && (
            <section className={`digest origin-box-${paper.digest.origin}`} aria-labelledby="digest-title">
              <h2 id="digest-title" className="small-heading">
                {digestOriginLabel(paper.digest.origin)}
              </h2>
              <p>{readableText(paper.digest.text)}</p>
              <DigestSource digest={paper.digest} sources={paper.sources} />
              {paper.digestAnalysis && (
                <details className="how" data-testid="digest-how">
                  <summary>Why these sentences</summary>
                  {paper.digestAnalysis.why.length > 0 && <p className="muted">What weighed most: {paper.digestAnalysis.why.join(', ')}</p>}
                  <HowComputed text={paper.digestAnalysis.howComputed} />
                </details>
              )}
            </section>
          )}
          <section aria-labelledby="abstract-title">
            <h2 id="abstract-title">Abstract</h2>
            {paper.abstract ? (
              paper.abstract.split(/\n{2,}/).map((para, i) => (
                <p key={i} className="abstract">
                  {readableText(para)}
                </p>
              ))
            ) : (
              <p className="muted">No source gave an abstract.</p>
            )}
          </section>
        </div>

        <aside className="paper-side">
          <section aria-labelledby="topics-title">
            <h2 id="topics-title" className="small-heading">
              Topics
            </h2>
            {paper.topics.length === 0 && paper.topicPrediction?.status !== 'unsorted' && <p className="muted">No topic yet.</p>}
            {/* The server's sentence, as the API and `paperscope show` give it: why, and the topic or word it turned on. */}
            {paper.topicPrediction?.status === 'unsorted' && paper.topicPrediction.unsortedNote && (
              <p className="muted unsorted" data-testid="unsorted">
                {paper.topicPrediction.unsortedNote}
              </p>
            )}
            {curated.length > 0 && (
              <>
                <p className="side-label">Curated</p>
                <ul className="chips">
                  {curated.map((t) => (
                    <li key={t.id}>
                      <TopicChip topic={t} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {predicted.length > 0 && (
              <>
                <p className="side-label">Predicted (with confidence)</p>
                <ul className="chips">
                  {predicted.map((t) => (
                    <li key={t.id}>
                      <TopicChip topic={t} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {paper.topicPrediction && paper.topicPrediction.status !== 'curated' && paper.topicPrediction.status !== 'no-model' && (
              <details className="how">
                <summary>How topics are predicted</summary>
                <HowComputed text={paper.topicPrediction.howComputed} />
                {paper.topicPrediction.why.length > 0 && <p className="muted">Terms behind the best topic: {paper.topicPrediction.why.join(', ')}</p>}
              </details>
            )}
          </section>
          {(paper.keywords.length > 0 || paper.keywordAnalysis?.note) && (
            <section aria-labelledby="keywords-title">
              <h2 id="keywords-title" className="small-heading">
                Key words
              </h2>
              <KeywordGroups keywords={paper.keywords} />
              {/* Fewer than two: why, as an unsorted paper says why it has no topic. */}
              {paper.keywordAnalysis?.note && (
                <p className="muted small" data-testid="keywords-note">
                  {paper.keywordAnalysis.note}
                </p>
              )}
              {paper.keywordAnalysis && paper.keywordAnalysis.items.length > 0 && (
                <KeywordReasons items={paper.keywordAnalysis.items} howComputed={paper.keywordAnalysis.howComputed} testId="keywords-how" />
              )}
            </section>
          )}
          {paper.novelty && (
            <section aria-labelledby="novelty-title">
              <h2 id="novelty-title" className="small-heading">
                Novelty
              </h2>
              <p className="big-number" data-testid="novelty-value">
                {paper.novelty.value === null ? (
                  'unknown'
                ) : (
                  // A rank among papers, not a share of something (`57%` read as one).
                  <>
                    {percentileRank(paper.novelty.value)} <span className="number-unit">percentile</span>
                  </>
                )}
              </p>
              {paper.novelty.value !== null && (
                <p className="muted small" data-testid="novelty-cohort">
                  {noveltyCaption(paper.novelty.cohort)}
                </p>
              )}
              {paper.novelty.why.length > 0 && <p className="muted">{paper.novelty.why.join('; ')}</p>}
              {paper.noveltyEvidence.length > 0 && (
                <>
                  <p className="side-label">Nearest earlier papers (the evidence)</p>
                  <ol className="evidence-list" data-testid="novelty-evidence">
                    {paper.noveltyEvidence.map((e) => (
                      <li key={e.paper.id}>
                        <Link to={`/papers/${encodeURIComponent(e.paper.id)}`}>{readableText(e.paper.title)}</Link>{' '}
                        <span className="muted">
                          ({formatDate(e.paper.date) ?? 'undated'}, wording similarity {e.similarity.toFixed(2)})
                        </span>
                      </li>
                    ))}
                  </ol>
                </>
              )}
              <details className="how">
                <summary>How novelty is computed</summary>
                <HowComputed text={paper.novelty.howComputed} />
              </details>
            </section>
          )}
          {Object.keys(paper.ids).length > 0 && (
            <section aria-labelledby="ids-title">
              <h2 id="ids-title" className="small-heading">
                Identifiers
              </h2>
              <dl className="id-list">
                {Object.entries(paper.ids).map(([kind, value]) => (
                  <div key={kind}>
                    <dt>{kind}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </aside>
      </div>

      <SimilarPapers paper={paper} />
      {/* After what the paper is about (on a phone, topics, key words and novelty came 3.6 screens down). */}
      <Bibtex id={paper.id} />

      <section aria-labelledby="sources" className="sources">
        <h2 id="sources" tabIndex={-1}>
          Sources
        </h2>
        <p className="muted">
          Every record this paper was merged from, where to find it again, and why it was joined to this paper.
        </p>
        <ol className="source-list">
          {paper.sources.map((s) => (
            <SourceItem key={s.id} record={s} paperIds={paper.ids} />
          ))}
        </ol>
      </section>
    </article>
  )
}

type SimilarOrder = 'similarity' | 'wording' | 'newest' | 'cited'
const SIMILAR_ORDERS: readonly SimilarOrder[] = ['similarity', 'wording', 'newest', 'cited']

/** Most cited first (as a source reported), then most upvoted; unknown counts last. */
function byPopularity(a: { citationCount: number | null; upvotes: number | null }, b: { citationCount: number | null; upvotes: number | null }): number {
  return (b.citationCount ?? -1) - (a.citationCount ?? -1) || (b.upvotes ?? -1) - (a.upvotes ?? -1)
}

/**
 * Similar papers by similarity, closest wording, newest or most cited first (readers ask what is closest, new,
 * influential; and a paper worded alike but filed under another topic ranks below same-topic ones by similarity).
 */
function SimilarPapers({ paper }: { paper: PaperDetail }) {
  // In the URL (`?sort=newest`), so a reload or a shared link keeps it; replaced, not pushed, as the search
  // page does for typing.
  const [chosen, setOrder] = useQueryChoice('sort', SIMILAR_ORDERS, 'similarity')
  const hasCounts = paper.similar.some((s) => s.paper.citationCount !== null || s.paper.upvotes !== null)
  const hasWording = paper.similar.some((s) => s.textSimilarity !== null)
  const order = (chosen === 'cited' && !hasCounts) || (chosen === 'wording' && !hasWording) ? 'similarity' : chosen
  const shown =
    order === 'wording'
      ? [...paper.similar].sort((a, b) => (b.textSimilarity ?? -1) - (a.textSimilarity ?? -1))
      : order === 'newest'
      ? [...paper.similar].sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? ''))
      : order === 'cited'
        ? [...paper.similar].sort((a, b) => byPopularity(a.paper, b.paper))
        : paper.similar
  return (
    <section aria-labelledby="similar-title" className="similar">
      <div className="section-head">
        <h2 id="similar-title">Similar papers</h2>
        {paper.similar.length > 1 && (
          <label className="inline-label">
            Sort{' '}
            <select value={order} onChange={(e) => setOrder(e.target.value as SimilarOrder)}>
              <option value="similarity">Most similar</option>
              {/* Without a wording part on any of them (an older analysis), this order would be the first one again. */}
              <option value="wording" disabled={!hasWording}>
                Closest wording first
              </option>
              <option value="newest">Newest first</option>
              {/* Without a citation count or upvotes on any of them, this order would be the first one again. */}
              <option value="cited" disabled={!hasCounts}>
                {hasCounts ? 'Most cited first' : 'Most cited first (no counts known)'}
              </option>
            </select>
          </label>
        )}
      </div>
      {/* A list the model placed by one word of a bare title (or by its topics alone) says so, in the server's sentence. */}
      {paper.similarNote && (
        <p className="muted" data-testid="similar-note">
          {paper.similarNote}
        </p>
      )}
      {paper.similarStatus === 'not-computed' ? (
        <p className="muted">Similarity has not been computed for this library yet.</p>
      ) : paper.similar.length === 0 ? (
        !paper.similarNote && <p className="muted">No similar papers found in this library.</p>
      ) : (
        <>
          <SimilarityLegend items={paper.similar} />
          <div className="card-list">
            {shown.map((s) => (
              <SimilarItem key={s.paper.id} item={s} />
            ))}
          </div>
        </>
      )}
      {paper.similarStatus === 'computed' && (
        <details className="how">
          <summary>How similarity is computed</summary>
          <HowComputed text={paper.similarHowComputed} />
        </details>
      )}
    </section>
  )
}

/** Which of the merged records gave a digest someone wrote (a curator, a source's model); none for Paperscope's own. */
export function digestSourceRecord<R extends Pick<SourceRecordOut, 'digest'>>(digest: NonNullable<PaperDetail['digest']>, sources: readonly R[]): R | undefined {
  if (digest.origin === 'generated') return undefined
  return sources.find((s) => s.digest?.text === digest.text && s.digest.origin === digest.origin)
}

function DigestSource({ digest, sources }: { digest: NonNullable<PaperDetail['digest']>; sources: readonly SourceRecordOut[] }) {
  const record = digestSourceRecord(digest, sources)
  if (!record) return null
  return (
    <p className="muted digest-source" data-testid="digest-source">
      From {sourceLabelInText(record.source)}: <span className="source-locator-inline">{record.locator}</span>
    </p>
  )
}

function SourceItem({ record, paperIds }: { record: SourceRecordOut; paperIds: Readonly<Record<string, string>> }) {
  const ids = Object.entries(record.ids)
  // Said here so that the record's provenance stays whole when its paper shows other ids.
  const elsewhere = idsNotShown(record.ids, paperIds)
  return (
    <li className="source-item">
      <div className="source-head">
        <strong>{sourceLabel(record.source)}</strong>
        <span className="muted">read {formatDay(record.fetchedAt)}</span>
      </div>
      <p className="source-locator">
        {record.link ? (
          <a href={record.link} target="_blank" rel="noopener noreferrer">
            {record.locator} ↗
          </a>
        ) : (
          <code>{record.locator}</code>
        )}
      </p>
      <p className={`match-reason${record.matchReason ? '' : ' created'}`}>{matchReasonText(record.matchReason)}</p>
      <details>
        <summary>What this record says</summary>
        <dl className="record-fields">
          {record.title && (
            <div>
              <dt>Title</dt>
              <dd>{record.title}</dd>
            </div>
          )}
          {record.authors.length > 0 && (
            <div>
              <dt>Authors</dt>
              <dd>
                {record.authors.join(', ')}
                {record.authorsTruncated && ' et al.'}
              </dd>
            </div>
          )}
          {record.date && (
            <div>
              <dt>Date</dt>
              <dd>{formatDate(record.date)}</dd>
            </div>
          )}
          {record.venue && (
            <div>
              <dt>Venue</dt>
              <dd>{record.venue}</dd>
            </div>
          )}
          {record.topics.length > 0 && (
            <div>
              <dt>Topics</dt>
              <dd>{record.topics.join(', ')}</dd>
            </div>
          )}
          {record.keywords.length > 0 && (
            <div>
              <dt>Key words</dt>
              <dd>{record.keywords.join('; ')}</dd>
            </div>
          )}
          {record.citationCount !== null && (
            <div>
              <dt>Citations</dt>
              <dd>{formatCount(record.citationCount)}</dd>
            </div>
          )}
          {ids.length > 0 && (
            <div>
              <dt>Ids</dt>
              <dd data-testid="record-ids">
                {ids.map(([kind, value]) => `${kind} ${value}`).join(' · ')}
                {elsewhere.length > 0 &&
                  ` (not shown for this paper: ${elsewhere.join(', ')}; another paper holds it, or the paper shows a publication's id over a preprint's)`}
              </dd>
            </div>
          )}
          <div>
            <dt>Record key</dt>
            <dd>
              <code>{record.key}</code>
            </dd>
          </div>
        </dl>
      </details>
    </li>
  )
}

function Bibtex({ id }: { id: string }) {
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
  const pre = useRef<HTMLPreElement>(null)
  useEffect(() => {
    const controller = new AbortController()
    setText(null)
    setError(null)
    getText(paths.bibtex(id), controller.signal).then(setText, (err: unknown) => {
      // Aborted means the page moved on (another paper, a retry): nothing to report.
      if ((err as Error).name === 'AbortError') return
      setError(err instanceof ApiError ? err : new ApiError('CLIENT', (err as Error).message, 0))
    })
    return () => controller.abort()
  }, [id, attempt])
  const copy = async () => {
    if (!text) return
    try {
      await navigator.clipboard.writeText(text)
      setStatus('copied')
    } catch {
      // No clipboard permission (plain http on a LAN host): select the text so Ctrl+C works.
      const range = document.createRange()
      if (pre.current) {
        range.selectNodeContents(pre.current)
        window.getSelection()?.removeAllRanges()
        window.getSelection()?.addRange(range)
      }
      setStatus('failed')
    }
    setTimeout(() => setStatus('idle'), 2500)
  }
  return (
    <section aria-labelledby="bibtex-title" className="bibtex">
      <div className="section-head">
        <h2 id="bibtex-title">Cite</h2>
        <div className="button-row">
          <span className="copy-status" role="status" aria-live="polite">
            {status === 'copied' ? 'Copied.' : status === 'failed' ? 'Copy blocked: the text is selected, press Ctrl+C.' : ''}
          </span>
          <button type="button" className="button primary small" onClick={() => void copy()} disabled={!text}>
            Copy BibTeX
          </button>
          <a className="button small" href={`/api/v1${paths.bibtex(id)}?download=true`}>
            Download .bib
          </a>
        </div>
      </div>
      {error ? (
        <div className="state state-error" role="alert" data-testid="bibtex-error">
          <p className="state-title">The BibTeX entry could not be loaded</p>
          <p>{error.message}</p>
          <button
            type="button"
            className="button"
            onClick={(event) => {
              // The button goes away with the error: keyboard focus stays in the Cite section.
              const section = event.currentTarget.closest<HTMLElement>('section')
              setAttempt((n) => n + 1)
              if (section) {
                section.tabIndex = -1
                section.focus({ preventScroll: true })
              }
            }}
          >
            Try again
          </button>
        </div>
      ) : (
        <pre ref={pre} className="code-block" tabIndex={0} aria-label="BibTeX entry">
          {text ?? 'Loading…'}
        </pre>
      )}
    </section>
  )
}

/**
 * @module Classify a text: paste an abstract or a draft, or type a title alone, get its topics, key words and
 * digest with the library's models, and the library papers nearest to it, each with why. A year written, when
 * typed, dates the text as POST /classify's `year` does (the nearest papers are found without it). Nothing is stored.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react'
import { ApiError, paths, postJson, type ClassifyResult, type SimilarResult } from '../api.js'
import { KeywordGroups, KeywordReasons, TopicChip } from '../components/chips.js'
import { HowComputed } from '../components/how-computed.js'
import { SimilarItem, SimilarityLegend } from '../components/similar-item.js'
import { ErrorState, Loading } from '../components/states.js'
import { plural } from '../format.js'
import { useTitle } from '../hooks.js'

/**
 * `titleOnly`: the answer is for a title with no text, which has no sentence to make a digest of. `year`: the year
 * the text was sent with (null: none), said with the answer, as the box may have changed since.
 */
type Answer = { classified: ClassifyResult; similar: SimilarResult; titleOnly: boolean; year: number | null }
type State = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; answer: Answer } | { status: 'error'; error: ApiError }

const SIMILAR_SHOWN = 8
const MAX_TEXT = 20_000

/**
 * What the page says to a screen reader when an answer arrives: focus stays on the Classify button, and the
 * answer is further down the page.
 * @example answerAnnouncement({ unsorted: false, topics: 1, keywords: 6, nearest: 8 }) // 'Results below: 1 predicted topic, 6 key words, 8 nearest papers.'
 */
export function answerAnnouncement({ unsorted, topics, keywords, nearest }: { unsorted: boolean; topics: number; keywords: number; nearest: number }): string {
  return `Results below: ${unsorted ? 'no topic (unsorted)' : plural(topics, 'predicted topic')}, ${plural(keywords, 'key word')}, ${plural(nearest, 'nearest paper')}.`
}

/** What the last answer was for: a title or a year left over from it is said to be sent with a new text. */
type Run = { title: string; text: string; year?: string }

/** What the form sends to /classify: the text, its title, and the year it was written. */
type ClassifyRequest = { text?: string; title?: string; year?: number }

/**
 * What the form sends to /classify: the text and the title each when it has more than spaces, and the year when one
 * is given; null when neither text nor title has more than spaces, and the button is disabled. A title alone is
 * classified, as the API and `paperscope classify` take one.
 * @example classifyBody('Deep Double Descent', ' ') // { title: 'Deep Double Descent' }
 * @example classifyBody('Learning the kernel with hyperkernels', '', 2005) // { title: 'Learning the kernel with hyperkernels', year: 2005 }
 */
export function classifyBody(title: string, text: string, year: number | null = null): ClassifyRequest | null {
  const body = { ...(text.trim() ? { text } : {}), ...(title.trim() ? { title: title.trim() } : {}) }
  if (!('text' in body || 'title' in body)) return null
  return year === null ? body : { ...body, year }
}

/**
 * What the form sends to /similar for the same text: its text and title, never its year. /similar ranks papers by
 * wording and topics, and a year has no part in that; a field it does not take would be refused.
 * @example similarBody({ title: 'Learning the kernel with hyperkernels', year: 2005 }, 8) // { title: 'Learning the kernel with hyperkernels', k: 8 }
 */
export function similarBody(body: ClassifyRequest, k: number): { text?: string; title?: string; k: number } {
  return { ...(body.text === undefined ? {} : { text: body.text }), ...(body.title === undefined ? {} : { title: body.title }), k }
}

/** The earliest year a text may be dated, as POST /classify and `classify --jsonl` take `year` (MIN_TEXT_YEAR). */
export const MIN_YEAR = 1000

/**
 * How many years after a dated text a name is too late for it (SUGGESTION_YEARS_AHEAD in src/analysis, which the
 * page does not bundle: a test holds the two equal).
 */
export const NAMED_LATER_YEARS = 5

/** A typed value quoted in a message, cut when long: the box has no length limit. */
const echo = (typed: string): string => (typed.length > 12 ? `${typed.slice(0, 12)}…` : typed)

/**
 * The Year box read as POST /classify reads `year`: empty is no year; else a whole year from 1000 to next year (UTC,
 * as the server counts it), or a message that names the box and says what is wrong.
 * @example parseYear(' 2005 ') // { ok: true, year: 2005 }
 * @example parseYear('05') // { ok: false, message: 'Year: 05 is before 1000; type the whole year, such as 2005.' }
 */
export function parseYear(input: string, now: Date = new Date()): { ok: true; year: number | null } | { ok: false; message: string } {
  const typed = input.trim()
  if (typed === '') return { ok: true, year: null }
  if (!/^\d+$/.test(typed)) return { ok: false, message: `Year: “${echo(typed)}” is not a year; type a whole year, such as 2005, or leave it empty.` }
  const year = Number(typed)
  if (year < MIN_YEAR) return { ok: false, message: `Year: ${echo(typed)} is before ${MIN_YEAR}; type the whole year, such as 2005.` }
  const latest = now.getUTCFullYear() + 1
  if (year > latest) return { ok: false, message: `Year: ${echo(typed)} is after next year (${latest}).` }
  return { ok: true, year }
}

/**
 * What the answer says of the year it was dated with: the rule the year brings in. The answer's own reasons say
 * where it changed something (a topic not given, `named-later`).
 * @example datedNote(2005) // 'Dated 2005: the text gets no topic and no suggested key word that the library first writes five or more years later (2010 or after).'
 */
export function datedNote(year: number): string {
  return `Dated ${year}: the text gets no topic and no suggested key word that the library first writes five or more years later (${year + NAMED_LATER_YEARS} or after).`
}

/**
 * What the nearest papers are when the text was dated: papers of any date, as /similar takes no year (a 2005 text's
 * nearest are 2018 papers on the Neural Tangent Kernel, which the year kept from its topics).
 * @example similarUndatedNote(2005) // 'Papers of any date: the year 2005 dates this text's topics and key words, not this list.'
 */
export function similarUndatedNote(year: number): string {
  return `Papers of any date: the year ${year} dates this text's topics and key words, not this list.`
}

/** True when a value of the form is the last run's and a new text was pasted under it, so it is sent with that text. */
function leftOver(value: string, lastValue: string, text: string, lastRun: Run): boolean {
  return lastRun.text.trim() !== '' && value.trim() !== '' && value === lastValue && text.trim() !== '' && text !== lastRun.text
}

/**
 * True when the title is the last run's and a new text was pasted under it: it is sent with that text (a recipe
 * read as Neural Collapse), so the page says so. Not after a title classified alone (a text pasted under it is
 * most likely its abstract), nor with no text (the title alone is then what is classified, as the form shows).
 */
export function isLeftoverTitle(title: string, text: string, lastRun: Run | null): boolean {
  return lastRun !== null && leftOver(title, lastRun.title, text, lastRun)
}

/**
 * True when the year is the last run's and a new text was pasted under it, as {@link isLeftoverTitle} says of a
 * title: a year left from another text would date the new one, and take topics from it without a word.
 */
export function isLeftoverYear(year: string, text: string, lastRun: Run | null): boolean {
  return lastRun !== null && leftOver(year, lastRun.year ?? '', text, lastRun)
}

/**
 * The line under the form: how long the text is, or what the form takes when it has no text.
 * @example formHint('Deep Double Descent', '') // 'The title alone is classified; paste the abstract too for a closer answer and a digest.'
 */
export function formHint(title: string, text: string, max = MAX_TEXT): string {
  if (text.length > max) return `${text.length.toLocaleString('en')} characters: the longest text read is ${max.toLocaleString('en')}; keep the abstract or a part of the draft.`
  if (text.trim() !== '') return `${text.length.toLocaleString('en')} of ${max.toLocaleString('en')} characters`
  if (title.trim() !== '') return 'The title alone is classified; paste the abstract too for a closer answer and a digest.'
  return `Type a title, paste a text (up to ${max.toLocaleString('en')} characters), or both.`
}

/**
 * The last text and its answer, kept in memory while the app is open: a reader opens a nearest paper and
 * comes back to the answer, not to an empty form. Gone on reload or Clear; nothing is written anywhere.
 */
const EMPTY: { title: string; text: string; year: string; answer: Answer | null; lastRun: Run | null } = { title: '', text: '', year: '', answer: null, lastRun: null }
let remembered = EMPTY

/**
 * The note under a field the last run filled that goes with a new text too (its title, its year), with a button that
 * empties the field. The note and its button then go away, so focus moves to the emptied field, in the form.
 */
function LeftoverNote({ id, what, onClear, field, children }: { id: string; what: string; onClear: () => void; field: RefObject<HTMLInputElement | null>; children: ReactNode }) {
  return (
    <p id={id} className="notice small" data-testid={id}>
      {children}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          onClear()
          field.current?.focus()
        }}
      >
        Clear the {what}
      </button>
    </p>
  )
}

export function ClassifyPage() {
  useTitle('Classify a text')
  const [title, setTitle] = useState(remembered.title)
  const [text, setText] = useState(remembered.text)
  const [year, setYear] = useState(remembered.year)
  const [state, setState] = useState<State>(() => (remembered.answer ? { status: 'ok', answer: remembered.answer } : { status: 'idle' }))
  const [lastRun, setLastRun] = useState<Run | null>(remembered.lastRun)
  // Only an answer that arrives while the reader waits is read out, not one restored on coming back.
  const [announcement, setAnnouncement] = useState('')
  const running = useRef<AbortController | null>(null)
  const titleInput = useRef<HTMLInputElement>(null)
  const yearInput = useRef<HTMLInputElement>(null)
  const leftoverTitle = isLeftoverTitle(title, text, lastRun)
  const leftoverYear = isLeftoverYear(year, text, lastRun)
  const tooLong = text.length > MAX_TEXT
  const dated = parseYear(year)
  const body = classifyBody(title, text, dated.ok ? dated.year : null)
  useEffect(() => {
    remembered = { ...remembered, title, text, year }
  }, [title, text, year])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (body === null || tooLong || !dated.ok || state.status === 'loading') return
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setState({ status: 'loading' })
    setAnnouncement('')
    const titleOnly = body.text === undefined
    setLastRun({ title, text, year })
    remembered = { ...remembered, lastRun: { title, text, year } }
    try {
      const [classified, similar] = await Promise.all([
        postJson<ClassifyResult>(paths.classify(), body, controller.signal),
        postJson<SimilarResult>(paths.similar(), similarBody(body, SIMILAR_SHOWN), controller.signal),
      ])
      const answer = { classified, similar, titleOnly, year: body.year ?? null }
      remembered = { ...remembered, answer }
      setState({ status: 'ok', answer })
      setAnnouncement(
        answerAnnouncement({ unsorted: classified.unsorted, topics: classified.topics.length, keywords: classified.keywords.length, nearest: similar.similar.length }),
      )
    } catch (err) {
      if ((err as Error).name === 'AbortError') return
      setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError('CLIENT', (err as Error).message, 0) })
    }
  }

  const clear = () => {
    running.current?.abort()
    remembered = EMPTY
    setTitle('')
    setText('')
    setYear('')
    setLastRun(null)
    setState({ status: 'idle' })
    setAnnouncement('')
    titleInput.current?.focus()
  }

  return (
    <div>
      <header className="page-header">
        <h1 tabIndex={-1}>Classify a text</h1>
        <p className="muted">
          Paste an abstract, a digest or a draft, or type a title alone: Paperscope gives it topics, key words and a digest with this library’s models, and finds the library
          papers nearest to it, each with why. The title, text, year and answer stay on this page while the app is open (Clear empties them); nothing is stored.
        </p>
      </header>
      <form className="classify-form" onSubmit={submit} aria-label="Text to classify">
        <label htmlFor="classify-title">Title (optional)</label>
        <input
          id="classify-title"
          ref={titleInput}
          type="text"
          value={title}
          maxLength={1000}
          onChange={(e) => setTitle(e.target.value)}
          autoComplete="off"
          aria-describedby={leftoverTitle ? 'classify-title-note' : undefined}
        />
        {leftoverTitle && (
          <LeftoverNote id="classify-title-note" what="title" onClear={() => setTitle('')} field={titleInput}>
            This title is from the last text you classified, and it is sent with this one too.
          </LeftoverNote>
        )}
        <label htmlFor="classify-year">Year written (optional)</label>
        <div className="classify-year">
          {/* Text, not a number box: a number box reads "20O5" as empty and says nothing; this one says what is wrong. */}
          <input
            id="classify-year"
            ref={yearInput}
            type="text"
            inputMode="numeric"
            value={year}
            size={6}
            onChange={(e) => setYear(e.target.value)}
            autoComplete="off"
            aria-invalid={!dated.ok}
            aria-describedby={['classify-year-hint', dated.ok ? null : 'classify-year-error', leftoverYear ? 'classify-year-note' : null].filter(Boolean).join(' ')}
          />
          <span id="classify-year-hint" className="muted small">
            Such as 2005: the text then gets no topic or suggested key word that the library first writes five or more years later.
          </span>
        </div>
        {!dated.ok && (
          <p id="classify-year-error" className="small error-text" role="alert" data-testid="classify-year-error">
            {dated.message}
          </p>
        )}
        {leftoverYear && (
          <LeftoverNote id="classify-year-note" what="year" onClear={() => setYear('')} field={yearInput}>
            This year is from the last text you classified, and it dates this one too.
          </LeftoverNote>
        )}
        <label htmlFor="classify-text">Abstract or text</label>
        {/* No maxLength: a longer paste would be cut without a word; it is kept, said, and not sent. */}
        <textarea id="classify-text" value={text} rows={8} aria-describedby="classify-count" aria-invalid={tooLong} onChange={(e) => setText(e.target.value)} />
        <div className="button-row">
          {/* Busy, not disabled, while the answer loads: a disabled button drops keyboard focus to the page's start. */}
          <button type="submit" className="button primary" disabled={body === null || tooLong || !dated.ok} aria-disabled={state.status === 'loading' || undefined}>
            Classify
          </button>
          <button type="button" className="button" onClick={clear} disabled={title === '' && text === '' && year === '' && state.status === 'idle'}>
            Clear
          </button>
          <span id="classify-count" className={tooLong ? 'small error-text' : 'muted small'} data-testid="classify-count" role={tooLong ? 'alert' : undefined}>
            {formHint(title, text)}
          </span>
        </div>
      </form>
      {/* On the page before any answer, so that its change is read out; an error is read out by its own alert. */}
      <p className="visually-hidden" role="status" data-testid="classify-status">
        {announcement}
      </p>
      {state.status === 'loading' && <Loading label="Reading the text…" />}
      {state.status === 'error' && <ErrorState error={state.error} />}
      {state.status === 'ok' && <ClassifyAnswer answer={state.answer} />}
    </div>
  )
}

function ClassifyAnswer({ answer: { classified, similar, titleOnly, year } }: { answer: Answer }) {
  // In reading order: the digest, then the topics and key words (beside both on a wide screen, under the digest on
  // one column), then the nearest papers, so neither a phone nor a screen reader puts them after eight papers.
  return (
    <div className="paper-grid classify-answer">
      <div className="paper-main">
        <ClassifyDigest digest={classified.digest?.text ?? null} howComputed={classified.howComputed.digest} titleOnly={titleOnly} />
      </div>
      <ClassifyTopicsAndKeywords classified={classified} year={year} />
      <div className="paper-main">
        <section aria-labelledby="classify-similar" className="similar">
          <h2 id="classify-similar">Nearest papers in the library</h2>
          {similar.similar.length === 0 ? (
            <p className="muted" data-testid="classify-no-similar">
              {/* The server says why for this text (off topic or too short to tell, so compared by wording alone). */}
              {similar.note ??
                (classified.offTopic
                  ? 'None: the text is further from every topic of this library than any curated paper is, and it shares too little wording with any paper.'
                  : 'No paper of this library is near this text.')}
            </p>
          ) : (
            <>
              {year !== null && (
                <p className="muted small" data-testid="classify-similar-undated">
                  {similarUndatedNote(year)}
                </p>
              )}
              <SimilarityLegend items={similar.similar} />
              <div className="card-list">
                {similar.similar.map((s) => (
                  <SimilarItem key={s.paper.id} item={s} />
                ))}
              </div>
            </>
          )}
          <details className="how">
            <summary>How similarity is computed</summary>
            <HowComputed text={similar.howComputed} />
          </details>
        </section>
      </div>
    </div>
  )
}

/**
 * The digest Paperscope made for the text; when it made none (a few words, no complete sentence), a plain note
 * under a plain heading in neutral colours: "generated by Paperscope" in a digest's colours read as if the note
 * were the digest.
 */
export function ClassifyDigest({ digest, howComputed, titleOnly = false }: { digest: string | null; howComputed: string; titleOnly?: boolean }) {
  return (
    <section className={digest ? 'digest origin-box-generated' : 'digest digest-none'} aria-labelledby="classify-digest">
      <h2 id="classify-digest" className="small-heading">
        {digest ? 'Digest generated by Paperscope' : 'Digest'}
      </h2>
      {digest ? (
        <p>{digest}</p>
      ) : (
        <p className="muted">{titleOnly ? 'None: a title alone has no sentence to take one from; paste the abstract for one.' : 'None: the text has no complete sentence to take one from.'}</p>
      )}
      <details className="how">
        <summary>How the digest is chosen</summary>
        <HowComputed text={howComputed} />
      </details>
    </section>
  )
}

function ClassifyTopicsAndKeywords({ classified, year }: { classified: ClassifyResult; year: number | null }) {
  return (
    <aside className="paper-side">
      <section aria-labelledby="classify-topics">
        <h2 id="classify-topics" className="small-heading">
          Topics
        </h2>
        {classified.unsorted ? (
          <p className="muted unsorted" data-testid="classify-unsorted">
            {classified.unsortedNote}
          </p>
        ) : (
          <>
            <p className="side-label">Predicted (with confidence)</p>
            <ul className="chips">
              {classified.topics.map((t) => (
                <li key={t.label}>
                  <TopicChip topic={t} />
                </li>
              ))}
            </ul>
          </>
        )}
        {/* The year the answer is for (the box may have changed since); where it took a topic away, the reason says so. */}
        {year !== null && (
          <p className="muted small" data-testid="classify-dated">
            {datedNote(year)}
          </p>
        )}
        <details className="how">
          <summary>How topics are predicted</summary>
          {classified.topicWhy.length > 0 && <p className="muted">Behind the best topic: {classified.topicWhy.join(', ')}</p>}
          <HowComputed text={classified.howComputed.topics} />
        </details>
      </section>
      <section aria-labelledby="classify-keywords">
        <h2 id="classify-keywords" className="small-heading">
          Key words
        </h2>
        {classified.keywords.length === 0 && classified.language && (
          <p className="muted">{`None: the text looks ${classified.language}, and key phrases are read from English only.`}</p>
        )}
        {/* Fewer than two: why (no phrase reached the score a key word needs, or no suggestion had support). */}
        {!classified.language && classified.keywordsNote && (
          <p className="muted small" data-testid="classify-keywords-note">
            {classified.keywordsNote}
          </p>
        )}
        {/* Not links: the text's key words need not be any library paper's. */}
        <KeywordGroups keywords={classified.keywords.map((k) => ({ text: k.text, origin: k.origin }))} linked={false} />
        {classified.keywords.length > 0 && (
          <KeywordReasons items={classified.keywords} howComputed={classified.howComputed.keywords} testId="classify-keywords-how" />
        )}
      </section>
    </aside>
  )
}

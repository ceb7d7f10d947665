/** @module A paper as a card in a feed or a result list: category, date, title, authors, digest, topics. */
import { Link } from 'react-router-dom'
import type { PaperSummary, TextSegment } from '../api.js'
import { digestOriginLabel, formatCount, formatDate, plural, readableText } from '../format.js'
import { AuthorLine } from './authors.js'
import { TopicChips } from './chips.js'
import { Highlighted } from './text.js'

export interface PaperCardProps {
  paper: PaperSummary
  /** Search hits pass the highlighted title and snippet, and the curated key words the query matched. */
  titleSegments?: TextSegment[]
  snippet?: TextSegment[]
  matchedKeywords?: string[]
  headingLevel?: 'h2' | 'h3'
  compact?: boolean
}

export function PaperCard({ paper, titleSegments, snippet, matchedKeywords = [], headingLevel = 'h2', compact = false }: PaperCardProps) {
  const Heading = headingLevel
  const date = formatDate(paper.date)
  const category = paper.categories[0]
  return (
    <article className={`card paper-card${compact ? ' compact' : ''}`} data-paper-id={paper.id}>
      <div className="card-meta">
        {category && <span className="badge">{category}</span>}
        {date ? (
          <time dateTime={paper.date ?? undefined} title={`Published ${date} (${paper.datePrecision} precision)`}>
            {date}
          </time>
        ) : (
          <span className="muted">Date unknown</span>
        )}
        {paper.venue && <span className="venue">{paper.venue}</span>}
      </div>
      <Heading className="card-title">
        <Link to={`/papers/${encodeURIComponent(paper.id)}`}>
          {titleSegments ? <Highlighted segments={titleSegments} /> : readableText(paper.title)}
        </Link>
        {/* No source gave a title: said here too, not only on the paper page. */}
        {paper.titleDerived && (
          <span className="derived-title muted" title="No source gave this paper a title; this one is the start of its abstract">
            {' '}
            (title from the abstract)
          </span>
        )}
      </Heading>
      <p className="card-authors">
        <AuthorLine authors={paper.authors} truncated={paper.authorsTruncated} />
      </p>
      {!compact && <CardText paper={paper} snippet={snippet} />}
      {matchedKeywords.length > 0 && !titleSegments?.some((t) => t.match) && !snippet?.some((t) => t.match) && (
        // A hit can match only a curated key word: say so, or the card shows no reason it was found.
        <p className="card-keywords small" data-testid="matched-keywords">
          Key word{matchedKeywords.length > 1 ? 's' : ''}: {matchedKeywords.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              <mark>{k}</mark>
            </span>
          ))}
        </p>
      )}
      {(paper.topics.length > 0 || paper.citationCount !== null || paper.upvotes !== null || paper.sourceCount > 1) && (
        <div className="card-foot">
          <TopicChips topics={paper.topics} max={compact ? 2 : 4} />
          <span className="card-numbers">
            {paper.citationCount !== null && <span title="Citation count reported by a source">{plural(paper.citationCount, 'citation')}</span>}
            {paper.upvotes !== null && <span title="Upvotes on the listing page">▲ {formatCount(paper.upvotes)}</span>}
            {paper.sourceCount > 1 && <span title={`Merged from ${paper.sourceCount} source records (one source may have listed it twice)`}>{paper.sourceCount} records</span>}
          </span>
        </div>
      )}
    </article>
  )
}

function CardText({ paper, snippet }: { paper: PaperSummary; snippet: TextSegment[] | undefined }) {
  if (snippet && snippet.some((s) => s.match)) {
    return (
      <p className="card-text">
        <Highlighted segments={snippet} />
      </p>
    )
  }
  if (paper.digest) {
    return (
      <p className="card-text">
        <span className={`origin-tag origin-${paper.digest.origin}`} title={digestOriginLabel(paper.digest.origin)}>
          {paper.digest.origin === 'curated' ? 'Digest' : paper.digest.origin === 'generated' ? 'Digest (generated)' : 'Digest (source)'}
        </span>{' '}
        {readableText(paper.digest.text)}
      </p>
    )
  }
  if (paper.abstractStart) {
    return (
      <p className="card-text">
        {readableText(paper.abstractStart)}
        {paper.abstractTruncated && '…'}
      </p>
    )
  }
  return null
}

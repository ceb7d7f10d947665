/**
 * @module One similar paper: its card, then the similarity, its two parts (wording and topics) and what the two
 * share; and the legend said once above a list of them, which says what the parts mean.
 */
import type { SimilarPaper } from '../api.js'
import { PaperCard } from './paper-card.js'

/**
 * What the parts of a similarity mean, in words for the list's legend: wording alone when no item of the list
 * has a topic part (a library without curated topics), null when none has either part.
 */
export function similarityLegend(
  items: readonly Pick<SimilarPaper, 'textSimilarity' | 'topicAgreement'>[],
): string | null {
  if (!items.some((s) => s.textSimilarity !== null)) return null
  const wording = 'Wording: how alike the two texts are worded.'
  if (!items.some((s) => s.topicAgreement !== null)) return wording
  return `${wording} Topics: how much their topics agree, a rare topic counting more than a catch-all one. Similarity blends the two.`
}

/**
 * Says once, above a list of similar papers, what the wording and topics beside each one mean: on screen, so
 * keyboard and screen-reader users get it too (it was a mouse tooltip on every item).
 */
export function SimilarityLegend({ items }: { items: readonly SimilarPaper[] }) {
  const legend = similarityLegend(items)
  return legend ? <p className="muted similar-legend">{legend}</p> : null
}

export function SimilarItem({ item }: { item: SimilarPaper }) {
  return (
    <div className="similar-item">
      <PaperCard paper={item.paper} headingLevel="h3" compact />
      <p className="why muted">
        Similarity {item.score.toFixed(2)}
        {item.textSimilarity !== null && (
          <>
            {' '}
            (wording {item.textSimilarity.toFixed(2)}
            {item.topicAgreement !== null && <>, topics {item.topicAgreement.toFixed(2)}</>})
          </>
        )}
        {item.why.length > 0 && <> · shared: {item.why.slice(0, 6).join(', ')}</>}
      </p>
    </div>
  )
}

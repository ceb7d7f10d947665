/** @module One similar paper: its card, then the similarity, its two parts (wording and topics) and what the two share. */
import type { SimilarPaper } from '../api.js'
import { PaperCard } from './paper-card.js'

export function SimilarItem({ item }: { item: SimilarPaper }) {
  return (
    <div className="similar-item">
      <PaperCard paper={item.paper} headingLevel="h3" compact />
      <p className="why muted">
        Similarity {item.score.toFixed(2)}
        {item.textSimilarity !== null && (
          <span title="The score blends how alike the two texts are worded with how much their topics agree (a catch-all topic many papers share counts less than a rare one)">
            {' '}
            (wording {item.textSimilarity.toFixed(2)}
            {item.topicAgreement !== null && <>, topics {item.topicAgreement.toFixed(2)}</>})
          </span>
        )}
        {item.why.length > 0 && <> · shared: {item.why.slice(0, 6).join(', ')}</>}
      </p>
    </div>
  )
}

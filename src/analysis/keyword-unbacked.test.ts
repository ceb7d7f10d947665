/**
 * A suggestion no similar paper and no topic of the paper lists (every suggestion of an off-topic paper) rests on the
 * text alone: it is shown only when papers worded like it list it often, not from a word it shares with the key word.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListKeywordProbe } from '../../test/support/corpus-records.js'
import { keywordTagProbabilities } from './keyword-tags.js'
import { extractKeywords, RANK_ALL, UNBACKED_SUGGESTION_MIN_PROBABILITY, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'

// Titles of the D2L book's references (test/fixtures/bibtex/d2l_full_488_entries.bib), off the awesome list's topics:
// the library's analysis gives such a paper no similar papers and no topics to draw on.
const OFF_TOPIC_TITLES = [
  'A Markovian Decision Process',
  'Learning to diagnose with LSTM recurrent neural networks',
  'A deep reinforced model for abstractive summarization',
  'A simplified perspective of the Markowitz portfolio theory',
  'Highway networks',
  'LLaMA: Open and efficient foundation language models',
  'OPT: Open pre-trained transformer language models',
  'No free lunch theorems for search',
]

describe('suggestions with nothing but the text behind them', () => {
  let model: KeywordModel
  const suggested = (title: string, options: Parameters<typeof extractKeywords>[2] = {}): string[] =>
    extractKeywords(model, prepareText({ title, text: '' }), { ...RANK_ALL, ...options })
      .filter((k) => !k.inText)
      .map((k) => k.text)

  beforeAll(() => {
    model = awesomeListKeywordProbe().model
  })

  it('are shown only where papers worded like the text list the key word one time in twenty', () => {
    let shown = 0
    for (const title of OFF_TOPIC_TITLES) {
      const p = keywordTagProbabilities(model.tags!, prepareText({ title, text: '' }))
      for (const k of extractKeywords(model, prepareText({ title, text: '' }), RANK_ALL).filter((k) => !k.inText)) {
        expect(p.get(k.key), `${k.text} for ${title}`).toBeGreaterThanOrEqual(UNBACKED_SUGGESTION_MIN_PROBABILITY)
        shown++
      }
    }
    // Language-model papers keep `Large Language Models`: the classifier is sure enough.
    expect(shown).toBeGreaterThan(0)
  })

  it('drops a key word the text only shares a word with (`Gaussian Process` of *A Markovian Decision Process*)', () => {
    expect(suggested('A Markovian Decision Process')).not.toContain('Gaussian Process')
    expect(suggested('Learning to diagnose with LSTM recurrent neural networks')).not.toContain('Curriculum Learning')
    expect(suggested('LLaMA: Open and efficient foundation language models')).toContain('Large Language Models')
  })

  it('keeps the weaker bar where similar papers list the key word', () => {
    // The same text beside curated papers that list it: the shared word with the classifier's "more than average" holds.
    const neighbours = [{ similarity: 0.6, keywords: ['Gaussian Process'] }]
    expect(suggested('A Markovian Decision Process', { neighbours })).toContain('Gaussian Process')
  })
})

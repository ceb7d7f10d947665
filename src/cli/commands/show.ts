/** @module `paperscope show <ref>`: one paper, everything known, every source record, its novelty with the evidence. */
import {
  createAnalysisReader,
  findPaper,
  paperDetailAnalysis,
  readableText,
  readPaperDetail,
  storedKeywordsNote,
  storedLanguage,
  storedTopicUnsorted,
  type PaperDetailOut,
  type StoredTopicUnsorted,
} from '../../commands/index.js'
import type { PaperStore, StoredPaperAnalysis } from '../../store/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { CliIo } from '../io.js'
import { labelled, listItem, quoted, renderPaper } from '../format.js'
import { alsoMatching, printJson, withStore } from './shared.js'

/** A paper's stored novelty with its nearest earlier papers named, or null before any analysis of it. */
interface ShownNovelty {
  percentile: number | null
  novelty: number | null
  comparedWith: number
  explanation: string
  /** The papers its percentile ranks among, as stored; null when it has none. */
  cohort: { from: number; to: number; papers: number } | null
  evidence: Array<{ paperId: string; title: string | null; date: string; similarity: number }>
  /** Papers were removed since it was computed (`import --no-analyze`): the next analysis recounts it. */
  stale: boolean
}

/** Why a paper shows no topic: the analysis left it unsorted (and says why), or has not run on it yet. */
interface ShownTopicStatus {
  status: 'unsorted' | 'not-analysed'
  /** The nearest topics, most confident first. */
  candidates: Array<{ label: string; confidence: number }>
  why: string[]
  /** Why it is unsorted (off-topic, low-confidence, one-word); null when not analysed. */
  unsortedBecause: StoredTopicUnsorted['because']
  /** The sentence the API serves and the paper page shows; null when not analysed. */
  note: string | null
}

function topicStatusOf(analysis: StoredPaperAnalysis | undefined): ShownTopicStatus | null {
  if (!analysis) return { status: 'not-analysed', candidates: [], why: [], unsortedBecause: null, note: null }
  if (analysis.topicStatus !== 'unsorted') return null
  const unsorted = storedTopicUnsorted(analysis)
  return {
    status: 'unsorted',
    candidates: analysis.topicScores.map((t) => ({ label: t.label, confidence: t.score })),
    why: analysis.topicWhy.map((w) => w.label),
    unsortedBecause: unsorted.because,
    note: unsorted.note,
  }
}

/** The topics lines of a paper that has none to show: the sentence the paper page shows, then the classifier's reasons. */
export function renderTopicStatus(status: ShownTopicStatus | null): string[] {
  if (!status) return []
  if (status.status === 'not-analysed') return ['  topics: none yet (run `paperscope analyze`)']
  if (!status.note) return []
  return [`  topics: ${status.note}`, ...(status.why.length ? [`    reasons: ${status.why.join('; ')}`] : [])]
}

async function readNovelty(store: PaperStore, analysis: StoredPaperAnalysis | undefined): Promise<ShownNovelty | null> {
  const stored = analysis?.novelty ?? null
  if (!stored) return null
  const titles = new Map((await store.getPapers(stored.evidence.map((e) => e.paperId))).map((p) => [p.id, p.title]))
  return {
    percentile: stored.percentile,
    novelty: stored.novelty,
    comparedWith: stored.comparedWith,
    explanation: stored.explanation,
    cohort: stored.cohort,
    evidence: stored.evidence.map((e) => ({ ...e, title: titles.get(e.paperId) ?? null })),
    stale: await store.analysis.noveltyStale(),
  }
}

/** The novelty lines of `show`: the percentile and cohort, then each nearest earlier paper with its similarity. */
export function renderNovelty(novelty: ShownNovelty | null): string[] {
  if (!novelty) return ['  novelty: not computed yet (run `paperscope analyze`)']
  if (novelty.novelty === null || novelty.percentile === null) return [labelled(`  novelty: unknown (${novelty.explanation})`)]
  const cohort = novelty.cohort
  const years = cohort ? (cohort.from === cohort.to ? `${cohort.from}` : `${cohort.from}–${cohort.to}`) : null
  const lines = [
    labelled(`  novelty: percentile ${(Math.round(novelty.percentile * 10) / 10).toFixed(1)}${cohort ? ` among the ${cohort.papers} papers of ${years}` : ''}; 1 − ${(1 - novelty.novelty).toFixed(2)}, its highest similarity to the ${novelty.comparedWith} papers dated before it, nearest first:`),
  ]
  for (const e of novelty.evidence) lines.push(listItem(`    ${e.similarity.toFixed(2)}  `, `${e.title === null ? `${e.paperId}, no longer in the library` : readableText(e.title)} (${e.date})`))
  if (novelty.stale) lines.push('  (papers were removed since novelty was computed: `paperscope analyze` recounts it)')
  return lines
}

/**
 * `show --json`: the paper as the API's `GET /api/v1/papers/:id` serves it (one presenter, src/commands), and
 * what only a lookup by words has: how the reference was read and the other papers it matched. `noveltyStale`:
 * papers were removed since novelty was computed (`import --no-analyze`), so the next analysis recounts it.
 */
export type ShownPaperJson = PaperDetailOut & {
  noveltyStale: boolean
  matchedBy: Awaited<ReturnType<typeof findPaper>>['matchedBy']
  alternatives: Array<{ id: string; title: string }>
  alternativesTotal: number
}

export async function runShow(io: CliIo, dbPath: string, ref: string, opts: { json?: boolean }): Promise<void> {
  if (!ref.trim()) throw new PaperscopeError('INVALID_ARGUMENT', 'name a paper: an id, an arXiv id, a DOI or title words')
  const shown = await withStore(io, dbPath, async (store) => {
    const found = await findPaper(store, ref)
    const paper = found.paper
    if (!paper) return null
    if (opts.json) {
      const detail = await readPaperDetail(store, paperDetailAnalysis(createAnalysisReader(store)), paper)
      const json: ShownPaperJson = {
        ...detail,
        noveltyStale: detail.novelty ? await store.analysis.noveltyStale() : false,
        matchedBy: found.matchedBy,
        alternatives: found.alternatives,
        alternativesTotal: found.alternativesTotal,
      }
      return { json } as const
    }
    const analysis = (await store.analysis.getPaperAnalyses([paper.id]))[0]
    return {
      found,
      paper,
      novelty: await readNovelty(store, analysis),
      // Only a paper without topics needs to say why it has none.
      topicStatus: paper.topics.length === 0 ? topicStatusOf(analysis) : null,
      // Before any analysis a paper has no key words for want of one, which the topics line already says.
      keywordsNote: analysis ? storedKeywordsNote(analysis, paper.keywords.length) : null,
      language: analysis ? storedLanguage(analysis) : null,
      // Each key word's reasons, as the paper page lists them: a suggestion says what suggested it.
      keywordWhy: new Map((analysis?.keywords ?? []).map((k) => [k.text, k.why.map((w) => w.label)])),
    }
  })
  if (!shown) throw new PaperscopeError('NOT_FOUND', `no paper matches ${quoted(ref)} (try an id, an arXiv id, a DOI or title words)`)
  if ('json' in shown) {
    printJson(io, shown.json)
    return
  }
  const { found, paper, novelty, topicStatus, keywordsNote, language, keywordWhy } = shown
  io.stdout(
    `${renderPaper(paper, { noTopics: renderTopicStatus(topicStatus), fewKeywords: keywordsNote ? [paper.keywords.length === 0 ? `  ${keywordsNote}` : `  (${keywordsNote})`] : [], keywordWhy, language })}\n${renderNovelty(novelty).join('\n')}\n`,
  )
  io.stdout(alsoMatching(ref, found.alternatives, found.alternativesTotal))
}

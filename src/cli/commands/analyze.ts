/**
 * @module `paperscope analyze`: refits the analysis models on the library and recomputes every paper's
 * topics, key words, digest, vector, novelty and centrality. A progress bar on stderr when it is a terminal;
 * the summary on stdout (or JSON with --json). Imports analyse by themselves (the new or changed papers, or a refit when the library grew: see analyze-library.ts).
 */
import { analyzeLibrary, resolveEmbeddingModel, type AnalyzeProgress, type AnalyzeReport } from '../../commands/index.js'
import { pluralize } from '../../core/index.js'
import type { CliIo } from '../io.js'
import { table } from '../format.js'
import { printJson, terminalBar, withStore } from './shared.js'

const STAGE_LABELS: Record<AnalyzeProgress['stage'], string> = {
  reading: 'reading texts',
  embedding: 'embedding (ONNX model)',
  fitting: 'fitting models',
  analysing: 'analysing papers',
  novelty: 'novelty (‰ of pairs compared)',
  saving: 'saving',
}

/** A stage-aware progress bar on stderr when it is a terminal; nothing otherwise. */
export function createAnalyzeProgress(io: CliIo): { update(progress: AnalyzeProgress): void; stop(): void } {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined }
  const bar = terminalBar('analysis: {stage} [{bar}] {value}/{total}')
  return {
    update: ({ stage, done, total }) => bar.update(done, total, { stage: STAGE_LABELS[stage] }),
    stop: () => bar.stop(),
  }
}

export async function runAnalyze(io: CliIo, dbPath: string, opts: { json?: boolean; embeddingModel?: string }): Promise<void> {
  const progress = createAnalyzeProgress(io)
  const requested = opts.embeddingModel ?? io.env.PAPERSCOPE_EMBEDDING_MODEL
  // Relative folders are the user's working directory's; `lsa` stays `lsa`.
  const embeddingModel = requested === undefined ? undefined : (resolveEmbeddingModel(requested, io.cwd) ?? 'lsa')
  const report = await withStore(io, dbPath, (store) =>
    analyzeLibrary(store, { onProgress: (p) => progress.update(p), now: io.now, ...(embeddingModel !== undefined ? { embeddingModel } : {}) }).finally(() =>
      progress.stop(),
    ),
  )
  if (opts.json) printJson(io, report)
  else io.stdout(renderAnalyzeReport(report))
}

/** The human summary of an analysis run. */
export function renderAnalyzeReport(report: AnalyzeReport): string {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  const out: string[] = []
  out.push(
    report.mode === 'full'
      ? `analysed ${report.analyzed} of ${pluralize(report.papers, 'paper')} with freshly fitted models (${report.reason ?? 'requested'}) in ${seconds(report.ms.total)}`
      : `analysed ${report.analyzed} new or changed of ${pluralize(report.papers, 'paper')} with the stored models in ${seconds(report.ms.total)}`,
  )
  const m = report.models
  if (m.vectors)
    out.push(
      m.vectors.embeddingModel
        ? `  paper vectors: ONNX model ${m.vectors.embedder} (${pluralize(m.vectors.vectorDimensions, 'dimension')}) from ${m.vectors.embeddingModel}; LSA (${pluralize(m.vectors.dimensions, 'dimension')}) for the terms that explain matches`
        : `  paper vectors: LSA, ${pluralize(m.vectors.dimensions, 'dimension')}, fitted on ${pluralize(m.vectors.trainingSize, 'paper')}`,
    )
  if (m.topics)
    out.push(
      `  topic model: ${pluralize(m.topics.labels.length, 'curated topic')} from ${pluralize(m.topics.trainingSize, 'paper')}; calibrated (temperature ${m.topics.temperature.toFixed(3)}); "unsorted" below ${m.topics.unsortedBelow}`,
    )
  else out.push('  topic model: none (the library needs curated topics on at least two labels)')
  if (m.keywords)
    out.push(`  key-word ranker: fitted on ${pluralize(m.keywords.trainingSize, 'paper')} with curated key words`)
  out.push(
    table([
      ['', 'papers'],
      ['topics: curated (kept as they are)', report.topics.curated],
      ['topics: predicted', report.topics.predicted],
      ['topics: unsorted (no confident topic)', report.topics.unsorted],
      ['key words extracted', report.keywords.papers],
      ['digests generated', report.digests.generated],
      ['with a novelty (something dated before)', report.novelty.papers],
      ['no novelty or centrality: too little text the model knows', report.novelty.tooLittleKnown],
    ]),
  )
  const ms = report.ms
  out.push(
    `time: reading ${seconds(ms.reading)}, ${ms.embedding > 0 ? `embedding ${seconds(ms.embedding)}, ` : ''}fitting ${seconds(ms.fitting)}, analysing ${seconds(ms.analysing)}, novelty ${seconds(ms.novelty)}, saving ${seconds(ms.saving)}`,
  )
  return `${out.join('\n')}\n`
}

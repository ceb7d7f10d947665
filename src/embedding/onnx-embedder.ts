/**
 * @module A local ONNX sentence-embedding model as a {@link TextEmbedder}: a folder on disk in the layout of
 * a Hugging Face export (`onnx/model.onnx` or `model.onnx`, `tokenizer.json`, `tokenizer_config.json`), run
 * with onnxruntime-node on the CPU. Nothing is downloaded: the user brings the folder.
 *
 * Texts are cleaned of LaTeX, joined as `title. text`, tokenized with the model's own tokenizer (Hugging
 * Face tokenizers.js), cut at the model's maximum length, run in batches of similar length, pooled as the
 * model's sentence-transformers config says (`1_Pooling/config.json`: the first token for BGE-style models,
 * else the mean over the attention mask, the sentence-transformers default) unless the model already outputs
 * a pooled `sentence_embedding`, and scaled to unit length.
 */
import { createHash } from 'node:crypto'
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { PaperscopeError } from '../core/index.js'
import { cleanLatex, normalizeInPlace, type TextEmbedder, type TextInput } from '../analysis/index.js'

/** The part of onnxruntime-node this module uses (a narrow port: no onnxruntime type leaks out). */
export interface OnnxRuntimePort {
  createSession(modelPath: string): Promise<OnnxSessionPort>
  int64Tensor(values: BigInt64Array, dims: readonly number[]): unknown
}

export interface OnnxSessionPort {
  readonly inputNames: readonly string[]
  readonly outputNames: readonly string[]
  run(feeds: Record<string, unknown>): Promise<Record<string, { dims: readonly number[]; data: unknown }>>
  release(): Promise<void>
}

/** The part of a tokenizers.js tokenizer used here. */
interface TokenizerPort {
  encode(text: string, options: { return_token_type_ids: true }): { ids: number[]; attention_mask: number[]; token_type_ids: number[] }
}

export interface OnnxEmbedderOptions {
  /** Texts per model call. */
  batchSize?: number
  /** Longest token sequence; default: the tokenizer config's `model_max_length`, capped at 512. */
  maxLength?: number
  /** The runtime; default onnxruntime-node, loaded on first use. */
  runtime?: OnnxRuntimePort
}

/** An embedder that holds a native session; `close` frees it. */
export interface OnnxEmbedder extends TextEmbedder {
  embed(texts: ReadonlyArray<string | TextInput>): Promise<Float32Array[]>
  /** The folder the model was read from. */
  readonly path: string
  close(): Promise<void>
}

const INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids'])
const DEFAULT_MAX_LENGTH = 512

function modelError(message: string, path: string, cause?: unknown): PaperscopeError {
  return new PaperscopeError('MODEL_UNAVAILABLE', message, { source: path, ...(cause !== undefined ? { cause } : {}) })
}

/** Where the parts of a model folder are; `path` may also name the `.onnx` file itself. */
export function locateModelFiles(path: string): { dir: string; model: string; tokenizer: string; tokenizerConfig: string | null; pooling: string | null } {
  const full = resolve(path)
  if (!existsSync(full)) throw modelError(`embedding model: ${full} does not exist`, full)
  const isFile = statSync(full).isFile()
  const dir = isFile ? (basename(dirname(full)) === 'onnx' ? dirname(dirname(full)) : dirname(full)) : full
  const model = isFile ? full : [join(full, 'onnx', 'model.onnx'), join(full, 'model.onnx')].find((p) => existsSync(p))
  if (!model) throw modelError(`embedding model: no onnx/model.onnx or model.onnx in ${full}`, full)
  const tokenizer = join(dir, 'tokenizer.json')
  if (!existsSync(tokenizer)) throw modelError(`embedding model: no tokenizer.json in ${dir} (the model's tokenizer is needed beside it)`, dir)
  const config = join(dir, 'tokenizer_config.json')
  const pooling = join(dir, '1_Pooling', 'config.json')
  return { dir, model, tokenizer, tokenizerConfig: existsSync(config) ? config : null, pooling: existsSync(pooling) ? pooling : null }
}

/** A short fingerprint of the model file (size and its first MiB), so that a different model under the same name never mixes vectors. */
function fingerprint(file: string): string {
  const size = statSync(file).size
  const head = Buffer.alloc(Math.min(size, 1 << 20))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  return createHash('sha1').update(String(size)).update(head).digest('hex').slice(0, 8)
}

async function defaultRuntime(): Promise<OnnxRuntimePort> {
  // Named exports: the package's ESM build has no default export under plain Node (bundlers add one).
  const { InferenceSession, Tensor } = await import('onnxruntime-node')
  return {
    createSession: async (modelPath) => {
      const session = await InferenceSession.create(modelPath, { graphOptimizationLevel: 'all' })
      return {
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        run: async (feeds) => (await session.run(feeds as Record<string, InstanceType<typeof Tensor>>)) as Record<string, { dims: readonly number[]; data: unknown }>,
        release: () => session.release(),
      }
    },
    int64Tensor: (values, dims) => new Tensor('int64', values, [...dims]),
  }
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch (cause) {
    throw modelError(`embedding model: ${file} is not valid JSON`, file, cause)
  }
}

/** The text a paper is embedded as: `title. text`, LaTeX cleaned. */
export function embeddingText(input: string | TextInput): string {
  const { title, text } = typeof input === 'string' ? { title: '', text: input } : input
  const t = cleanLatex(title).trim()
  const body = cleanLatex(text).trim()
  if (!t) return body
  return body ? `${/[.!?]$/.test(t) ? t : `${t}.`} ${body}` : t
}

/** The first token's vector (`[CLS]`), per row of a [batch, sequence, dims] output. */
export function firstTokenPool(data: Float32Array, dims: readonly number[]): Float32Array[] {
  const [batch = 0, sequence = 0, width = 0] = dims
  return Array.from({ length: batch }, (_, b) => data.slice(b * sequence * width, b * sequence * width + width))
}

/** Mean of the token vectors where the mask is 1, per row of a [batch, sequence, dims] output. */
export function meanPool(data: Float32Array, dims: readonly number[], mask: readonly number[][]): Float32Array[] {
  const [batch = 0, sequence = 0, width = 0] = dims
  const out: Float32Array[] = []
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(width)
    let n = 0
    for (let s = 0; s < sequence; s++) {
      if ((mask[b]?.[s] ?? 0) === 0) continue
      n++
      const base = (b * sequence + s) * width
      for (let d = 0; d < width; d++) v[d] = (v[d] as number) + (data[base + d] as number)
    }
    out.push(v.map((x) => x / Math.max(n, 1)))
  }
  return out
}

/**
 * Loads a sentence-embedding model from a folder (or its `.onnx` file) and checks it by embedding one text.
 * Errors name the path and what is missing.
 * @example const embedder = await loadOnnxEmbedder('/models/all-MiniLM-L6-v2'); const [v] = await embedder.embed(['grokking'])
 */
export async function loadOnnxEmbedder(path: string, options: OnnxEmbedderOptions = {}): Promise<OnnxEmbedder> {
  const files = locateModelFiles(path)
  const config = files.tokenizerConfig ? readJson(files.tokenizerConfig) : {}
  const { Tokenizer } = await import('@huggingface/tokenizers')
  let tokenizer: TokenizerPort
  try {
    tokenizer = new Tokenizer(readJson(files.tokenizer), config) as unknown as TokenizerPort
  } catch (cause) {
    throw modelError(`embedding model: ${files.tokenizer} is not a tokenizer tokenizers.js can read: ${(cause as Error).message}`, files.tokenizer, cause)
  }
  const configured = typeof config.model_max_length === 'number' ? config.model_max_length : DEFAULT_MAX_LENGTH
  const maxLength = Math.max(2, options.maxLength ?? Math.min(configured, DEFAULT_MAX_LENGTH))
  const batchSize = Math.max(1, options.batchSize ?? 16)
  const runtime = options.runtime ?? (await defaultRuntime())
  let session: OnnxSessionPort
  try {
    session = await runtime.createSession(files.model)
  } catch (cause) {
    throw modelError(`embedding model: onnxruntime could not load ${files.model}: ${(cause as Error).message}`, files.model, cause)
  }
  const unknownInputs = session.inputNames.filter((n) => !INPUTS.has(n))
  if (!session.inputNames.includes('input_ids') || unknownInputs.length > 0) {
    await session.release()
    throw modelError(
      `embedding model: ${files.model} takes inputs ${session.inputNames.join(', ')}; a sentence encoder takes input_ids and optionally attention_mask, token_type_ids`,
      files.model,
    )
  }
  const pooled = session.outputNames.includes('sentence_embedding')
  const poolingConfig = files.pooling ? readJson(files.pooling) : {}
  const firstToken = poolingConfig.pooling_mode_cls_token === true && poolingConfig.pooling_mode_mean_tokens !== true
  const outputName = pooled ? 'sentence_embedding' : session.outputNames.includes('last_hidden_state') ? 'last_hidden_state' : (session.outputNames[0] as string)

  const encode = (text: string): { ids: number[]; mask: number[]; types: number[] } => {
    const e = tokenizer.encode(text, { return_token_type_ids: true })
    let ids = e.ids
    let types = e.token_type_ids ?? ids.map(() => 0)
    if (ids.length > maxLength) {
      // Keep the closing special token (e.g. [SEP]) as the tokenizer would when truncating.
      ids = [...ids.slice(0, maxLength - 1), ids[ids.length - 1] as number]
      types = [...types.slice(0, maxLength - 1), types[types.length - 1] as number]
    }
    return { ids, mask: ids.map(() => 1), types }
  }

  const runBatch = async (batch: ReadonlyArray<{ ids: number[]; mask: number[]; types: number[] }>): Promise<Float32Array[]> => {
    const width = Math.max(...batch.map((b) => b.ids.length))
    const padded = (pick: (b: (typeof batch)[number]) => number[]): number[][] =>
      batch.map((b) => [...pick(b), ...new Array<number>(width - b.ids.length).fill(0)])
    const rows = { input_ids: padded((b) => b.ids), attention_mask: padded((b) => b.mask), token_type_ids: padded((b) => b.types) }
    const feeds: Record<string, unknown> = {}
    for (const name of session.inputNames) {
      feeds[name] = runtime.int64Tensor(BigInt64Array.from(rows[name as keyof typeof rows].flat(), (x) => BigInt(x)), [batch.length, width])
    }
    const output = (await session.run(feeds))[outputName]
    if (!output || !(output.data instanceof Float32Array)) throw modelError(`embedding model: ${files.model} gave no float output "${outputName}"`, files.model)
    const vectors =
      output.dims.length === 3
        ? firstToken
          ? firstTokenPool(output.data, output.dims)
          : meanPool(output.data, output.dims, rows.attention_mask)
        : Array.from({ length: batch.length }, (_, b) => (output.data as Float32Array).slice(b * (output.dims[1] ?? 0), (b + 1) * (output.dims[1] ?? 0)))
    // Every pooled vector is a fresh array: scaling it in place is safe.
    return vectors.map((v) => normalizeInPlace(v))
  }

  const embed = async (texts: ReadonlyArray<string | TextInput>): Promise<Float32Array[]> => {
    const encoded = texts.map((t) => encode(embeddingText(t)))
    // Similar lengths share a batch: less padding, same results.
    const order = encoded.map((_, i) => i).sort((a, b) => (encoded[a] as { ids: number[] }).ids.length - (encoded[b] as { ids: number[] }).ids.length)
    const out = new Array<Float32Array>(texts.length)
    for (let start = 0; start < order.length; start += batchSize) {
      const slice = order.slice(start, start + batchSize)
      const vectors = await runBatch(slice.map((i) => encoded[i] as { ids: number[]; mask: number[]; types: number[] }))
      slice.forEach((i, j) => {
        out[i] = vectors[j] as Float32Array
      })
    }
    return out
  }

  const [probe] = await embed(['paperscope'])
  const dimensions = probe?.length ?? 0
  if (dimensions === 0) throw modelError(`embedding model: ${files.model} gave an empty embedding`, files.model)
  return {
    name: `onnx:${basename(files.dir)}@${fingerprint(files.model)}`,
    dimensions,
    path: files.dir,
    embed,
    close: () => session.release(),
  }
}

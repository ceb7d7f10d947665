/**
 * @module A tiny but real sentence-embedding model on disk, for tests of the ONNX embedder: an ONNX graph
 * that looks up each token's vector (a static-embedding model, like model2vec, in the layout of a Hugging
 * Face export: `onnx/model.onnx`, `tokenizer.json`, `tokenizer_config.json`), and a BERT WordPiece tokenizer.
 *
 * No ONNX writer is on the registry that is kept up and light, so the few protobuf messages the graph
 * needs are encoded here by hand (field numbers from onnx/onnx.proto3). onnxruntime-node reads the result
 * like any exported model; the tests then check its numbers against {@link referenceEmbedding}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// ---------------------------------------------------------------------------------------------
// Protobuf wire format, the parts used here

function varint(value: number | bigint): number[] {
  let v = BigInt(value)
  const out: number[] = []
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) byte |= 0x80
    out.push(byte)
  } while (v > 0n)
  return out
}

type Field = number[]
const tag = (field: number, wire: number): number[] => varint((field << 3) | wire)
const intField = (field: number, value: number | bigint): Field => [...tag(field, 0), ...varint(value)]
const bytesField = (field: number, bytes: Uint8Array | number[]): Field => [...tag(field, 2), ...varint(bytes.length), ...bytes]
const stringField = (field: number, s: string): Field => bytesField(field, [...Buffer.from(s, 'utf8')])
const message = (...fields: Field[]): number[] => fields.flat()

const FLOAT = 1
const INT64 = 7

/** TypeProto of a tensor whose dimensions are numbers or named (dynamic) dimensions. */
function tensorType(elemType: number, dims: ReadonlyArray<number | string>): number[] {
  const shape = message(
    ...dims.map((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d))),
  )
  return message(bytesField(1, message(intField(1, elemType), bytesField(2, shape))))
}

const valueInfo = (name: string, elemType: number, dims: ReadonlyArray<number | string>): number[] =>
  message(stringField(1, name), bytesField(2, tensorType(elemType, dims)))

/** A float initializer (TensorProto with raw little-endian data). */
function floatTensor(name: string, dims: readonly number[], values: Float32Array): number[] {
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  return message(...dims.map((d) => intField(1, d)), intField(2, FLOAT), stringField(8, name), bytesField(9, raw))
}

function node(op: string, inputs: readonly string[], outputs: readonly string[], name: string): number[] {
  return message(...inputs.map((i) => stringField(1, i)), ...outputs.map((o) => stringField(2, o)), stringField(3, name), stringField(4, op))
}

// ---------------------------------------------------------------------------------------------
// The model

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const

export interface TestEmbeddingModel {
  dir: string
  vocab: string[]
  dimensions: number
  /** The embedding table, row-major (`table[id * dimensions + d]`). */
  table: Float32Array
}

/** A deterministic vector per token id, so that texts sharing words get similar embeddings. */
function tokenVector(id: number, dimensions: number): Float32Array {
  // mulberry32, seeded by the id
  let s = (id + 1) * 0x9e3779b9
  return Float32Array.from({ length: dimensions }, () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5
  })
}

/**
 * Writes the model under `dir`: `onnx/model.onnx` (inputs `input_ids`, `attention_mask`, `token_type_ids`;
 * output `last_hidden_state` [batch, sequence, dimensions]) and the tokenizer files for `words`.
 * @example const model = writeTestEmbeddingModel(tmp, ['grokking', 'lottery', 'ticket'])
 */
export function writeTestEmbeddingModel(dir: string, words: readonly string[], { dimensions = 16, maxLength = 32 } = {}): TestEmbeddingModel {
  const vocab = [...SPECIALS, ...new Set(words.map((w) => w.toLowerCase()))]
  const table = new Float32Array(vocab.length * dimensions)
  vocab.forEach((_, id) => table.set(id === 0 ? new Float32Array(dimensions).fill(100) : tokenVector(id, dimensions), id * dimensions))
  // [PAD]'s row is huge on purpose: an embedder that forgets the attention mask gets visibly wrong numbers.
  const graph = message(
    // Identity on the mask and token types keeps them real graph inputs, as in an exported BERT.
    bytesField(1, node('Gather', ['embeddings', 'input_ids'], ['last_hidden_state'], 'lookup')),
    bytesField(1, node('Identity', ['attention_mask'], ['mask_out'], 'mask')),
    bytesField(1, node('Identity', ['token_type_ids'], ['types_out'], 'types')),
    stringField(2, 'static-embedding'),
    bytesField(5, floatTensor('embeddings', [vocab.length, dimensions], table)),
    bytesField(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    bytesField(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    bytesField(11, valueInfo('token_type_ids', INT64, ['batch', 'sequence'])),
    bytesField(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dimensions])),
    bytesField(12, valueInfo('mask_out', INT64, ['batch', 'sequence'])),
    bytesField(12, valueInfo('types_out', INT64, ['batch', 'sequence'])),
  )
  const model = message(intField(1, 8), stringField(2, 'paperscope-tests'), bytesField(7, graph), bytesField(8, message(stringField(1, ''), intField(2, 13))))
  mkdirSync(join(dir, 'onnx'), { recursive: true })
  writeFileSync(join(dir, 'onnx', 'model.onnx'), Uint8Array.from(model))
  const special = (content: string): { id: number; type_id: number } & Record<string, unknown> => ({ id: vocab.indexOf(content), type_id: 0 })
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [special('[CLS]').id], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [special('[SEP]').id], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((w, i) => [w, i])) },
  }
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer))
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ do_lower_case: true, model_max_length: maxLength, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', tokenizer_class: 'BertTokenizer' }),
  )
  return { dir, vocab, dimensions, table }
}

/** A test model whose vocabulary is the words of a text file (a corpus page), so papers sharing words get close vectors. */
export function writeVocabularyModel(dir: string, textFile: string, options: { dimensions?: number; maxLength?: number } = {}): TestEmbeddingModel {
  const words = readFileSync(textFile, 'utf8').toLowerCase().match(/\p{L}+/gu) ?? []
  return writeTestEmbeddingModel(dir, [...new Set(words)], options)
}

/**
 * What a correct embedder must output for a text: the mean of the rows of `[CLS]`, each word (or `[UNK]`)
 * and `[SEP]`, unit length. Words are split on anything that is not a letter or digit, as BERT's
 * pre-tokenizer does for the texts the tests use.
 */
export function referenceEmbedding(model: TestEmbeddingModel, text: string, maxLength = 32): Float32Array {
  const ids = [2, ...(text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).map((w) => Math.max(model.vocab.indexOf(w), 1)), 3]
  const kept = ids.length > maxLength ? [...ids.slice(0, maxLength - 1), 3] : ids
  const out = new Float32Array(model.dimensions)
  for (const id of kept) for (let d = 0; d < model.dimensions; d++) out[d] = (out[d] as number) + (model.table[id * model.dimensions + d] as number) / kept.length
  const norm = Math.hypot(...out) || 1
  return out.map((x) => x / norm)
}

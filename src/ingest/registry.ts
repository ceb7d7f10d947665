/**
 * @module Every API source Paperscope can sync from, by name. A source is used only when a feed in the
 * config names it: nothing here calls the internet by itself. Also tells a file that is one of their answers
 * (or binary, or other JSON or XML) from a file an importer reads, so `paperscope import` can say what to do.
 */
import { arxivOaiSource, arxivSource } from './arxiv/index.js'
import { huggingFaceSource } from './huggingface/index.js'
import { openAlexSource } from './openalex/index.js'
import { semanticScholarSource } from './semantic-scholar/index.js'
import type { AnySource } from './source.js'
import type { RateLimit } from './http/index.js'
import { describeBinaryContent } from './text-input.js'

/** All API sources, in the order `paperscope sync` runs them (bibliographic sources first, lists last). */
export const SOURCES: readonly AnySource[] = [
  arxivSource as AnySource,
  arxivOaiSource as AnySource,
  openAlexSource as AnySource,
  semanticScholarSource as AnySource,
  huggingFaceSource as AnySource,
]

/** The source with this name, or null. */
export function findSource(name: string): AnySource | null {
  return SOURCES.find((s) => s.name === name) ?? null
}

/** Each source's published rate limit, for `createHttpClient({ rateLimits })`. */
export function sourceRateLimits(): Record<string, RateLimit> {
  return Object.fromEntries(SOURCES.map((s) => [s.name, s.rateLimit]))
}

/** How each source's API is called in messages. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  arxiv: 'arXiv',
  'arxiv-oai': 'arXiv OAI-PMH',
  openalex: 'OpenAlex',
  'semantic-scholar': 'Semantic Scholar',
  huggingface: 'Hugging Face',
}

/**
 * The source whose answer `text` is, by its own parser: the one that reads the most records and profiles out
 * of it (ties: fewer rejections, then the order of {@link SOURCES}); null when none reads any, or when the text
 * is not JSON or XML at all. Parsers are pure and never throw, so this calls nothing.
 * @example recognizeApiAnswer(readFileSync('works.json', 'utf8'))?.source.name // 'openalex'
 */
export function recognizeApiAnswer(text: string): { source: AnySource; records: number; profiles: number } | null {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (!/^[[{<]/.test(start)) return null
  let best: { source: AnySource; records: number; profiles: number; rejected: number } | null = null
  for (const source of SOURCES) {
    let result
    try {
      result = source.parse(start, { input: 'file', fetchedAt: new Date(0).toISOString() })
    } catch {
      continue
    }
    const read = result.records.length + result.profiles.length
    const rejected = result.issues.filter((issue) => issue.severity === 'rejected').length
    if (read === 0) continue
    if (best === null || read > best.records + best.profiles || (read === best.records + best.profiles && rejected < best.rejected))
      best = { source, records: result.records.length, profiles: result.profiles.length, rejected }
  }
  return best && { source: best.source, records: best.records, profiles: best.profiles }
}

/** What a file is when it is none of the text formats an importer reads (see {@link describeForeignFile}). */
export interface ForeignFile {
  kind: 'binary' | 'api-answer' | 'json' | 'xml'
  /** What the file is, to follow "the file is": `an Atom feed (XML, as the arXiv API answers)`. */
  what: string
  /** What to do with it instead, as a clause: `API answers come in through \`paperscope sync\`...`. */
  advice: string
}

/**
 * What a file recognisably is when no file format reads it: binary (an image, an archive, a database: and
 * which), an answer of a sync source's API, or other JSON or XML; null for anything else (text that is
 * just no known format, where `--format` may help). For the message of a file `paperscope import` cannot
 * read, so that it does not suggest `--format` where no format can read the file.
 * @example describeForeignFile(readFileSync('figure.png'))?.what // 'binary (a PNG image), not text'
 */
export function describeForeignFile(bytes: Uint8Array): ForeignFile | null {
  const binary = describeBinaryContent(bytes)
  if (binary !== null) {
    return {
      kind: 'binary',
      what: `binary (${binary}), not text`,
      advice: 'import reads text files: page captures and BibTeX',
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  const start = text.replace(/^\uFEFF/, '').trimStart()
  const isJson = /^[[{]/.test(start) && parsesAsJson(start)
  const isXml = !isJson && /^<(?:\?xml|[A-Za-z])/.test(start)
  if (!isJson && !isXml) return null
  const head = start.slice(0, 2000)
  const container = isJson
    ? 'JSON, which no file format reads'
    : /<feed\b[^>]*http:\/\/www\.w3\.org\/2005\/Atom/.test(head)
      ? 'an Atom feed (XML, as the arXiv API answers)'
      : /<OAI-PMH\b/.test(head)
        ? 'an OAI-PMH response (XML)'
        : 'XML, which no file format reads'
  const answer = recognizeApiAnswer(start)
  if (answer === null) {
    return {
      kind: isJson ? 'json' : 'xml',
      what: container,
      advice: 'no file format reads JSON or XML; API answers come in through `paperscope sync`',
    }
  }
  const { name } = answer.source
  const label = SOURCE_LABELS[name] ?? name
  const counts = [
    answer.records > 0 ? `${answer.records} ${answer.records === 1 ? 'record' : 'records'}` : null,
    answer.profiles > 0 ? `${answer.profiles} author ${answer.profiles === 1 ? 'profile' : 'profiles'}` : null,
  ]
    .filter((part) => part !== null)
    .join(' and ')
  // The Atom and OAI-PMH words already say which API answers so.
  const article = /^[aeiou]/i.test(label) ? 'an' : 'a'
  const what = container.startsWith('an ') ? container : `${container} (${article} ${label} API answer with ${counts})`
  return {
    kind: 'api-answer',
    what,
    advice: `API answers come in through \`paperscope sync\`, not import: a feed with source "${name}" in the config fetches such ${counts.includes('profile') && answer.records === 0 ? 'profiles' : 'records'} and keeps them up to date`,
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

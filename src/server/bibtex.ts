/**
 * @module BibTeX for /papers/:id/bibtex: the paper in the shape a BibTeX writer takes, and a minimal built-in
 * writer used when the composition root hands none in (src/main.ts passes src/ingest/bibtex's formatter, which
 * keeps TeX as written and marks a title Paperscope made; this one escapes all TeX and does neither).
 */
import type { Paper } from '../core/index.js'
import type { BibtexInput } from './deps.js'
import { httpUrl } from './presenters.js'

/** Lower-case ASCII-ish text for keys: diacritics dropped. */
function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').toLowerCase()
}

const CONFERENCE = /\b(conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|colt|aistats|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|uai|kdd)\b/i
const TITLE_STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'is', 'are', 'how', 'why', 'what', 'when', 'do', 'does'])

/** Escapes text for a BibTeX field; `$...$` math is kept as written when its braces balance. */
export function escapeBibtex(text: string): string {
  const out: string[] = []
  const pattern = /\$[^$]+\$/g
  let last = 0
  for (const m of text.matchAll(pattern)) {
    out.push(escapePlain(text.slice(last, m.index)))
    out.push(balanced(m[0]) ? m[0] : escapePlain(m[0]))
    last = m.index + m[0].length
  }
  out.push(escapePlain(text.slice(last)))
  return out.join('').replace(/\s+/g, ' ').trim()
}

function balanced(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '{') depth++
    else if (ch === '}' && --depth < 0) return false
  }
  return depth === 0
}

function escapePlain(text: string): string {
  return text.replace(/[\\{}&%#_$~^]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}'
      case '~':
        return '\\textasciitilde{}'
      case '^':
        return '\\textasciicircum{}'
      default:
        return `\\${ch}`
    }
  })
}

function lastName(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts[parts.length - 1] ?? name
}

/** A paper as a BibTeX writer takes it; only an http(s) URL is passed on. */
export function toBibtexInput(paper: Paper): BibtexInput {
  return {
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    authors: paper.authors.map((a) => a.name),
    date: paper.date,
    venue: paper.venue,
    ids: { doi: paper.ids.doi, arxiv: paper.ids.arxiv },
    abstract: paper.abstract,
    url: httpUrl(paper.url),
    authorsTruncated: paper.authorsTruncated,
  }
}

/** The key of the first entry in a `.bib` text, for a download's file name. */
export function firstCiteKey(bibtex: string): string | null {
  return /@\w+\s*\{\s*([^,\s]+)\s*,/.exec(bibtex)?.[1] ?? null
}

/** `rubin2023grokking`: first author's family name, year, first telling title word. */
export function citationKey(paper: BibtexInput): string {
  const author = paper.authors[0] ? foldText(lastName(paper.authors[0])).replace(/[^a-z0-9]/g, '') : 'anon'
  const year = paper.date?.slice(0, 4) ?? 'nd'
  const word =
    foldText(paper.title)
      .split(/[^a-z0-9]+/)
      .find((w) => w.length > 2 && !TITLE_STOPWORDS.has(w)) ?? 'paper'
  return `${author || 'anon'}${year}${word}`
}

function entryType(paper: BibtexInput): string {
  if (!paper.venue) return 'misc'
  return CONFERENCE.test(paper.venue) ? 'inproceedings' : 'article'
}

/**
 * BibTeX entries for papers, with unique keys.
 * @example formatBibtex([paper]) // '@misc{rubin2023grokking,\n  title = {{Grokking as ...}},\n ...}\n'
 */
export function formatBibtex(papers: readonly BibtexInput[]): string {
  const used = new Map<string, number>()
  return papers
    .map((paper) => {
      const base = citationKey(paper)
      const n = used.get(base) ?? 0
      used.set(base, n + 1)
      const key = n === 0 ? base : `${base}${String.fromCharCode(97 + ((n - 1) % 26))}`
      const type = entryType(paper)
      const authors = paper.authors.map((a) => escapeBibtex(a))
      if (paper.authorsTruncated) authors.push('others')
      const fields: Array<[string, string | null | undefined]> = [
        ['title', `{${escapeBibtex(paper.title)}}`],
        ['author', authors.length ? authors.join(' and ') : null],
        ['year', paper.date?.slice(0, 4)],
        ['month', paper.date && paper.date.length >= 7 ? String(Number(paper.date.slice(5, 7))) : null],
        [type === 'inproceedings' ? 'booktitle' : type === 'article' ? 'journal' : 'howpublished', paper.venue ? escapeBibtex(paper.venue) : null],
        ['eprint', paper.ids.arxiv],
        ['archiveprefix', paper.ids.arxiv ? 'arXiv' : null],
        ['doi', paper.ids.doi],
        ['url', safeUrl(paper.url ?? null) ?? (paper.ids.arxiv ? `https://arxiv.org/abs/${paper.ids.arxiv}` : null)],
      ]
      const body = fields
        .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].length > 0)
        .map(([name, value]) => `  ${name} = {${value}}`)
        .join(',\n')
      return `@${type}{${key},\n${body}\n}\n`
    })
    .join('\n')
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s{}]+$/i.test(url) ? url : null
}

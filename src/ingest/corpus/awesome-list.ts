/**
 * @module Importer for a curated GitHub "awesome list" README, as GitHub renders it (captured as text) or as
 * its Markdown source: topic sections split by year (`Neural Collapse: 2021`), one bulleted entry per paper
 * with its authors and venue, curated key words and a digest. The same paper under two topics is two entries,
 * hence two records. Markdown is first rendered line for line into the text shape (see awesome-markdown.ts),
 * so both read through one entry parser; only Markdown has link targets, kept as the paper's URL. In Markdown a
 * heading that names a venue (`### ICLR 2023`), a year or a log's date is no topic: the entries under it keep the
 * topic above it, with that venue or year. `Table of Contents` is no topic either, and no item under how to cite the
 * README (`## 📑 Citation`) or its license is a paper of the list. A short name linked to its paper reads with the
 * title-case words after it as one title (`[Mamba](…): Linear-Time Sequence Modeling …`), a description after it not; a
 * label in lower case linked so (`[mixture of experts](…): Outrageously Large …`) gives way to the title after it.
 */
import { formatPartialDate, type ImportIssue, type ParseResult } from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import { isPreprintVenue } from '../bibtex/format.js'
import { normalizeArxivId, normalizeDoi } from '../source.js'
import type { TextInput } from '../text-input.js'
import {
  looksLikePersonName,
  normalizeNameCase,
  parseAuthorList,
  splitRunTogetherNames,
  type AuthorList,
} from './author-names.js'
import {
  isAboutTheListHeading,
  isMarkdownSource,
  isPaperUrl,
  renderAwesomeMarkdown,
  showsPaperLinkLabelOnly,
  SERIAL_AND,
  surveyAwesomeMarkdown,
  type ItemRest,
  type MarkdownLink,
  type RenderedMarkdown,
} from './awesome-markdown.js'
import {
  createParseCollector,
  defineCorpusFormat,
  listContentLines,
  normalizeForKey,
  createRecordBase,
  sampleLines,
  shorten,
  trimChars,
  trimEndChars,
  applyFileNameHint,
  type ParseCollector,
} from './corpus-format.js'

const FORMAT_NAME = 'awesome-list'

/** `Neural Collapse: 2021` at the start of a line: a topic section for one year. */
const SECTION_HEADING = /^(\S.{0,120}?):\s*((?:19|20)\d{2})$/
/** Sections after which bullets are resources or the contribution template, not papers. */
const END_OF_PAPERS = /^(Related Resources|Contributing|Formatting)\b/i
/** `# Papers`, `## Paper List`, `# Resources`: a part of the list that holds its papers, no topic over the ones in it. */
const CONTAINER_HEADING =
  /^(?:(?:research|selected|awesome|related)\s+)?(?:papers?(?:\s+list)?|paper\s+collection|resources|publications|literature|reading\s+list)$/i
/** `## Table of Contents`, `## Contents`: the list's outline, no topic of the papers under it. */
const CONTENTS_HEADING = /^(?:table of contents|contents|toc)$/i
/** An entry bullet (`  • Title. [paper]`) or a detail bullet (`    • Key Word: ...`). */
const BULLET = /^•\s*(.*)$/
/** Detail lines start at this indentation; entry bullets sit left of it. */
const DETAIL_INDENT = 4
/** `Key Word:`, and the list's own typos `Key Work:`, `Key Wrod:`, `Key Words:`; `Key:` as other lists write it. */
const KEY_WORDS = /^Key\s*(?:W\w*\s*)?:\s*(.*)$/i
/** `Publisher: ICLR 2024`, `Venue: …` on a line under an item: where the paper was published. */
const VENUE_LINE = /^(?:Publisher|Venue|Published\s+(?:in|at)|Conference|Journal)\s*:\s*(.+)$/i
/**
 * A lab, university or company on a line of its own under an item (`- Duke University`, `- Google Research, Stanford`,
 * `- ETRI`): who wrote the paper, no author. A piece names an institution by its word for one, or is an acronym.
 */
const AFFILIATION_PIECE =
  /^(?:[\p{L}&.'’-]+\s+){0,5}(?:University|Universit[äéà]t?|Department|Institute|Institut|Lab|Labs|Laboratory|Laboratories|Research|College|School|Academy|Centre|Center|Tech|Technologies|Inc\.?|Ltd\.?|Corporation|AI)(?:\s+[\p{L}&.'’-]+){0,5}$|^\p{Lu}[\p{Lu}\d&-]{1,7}$|^(?:OpenAI|DeepMind|Google|Meta|Microsoft|NVIDIA|Apple|Amazon|Baidu|Alibaba|Tencent|ByteDance|Huawei|Samsung|Adobe|Salesforce|Anthropic)(?:\s+[\p{L}&.'-]+){0,3}$/u
/**
 * `ICML 2023 Workshop AdvML-Frontiers`, `NeurIPS 2022 Workshop on Trustworthy ML`: a workshop of a venue, its year read,
 * kept whole as the venue. The venue's acronym opens it (no person's name does), no sentence in it.
 */
const WORKSHOP_LINE =
  /^(?=[^.;!?]*\bWorkshops?\b)(?=[^.;!?]*\b(?:19|20)\d{2}\b)(?:\S*\p{Lu}\S*\p{Lu}\S*|Workshops?)\s[^.;!?]{1,120}$/u
/**
 * `Journal of Machine Learning Research`, `IEEE Transactions on Information Forensics and Security (TIFS)`,
 * `Proceedings of the ACM International Conference on Multimedia (ACM MM 2022)`: a journal or proceedings named in
 * full on a line of its own, its year after it or not (`Transactions on Machine Learning Research, 2024`); its words
 * (group 1) are checked for title case.
 */
const JOURNAL_LINE =
  /^((?:The\s+)?(?:(?:IEEE|ACM|SIAM|IET)\s+)?(?:International\s+)?(?:Transactions\s+on|Journal\s+(?:of|on|for)|Proceedings\s+of)\s+[\p{L}&'’ -]{3,120}?)(?:\s*\([^()]{1,40}\))?(?:,?\s+(?:19|20)\d{2})?$/u
/** `UNC Chapel Hill`, `ETH Zurich`: a university's acronym and the town it is in. */
const ACRONYM_AND_PLACE = /^\p{Lu}{2,6}(?:\s+\p{Lu}\p{Ll}+){1,3}$/u
/** A proper name of one to four capitalised words (`Kwai`, `Meta AI`, `Singapore`): maybe a company's. */
const PROPER_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u
/** Words of a note beside a title that say how it was presented or what it is, never who made it. */
const NOT_A_LAB_NOTE =
  /\b(?:oral|spotlight|poster|highlight|award|best|survey|review|tutorial|benchmark|dataset|preprint|workshop|demo|findings|short|long|extended|journal|version|code|blog|video|slides|under|submitted|accepted|rejected|published)\b/i
/** `NLP`, `RL`, `LLM`: a field's abbreviation a list tags a paper with, no lab, though in capitals as one. */
const FIELD_ABBREVIATION =
  /^(?:AI|XAI|ML|DL|NLP|CV|RL|IR|LLMs?|VLMs?|MLLMs?|GNNs?|CNNs?|RNNs?|GANs?|VAEs?|SOTA|NER|QA|VQA|ASR|TTS|OCR|MT|SSL|OOD)$/
/**
 * `Explainable AI`, `Generative AI`, `Medical AI`: a field a list tags a paper with, no lab, though it ends in `AI` as
 * a lab's name does (`Sony AI`, `Mistral AI`): the word before it describes (`-able`, `-ive`, `-ed`) or names a field.
 */
const FIELD_AI =
  /^(?:[\p{L}-]+(?:able|ible|ive|worthy|ed)|Agentic|Symbolic|Neuro-?symbolic|Conversational|Ethical|Medical|Clinical|Causal|Multimodal|Educational|Green|Edge|Safe|Fair|Human-cent(?:ered|red|ric))\s+AI$/iu
/**
 * A note under an item, labelled (`TL;DR: …`, `Code: [official](…)`, `ExpEnv: D4RL`, `Comment: …`): never its
 * authors. An author line names people; it opens with no such label (`Author List:` is read as one).
 */
const NOTE_LINE = /^(?!Author\s*List\b)[\p{L}][\p{L}\p{N};/ .-]{0,24}:\s/iu
const DIGEST = /^Digest\b\s*:?\s*(.*)$/i
/** One link marker at the end of a title: `[paper]`, `[code]`, `[book]`. */
const LINK_MARKER = /\[([a-z][a-z ]{0,15})\]$/
/** A line of links alone as Markdown shows them: `[paper] [code]`, `[Python Reference]`, `[paper], [V2]`. */
const LINKS_ONLY_LINE = /^\[[^[\]]{1,40}\](?:[\s,;|]*\[[^[\]]{1,40}\])*$/
/** A title still in its bold marks: opened on the item's line and closed on the line that continues it. */
const WRAPPED_BOLD_TITLE = /^(\*\*|__)(?=\S)([^*_]+?)\1$/
/** The link markers a line ends with, as Markdown shows them: ` [paper] [code]`. */
const TRAILING_LINK_MARKERS = /(?:\s*\[[a-z][a-z &]{0,15}\])+\s*$/
/** A line wrapped to column 0 inside an entry is prose; headings and page chrome are short. */
const MIN_WRAPPED_PROSE = 60
/** Link labels that point at the paper itself, best first (`[[paper]](url)` in the list). */
const PAPER_LINK_LABELS = ['paper', 'pdf', 'arxiv']
/**
 * A venue and its year alone beside a title: `ECCV 2020`, `ACL 2023 Findings`, `arXiv 2021`, `ICCV 2021 (Oral)`.
 * Without a year only a known venue is one (`TMLR`, see {@link isVenuePiece}).
 */
const VENUE_YEAR_PIECE =
  /^(?:[\p{L}][\p{L}&'-]*\s+){0,3}(?:19|20)\d{2}(?:\s+\p{Lu}\p{L}*){0,2}(?:\s+\((?:[Oo]ral|[Ss]potlight|[Pp]oster|[Hh]ighlight)\))?$/u
/** `(Devlin et al., NAACL 2019) [code]`: a piece beside a title that opens in parentheses, and what follows them. */
const PARENTHESISED_BYLINE = /^\(([^()]+)\)\s*(.*)$/
/** `(2015)` beside a title: the year the list gives the paper. */
const YEAR_IN_PARENTHESES = /\(((?:19|20)\d{2})\)/
/** `, 2022.12` at the end, or a table's `2017-06`: the year and month the paper came out. */
const YEAR_DOT_MONTH = /(?:^|[\s,])((?:19|20)\d{2})[.-](\d{1,2})\s*$/
/** `. 03/2023.` or `. 04/22.` ending an author line: the month the paper came out (linhlpv/Off2OnRL-awesome-papers). */
const MONTH_SLASH_YEAR = /(?:^|[\s,.])(\d{1,2})\/((?:19|20)\d{2}|\d{2})\.?\s*$/
/** A year alone (a table's date column): when the paper came out. */
const YEAR_ALONE = /^((?:19|20)\d{2})$/
/** `18 Aug 2022`, `19 June 2022` under a title: the day the paper came out. */
const DAY_MONTH_YEAR =
  /^(?:\d{1,2}\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d{2})$/i
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/**
 * `(Adaptive Feature Fusion for Cooperative Perception)` after a name: the title, three words or more; in braces as
 * Little-Podi/Collaborative_Perception once writes it (`**BM2CP** {BM2CP: Efficient Collaborative …}`).
 */
const PARENTHESISED_TITLE = /^(?:\(\s*(\S+(?:\s+\S+){2,}?)\s*\)|\{\s*(\S+(?:\s+\S+){2,}?)\s*\})$/
/** A short name in capitalised words (`Double-M Quantification`, `Robust V2V`): a method's, before its title. */
const SHORT_NAME = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}.+_-]*)(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.+_-]*){0,2}$/u
/** `: Linear-Time Sequence Modeling …`, `- On the Parameterization …` after a short name: what may finish its title. */
const NAME_THEN_SUBTITLE = /^[:：–—-]\s*(\S.*)$/
/** `"Generative Pretraining From Pixels", ICML, 2020`: a title in quotes, and what follows it. */
const QUOTED_TITLE = /^["“]([^"“”]{8,}?)[,.]?["”][,.]?\s*(.*)$/
/**
 * `, ICML, 2020 (*OpenAI*).` after a quoted title (`ACMMM. 2020` once): its venue and year, then the lab or company
 * that wrote it.
 */
const VENUE_COMMA_YEAR =
  /^[\s,]*([\p{L}][\p{L}&'-]*(?:\s+[\p{L}][\p{L}&'-]*){0,2})[,.]\s*((?:19|20)\d{2})\b\s*(?:\(([^()]*)\))?[\s.]*$/u
/**
 * `**?**: "Title", Venue, Year`: the short name of a paper that has none (cmhungsteve/Awesome-Transformer-Attention's
 * How-to-PR: "If there is no abbreviation, just use "?"").
 */
const NO_NAME = '?'
/** A short name that opens its title is a word or two (`Mamba`, `BERT Paper`); three are a name of their own. */
const MAX_NAME_WORDS = 2
/**
 * A curator's label in lower case, two to four words (`mixture of experts`, `flash attention`): what the paper is
 * about, no name it is titled with (a paper's title opens with a capital; `s1`, one word, may be its name).
 */
const LOWER_CASE_LABEL = /^\p{Ll}[\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+){1,3}$/u
/** Words of a title after a name, the small ones left out: `Grouped GEMM for MoE` (3) is a curator's gloss. */
const MIN_SUBTITLE_WORDS = 4
/** Of the words of a title in title case, this share is capitalised, the small words below left out. */
const MIN_TITLE_CASE_SHARE = 0.75
/** Words a title in title case writes small (`with`, `of`): not counted for its capitals. */
const TITLE_SMALL_WORD =
  /^(?:a|an|the|and|or|nor|but|of|for|with|without|in|on|at|to|by|from|via|into|onto|over|under|as|vs\.?|versus|per)$/i
/** `Title, CVPR, 2016` or `Title, ICCV 2017.`: a venue and its year ending a title, after a comma. */
const TITLE_VENUE_ENDING = /^(\S.{7,}?),\s*([\p{L}][\p{L}-]*)\s*,?\s+((?:19|20)\d{2})\.?$/u
/** `Title (Published in Findings of EMNLP 2024)`: the venue a list writes into the title. */
const PUBLISHED_IN_TITLE = /\s*\((?:Published|Accepted)\s+(?:in|at|by|to)\s+([^()]+?)\)$/i
/** `Title (Arxiv 2019)`, `Title (CVPR 2022)`: parentheses ending a title, a venue if what they hold reads as one. */
const PARENTHESES_ENDING_TITLE = /^(\S.*?)\s*\(([^()]+)\)$/
/**
 * A heading that names a venue, not a topic (`ICLR 2023`, `NeurIPS`, `CVPR 2022`, `arXiv`, `ACL 2023 Findings`): the
 * venue of the entries under it. A known venue in any case, with or without its year (`ICLR'23`)…
 */
const KNOWN_VENUE_HEADING =
  /^(?:ICLR|ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|WWW|WSDM|SIGIR|CIKM|RecSys|TMLR|JMLR|TPAMI|IJCV|TACL|TNNLS|TKDE|TOG|TIP|JAIR|PNAS|AISTATS|UAI|COLT|CoRL|ICRA|IROS|MICCAI|Interspeech|ICASSP|MLSys|arXiv|CoRR)(?:['’]?\s*(?:(?:19|20)\d{2}|\d{2}))?(?:\s+(?:Findings|Workshops?|Oral|Spotlight|Posters?|Main))?$/i
/** …or an acronym and a year (`SIGGRAPH 2022`, `NeurIPS 2023 Oral`); a word and a year (`Survey 2023`) is a topic. */
const ACRONYM_YEAR_HEADING =
  /^\p{Lu}\p{L}*\p{Lu}\p{L}*\s+(?:19|20)\d{2}(?:\s+(?:Findings|Workshops?|Oral|Spotlight|Posters?|Main))?$/u
/** An emoji as a README writes it in Markdown: `:tada:`. */
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/g
/** An emoji as a picture: `📊`, `🔥`. */
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu
/** `## 2023`: the year the entries under it came out. */
const YEAR_HEADING = /^((?:19|20)\d{2})$/
/** `### 2024-10-09`: the day a list added the entries under it (a log); no topic and no paper's date. */
const DATE_HEADING = /^(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?$/
/** `## Daily Updates`, `## News`: a log of the list's changes, no topic of its papers. */
const LOG_HEADING = /^(?:(?:daily|weekly|monthly|latest|recent)\s+)?(?:updates?|news|change\s*log)$/i
/**
 * A title that is only a name (`GPT-4`, `LLaMA`, `Mistral 7B`, `Qwen2.5`): a model, tool or data set; an entry only
 * when it links to its paper.
 */
const NAME_ONLY_TITLE = /^[\p{L}\p{N}][\p{L}\p{N}.+_-]*(?:[\s-]+v?\d+(?:\.\d+)*[BMKbmk]?)?$/u
/** A description after the title (`[TinyZero](…) - Clean, minimal …`), never an author list. */
const DESCRIPTION = /^[-–—:]\s/
/** `-Shaoqing Ren, Kaiming He, …` (a dash typed against the first name): names after a dash, or nothing. */
const DASH_BEFORE_NAME = /^[-–—](?=\p{Lu})/u
/** Of the names read beside a title, this share must read as people's names for the line to be its authors. */
const MIN_NAME_SHARE = 0.75

interface Section {
  /** Null under the list's own title (`# Awesome LLM`): that names the list, not a topic of its papers. */
  topic: string | null
  /**
   * The topics of the headings and groups enclosing the entry, outermost first, ending with `topic` (`Vision`, then
   * `Detection` under it): a paper under a nested heading is filed under it and under each one above it.
   */
  topics: string[]
  /** Null under a Markdown heading without one (`## Survey`). */
  year: number | null
  /** The venue a Markdown heading names (`### ICLR 2023`), as printed; null under none. */
  venue: string | null
  /** The year a Markdown heading alone gives (`### 2023`): a date the entry prints wins over it. */
  headingYear: number | null
  line: number
}

/**
 * A Markdown heading as a section reads it; a field left out is the enclosing heading's: a venue (`### ICLR 2023`)
 * or a date heading keeps the topic above it.
 */
interface HeadingFrame {
  level: number
  line: number
  topic?: string | null
  year?: number | null
  venue?: string
  headingYear?: number
  /** The last line under it: a group of HTML list items ends with its list, before the next heading. */
  until?: number
}

interface DetailLine {
  line: number
  text: string
}

/** An entry as collected from its lines, before it is read into a record. */
interface EntryDraft {
  line: number
  /** The lines the title was read from: its bullet line and the lines that continue it. */
  titleLines: number[]
  titleText: string
  details: DetailLine[]
  section: Section | null
  /** Unreadable lines inside the entry: the whole entry is rejected for them. */
  rejections: ImportIssue[]
  /** Collected after `Related Resources`/`Contributing`: only checked for being the template. */
  afterPapers: boolean
}

/** The awesome-list format. */
export const awesomeListFormat = defineCorpusFormat({
  name: FORMAT_NAME,
  wholeList: true,
  description:
    'A curated "awesome" paper list, its README.md (Markdown) or the page as text: topic sections by year, entries with authors, key words and digests',
  detect(text, fileName) {
    const lines = sampleLines(text)
    const markdown = surveyAwesomeMarkdown(lines)
    if (markdown.entries > 0) {
      return applyFileNameHint(scoreMarkdownList(markdown, text), fileName, /awesome|\.(?:md|markdown)$/i)
    }
    const headings = lines.filter((line) => SECTION_HEADING.test(line)).length
    const entries = lines.filter((line) => /^\s{0,3}•\s.*\[paper\]/.test(line)).length
    if (entries === 0) return 0
    const score = headings > 0 && entries >= 2 ? 0.95 : 0.6
    return applyFileNameHint(score, fileName, /awesome/i)
  },
  parseInput(input, ctx) {
    return parseAwesomeList(input, ctx)
  },
})

/** The awesome badge (`awesome.re/badge.svg`, sindresorhus's) or a title `# Awesome …`: the list says what it is. */
const AWESOME_MARK = /awesome\.re\/badge|sindresorhus\/awesome\/[^)\s]*badge|^\s*#\s*awesome\b/im
/** Paper entries must be this share of a README's list items and table rows for it to read as a list of papers. */
const MIN_ENTRY_SHARE = 0.2

/**
 * How sure detection is that Markdown is a paper list: year sections, or many paper entries that are a good share
 * of its items (a real list: 0.9); a few such entries only in a list that says it is awesome or is mostly them. A
 * project README that links a paper or two stays under {@link MIN_DETECT_CONFIDENCE}.
 */
function scoreMarkdownList(
  survey: { yearHeadings: number; entries: number; items: number },
  text: string,
): number {
  const { yearHeadings, entries, items } = survey
  const share = entries / Math.max(items, 1)
  if (yearHeadings > 0 && entries >= 2) return 0.95
  if (entries >= 5 && share >= MIN_ENTRY_SHARE) return 0.9
  if (entries >= 2 && (share >= 0.5 || AWESOME_MARK.test(text.slice(0, 20_000)))) return 0.75
  return 0.3
}

function parseAwesomeList(input: TextInput, ctx: ParseContext): ParseResult {
  const collector = createParseCollector(input, ctx)
  const markdown = isMarkdownSource(input.lines) ? renderAwesomeMarkdown(input) : null
  const links = markdown?.links ?? new Map<number, readonly MarkdownLink[]>()
  const itemRests = markdown?.itemRests ?? new Map<number, ItemRest>()
  for (const line of markdown?.crowdedHtmlItems ?? [])
    collector.reject({
      code: 'PARSE_FAILED',
      line,
      field: 'entry',
      message: `line ${line}: an HTML list item shares its line with another item and no line of its own is free; not read`,
      excerpt: shorten(input.lines[line - 1]?.trim() ?? ''),
    })
  for (const draft of collectEntryDrafts(markdown?.input ?? input, collector, markdown))
    readEntryDraft(draft, ctx, collector, links, itemRests.get(draft.line) ?? null, markdown !== null)
  return collector.result()
}

/**
 * Groups the lines into entry drafts, tracking the section each sits in. In Markdown (`headings` given) every
 * heading is a section, `Topic: 2023` or not, and only a heading ends the papers: a `Contributing` link of a
 * table of contents does not.
 */
function collectEntryDrafts(
  input: TextInput,
  collector: ParseCollector,
  markdown: Pick<RenderedMarkdown, 'headings' | 'sectionEnds'> | null,
): EntryDraft[] {
  const headings = markdown?.headings ?? null
  const drafts: EntryDraft[] = []
  let section: Section | null = null
  let afterPapers = false
  // In Markdown, the level of the `## Contributing` heading that ended the papers: a later heading as high resumes
  // them (a list that opens with `## Contributing` and `## Change Log` before its `## Computer Vision`).
  let endLevel: number | null = null
  const titleLine = headings === null ? null : findListTitle(headings, input.lines)
  let draft: EntryDraft | null = null
  // The Markdown headings enclosing the line, outermost first.
  const frames: HeadingFrame[] = []
  const enter = (frame: HeadingFrame): Section | null => {
    while ((frames.at(-1)?.level ?? 0) >= frame.level) frames.pop()
    const until = markdown?.sectionEnds.get(frame.line)
    frames.push(until === undefined ? frame : { ...frame, until })
    return sectionOfFrames()
  }
  // The section the enclosing headings make, read from the innermost out; null under none.
  const sectionOfFrames = (): Section | null => {
    const innermost = frames.at(-1)
    if (innermost === undefined) return null
    const nearest = <K extends 'topic' | 'year' | 'venue' | 'headingYear'>(
      key: K,
    ): HeadingFrame[K] | undefined => frames.findLast((candidate) => candidate[key] !== undefined)?.[key]
    return {
      topic: nearest('topic') ?? null,
      topics: topicPath(frames),
      year: nearest('year') ?? null,
      venue: nearest('venue') ?? null,
      headingYear: nearest('headingYear') ?? null,
      line: innermost.line,
    }
  }
  const close = (): void => {
    if (draft) drafts.push(draft)
    draft = null
  }

  for (const line of listContentLines(input)) {
    // A group of HTML items ends where its list does: what follows is under the headings around it again.
    // So do the groups and headings inside it (`**Detection**` in a `<details>`): they are no wider than it.
    const ended = frames.findIndex(({ until }) => until !== undefined && until < line.line)
    if (ended >= 0) {
      frames.splice(ended)
      section = sectionOfFrames()
    }
    if (line.rejection) {
      if (draft) draft.rejections.push(line.rejection)
      else collector.rejectEntryForLines({ line: line.line, label: null }, [line.rejection])
      continue
    }
    const indent = line.text.length - line.text.trimStart().length
    const text = line.text.trim()
    const bullet = BULLET.exec(text)
    if (indent === 0 && !bullet) {
      const heading = SECTION_HEADING.exec(text)
      const level = headings?.get(line.line)
      if (level !== undefined && endLevel !== null && level <= endLevel) {
        afterPapers = false
        endLevel = null
      }
      if (heading?.[1] !== undefined && heading[2] !== undefined) {
        close()
        const topic = heading[1].trim()
        const year = Number(heading[2])
        section =
          level === undefined
            ? { topic, topics: [topic], year, venue: null, headingYear: null, line: line.line }
            : enter({ level, line: line.line, topic, year })
      } else if (
        (END_OF_PAPERS.test(text) && (headings === null || level !== undefined)) ||
        (level !== undefined && endsPapers(text))
      ) {
        close()
        afterPapers = true
        endLevel = level ?? null
      } else if (level !== undefined) {
        close()
        section = enter({ level, line: line.line, ...readHeading(text, line.line === titleLine) })
      } else if (draft && headings === null && text.length >= MIN_WRAPPED_PROSE) {
        // Wrapped text in a capture; Markdown indents what continues an item, so a paragraph there ends it.
        appendWrapped(draft, text, line.line)
      } else {
        close() // page chrome (`avatar`) or a topic's own heading ends the entry
      }
      continue
    }
    if (bullet && indent < DETAIL_INDENT) {
      close()
      draft = {
        line: line.line,
        titleLines: [line.line],
        titleText: bullet[1] ?? '',
        details: [],
        section,
        rejections: [],
        afterPapers,
      }
      continue
    }
    if (!draft) continue
    const current: EntryDraft = draft
    // `    Digest ...` without its bullet (it happens) still starts a detail line.
    if (bullet) current.details.push({ line: line.line, text: bullet[1] ?? '' })
    else if (indent >= DETAIL_INDENT && (DIGEST.test(text) || KEY_WORDS.test(text)))
      current.details.push({ line: line.line, text })
    else appendWrapped(current, text, line.line)
  }
  close()
  return drafts
}

/**
 * The topics of the enclosing headings, outermost first: read from the innermost out up to a heading that says there
 * is none (the list's title, `Table of Contents`); a venue, year or date heading says nothing of the topic. A topic
 * repeated right under itself (`## Neural Collapse` over `### Neural Collapse: 2021`) is one.
 * @example topicPath([{ level: 2, line: 1, topic: 'Vision' }, { level: 3, line: 5, topic: 'Detection' }]) // ['Vision', 'Detection']
 */
function topicPath(frames: readonly HeadingFrame[]): string[] {
  const path: string[] = []
  for (const frame of [...frames].reverse()) {
    if (frame.topic === undefined) continue
    if (frame.topic === null) break
    if (path[0] !== frame.topic) path.unshift(frame.topic)
  }
  // `# Papers` over `## Vision` holds the list's papers, no topic of theirs; alone it stays the topic it always was.
  const specific = path.filter((topic) => !CONTAINER_HEADING.test(topic.replace(EMOJI, ' ').trim()))
  return specific.length > 0 ? specific : path.slice(-1)
}

/**
 * What a Markdown heading says of the entries under it: a topic (`## Survey`), none (the list's title, `Daily
 * Updates`), their venue (`### ICLR 2023`, under the topic above it), their year (`## 2023`), or nothing (a log's
 * date, `### 2024-10-09`).
 */
function readHeading(heading: string, listTitle: boolean): Omit<HeadingFrame, 'level' | 'line'> {
  // GitHub shows `:tada:` as a picture: `### ICLR 2023:tada::tada:` names the venue, `## :bookmark:Method` the topic
  // `Method`. A picture itself (`### 📊 Datasets`) stays in the topic as the page shows it.
  const topic = heading.replace(EMOJI_SHORTCODE, ' ').replace(/\s+/g, ' ').trim() || heading
  const text = topic.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim()
  if (listTitle || LOG_HEADING.test(text) || CONTENTS_HEADING.test(text)) return { topic: null }
  if (KNOWN_VENUE_HEADING.test(text) || ACRONYM_YEAR_HEADING.test(text)) return { venue: text }
  const year = YEAR_HEADING.exec(text)?.[1]
  if (year !== undefined) return { headingYear: Number(year) }
  if (DATE_HEADING.test(text)) return {}
  return { topic, year: null }
}

/**
 * True when a Markdown heading ends the list's papers: `## 🤝 Contributing` as `Contributing` does, how to cite the
 * list (`## 📑 Citation`) or its license (`## License`), a picture or `:tada:` before the words left out.
 */
function endsPapers(heading: string): boolean {
  const words = heading.replace(EMOJI_SHORTCODE, ' ').replace(EMOJI, ' ').replace(/\s+/g, ' ').trim()
  return END_OF_PAPERS.test(words) || isAboutTheListHeading(words)
}

/**
 * The line of the list's own title: its first heading, when that is a top-level one (`# Awesome-LLM`, `<h1>`) and
 * says `Awesome` or is the only top-level heading. Lists whose top-level headings are their parts (`# Papers`
 * after `## Contents`) have none.
 */
function findListTitle(headings: ReadonlyMap<number, number>, lines: readonly string[]): number | null {
  const first = [...headings.entries()].sort(([a], [b]) => a - b)[0]
  if (first === undefined || first[1] !== 1) return null
  const topLevel = [...headings.values()].filter((level) => level === 1).length
  return topLevel === 1 || /awesome/i.test(lines[first[0] - 1] ?? '') ? first[0] : null
}

/** A wrapped line continues the last detail, or the title when there is none yet. */
function appendWrapped(draft: EntryDraft, text: string, line: number): void {
  const last = draft.details[draft.details.length - 1]
  if (last) last.text = `${last.text} ${text}`
  else {
    draft.titleText = `${draft.titleText} ${text}`
    draft.titleLines.push(line)
  }
}

/** The contribution template at the end of the list (`Paper Title [paper]`, `Key Word: XXX.`). */
function isTemplateEntry(draft: EntryDraft): boolean {
  const title = cleanTitle(draft.titleText).title
  return (
    /^paper title$/i.test(title) ||
    draft.details.some(
      (detail) =>
        /^Authors\.\s*Published Conference or Journal$/i.test(detail.text.trim()) ||
        /^Key\s*W\w*\s*:\s*X+\.?$/i.test(detail.text.trim()),
    )
  )
}

function readEntryDraft(
  draft: EntryDraft,
  ctx: ParseContext,
  collector: ParseCollector,
  linksByLine: ReadonlyMap<number, readonly MarkdownLink[]>,
  itemRest: ItemRest | null,
  markdown: boolean,
): void {
  const cleaned = cleanTitle(draft.titleText)
  const { links } = cleaned
  const titleLinks = [...new Set([...draft.titleLines, ...(itemRest?.lines ?? [])])].flatMap(
    (line) => linksByLine.get(line) ?? [],
  )
  // `- Title` over `  - Authors. CVPR 2016. [[paper]](…) [[code]](…)`: a title without a link to its paper takes the
  // one nested under it, as it would its own.
  const paperUrl =
    findPaperUrl(titleLinks) ?? (markdown ? findNestedPaperUrl(draft.details, linksByLine) : null)
  // `- **AdaFusion** (Adaptive Feature Fusion for …) [[paper]](…)`: a name, then the paper's title in parentheses;
  // `- [Mamba](https://arxiv.org/abs/2312.00752): Linear-Time Sequence Modeling …`: a name linked to its paper, then
  // the rest of its title.
  // `- [mixture of experts](…): Outrageously Large Neural Networks: …`: a label linked to the paper, then its title.
  const shortName =
    NAME_ONLY_TITLE.test(cleaned.title) || SHORT_NAME.test(cleaned.title) || cleaned.title === NO_NAME
  const label = !shortName && LOWER_CASE_LABEL.test(cleaned.title)
  // `[Title](…), CVPR, 2022 (*Google*)`: the lab or company in italics is who made the paper, no part of the venue or
  // of the names beside the title; read apart from them.
  const besideLab = itemRest?.emphasisedInParentheses?.find(isLabNote) ?? null
  const segments = withoutNote(itemRest?.segments ?? [], besideLab)
  const parenthesised = shortName ? readParenthesisedTitle(cleaned.title, segments[0] ?? '') : null
  const afterName =
    (shortName || label) && parenthesised === null && paperUrl !== null
      ? readTitleAfterName(cleaned.title, segments[0] ?? '', label)
      : null
  // `- **GWNN**` over `  - Graph Wavelet Neural Network, ICLR'19` and its `[[paper]]`: a name, its title nested under it.
  const nestedTitle =
    markdown && shortName && parenthesised === null && afterName === null && paperUrl !== null
      ? readNestedTitle(draft.details, segments.length, cleaned.title)
      : null
  const fullTitle = parenthesised ?? afterName?.title ?? nestedTitle
  const restSegments =
    fullTitle === null ? segments : [...(afterName?.rest ? [afterName.rest] : []), ...segments.slice(1)]
  const named = fullTitle ?? cleaned.title
  // `Title (Published in Findings of EMNLP 2024)`, and in Markdown `Title, CVPR, 2016`: the venue is no part of the title.
  const publishedIn =
    PUBLISHED_IN_TITLE.exec(named)?.[1]?.trim() ?? (markdown ? readVenueInTitleParentheses(named) : null)
  const ending = markdown && publishedIn === null ? readTitleVenueEnding(named) : null
  const titleVenue = publishedIn ?? ending?.venue ?? null
  const title =
    ending?.title ??
    (publishedIn === null
      ? named
      : PUBLISHED_IN_TITLE.test(named)
        ? named.replace(PUBLISHED_IN_TITLE, '').trim()
        : (PARENTHESES_ENDING_TITLE.exec(named)?.[1] ?? named))
  // First, so that no unreadable line goes unreported, even in the template or after the papers.
  if (draft.rejections.length > 0) {
    collector.rejectEntryForLines({ line: draft.line, label: title || null }, draft.rejections)
    return
  }
  if (isTemplateEntry(draft)) {
    collector.reject({
      code: 'TEMPLATE_ENTRY',
      line: draft.line,
      field: 'entry',
      message:
        'the contribution template ("Paper Title", "Authors. Published Conference or Journal"), not a paper',
      excerpt: shorten(draft.titleText.trim()),
    })
    return
  }
  if (draft.afterPapers) return
  if (title === '') {
    collector.reject({
      code: 'MISSING_FIELD',
      line: draft.line,
      field: 'title',
      message: 'entry bullet without a title',
      excerpt: shorten(draft.titleText.trim()),
    })
    return
  }
  // `- [GPT-4](https://openai.com/…)` over its authors: a model or a tool, unless the name links to its paper.
  if (markdown && paperUrl === null && !itemRest?.paperTableRow && NAME_ONLY_TITLE.test(title)) {
    collector.reject({
      code: 'INVALID_VALUE',
      line: draft.line,
      field: 'title',
      message: `line ${draft.line}: "${shorten(title)}" is only a name (a model, tool or data set) and links to no paper (arXiv, DOI, OpenReview, ACL Anthology, proceedings); not imported`,
      excerpt: shorten(draft.titleText.trim()),
    })
    return
  }
  const besideTitle = itemRest ? readBesideTitle(restSegments) : null
  // A Markdown item that links to its paper, opens with its venue and year (`- [x] [CVPR 2019] Title`), or is a row
  // of a table of papers, is whole: the curated title, topic and link are the list's point, authors come later. A
  // text capture has no links, and a bare title line there may be a cut entry; a Markdown item with none of these
  // is a tool or another list (`[TinyZero](github) - …`).
  const tagVenue = itemRest?.venueTag?.venue ?? null
  if (
    draft.details.length === 0 &&
    !besideTitle?.byline?.authorList.authors.length &&
    paperUrl === null &&
    !itemRest?.paperTableRow &&
    tagVenue === null
  ) {
    collector.reject({
      code: 'MISSING_FIELD',
      line: draft.line,
      field: 'authors',
      message: `"${shorten(title)}" has only its title line: no authors, key words or digest (cut entry?)`,
      excerpt: shorten(title),
    })
    return
  }
  const details = classifyDetails(
    nestedTitle === null ? draft.details : draft.details.slice(1),
    markdown,
    linksByLine,
  )
  // Names on the item's own line are its authors; a line under it is then a note (`- Estimates of VC-dimension.`).
  if (besideTitle?.authorsLine && details.authorsLine) {
    details.unknown.unshift(details.authorsLine)
    details.authorsLine = null
  }
  // `Kaiming He, …, Jian Sun. CVPR 2016. [paper] [code]`: the markers of the line's links are no venue.
  const byline = details.authorsLine
    ? readByline(details.authorsLine.text.replace(TRAILING_LINK_MARKERS, ''))
    : (besideTitle?.byline ?? null)
  warnAboutGaps(draft, title, details, byline, collector)
  const sectionDate = draft.section?.year ? formatPartialDate(draft.section.year) : null
  // What the entry prints wins over its title's note (`(Published in …)`), and that over its heading (`### ICLR 2023`).
  const sectionVenue = draft.section?.venue ?? null
  // `- **Title** (CVPR 2022)` over its authors: the venue beside the title, when the author line names none.
  const besideVenue = byline === besideTitle?.byline ? null : (besideTitle?.byline?.venue ?? null)
  const ownVenue = byline?.venue ?? details.venue ?? tagVenue ?? titleVenue ?? besideVenue
  // `RSS` under `#### RSS 2022`: the heading completes a venue printed without its year.
  const printedVenue =
    ownVenue !== null &&
    sectionVenue !== null &&
    yearOf(ownVenue) === null &&
    sectionVenue.toLowerCase().startsWith(ownVenue.toLowerCase())
      ? sectionVenue
      : (ownVenue ?? sectionVenue)
  const venueYear =
    byline?.venueYear ??
    [details.venue, tagVenue, titleVenue, besideVenue, sectionVenue].reduce<number | null>(
      (year, venue) => year ?? (venue === null ? null : yearOf(venue)),
      null,
    )
  // `Arxiv 2021`, `arXiv preprint`, `CoRR`: a preprint server is no venue, as BibTeX and arXiv's own records have
  // it (no venue until a journal reference); its year still dates the paper.
  const venue = printedVenue !== null && isPreprintVenue(printedVenue) ? null : printedVenue
  // A date after the venue's year (`ICML 2011` over `20 Apr 2022`) is when the list added it: the paper was out by then.
  const printedDate = besideTitle?.published ?? byline?.published ?? null
  const published = printedDate && !(venueYear !== null && printedDate.year > venueYear) ? printedDate : null
  // Where the entry sits in the list, and its title: the same paper under `Attack › Object Detection` and `Defense ›
  // Object Detection` is two entries. A topic alone is the key it always was.
  const place = draft.section?.topics.length ? draft.section.topics : [draft.section?.topic ?? '']
  collector.addRecord({
    ...createRecordBase(FORMAT_NAME, ctx, draft.line),
    key: `${place.map(normalizeForKey).join(' > ')}/${normalizeForKey(title)}`,
    title,
    authors: byline?.authorList.authors ?? [],
    authorsTruncated: byline?.authorList.truncated ?? false,
    venue,
    // The section year is when the paper came out on arXiv, as is a year the item prints (`2022.12`); a year
    // heading (`### 2023`) may be the venue's; a venue year is often the next one.
    date:
      sectionDate ??
      (published ? formatPartialDate(published.year, published.month) : null) ??
      (draft.section?.headingYear ? formatPartialDate(draft.section.headingYear) : null) ??
      (venueYear === null ? null : formatPartialDate(venueYear)),
    topics: draft.section?.topics ?? [],
    keywords: details.keywordsLine ? splitKeywords(details.keywordsLine.text) : [],
    digest: details.digest ? { text: details.digest, origin: 'curated' } : null,
    url: paperUrl,
    ids: paperUrl ? idsFromUrl(paperUrl) : {},
    raw: {
      // `Vision › Detection` under a nested heading, as the list nests them.
      section:
        draft.section?.topic != null
          ? `${draft.section.topics.join(' › ')}${draft.section.year === null ? '' : `: ${draft.section.year}`}`
          : null,
      titleLine: draft.titleText.trim(),
      links: [...links, ...details.linkLabels],
      authorsLine: details.authorsLine?.text ?? besideTitle?.authorsLine ?? null,
      venue: byline?.venueAsPrinted ?? details.venue ?? tagVenue ?? titleVenue ?? besideVenue ?? sectionVenue,
      // `NIPS 2018 Bengio`: the words after the year are kept here only, no part of the venue.
      ...(itemRest?.venueTag ? { venueTag: itemRest.venueTag.asWritten } : {}),
      // `(*OpenAI*)` after a quoted title's venue and year: who made the paper, no venue and no author.
      // `  - Duke University` under the title: the same, on a line of its own.
      // `(*Google*)` after a linked title: the same, in italics in parentheses.
      ...((afterName?.affiliation ?? details.affiliation ?? besideLab)
        ? { affiliation: afterName?.affiliation ?? details.affiliation ?? besideLab }
        : {}),
      venueYear,
      keywordsLine: details.keywordsLine?.text ?? null,
      digestLine: details.digestLine?.text ?? null,
      ...(details.unknown.length > 0 ? { unrecognised: details.unknown.map((detail) => detail.text) } : {}),
      ...(details.notes.length > 0 ? { notes: details.notes.map((detail) => detail.text) } : {}),
      ...(titleLinks.length > 0 ? { linkTargets: titleLinks.map(({ label, url }) => ({ label, url })) } : {}),
      ...(itemRest ? { besideTitle: itemRest.segments } : {}),
    },
  })
}

/**
 * The venue in the parentheses a title ends with (`Gated Graph Sequence Neural Networks (Arxiv 2019)`,
 * benedekrozemberczki/awesome-community-detection), or null: a venue with its year or a known one. A year alone, and
 * what a title itself ends with (`(Extended Abstract)`, `(GPT-3)`), are none.
 */
function readVenueInTitleParentheses(title: string): string | null {
  const match = PARENTHESES_ENDING_TITLE.exec(title)
  const inside = spaceVenueYear(match?.[2]?.trim() ?? '')
  if (match === null || YEAR_ALONE.test(inside) || !isVenuePiece(inside)) return null
  return inside
}

/**
 * A venue's year set apart as everywhere else: `NeurIPS'2012`, `CVPRW'2020`, `Pattern Recognition'2021`
 * (Westlake-AI/openmixup) read `NeurIPS 2012`, ….
 */
function spaceVenueYear(text: string): string {
  return text.replace(/(?<=\p{L})['’](?=(?:19|20)\d{2}$)/u, ' ')
}

/**
 * The paper's title in parentheses (or braces) after its short name, or null: three words or more, more than the
 * name's, no year (`(2015)`) and no list of people (`(Devlin et al.)`, `(Ann Lee, Bo Chen and Cy Li)`).
 */
function readParenthesisedTitle(name: string, segment: string): string | null {
  const match = PARENTHESISED_TITLE.exec(segment)
  const title = (match?.[1] ?? match?.[2])?.trim()
  if (title === undefined || /\b(?:19|20)\d{2}\b/.test(title)) return null
  // Capitalised words read as one long name (`Latency-Aware Collaborative Perception`): only a list is people.
  const people = readByline(title).authorList
  if ((people.authors.length > 1 || people.truncated) && readsAsAuthors(title)) return null
  return title.split(/\s+/).length > name.split(/\s+/).length ? title : null
}

/**
 * The title a short name opens (`Mamba: Linear-Time Sequence Modeling with Selective State Spaces`, as the paper
 * writes it) when what follows the name after a colon or a dash reads as the rest of a title: four words or more
 * besides the small ones, in title case (most words but `of`, `with`… capitalised), one sentence, no people and no
 * venue. A title in quotes there is the paper's whole title, and what follows it its rest (`**iGPT**: "Generative
 * Pretraining From Pixels", ICML, 2020`). A curator's description (`: One of the most important pretrained language
 * model.`, `- Selective scan`) is none; null then. The caller asks only for a name linked to its paper.
 * @example readTitleAfterName('S4', ': Efficiently Modeling Long Sequences with Structured State Spaces')?.title // 'S4: Efficiently Modeling …'
 */
function readTitleAfterName(
  name: string,
  segment: string,
  label = false,
): { title: string; rest: string; affiliation?: string } | null {
  if (!label && name.split(/\s+/).length > MAX_NAME_WORDS) return null
  const after = NAME_THEN_SUBTITLE.exec(segment)?.[1]?.trim() ?? ''
  // cmhungsteve/Awesome-Transformer-Attention writes `**Abbreviation**: "Paper title", Conference, Year (*Company*)`.
  const quoted = QUOTED_TITLE.exec(after)
  if (quoted) {
    // `, ICML, 2020 (*OpenAI*).`: the venue and its year; the company after them is no part of either, kept apart.
    const rest = quoted[2] ?? ''
    const venue = VENUE_COMMA_YEAR.exec(rest)
    const title = (quoted[1] ?? '').trim()
    if (!venue) return { title, rest }
    // `(rejected by ICLR 2020)` there is a note, no lab.
    const affiliation = trimChars(venue[3] ?? '', '*_ ')
    return {
      title,
      rest: `${venue[1] ?? ''} ${venue[2] ?? ''}`,
      ...(affiliation && isLabNote(affiliation) ? { affiliation } : {}),
    }
  }
  // `?` names nothing: only a title in quotes follows it.
  if (name === NO_NAME) return null
  const phrase = trimEndChars(after, '. ')
  const words = phrase.split(/\s+/)
  if (/[.!?;]\s|["“”]/.test(phrase) || isVenuePiece(phrase) || isListOfNames(phrase)) return null
  const content = words.filter((word) => !TITLE_SMALL_WORD.test(word))
  const capitalised = content.filter((word) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(word)).length
  if (content.length < MIN_SUBTITLE_WORDS || capitalised < content.length * MIN_TITLE_CASE_SHARE) return null
  // Capitalised words read as one long name (`Attention Is All You Need`): only a list is people.
  const people = readByline(phrase).authorList
  if ((people.authors.length > 1 || people.truncated) && readsAsAuthors(phrase)) return null
  // A label is no part of the title: the paper is titled with what follows it alone.
  return { title: label ? phrase : `${name}: ${phrase}`, rest: '' }
}

/**
 * True when a note in parentheses beside a title names labs or companies (`OpenAI`, `Kwai`, `Facebook + Inria`,
 * `Beihang University + NTU, Singapore`): each piece a lab by its word or a proper name. A venue (`NeurIPS`), a year, how
 * the paper was presented or received (`Oral`, `rejected by ICLR 2020`) or what it is (`Survey`) names none.
 */
function isLabNote(text: string): boolean {
  if (/\d/.test(text) || NOT_A_LAB_NOTE.test(text) || isVenuePiece(text)) return false
  const pieces = text.split(/\s*(?:[+&,;]|\band\b)\s*/)
  return pieces.every(
    (piece) =>
      (AFFILIATION_PIECE.test(piece) || PROPER_NAME.test(piece)) &&
      !FIELD_ABBREVIATION.test(piece) &&
      !FIELD_AI.test(piece) &&
      !isVenuePiece(piece),
  )
}

/** The pieces beside a title without the note in parentheses that named its lab (`(Google)`); emptied pieces dropped. */
function withoutNote(segments: readonly string[], note: string | null): string[] {
  if (note === null) return [...segments]
  const inParentheses = new RegExp(`\\(\\s*${note.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\)`)
  return segments
    .map((segment) => segment.replace(inParentheses, ' ').replace(/\s+/g, ' ').trim())
    .filter((segment) => !/^[\s,.;:|]*$/.test(segment))
}

/**
 * True when words after a name are a list of other names (`Switch Transformers, Mixtral, DeepSeek MoE`): three
 * pieces or more between commas, each a word or two. A title's commas part longer phrases (`Soft Tokens, Hard Truths`).
 */
function isListOfNames(phrase: string): boolean {
  const pieces = phrase.split(/,\s*(?:and\s+)?/)
  return pieces.length >= 3 && pieces.every((piece) => piece.trim().split(/\s+/).length <= 2)
}

/**
 * `Joint Training of Cascaded CNN for Face Detection, CVPR, 2016` (geyongtao/deep-face-pipeline): a title that ends
 * in its venue and year after commas, the venue an acronym or a known one; the title without them and the venue.
 */
function readTitleVenueEnding(text: string): { title: string; venue: string } | null {
  const ending = TITLE_VENUE_ENDING.exec(text)
  if (!ending) return null
  const venue = `${ending[2] ?? ''} ${ending[3] ?? ''}`
  if (!KNOWN_VENUE_HEADING.test(venue) && !ACRONYM_YEAR_HEADING.test(venue)) return null
  return { title: (ending[1] ?? '').trim(), venue }
}

/** What a Markdown item says beside its title, read: its author line (as nested ones are read), year or month. */
interface BesideTitle {
  /** `Authors. Venue` as read, or a venue alone (no authors) when the item names no one. */
  byline: Byline | null
  authorsLine: string | null
  published: { year: number; month?: number } | null
}

/**
 * Reads the pieces beside an item's title (see `ItemRest`): `(2015)` or `2022.12` is when it came out, a piece
 * that is only a venue (`ECCV 2020`, a code span `` `ACL 2023` ``) its venue, a piece of people's names (`G. Hinton
 * et al.`, `Mildenhall et al., ECCV 2020`) its authors. A description (`- Clean, minimal …`) or words that are
 * not names give no authors: none are invented.
 * @example readBesideTitle(['(2015), G. Hinton et al.']).byline?.authorList.authors // ['G. Hinton']
 */
function readBesideTitle(segments: readonly string[]): BesideTitle {
  let published: BesideTitle['published'] = null
  let venue: string | null = null
  let authors: string | null = null
  for (const piece of segments.flatMap(unwrapParenthesisedByline)) {
    const segment = DESCRIPTION.test(piece) || DASH_BEFORE_NAME.test(piece) ? namesAfterDash(piece) : piece
    if (segment === null) continue
    const day = DAY_MONTH_YEAR.exec(segment)
    if (day) {
      published ??= {
        year: Number(day[2]),
        month: MONTHS.indexOf((day[1] ?? '').slice(0, 3).toLowerCase()) + 1,
      }
      continue
    }
    const alone = YEAR_ALONE.exec(segment)
    if (alone) {
      published ??= { year: Number(alone[1]) }
      continue
    }
    let text = segment
    const year = YEAR_IN_PARENTHESES.exec(text)
    if (year) {
      published ??= { year: Number(year[1]) }
      text = text.replace(YEAR_IN_PARENTHESES, ' ')
    }
    const yearMonth = YEAR_DOT_MONTH.exec(text)
    const month = Number(yearMonth?.[2])
    if (yearMonth && month >= 1 && month <= 12) {
      published ??= { year: Number(yearMonth[1]), month }
      text = text.slice(0, yearMonth.index)
    }
    const pieces = text
      .split(',')
      .map((piece) => trimChars(piece, ' .;:'))
      .filter((piece) => piece !== '')
    // `CVPR, 2022` (cmhungsteve/Awesome-Transformer-Attention's way): a venue and its year parted by a comma are one.
    const lastYear = pieces[pieces.length - 1] ?? ''
    const venueBefore = pieces[pieces.length - 2] ?? ''
    if (YEAR_ALONE.test(lastYear) && isVenuePiece(venueBefore) && yearOf(venueBefore) === null)
      pieces.splice(-2, 2, `${venueBefore} ${lastYear}`)
    // `Mildenhall et al., ECCV 2020`: a venue after the last comma.
    const last = pieces[pieces.length - 1]
    if (last !== undefined && isVenuePiece(last) && !/\bet al\b/i.test(last)) {
      venue ??= last
      pieces.pop()
    }
    // `Shihan Dou*, Jiazheng Zhang*`: marks of equal contribution or of the corresponding author are no part of names.
    const names = pieces
      .join(', ')
      .replace(/[*†‡§¶#]+(?=\s*(?:,|$|\band\b))/gu, '')
      .replace(SERIAL_AND, ', ')
    if (names !== '' && authors === null && readsAsAuthors(names)) authors = trimEndChars(names, ' ')
  }
  if (authors === null)
    return {
      byline: venue ? { ...readByline(''), venue, venueAsPrinted: venue, venueYear: yearOf(venue) } : null,
      authorsLine: null,
      published,
    }
  // As a nested author line writes them: `Authors. Venue`, unless the names already end in one.
  const own = readByline(authors)
  const authorsLine = venue && own.venue === null ? `${authors}. ${venue}` : authors
  return { byline: readByline(authorsLine), authorsLine, published }
}

/**
 * `- Kaiming He, Georgia Gkioxari, Piotr Dollár, Ross Girshick, 2017.` after a linked title (a common layout:
 * `- [Mask R-CNN](…) - Kaiming He, …`): the piece after the dash when it opens with people's names, its year or venue
 * after them (`, 2017`, `(CVPR 2015)`) read as the pieces they are; null for a description (`- A simple, flexible
 * framework …`), which a dash opens as often.
 * @example namesAfterDash('- Kaiming He, Georgia Gkioxari, Ross Girshick, 2017.') // 'Kaiming He, Georgia Gkioxari, Ross Girshick (2017)'
 */
function namesAfterDash(segment: string): string | null {
  let text = trimChars(segment.replace(/^[-–—:]\s*/u, ''), ' .;')
  const inParentheses = /\s*\(([^()]+)\)$/.exec(text)
  const ending = inParentheses ? (inParentheses[1] ?? '').trim() : null
  if (inParentheses) text = text.slice(0, inParentheses.index)
  const pieces = text.split(',').map((p) => p.trim())
  const year = YEAR_ALONE.test(pieces[pieces.length - 1] ?? '') ? pieces.pop() : undefined
  const venue = pieces.length > 1 && isVenuePiece(pieces[pieces.length - 1] ?? '') ? pieces.pop() : undefined
  if (!readsAsAuthors(pieces.join(', ').replace(SERIAL_AND, ', '))) return null
  const after = [venue, ending].filter((p): p is string => p !== undefined && p !== '')
  const published = year ?? after.find((p) => YEAR_ALONE.test(p))
  // The shapes readBesideTitle reads: `Names, Venue` and a year in parentheses.
  const byline = [pieces.join(', '), ...after.filter((p) => !YEAR_ALONE.test(p))].join(', ')
  return published === undefined ? byline : `${byline} (${published})`
}

/**
 * `(Devlin et al., NAACL 2019)` beside a short name (`**BERT**`, `[BERT](…)`): its byline in parentheses, read as
 * the pieces it holds (`Devlin et al., NAACL 2019`, then what follows it); a year at its end (`(Radford et al.,
 * 2019)`) is a piece of its own, a date and no venue. Parentheses that hold no names (`(2015)`, `(Oral)`, a title)
 * stay as written.
 * @example unwrapParenthesisedByline('(Radford et al., 2019) [blog]') // ['Radford et al.', '2019', '[blog]']
 */
function unwrapParenthesisedByline(segment: string): string[] {
  const match = PARENTHESISED_BYLINE.exec(segment)
  if (!match) return [segment]
  // `- **Title** (CVPR 2022)`: a venue alone in them, read as `, CVPR 2022` is.
  const inside = spaceVenueYear((match[1] ?? '').trim())
  if (!YEAR_ALONE.test(inside) && isVenuePiece(inside)) {
    const after = (match[2] ?? '').trim()
    return [inside, ...(after === '' ? [] : [after])]
  }
  const pieces = (match[1] ?? '').split(',').map((piece) => piece.trim())
  const year = YEAR_ALONE.test(pieces[pieces.length - 1] ?? '') ? pieces.pop() : undefined
  const last = pieces[pieces.length - 1]
  const names = pieces.length > 1 && last !== undefined && isVenuePiece(last) ? pieces.slice(0, -1) : pieces
  if (!readsAsAuthors(names.join(', ').replace(SERIAL_AND, ', '))) return [segment]
  const after = (match[2] ?? '').trim()
  return [pieces.join(', '), ...(year === undefined ? [] : [year]), ...(after === '' ? [] : [after])]
}

/** True when text beside a title is a list of people (`G. Hinton et al.`, `Dellaert and Yen-Chen. Arxiv 2020`). */
function readsAsAuthors(text: string): boolean {
  const { authorList } = readByline(text)
  const { authors, truncated } = authorList
  const [first] = authors
  if (first === undefined || !looksLikePersonName(first)) return false
  // One surname alone (`Mamba`) could be anything; with `et al.` or a given name it is a person.
  if (authors.length === 1 && !truncated && first.split(' ').length < 2) return false
  const named = authors.filter((name) => looksLikePersonName(name)).length
  return named >= Math.ceil(authors.length * MIN_NAME_SHARE)
}

/**
 * True when a piece beside a title is only a venue: with its year (`ECCV 2020`, `ACL 2023 Findings`), or a known one
 * without (`TMLR`, `NeurIPS`, `arXiv`). Capitals alone are no venue: lists write the authors' lab or company beside
 * the title (`| CMU |`, `| UA, Meta, NYU |` in a table's venue column, nabeelxy/llm-watch).
 * @example isVenuePiece('CVPR 2016') // true
 * @example isVenuePiece('CMU') // false
 */
function isVenuePiece(text: string): boolean {
  return VENUE_YEAR_PIECE.test(text) || KNOWN_VENUE_HEADING.test(text)
}

function yearOf(venue: string): number | null {
  const year = /\b((?:19|20)\d{2})\b/.exec(venue)?.[1]
  return year === undefined ? null : Number(year)
}

/**
 * The URL of the link that points at the paper (`[[paper]](url)`), or null. Of several (`[[paper]](https://dl.acm.org/
 * citation.cfm?…) [[arxiv]](https://arxiv.org/abs/…)`), the first whose address names the paper.
 */
function findPaperUrl(links: readonly MarkdownLink[]): string | null {
  return pickPaperUrl(paperLinkUrls(links))
}

/** The addresses of the links labelled as the paper's, by label (`paper`, `pdf`, `arxiv`), then in order. */
function paperLinkUrls(links: readonly MarkdownLink[]): string[] {
  return PAPER_LINK_LABELS.flatMap((label) =>
    links.flatMap((link) =>
      link.label.toLowerCase() === label && /^https?:\/\//i.test(link.url) ? [link.url] : [],
    ),
  )
}

/**
 * Of the paper links of an entry in their order, the first whose address names the paper (arXiv, a DOI, OpenReview,
 * a proceedings page: {@link isPaperUrl}), whatever its label; else the first.
 */
function pickPaperUrl(urls: readonly string[]): string | null {
  return urls.find((url) => isPaperUrl(url)) ?? urls[0] ?? null
}

/**
 * The paper's title on the first line nested under its name (`Graph Wavelet Neural Network, ICLR'19`,
 * chihming/awesome-network-embedding), a year written `'19` set in full so that the venue reads off it; null when that
 * line is no title (authors, a note, links, a description) or the name's line says more. A title is in title case, or
 * in sentence case when it ends with its venue and year or opens with the name.
 */
function readNestedTitle(details: readonly DetailLine[], besideName: number, name: string): string | null {
  const text = details[0]?.text.trim() ?? ''
  if (besideName > 0 || text === '' || /[[\]]/.test(text) || KEY_WORDS.test(text) || DIGEST.test(text))
    return null
  // `gat2vec: Representation learning …` opens with the name over it, no label of a note.
  const opensWithName = text.toLowerCase().startsWith(`${name.toLowerCase()}:`)
  if (
    VENUE_LINE.test(text) ||
    (NOTE_LINE.test(text) && !opensWithName) ||
    isVenuePiece(text) ||
    isVenueAloneLine(text) ||
    isAffiliationLine(text)
  )
    return null
  // Capitalised words read as one long name (`Graph Wavelet Neural Network`): only a list is people.
  const people = readByline(text).authorList
  if ((people.authors.length > 1 || people.truncated) && readsAsAuthors(text)) return null
  const title = text.replace(
    /['’](\d{2})$/,
    (_, year: string) => ` ${Number(year) < 50 ? '20' : '19'}${year}`,
  )
  const words = title.replace(/,[^,]*$/, '').split(/\s+/)
  const content = words.filter((word) => !TITLE_SMALL_WORD.test(word))
  const capitalised = content.filter((word) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(word)).length
  // `Task-guided and path-augmented … for author identification, WSDM'17`: a title in sentence case, told from a
  // description by the venue and year it ends with, or by the name it opens with (`gat2vec: Representation learning …`).
  const sentenceCase = (/^\p{Lu}/u.test(title) && readTitleVenueEnding(title) !== null) || opensWithName
  if (
    words.length < 3 ||
    /[.!?;]\s/.test(title) ||
    (!sentenceCase && capitalised < content.length * MIN_TITLE_CASE_SHARE)
  )
    return null
  return title
}

/**
 * The paper link nested under an entry (`  - [[paper]](url) [[code]](url)`, `  - [Paper](url)`), or null. Of several
 * (`[[paper]](https://dl.acm.org/citation.cfm?…) [[arxiv]](https://arxiv.org/abs/…)`), the first whose address names
 * the paper (arXiv, a DOI, OpenReview, a proceedings page: {@link isPaperUrl}), whatever its label or line; else the
 * first by label, from the first detail line that has one. Key words and a digest are no place for it; a `[code]`
 * link is never the paper's.
 */
function findNestedPaperUrl(
  details: readonly DetailLine[],
  linksByLine: ReadonlyMap<number, readonly MarkdownLink[]>,
): string | null {
  const urls = details.flatMap((detail) => {
    const text = detail.text.trim()
    if (KEY_WORDS.test(text) || DIGEST.test(text)) return []
    return paperLinkUrls(linksByLine.get(detail.line) ?? [])
  })
  return pickPaperUrl(urls)
}

/**
 * The ids a paper URL names: an arXiv abstract or PDF link gives the arXiv id, a DOI link (`doi.org/…`,
 * `…/doi/10.…`) the DOI. Other pages (a journal's article page, OpenReview) name none the library matches on.
 * @example idsFromUrl('https://arxiv.org/abs/2312.13558v2') // { arxiv: '2312.13558' }
 */
export function idsFromUrl(url: string): { arxiv?: string; doi?: string } {
  const bare = url.replace(/[?#].*$/, '')
  if (/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(bare)) {
    const arxiv = normalizeArxivId(bare)
    return arxiv ? { arxiv } : {}
  }
  const doiPath =
    /^https?:\/\/(?:dx\.)?doi\.org\/(10\..+)$/i.exec(bare)?.[1] ??
    /\/doi\/(?:abs\/|full\/|pdf\/)?(10\.\d{4,9}\/.+)$/i.exec(bare)?.[1]
  const doi = doiPath ? normalizeDoi(decodeURIComponentSafely(doiPath)) : null
  return doi ? { doi } : {}
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Warnings for an entry that is imported with something missing or not understood. */
function warnAboutGaps(
  draft: EntryDraft,
  title: string,
  details: ClassifiedDetails,
  byline: Byline | null,
  collector: ParseCollector,
): void {
  if (!draft.section) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: draft.line,
      field: 'topics',
      message: `"${shorten(title)}" is not under a "Topic: year" section; imported without topic or section year`,
    })
  }
  if (!byline || byline.authorList.authors.length === 0) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: draft.line,
      field: 'authors',
      message: `"${shorten(title)}" has no author line; imported without authors`,
    })
  }
  for (const repair of byline?.repairs ?? []) {
    collector.warn({
      code: 'INVALID_VALUE',
      line: details.authorsLine?.line ?? draft.line,
      field: 'authors',
      message: repair,
    })
  }
  for (const detail of details.unknown) {
    collector.warn({
      code: 'PARSE_FAILED',
      line: detail.line,
      message: 'detail line not recognised (a second author line?); kept in raw only',
      excerpt: shorten(detail.text),
    })
  }
}

/** Removes the link markers, a trailing backslash (a markdown line break) and the final period. */
function cleanTitle(titleText: string): { title: string; links: string[] } {
  let title = trimEndChars(titleText.trim(), '\\ ')
  const links: string[] = []
  for (let marker = LINK_MARKER.exec(title); marker; marker = LINK_MARKER.exec(title)) {
    links.unshift(marker[1] ?? '')
    title = title.slice(0, marker.index).trimEnd()
  }
  // `**Rethinking Data Bias: Dataset Copyright Protection` wrapped onto `via … Hidden Bias**`: Markdown renders no
  // line's emphasis alone, the two lines' is one (wawabinger/Awesome-dataset-copyright-protection).
  title = WRAPPED_BOLD_TITLE.exec(title)?.[2]?.trim() ?? title
  // One final period is the list's punctuation; an ellipsis belongs to the title.
  return { title: title.endsWith('.') && !title.endsWith('..') ? title.slice(0, -1).trimEnd() : title, links }
}

interface ClassifiedDetails {
  authorsLine: DetailLine | null
  /** A `Publisher:` line's venue, as printed, or in Markdown a line that is only a venue (`- ICLR 2022 Oral`). */
  venue: string | null
  /** In Markdown, a line that only names a lab or company (`- Duke University`, `- ETRI`). */
  affiliation: string | null
  /** Labelled notes (`Code: …`, `ExpEnv: …`, `TL;DR: …`): kept in raw, said by their label, no warning. */
  notes: DetailLine[]
  /** In Markdown, what lines of links alone show (`[paper] [code]`, `[Matlab Reference]`): the entry's links, no text. */
  linkLabels: string[]
  keywordsLine: DetailLine | null
  digestLine: DetailLine | null
  digest: string | null
  unknown: DetailLine[]
}

/**
 * Sorts detail lines into key words, digest, links alone (Markdown: `[paper] [code]`) and the author line (the first
 * other one).
 */
function classifyDetails(
  details: DetailLine[],
  markdown = false,
  linksByLine: ReadonlyMap<number, readonly MarkdownLink[]> = new Map(),
): ClassifiedDetails {
  const classified: ClassifiedDetails = {
    authorsLine: null,
    keywordsLine: null,
    digestLine: null,
    digest: null,
    venue: null,
    affiliation: null,
    notes: [],
    linkLabels: [],
    unknown: [],
  }
  for (const detail of details) {
    const text = detail.text.trim()
    const digest = DIGEST.exec(text)
    if (KEY_WORDS.test(text)) {
      // Some entries carry a second `Key Word:` line; its key words count too.
      const previous = classified.keywordsLine
      classified.keywordsLine = previous
        ? {
            line: previous.line,
            text: `${previous.text.replace(/\.$/, '')}; ${text.replace(KEY_WORDS, '$1')}`,
          }
        : { line: detail.line, text }
    } else if (digest && !classified.digestLine) {
      classified.digestLine = { line: detail.line, text }
      classified.digest = digest[1]?.trim() || null
    } else if (VENUE_LINE.test(text) && classified.venue === null) {
      classified.venue = VENUE_LINE.exec(text)?.[1]?.trim() ?? null
    } else if (markdown && classified.venue === null && isVenueAloneLine(text)) {
      // `  - ICLR 2022 Oral`, `  - CVPR 2023`: the venue alone on its line.
      classified.venue = text
    } else if (
      markdown &&
      classified.affiliation === null &&
      isAffiliationLine(text, classified.authorsLine !== null)
    ) {
      classified.affiliation = text
    } else if (markdown && linksByLine.has(detail.line) && LINKS_ONLY_LINE.test(text))
      classified.linkLabels.push(...[...text.matchAll(/\[([^[\]]+)\]/g)].map((label) => label[1] ?? ''))
    // `[Link](https://arxiv.org/abs/…)` shows `Link`, no brackets: a line of links alone all the same.
    else if (markdown && showsPaperLinkLabelOnly(text, linksByLine.get(detail.line) ?? []))
      classified.linkLabels.push(text)
    else if (NOTE_LINE.test(text)) classified.notes.push({ line: detail.line, text })
    else if (!classified.authorsLine && !digest && isAuthorLine(text, markdown))
      classified.authorsLine = { line: detail.line, text }
    else classified.unknown.push({ line: detail.line, text })
  }
  return classified
}

/**
 * True when a line is only a venue (`ICLR 2022 Oral`, `CVPR 2023`, `arXiv 2024`): a known one, or one whose first word
 * is an acronym (`NeurIPS`, `SIGGRAPH`), as no person's name is (`Yoshua Bengio 2009`); a workshop of one with its
 * year (`ICML 2023 Workshop AdvML-Frontiers`), or a journal or proceedings named in full (`Transactions on Machine
 * Learning Research`, `Proceedings of the … (ACM MM 2022)`).
 */
function isVenueAloneLine(text: string): boolean {
  return (
    KNOWN_VENUE_HEADING.test(text) ||
    (VENUE_YEAR_PIECE.test(text) && /^\S*\p{Lu}\S*\p{Lu}/u.test(text)) ||
    WORKSHOP_LINE.test(text) ||
    isJournalLine(text)
  )
}

/**
 * True when a line names a journal or proceedings in full, in title case (`Journal of Machine Learning Research`,
 * `IEEE Transactions on Pattern Analysis and Machine Intelligence`), its short name after it in parentheses or not.
 */
function isJournalLine(text: string): boolean {
  const journal = JOURNAL_LINE.exec(text)
  if (!journal) return false
  const words = (journal[1] ?? '').split(/\s+/).filter((word) => !TITLE_SMALL_WORD.test(word) && word !== '&')
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word))
}

/**
 * True when a line names only labs or companies, one or a few (`Duke University`, `KAIST, NAVER AI Lab`). Under the
 * author line, a university's acronym and its town (`UNC Chapel Hill, ETH Zurich`) names one too; above it, such a
 * line could be names in capitals (`ZHANG Wei`).
 */
function isAffiliationLine(text: string, afterAuthors = false): boolean {
  // `University of Science and Technology`, `Texas A&M University`: only commas and semicolons part labs.
  const pieces = text.split(/\s*[,;]\s*/).filter((piece) => piece !== '')
  return (
    pieces.length > 0 &&
    pieces.length <= 4 &&
    pieces.every(
      (piece) =>
        (AFFILIATION_PIECE.test(piece) || (afterAuthors && ACRONYM_AND_PLACE.test(piece))) &&
        !FIELD_ABBREVIATION.test(piece) &&
        !FIELD_AI.test(piece),
    )
  )
}

/**
 * True when a detail line may be the item's authors: no labelled note (`TL;DR: …`, `Code: …`). In Markdown it must
 * also read as people's names, as names beside a title must (`- Anonymous Authors`, `- [[code]](…)` are no one);
 * the page captures keep their looser rule, their author line being the first detail by the list's template.
 */
function isAuthorLine(text: string, markdown: boolean): boolean {
  if (NOTE_LINE.test(text)) return false
  return !markdown || readsAsAuthors(text)
}

/**
 * `Key Word: Large Language Models; Reasoning.` → `['Large Language Models', 'Reasoning']`. The list
 * separates with semicolons; one entry uses commas instead (`Neural Collapse, Nonconvex Optimization`), so a
 * line without a semicolon splits on commas.
 * @example splitKeywords('Key Word: A; B.') // ['A', 'B']
 */
export function splitKeywords(line: string): string[] {
  const list = KEY_WORDS.exec(line.trim())?.[1] ?? ''
  return list
    .split(list.includes(';') ? ';' : ',')
    .map((keyword) => trimEndChars(keyword.trim(), '. '))
    .filter((keyword) => keyword !== '')
}

/** An author line read: who, and where it was published when the line says so. */
export interface Byline {
  authorList: AuthorList
  /** The venue without markdown emphasis (`Nature Neuroscience`), or null. */
  venue: string | null
  venueAsPrinted: string | null
  /** A year printed in the venue (`NeurIPS 2023`), kept apart from the section year. */
  venueYear: number | null
  /** What had to be repaired in the author list, for a warning. */
  repairs: string[]
  /** The month and year the line ends with (`… ICML 2023. 11/2022.`): when the paper came out; null if none. */
  published: { year: number; month: number } | null
}

/**
 * Reads `Authors. Venue Year` (venue optional, `Author List ` prefix allowed). The venue follows the
 * last `. ` that does not end an initial (`Jordan T. Ash` keeps its `T.`) and holds no comma; a venue
 * glued without its period (`Michael Carbin ICLR 2019`) is recognised by an acronym and a year.
 * @example readByline('Jiefeng Chen, Arslan Chaudhry. ICLR 2023').venue // 'ICLR 2023'
 */
export function readByline(line: string): Byline {
  let text = line.trim().replace(/^Author\s+List\s*:?\s*/i, '')
  const dated = MONTH_SLASH_YEAR.exec(text)
  const month = Number(dated?.[1])
  const year = Number(dated?.[2])
  const published =
    dated && month >= 1 && month <= 12 ? { year: year < 100 ? 2000 + year : year, month } : null
  if (published) text = text.slice(0, dated?.index).trim()
  const { authorsText, venueAsPrinted } = splitAuthorsAndVenue(text)
  // `*Nature Neuroscience*`: markdown emphasis is formatting, not part of the name.
  const venue =
    venueAsPrinted === null ? null : trimEndChars(trimChars(venueAsPrinted, '*_ '), '. *_') || null
  const venueYear = venue ? Number(/\b((?:19|20)\d{2})\b/.exec(venue)?.[1] ?? Number.NaN) : Number.NaN
  // `L. Gomez* and Y. Patel*`: marks of equal contribution or of the corresponding author are no part of names.
  const { authors, repairs } = repairAuthorNames(
    parseAuthorList(authorsText).authors.map((name) => name.replace(/(?<=\p{L}\.?)[*†‡§¶]+$/u, '')),
  )
  return {
    authorList: { authors, truncated: parseAuthorList(authorsText).truncated },
    venue,
    venueAsPrinted: venue ? (venueAsPrinted ?? null) : null,
    venueYear: Number.isNaN(venueYear) ? null : venueYear,
    repairs,
    published,
  }
}

/**
 * Repairs what hand-edited lists get wrong: names run together without commas, a user handle
 * (`Laurent_Viennot`) beside the name, the same person twice.
 */
function repairAuthorNames(names: string[]): { authors: string[]; repairs: string[] } {
  const repairs: string[] = []
  const split = names.flatMap((name) => {
    const pieces = name.split(' ').length > 4 ? splitRunTogetherNames(name) : null
    if (pieces)
      repairs.push(
        `names printed without separators were split: "${shorten(name, 40)}" → ${pieces.length} names`,
      )
    return pieces ?? [name]
  })
  const seen = new Set<string>()
  const authors: string[] = []
  for (const name of split) {
    const spaced = normalizeNameCase(/\p{L}_\p{L}/u.test(name) ? name.replace(/_/g, ' ') : name)
    const identity = normalizeForKey(spaced)
    if (seen.has(identity)) {
      repairs.push(`"${name}" is listed twice; kept once`)
      continue
    }
    seen.add(identity)
    authors.push(spaced)
  }
  return { authors, repairs }
}

/** A venue has a year or starts with an acronym (`JMLR`, `ICLR`); a surname (`McDonald`) has neither. */
function looksLikeVenue(text: string): boolean {
  return /\b(?:19|20)\d{2}\b/.test(text) || /^[*_]*\p{Lu}{2,}/u.test(text)
}

function splitAuthorsAndVenue(text: string): { authorsText: string; venueAsPrinted: string | null } {
  // The venue is at the end: the last few separators are enough, and bound the work on a long line.
  const separators = [...text.matchAll(/\.\s+/g)].slice(-8).reverse()
  for (const separator of separators) {
    const before = text.slice(0, separator.index)
    const lastWord = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf(',')) + 1)
    const tail = text.slice((separator.index ?? 0) + separator[0].length).trim()
    if (tail.includes(',') || tail === '') break
    // `T.` in `Jordan T. Ash` or `C.Y.` in `Stephanie C.Y. Chan` is an initial, not the end of the
    // list, unless what follows can only be a venue (`Weinan E. JMLR`: his surname is E).
    const afterInitial = /^(?:\p{Lu}\.)*-?\p{Lu}$/u.test(lastWord)
    if (afterInitial && !looksLikeVenue(tail)) continue
    return { authorsText: before, venueAsPrinted: tail }
  }
  // Only the end of the line can hold it, and a bounded tail keeps the regex cheap.
  const end = text.slice(-60)
  const gluedVenue = / ((?:[A-Z]{2,}|[A-Z][a-z]+[A-Z][A-Za-z]*)(?: [A-Za-z]+)?? (?:19|20)\d{2})$/.exec(end)
  if (gluedVenue?.[1] !== undefined) {
    return {
      authorsText: text.slice(0, text.length - end.length + gluedVenue.index).trim(),
      venueAsPrinted: gluedVenue[1],
    }
  }
  return { authorsText: trimEndChars(text, '. '), venueAsPrinted: null }
}

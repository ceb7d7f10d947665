/** @module The port every file importer implements: detect a format, parse it into records and issues. */
import type { ImportIssue, ParseResult, PartialDate } from '../core/index.js'

/**
 * How sure a format's `detect` must be to claim a file. Below it no format is chosen for the file (better to
 * say so than to import garbage), and a format asked for by name is read with a warning (see
 * {@link checkFormatFit}).
 */
export const MIN_DETECT_CONFIDENCE = 0.5

/** What a parser needs to know about its input besides the text. */
export interface ParseContext {
  /** Path (relative to the working directory) or URL, used in locators and issues. */
  input: string
  /**
   * The file itself, when the input is one: its absolute path, links resolved. Unlike `input`, it does not
   * change with the working directory, so identities that need the file (a BibTeX cite key) use it.
   */
  file?: string
  /** When the input was read (ISO timestamp); becomes each record's `fetchedAt`. */
  fetchedAt: string
  /**
   * When the page was captured, for dates that lack a year (`LGMay 21`) or a page date (`Sep 5`).
   * Without it such dates keep only what they say (no invented year) and an issue notes it.
   */
  captureDate?: PartialDate
}

/** A file format Paperscope can import. Parsers are pure: text in, records and issues out. */
export interface FileFormat {
  /** Stable name, used by `--format` and as the records' `source`. */
  name: string
  description: string
  /**
   * True when a file of this format is a whole list its owner keeps (an awesome list, a BibTeX library): an
   * entry the file no longer has leaves the library when it is read again (moved to another section, retitled,
   * deleted). Page captures are not: a capture shows part of a site at one moment, and yesterday's daily page
   * does not take back what it listed.
   */
  wholeList?: boolean
  /** How sure (0..1) this format is that `text` is one of its files. */
  detect(text: string, fileName: string): number
  parse(text: string, ctx: ParseContext): ParseResult
  /**
   * Parses the raw bytes of a whole file. Formats that decode bytes themselves (to report a bad encoding or a
   * binary line against the entry it broke) implement it; otherwise importers decode UTF-8 and call `parse`.
   * Unlike `parse` (text the caller already has, maybe a fragment), it may also judge the file as a whole: the
   * corpus formats reject a binary file in one issue and warn when the file does not look like them.
   */
  parseBytes?(bytes: Uint8Array, ctx: ParseContext): ParseResult
}

/**
 * A warning when `text` does not look like `format` by the format's own `detect` (below
 * {@link MIN_DETECT_CONFIDENCE}), else null. For a file read with a format asked for by name (`--format`, a
 * manifest): it is read as asked, and the person learns that the result may be junk. `entries` is how many
 * entries the read gave, when known.
 * @example checkFormatFit(dailyPapersFormat, readme, 'README.md', 'README.md', 283)?.message
 * // 'does not look like daily-papers: ...'
 */
export function checkFormatFit(
  format: Pick<FileFormat, 'name' | 'detect'>,
  text: string,
  fileName: string,
  source: string,
  entries?: number,
): ImportIssue | null {
  const confidence = format.detect(text, fileName)
  if (confidence >= MIN_DETECT_CONFIDENCE) return null
  const score =
    confidence <= 0
      ? `none of its marks are in it`
      : `its check is ${confidence.toFixed(2)} sure, and a ${format.name} file scores ${MIN_DETECT_CONFIDENCE.toFixed(2)} or more`
  const gave = entries === undefined ? 'what it gave' : `the ${entries} ${entries === 1 ? 'entry' : 'entries'} it gave`
  return {
    severity: 'warning',
    source,
    code: 'UNKNOWN_FORMAT',
    field: 'format',
    message: `does not look like ${format.name}: ${score}; read as ${format.name} only because that format was asked for (--format or a manifest), so check ${gave}`,
  }
}

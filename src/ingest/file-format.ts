/** @module The port every file importer implements: detect a format, parse it into records and issues. */
import type { ParseResult, PartialDate } from '../core/index.js'

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
   * Parses raw bytes. Formats that decode bytes themselves (to report a bad encoding or a binary line
   * against the entry it broke) implement it; otherwise importers decode UTF-8 and call `parse`.
   */
  parseBytes?(bytes: Uint8Array, ctx: ParseContext): ParseResult
}

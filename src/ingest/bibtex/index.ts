/** @module BibTeX: import as a file format (`paperscope import refs.bib`) and export as a pure function. */
import type { FileFormat } from '../file-format.js'
import { BIBTEX_SOURCE, detectBibtex, parseBibtex } from './parse.js'
import { decodeTextInput } from '../text-input.js'

/** The `.bib` importer, for the list of file formats. */
export const bibtexFormat: FileFormat = {
  name: BIBTEX_SOURCE,
  wholeList: true,
  description: 'BibTeX/BibLaTeX bibliography (.bib): LaTeX accents and protected capitals decoded',
  detect: detectBibtex,
  parse: parseBibtex,
  // Bytes go through the shared decoder, so a .bib saved as Latin-1 reads `Sébastien`, with a warning naming
  // its first such line, instead of `S�bastien` with no word said. Lines are not screened: the parser reads
  // entries across lines and names what it cannot read itself (an entry it cannot read is rejected with its
  // line; control characters are removed from the fields they are in, with a warning naming line and field).
  parseBytes(bytes, ctx) {
    const input = decodeTextInput(bytes, ctx.input, { screenLines: false })
    const result = parseBibtex(input.text, ctx)
    return { ...result, issues: [...input.issues, ...result.issues] }
  },
}

export { parseBibtex, detectBibtex, cleanLatexText } from './parse.js'
export {
  formatBibtex,
  citeKeys,
  citeKeyStem,
  keptCiteKeys,
  validCiteKey,
  escapeLatex,
  sourceEntryParts,
  KEPT_FIELDS,
  type SourceEntryParts,
  type BibtexPaper,
  type CiteKeyPaper,
  type CiteKeyClaim,
} from './format.js'

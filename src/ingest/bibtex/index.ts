/** @module BibTeX: import as a file format (`paperscope import refs.bib`) and export as a pure function. */
import type { FileFormat } from '../file-format.js'
import { BIBTEX_SOURCE, detectBibtex, parseBibtex } from './parse.js'

/** The `.bib` importer, for the list of file formats. */
export const bibtexFormat: FileFormat = {
  name: BIBTEX_SOURCE,
  description: 'BibTeX/BibLaTeX bibliography (.bib): LaTeX accents and protected capitals decoded',
  detect: detectBibtex,
  parse: parseBibtex,
}

export { parseBibtex, detectBibtex, cleanLatexText } from './parse.js'
export { formatBibtex, citeKeys, escapeLatex, type BibtexPaper } from './format.js'

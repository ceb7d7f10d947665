// The parts of citation-js that the BibTeX importer uses; the packages ship no type declarations.

declare module '@citation-js/core' {
  export interface ChainOptions {
    target?: string
    forceType?: string
    generateGraph?: boolean
  }
  export const plugins: {
    input: {
      /** One conversion step chain up to `target`, without the final CSL normalisation. */
      chainLink(data: unknown, options?: ChainOptions): unknown
      /** Converts all the way to `target` (e.g. `@csl/list+object`). */
      chain(data: unknown, options?: ChainOptions): unknown
    }
  }
}

declare module '@citation-js/plugin-bibtex' {}

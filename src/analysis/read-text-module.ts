/**
 * @module Where the reading thread's entry is. Imports nothing: src/main.ts starts `classify`'s reading thread with
 * it before anything else loads, and importing read-text.ts for this (the digest and tokenizer modules) cost every
 * command that much start-up and the thread that much of a head start.
 */

/** The module a reading thread runs (read-text-thread.js when built, its .ts source under tsx). */
export function readTextThreadModule(): URL {
  return new URL(`./read-text-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
}

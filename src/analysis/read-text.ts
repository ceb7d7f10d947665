/**
 * @module A text read for classifying: its title and body through the NLP model, and its generated digest, the
 * part of `paperscope classify` that needs no fitted model. The same function runs in process and on the
 * reading thread (read-text-thread.ts), so both give the same answer. Imports only the text modules (not the
 * analysis index, nor core and zod): a thread that loads this starts in milliseconds, then loads the NLP model.
 */
import { generateDigest } from './digest.js'
import { prepareText, type PreparedText, type TextInput } from './text.js'
import { getNlp } from './tokenize.js'

export { readTextThreadModule } from './read-text-module.js'

/** A text read: what the models score, and the digest, which needs no model. */
export interface ReadText {
  doc: PreparedText
  /** One or two sentences of the text, or null when it has no complete sentence. */
  digest: string | null
}

/** What the reading thread is sent: a text and a number to answer with. */
export interface ReadTextRequest {
  id: number
  title: string
  text: string
}

/** What the reading thread answers: the text read, or the message of what went wrong. */
export type ReadTextAnswer = { id: number; read: ReadText } | { id: number; error: string }

/**
 * Reads a text once: sentences, tokens and lemmas of its title and body, and its digest from them.
 * @example readText({ title: 'Grokking', text: 'We study grokking. We show that it is a phase transition.' }).digest
 */
export function readText(input: TextInput): ReadText {
  const doc = prepareText({ title: input.title, text: input.text })
  return { doc, digest: generateDigest(input.text, input.title, { prepared: doc })?.text ?? null }
}

/** Loads the NLP model now, as the first text read would: a reading thread is then ready before its first text comes. */
export function loadNlpModel(): void {
  getNlp()
}

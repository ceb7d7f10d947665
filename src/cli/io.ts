/** @module What a CLI command writes to and reads from, passed in so tests run commands in-process. */
import type { Env } from '../config/index.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Env
  cwd: string
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean
  now: () => Date
  /** Standard input, for commands that read `-` (classify --jsonl -). */
  stdin?: NodeJS.ReadableStream
}

/** Exit codes: 0 all read; 2 some entries rejected (the rest imported); 1 fatal, nothing half-written. */
export const EXIT = { ok: 0, fatal: 1, partial: 2 } as const

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

/**
 * @module Runs the `paperscope` CLI in-process, as a user's shell would (same arguments, same output), and
 * keeps what it wrote: the CLI tests' one way to call it.
 */
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { runCli } from '../../src/cli/main.js'
import { parseEnv } from '../../src/config/index.js'

/** The repository's root: where `data/corpus` is, and the working folder unless told otherwise. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..')

export interface CliRun {
  code: number
  out: string
  err: string
}

/** What a run may differ in: the environment, the working folder, the clock and what is piped in. */
export interface CliRunOptions {
  env?: Record<string, string>
  cwd?: string
  now?: Date
  stdin?: string
}

/**
 * The exit code and everything written to stdout and stderr.
 * @example const { code, out } = await runCliCaptured(['--db', db, 'stats', '--json'])
 */
export async function runCliCaptured(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let out = ''
  let err = ''
  const now = options.now ?? new Date('2026-11-25T12:00:00Z')
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env: parseEnv(options.env ?? {}),
    cwd: options.cwd ?? REPO_ROOT,
    interactive: false,
    now: () => now,
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([options.stdin]) }),
  })
  return { code, out, err }
}

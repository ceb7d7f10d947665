#!/usr/bin/env node
/**
 * @module The `paperscope` command line: import, rematch, stats, topics, researchers, search, show, author, start, sync, export. Thin wrappers over
 * src/commands; every command can print JSON for scripts. Run `paperscope --help`.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fileProblem, isFileSystemError, isPaperscopeError, PartialDateSchema } from '../core/index.js'
import { parseEnv } from '../config/index.js'
import { CliExit, EXIT, type CliIo } from './io.js'
// Each command's module loads when it runs: `search` does not pay for what `import` or `sync` load.
import type { ServeLauncher } from './commands/serve.js'
import type { ResearcherSort, TextReader } from '../commands/index.js'

// Option parsers throw InvalidArgumentError: commander then prints "option '--k <n>' argument '0' is invalid. …"
// and exits; any other error thrown here escaped without a word.
// Digits only: Number() would take "", "1e2" and "0x10".
function positiveInt(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`)
  return n
}

function nonNegativeInt(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected 0 or a positive whole number, got "${value}"`)
  return n
}

function partialDate(value: string): string {
  const parsed = PartialDateSchema.safeParse(value)
  if (parsed.success) return parsed.data
  // The schema tells the two apart: not of the form, or a day the calendar does not have (2025-02-30).
  const calendar = parsed.error.issues.some((i) => i.code === 'custom')
  throw new InvalidArgumentError(calendar ? `"${value}" is no day of the calendar` : `expected YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`)
}

function port(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port (0-65535), got "${value}"`)
  return n
}

/** What the composition root (src/main.ts) hands the CLI: the HTTP server, which the CLI does not import. */
export interface CliServices {
  serve?: ServeLauncher
  /** The package version, for the User-Agent of `sync`. */
  version?: string
  /** A text-reading thread started with the process, for `classify` (src/main.ts); the caller closes it. */
  textReader?: TextReader
}

/** Builds the program; actions write through `io` and throw CliExit for non-zero exits. */
export function buildProgram(io: CliIo, services: CliServices = {}): Command {
  const program = new Command('paperscope')
    .description('A self-hostable research radar: papers from many sources, merged into one explained library.')
    .option('--db <path>', 'library file (default: $PAPERSCOPE_DB or data/paperscope.db)')
    .version(services.version ?? 'unknown', '-V, --version', 'the version of Paperscope')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError()
  const dbPath = (): string => (program.opts().db as string | undefined) ?? io.env.PAPERSCOPE_DB

  program
    .command('import')
    .description('import files or folders (format detected; a folder may carry manifest.json)')
    .argument('<paths...>', 'files or folders')
    .option('--format <name>', 'force a format for every file')
    .addOption(new Option('--capture-date <date>', 'when the pages were captured (YYYY[-MM[-DD]]), for dates without a year').argParser(partialDate))
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'list every warning, not only rejections')
    .option('--no-analyze', 'do not analyse the new papers afterwards (run `paperscope analyze` later)')
    .option('--prune', 'remove the entries an awesome list or .bib no longer has even when that is held back (many at once, an unreadable entry, an empty file)')
    .action(async (paths: string[], opts: { format?: string; captureDate?: string; json?: boolean; verbose?: boolean; analyze?: boolean; prune?: boolean }) =>
      (await import('./commands/import.js')).runImport(io, dbPath(), paths, opts),
    )

  program
    .command('rematch')
    .description("decide again which records are one paper with today's matcher: split wrong merges, join missed ones (ids stay; old ids lead on)")
    .option('--dry-run', 'say what would change, write nothing')
    .option('--json', 'print the report as JSON')
    .option('--no-analyze', 'do not analyse the changed papers afterwards (run `paperscope analyze` later)')
    .action(async (opts: { dryRun?: boolean; json?: boolean; analyze?: boolean }) => (await import('./commands/rematch.js')).runRematch(io, dbPath(), opts))

  program
    .command('stats')
    .description('papers, authors, source records, merged duplicates, per source and per topic')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await import('./commands/stats.js')).runStats(io, dbPath(), opts))

  program
    .command('topics')
    .description("every topic, its papers, and whether it takes a growing or shrinking share of the library's recent papers")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await import('./commands/topics.js')).runTopics(io, dbPath(), opts))

  program
    .command('researchers')
    .description('the library\'s researchers ranked by papers, citations, h-index, novelty or AI score (as `author` computes them)')
    .addOption(new Option('--sort <by>', 'papers, citations, h_index, novelty, ai_score, topic_papers (with --topic) or name').choices(['papers', 'citations', 'h_index', 'novelty', 'ai_score', 'topic_papers', 'name'] satisfies ResearcherSort[]))
    .option('--topic <topic>', 'only researchers with papers under this topic (an id or a label); ranked by those papers unless --sort')
    .addOption(new Option('--min-papers <n>', 'only researchers with at least n papers in the library').default(1).argParser(positiveInt))
    // 20, a page of GET /researchers and the Researchers page: `--offset 20` shows what their page 2 does.
    .addOption(new Option('--limit <n>', 'how many researchers').default(20).argParser(positiveInt))
    .addOption(new Option('--offset <n>', 'skip the first n').default(0).argParser(nonNegativeInt))
    .option('--json', 'print JSON')
    .action(async (opts: { sort?: ResearcherSort; topic?: string; minPapers: number; limit: number; offset: number; json?: boolean }) =>
      (await import('./commands/researchers.js')).runResearchers(io, dbPath(), opts),
    )

  program
    .command('search')
    .description('full-text search (title > key words > abstract > authors)')
    .argument('<query...>', 'words (all must match); "quoted phrases"; -word or NOT word leaves it out; OR in capitals between words')
    .addOption(new Option('--limit <n>', 'how many results (at most 200 at once)').default(10).argParser(positiveInt))
    .addOption(new Option('--offset <n>', 'skip the first n results, to page: --limit 200 --offset 200 is results 201-400').default(0).argParser(nonNegativeInt))
    .option('--json', 'print JSON')
    // `search grokking -transformer`, as the README writes it: a `-word` is a word to leave out, not an option.
    .allowUnknownOption()
    .action(async (words: string[], opts: { limit: number; offset: number; json?: boolean }, command: Command) => {
      // A mistyped long option (`--limt 5`) is still named rather than searched for; the query reads `--x` as `x`.
      const unknown = words.find((w) => /^--[\p{L}\p{N}]/u.test(w))
      if (unknown !== undefined) command.error(`error: unknown option '${unknown}'`, { code: 'commander.unknownOption' })
      await (await import('./commands/search.js')).runSearch(io, dbPath(), words.join(' '), opts)
    })

  program
    .command('show')
    .description('a paper with its authors, topics, key words, digest and every source record')
    .argument('<ref...>', 'paper id, arXiv id, DOI or title words')
    .option('--json', 'print JSON')
    .action(async (ref: string[], opts: { json?: boolean }) => (await import('./commands/show.js')).runShow(io, dbPath(), ref.join(' '), opts))

  program
    .command('author')
    .description("an author's papers, co-authors and metrics (reported by pages and computed here)")
    .argument('<name...>', 'author id or name')
    .option('--json', 'print JSON')
    .action(async (name: string[], opts: { json?: boolean }) => (await import('./commands/author.js')).runAuthor(io, dbPath(), name.join(' '), opts))

  program
    .command('analyze')
    .description('refit the analysis models and recompute topics, key words, digests, similar papers, novelty')
    .option('--json', 'print the report as JSON')
    .option(
      '--embedding-model <dir>',
      'make the paper vectors with a local ONNX sentence-embedding model (a folder with onnx/model.onnx and tokenizer.json), or `lsa`; the library keeps the choice (default: $PAPERSCOPE_EMBEDDING_MODEL, else the current one)',
    )
    .action(async (opts: { json?: boolean; embeddingModel?: string }) => (await import('./commands/analyze.js')).runAnalyze(io, dbPath(), opts))

  program
    .command('classify')
    .description('topics, key words and a digest for new texts, one JSON line in and out, with the library\'s models')
    .requiredOption('--jsonl <file>', 'JSON lines {"id","title","text"}; - reads standard input')
    .action(async (opts: { jsonl: string }) => (await import('./commands/classify.js')).runClassify(io, dbPath(), opts, services.textReader))

  program
    .command('similar')
    .description('the papers most similar to one (or to a text or title never seen), with the terms and topic they share')
    .argument('[ref...]', 'paper id, arXiv id, DOI or title words')
    .option('--text <text>', 'a text to compare with the library instead of a paper (an abstract, a draft)')
    .option('--title <title>', "the text's title, with --text or alone (a paper known by its title), as the API's /similar takes one")
    .addOption(new Option('--k <n>', 'how many').default(10).argParser(positiveInt))
    .option('--json', 'print JSON')
    .action(async (ref: string[], opts: { k: number; json?: boolean; text?: string; title?: string }) => (await import('./commands/similar.js')).runSimilar(io, dbPath(), ref.join(' '), opts))

  program
    .command('start')
    .description('build the library from the embedded corpus if it is empty, then serve the web app and API')
    .option('--rebuild', 're-import the corpus even when the library has papers')
    .option('--no-serve', 'only build the library and print what it holds')
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .addOption(new Option('--port <port>', 'port to listen on (default: $PORT or 3000; 0 picks a free one)').argParser(port))
    .action(async (opts: { rebuild?: boolean; serve?: boolean; host?: string; port?: number }) =>
      (await import('./commands/start.js')).runStart(io, dbPath(), opts, services.serve),
    )

  program
    .command('serve')
    .description('serve the web app and the JSON API (/api/v1, docs at /docs) on the existing library')
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .addOption(new Option('--port <port>', 'port to listen on (default: $PORT or 3000; 0 picks a free one)').argParser(port))
    .action(async (opts: { host?: string; port?: number }) => (await import('./commands/serve.js')).runServe(io, dbPath(), opts, services.serve))

  program
    .command('sync')
    .description('fetch what is new from the feeds in the config file (nothing is fetched without one)')
    .option('--source <name>', 'only the feeds of this source (arxiv, arxiv-oai, openalex, semantic-scholar, huggingface)')
    .addOption(new Option('--since <date>', 'start from this date instead of the stored cursors (YYYY[-MM[-DD]])').argParser(partialDate))
    .option('--feed <id>', 'only this feed')
    .option('--config <path>', 'the config file (default: $PAPERSCOPE_CONFIG, else ./paperscope.config.json)')
    .option('--json', 'print the summary as JSON')
    .option('--no-analyze', 'do not analyse the new papers afterwards (run `paperscope analyze` later)')
    .action(async (opts: { source?: string; since?: string; feed?: string; config?: string; json?: boolean; analyze?: boolean }) =>
      (await import('./commands/sync.js')).runSyncCommand(io, dbPath(), opts, services.version),
    )

  program
    .command('export')
    .description('write BibTeX for a paper, an author, a search or a topic (the whole library with none)')
    .addOption(new Option('--paper <ref>', 'paper id, arXiv id, DOI or title words (repeatable)').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]))
    .option('--author <name>', 'author id or name')
    .option('--search <query>', 'full-text search words')
    .option('--topic <topic>', 'topic id or name: its papers, curated or predicted (the `all` column of `stats`)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { paper?: string[]; author?: string; search?: string; topic?: string; out?: string }) => (await import('./commands/export.js')).runExport(io, dbPath(), opts))

  program
    .command('db:migrate')
    .description('apply pending schema migrations to the library file')
    .action(async () => (await import('./commands/migrate.js')).runMigrate(io, dbPath()))

  return program
}

/**
 * Runs the CLI and returns its exit code (never calls process.exit itself).
 * @example process.exitCode = await runCli(process.argv.slice(2), io)
 */
export async function runCli(argv: string[], io: CliIo, services: CliServices = {}): Promise<number> {
  const program = buildProgram(io, services)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (err) {
    if (err instanceof CliExit) return err.code
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.fatal
    if (isPaperscopeError(err)) {
      io.stderr(`error [${err.code}]: ${plainFileWords(err.message, err.cause)}\n`)
      return EXIT.fatal
    }
    // A file no command wrapped (io.ts fileError): still one line, never a stack; a stack is for bugs.
    if (isFileSystemError(err)) {
      const syscall = err.syscall ?? ''
      const action = /^(write|mkdir|rename|unlink|rmdir|copyfile|symlink)$/.test(syscall) ? 'write' : /^(read|scandir|readlink)$/.test(syscall) ? 'read' : 'open'
      io.stderr(`error: ${err.path ? `cannot ${action} ${err.path}: ` : ''}${fileProblem(err, action)}\n`)
      return EXIT.fatal
    }
    io.stderr(`error: ${(err as Error).stack ?? String(err)}\n`)
    return EXIT.fatal
  }
}

/** A message ending in Node's words for a file error it wraps (`cannot read x: EISDIR: illegal …`) gets plain ones. */
function plainFileWords(message: string, cause: unknown): string {
  if (!isFileSystemError(cause) || !message.endsWith(cause.message)) return message
  const action = /^cannot read /.test(message) ? 'read' : 'open'
  return message.slice(0, message.length - cause.message.length) + fileProblem(cause, action)
}

let pipeWatched = false

/** The process's own IO. */
export function processIo(): CliIo {
  if (!pipeWatched) {
    pipeWatched = true
    // A reader that stops early (`paperscope search x | head -1`) closes the pipe: the rest of the output has
    // nowhere to go, which is the reader's choice, not an error to print a stack trace for.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    })
  }
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: parseEnv(process.env),
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    stdin: process.stdin,
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  process.exitCode = await runCli(process.argv.slice(2), processIo())
}

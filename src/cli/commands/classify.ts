/**
 * @module `paperscope classify --jsonl FILE`: one JSON line in (`{"id","title","text"}`, and `"year"` when known), one JSON line out
 * (`{"id","topics":[{"label","score"}],"unsorted","offTopic","unsortedBecause","unsortedNote","topicWhy":[...],"keywords":[...],"keywordDetails":[{"text","origin",
 * "score","why"}],"keywordsNote","language","digest"}`), with the models trained on the current library. `-` reads standard input. A bad line
 * is reported on stderr with its number and answered on stdout by `{"id","line","error":{"code","message"}}` (`id`
 * null when the line has no usable one), so every input line but a blank one has its output line, in order; the
 * rest go on, and the exit code is then 2. A number id that JSON would alter (`2310.10`) is printed as the string
 * written, and an id seen on an earlier line is named; both are warnings on stderr. Labels in the input are never
 * read; a year is no label but when the text was written, and dates it as a library paper is. The texts are read on a second thread while this one scores the lines before them
 * (src/commands/text-reader.ts): one the process started with the command (src/main.ts), or else one started for
 * a batch (at least {@link READING_THREAD_MIN_LINES} lines at hand when the first is classified). The output is the
 * same either way.
 */
import { isAbsolute, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { isFileSystemError, isPaperscopeError } from '../../core/index.js'
import { createTextClassifier, parseClassifyLine, startTextReader, type ClassifyLine, type TextReader } from '../../commands/index.js'
import { CliExit, EXIT, decodeTextStream, fileError, openTextFile, type CliIo } from '../io.js'
import { withStore } from './shared.js'

/**
 * Fewest lines read and waiting, when the first is classified, for their texts to be read on a second thread:
 * the thread and its NLP model take about as long to start as the model does here, so a few lines (a test, a
 * line typed at a terminal) are read in process and a batch gains the second core for its tokenizing.
 */
export const READING_THREAD_MIN_LINES = 16

/** Lines read ahead at most (a reading thread has them all sent): bounds the memory a huge file takes. */
const READ_AHEAD_LINES = 64

/** A line read ahead: its number, what it says, and its text being read on the reading thread. */
interface AheadLine {
  lineNumber: number
  read: ClassifyLine
  text?: ReturnType<TextReader['read']>
}

/**
 * The lines of `input` as they come, read ahead of the one asked for (up to {@link READ_AHEAD_LINES}), so the
 * caller can tell a batch from a line typed at a terminal and send texts on before their turn. Lines already
 * read come before a read error, as a `for await` over readline gives them.
 */
function lineQueue(input: Readable): { next(): Promise<string | null>; take(): string | undefined; waiting(): number } {
  const rl = createInterface({ input, crlfDelay: Infinity })
  const lines: string[] = []
  let ended = false
  let failure: unknown = null
  let wake: (() => void) | null = null
  const notify = (): void => {
    wake?.()
    wake = null
  }
  rl.on('line', (line) => {
    lines.push(line)
    if (lines.length >= READ_AHEAD_LINES) rl.pause()
    notify()
  })
  rl.on('close', () => {
    ended = true
    notify()
  })
  input.on('error', (err) => {
    failure ??= err
    ended = true
    notify()
  })
  // A line taken; reading goes on once half the read-ahead is free.
  const take = (): string | undefined => {
    const line = lines.shift()
    if (lines.length < READ_AHEAD_LINES / 2) rl.resume()
    return line
  }
  return {
    async next() {
      while (lines.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve))
      const line = take()
      if (line === undefined && failure !== null) throw failure
      return line ?? null
    },
    take,
    waiting: () => lines.length,
  }
}

/**
 * Classifies the lines of `opts.jsonl`. `started` is a reading thread the process started for it (src/main.ts),
 * used for any number of lines and closed by its owner; without one, a batch starts its own.
 */
export async function runClassify(io: CliIo, dbPath: string, opts: { jsonl: string }, started?: TextReader): Promise<void> {
  const fromStdin = opts.jsonl === '-'
  if (fromStdin && !io.stdin) {
    io.stderr('error [INVALID_ARGUMENT]: no standard input to read\n')
    throw new CliExit(EXIT.fatal)
  }
  const path = fromStdin ? '-' : isAbsolute(opts.jsonl) ? opts.jsonl : resolve(io.cwd, opts.jsonl)
  const source = fromStdin ? 'stdin' : opts.jsonl
  const { bad } = await withStore(io, dbPath, async (store) => {
    // Opened before the models are fitted: a file that cannot be read fails at once, not after that work.
    const input: Readable = fromStdin ? decodeTextStream(io.stdin as Readable) : await openTextFile(path, opts.jsonl)
    const close = (): void => {
      if (!fromStdin) input.destroy()
    }
    let lineNumber = 0
    let bad = 0
    // Ids by JSON value: 1 and "1" are different ids in the output.
    const firstLineOfId = new Map<string, number>()
    const queue = lineQueue(input)
    // Lines parsed ahead of their turn, their texts already sent to the reading thread.
    const ahead: AheadLine[] = []
    let reader: TextReader | null | undefined
    let prepared = false
    // A blank line is skipped (its number counted); any other is parsed once, in order.
    const parse = (line: string): AheadLine | null => {
      lineNumber++
      return line.trim() === '' ? null : { lineNumber, read: parseClassifyLine(line, lineNumber, source) }
    }
    const nextLine = async (): Promise<AheadLine | null> => {
      for (;;) {
        const line = await queue.next()
        if (line === null) return null
        const parsed = parse(line)
        if (parsed) return parsed
      }
    }
    // A file's first text goes to a reading thread the process started before the models load: the thread has its
    // NLP model loaded by then and would only wait meanwhile. Not standard input's: a line typed at a terminal may
    // be long in coming, and a library that cannot classify says so at once.
    if (started && !fromStdin) {
      const first = await nextLine().catch((err: unknown) => {
        close()
        throw isFileSystemError(err) ? fileError('read', source, err) : err
      })
      if (first?.read.ok) first.text = started.read(first.read.input)
      if (first) ahead.push(first)
    }
    const { classifier, trained } = await createTextClassifier(store, { now: io.now }).catch((err: unknown) => {
      close()
      throw err
    })
    if (trained)
      io.stderr(`the library had no analysis yet: fitted and stored the models on ${trained.papers} papers\n`)
    try {
      for (;;) {
        const current = ahead.shift() ?? (await nextLine())
        if (current === null) break
        // Decided once, on the first line: a batch at hand gets a reading thread.
        if (reader === undefined) {
          reader = started ?? (queue.waiting() + 1 >= READING_THREAD_MIN_LINES ? startTextReader() : null)
          // The topic names before the texts (but a first one sent while the models loaded): this thread then never
          // loads the NLP model.
          if (reader) classifier.readNamesWith(reader)
        }
        if (reader) {
          if (current.read.ok && !current.text) current.text = reader.read(current.read.input)
          // The texts of the lines already at hand go to the reading thread now, never waiting for more input.
          while (ahead.length < READ_AHEAD_LINES) {
            const line = queue.take()
            if (line === undefined) break
            const more = parse(line)
            if (!more) continue
            if (more.read.ok) more.text = reader.read(more.read.input)
            ahead.push(more)
          }
          // Once, while the reading thread reads the first texts: this thread would only wait for them meanwhile.
          if (!prepared) classifier.prepare()
          prepared = true
        }
        const read = current.read
        const id = read.ok ? read.input.id : read.id
        if (read.ok) for (const warning of read.warnings) io.stderr(`${source}: warning: ${warning}\n`)
        if (id !== null) {
          const earlier = firstLineOfId.get(JSON.stringify(id))
          if (earlier === undefined) firstLineOfId.set(JSON.stringify(id), current.lineNumber)
          else io.stderr(`${source}: warning: line ${current.lineNumber}: id ${JSON.stringify(id)} is also the id of line ${earlier}\n`)
        }
        try {
          if (!read.ok) throw read.error
          io.stdout(`${JSON.stringify(await classifier.classify(read.input, current.text ? await current.text : undefined))}\n`)
        } catch (err) {
          if (!isPaperscopeError(err)) throw err
          bad++
          io.stderr(`${source}: error [${err.code}]: ${err.message}\n`)
          io.stdout(`${JSON.stringify({ id, line: current.lineNumber, error: { code: err.code, message: err.message } })}\n`)
        }
      }
    } catch (err) {
      // A read that fails half-way (a disk error); opening failed in plain words already.
      if (isFileSystemError(err)) throw fileError('read', source, err)
      throw err
    } finally {
      close()
      if (reader !== started) await reader?.close()
    }
    return { bad }
  })
  if (bad > 0) throw new CliExit(EXIT.partial)
}

/**
 * @module `paperscope classify --jsonl FILE`: one JSON line in (`{"id","title","text"}`), one JSON line out
 * (`{"id","topics":[{"label","score"}],"unsorted","offTopic","topicWhy":[...],"keywords":[...],"keywordDetails":[{"text","origin",
 * "score","why"}],"language","digest"}`), with the models trained on the current library. `-` reads standard input. A bad line
 * is reported on stderr with its number and answered on stdout by `{"id","line","error":{"code","message"}}` (`id`
 * null when the line has no usable one), so every input line but a blank one has its output line, in order; the
 * rest go on, and the exit code is then 2. A number id that JSON would alter (`2310.10`) is printed as the string
 * written, and an id seen on an earlier line is named; both are warnings on stderr. Labels in the input are never
 * read.
 */
import { isAbsolute, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { isFileSystemError, isPaperscopeError } from '../../core/index.js'
import { createTextClassifier, parseClassifyLine } from '../../commands/index.js'
import { CliExit, EXIT, decodeTextStream, fileError, openTextFile, type CliIo } from '../io.js'
import { withStore } from './shared.js'

export async function runClassify(io: CliIo, dbPath: string, opts: { jsonl: string }): Promise<void> {
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
    const { classifier, trained } = await createTextClassifier(store, { now: io.now }).catch((err: unknown) => {
      close()
      throw err
    })
    if (trained)
      io.stderr(`the library had no analysis yet: fitted and stored the models on ${trained.papers} papers\n`)
    let lineNumber = 0
    let bad = 0
    // Ids by JSON value: 1 and "1" are different ids in the output.
    const firstLineOfId = new Map<string, number>()
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        lineNumber++
        if (line.trim() === '') continue
        const read = parseClassifyLine(line, lineNumber, source)
        const id = read.ok ? read.input.id : read.id
        if (read.ok) for (const warning of read.warnings) io.stderr(`${source}: warning: ${warning}\n`)
        if (id !== null) {
          const earlier = firstLineOfId.get(JSON.stringify(id))
          if (earlier === undefined) firstLineOfId.set(JSON.stringify(id), lineNumber)
          else io.stderr(`${source}: warning: line ${lineNumber}: id ${JSON.stringify(id)} is also the id of line ${earlier}\n`)
        }
        try {
          if (!read.ok) throw read.error
          io.stdout(`${JSON.stringify(await classifier.classify(read.input))}\n`)
        } catch (err) {
          if (!isPaperscopeError(err)) throw err
          bad++
          io.stderr(`${source}: error [${err.code}]: ${err.message}\n`)
          io.stdout(`${JSON.stringify({ id, line: lineNumber, error: { code: err.code, message: err.message } })}\n`)
        }
      }
    } catch (err) {
      // A read that fails half-way (a disk error); opening failed in plain words already.
      if (isFileSystemError(err)) throw fileError('read', source, err)
      throw err
    } finally {
      close()
    }
    return { bad }
  })
  if (bad > 0) throw new CliExit(EXIT.partial)
}

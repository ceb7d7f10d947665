/**
 * @module `paperscope classify --jsonl FILE`: one JSON line in (`{"id","title","text"}`), one JSON line out
 * (`{"id","topics":[{"label","score"}],"unsorted","offTopic","topicWhy":[...],"keywords":[...],"keywordDetails":[{"text","origin",
 * "score","why"}],"digest"}`), with the models trained on the current library. `-` reads standard input. A bad line is reported on stderr with its number and the
 * rest go on; the exit code is then 2. Labels in the input are never read.
 */
import { createReadStream } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { isPaperscopeError } from '../../core/index.js'
import { createTextClassifier, parseClassifyLine } from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
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
    const { classifier, trained } = await createTextClassifier(store, { now: io.now })
    if (trained)
      io.stderr(`the library had no analysis yet: fitted and stored the models on ${trained.papers} papers\n`)
    const input: Readable = fromStdin ? (io.stdin as Readable) : createReadStream(path, { encoding: 'utf8' })
    let lineNumber = 0
    let bad = 0
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        lineNumber++
        if (line.trim() === '') continue
        try {
          io.stdout(`${JSON.stringify(await classifier.classify(parseClassifyLine(line, lineNumber, source)))}\n`)
        } catch (err) {
          if (!isPaperscopeError(err)) throw err
          bad++
          io.stderr(`${source}: error [${err.code}]: ${err.message}\n`)
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        io.stderr(`error [SOURCE_UNAVAILABLE]: cannot read ${opts.jsonl}: no such file\n`)
        throw new CliExit(EXIT.fatal)
      }
      throw err
    }
    return { bad }
  })
  if (bad > 0) throw new CliExit(EXIT.partial)
}

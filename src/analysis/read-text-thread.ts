/**
 * @module The reading thread's entry (started by src/commands' text reader): reads each text it is sent with
 * {@link readText} and answers in the order sent. It loads the NLP model as it starts. Loaded outside a worker it
 * does nothing.
 */
import { parentPort } from 'node:worker_threads'
import { loadNlpModel, readText, type ReadTextAnswer, type ReadTextRequest } from './read-text.js'

const port = parentPort
port?.on('message', ({ id, title, text }: ReadTextRequest) => {
  let answer: ReadTextAnswer
  try {
    answer = { id, read: readText({ title, text }) }
  } catch (err) {
    answer = { id, error: (err as Error).stack ?? String(err) }
  }
  port.postMessage(answer)
})
// At once, not on the first text: the classifying thread is still loading its modules and models meanwhile. The
// texts sent during the load wait in the queue.
if (port) loadNlpModel()

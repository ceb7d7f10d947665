import { describe, expect, it } from 'vitest'
import { readText, readTextThreadModule } from '../analysis/index.js'
import { startTextReaderOn } from './text-reader.js'

describe('startTextReaderOn', () => {
  it('reads texts on another thread as readText does in process, each answer to its text', async () => {
    const inputs = [
      { title: 'Perturbation Analysis of Neural Collapse', text: 'Training deep neural networks for classification often includes minimizing the training loss beyond the zero training error point. In this phase, a "neural collapse" behavior has been observed.' },
      { title: 'Grokking', text: 'We study $N \\asymp d$ networks. We show that grokking is a phase transition.' },
      { title: '', text: '' },
    ]
    const reader = startTextReaderOn(readTextThreadModule())
    try {
      const read = await Promise.all(inputs.map((input) => reader.read(input)))
      expect(read).toEqual(inputs.map((input) => readText(input)))
      expect(read[1]?.digest).toBe(readText(inputs[1]!).digest)
    } finally {
      await reader.close()
    }
    await expect(reader.read(inputs[0]!)).rejects.toThrow(/closed/)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateDigest } from './digest.js'

const READS_AS_SENTENCE = /^[A-Z0-9“"(][^]*[.!?]["”’)]?$/

describe('generated digest', () => {
  it('picks the contribution sentence and shortens its framing', () => {
    const abstract =
      'Deep networks generalize in ways classical theory does not explain. In this paper, we show that the ' +
      'neural tangent kernel of a wide network predicts its test error across architectures. Experiments on ' +
      'CIFAR-10 support the theory. The rest of the paper'
    const d = generateDigest(abstract, 'The neural tangent kernel predicts generalization')
    expect(d?.text.startsWith('We show that the neural tangent kernel')).toBe(true)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    expect(d?.text).not.toMatch(/In this paper/)
    expect(d?.text).not.toMatch(/The rest of the paper/)
  })

  it('cleans LaTeX and never returns a cut sentence', () => {
    const d = generateDigest('We prove that $N \\asymp d$ samples suffice for \\textit{linear denoisers} to generalize well. The proof uses random matrix theory and a new')
    expect(d?.text).toBe('We prove that N ≍ d samples suffice for linear denoisers to generalize well.')
    expect(generateDigest('an abstract cut before its first full stop and')).toBeNull()
  })

  it('always reads as a sentence', () => {
    const sentence = fc
      .tuple(
        fc.constantFrom('We show that', 'However, we find that', 'In this work, we prove that', 'This suggests that', 'Our results reveal that', 'Deep networks'),
        fc.constantFrom(' pruning', ' the $\\alpha$-norm', ' neural collapse (NC', ' grokking', ' a \\emph{kernel}'),
        fc.constantFrom(' happens early in training.', ' scales with depth.', ' is rare', ' depends on data (see Fig. 2).', '.'),
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const d = generateDigest(sentences.join(' '))
        if (d === null) return
        expect(d.text).toMatch(READS_AS_SENTENCE)
        expect(d.text).not.toMatch(/[$\\]/)
        expect(d.text.length).toBeLessThanOrEqual(400)
      }),
      { numRuns: 60 },
    )
  })
})

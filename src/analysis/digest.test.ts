import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CORPUS_FORMATS } from '../ingest/index.js'
import { generateDigest, spellOutAcronyms } from './digest.js'

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

  // Abstracts of the corpus, read with the real importers: the digests these gave read as fragments.
  const abstractOf = (file: string, format: string, title: string): string => {
    const parser = CORPUS_FORMATS.find((f) => f.name === format)
    const text = readFileSync(new URL(`../../data/corpus/${file}`, import.meta.url), 'utf8')
    const record = parser?.parse(text, { input: file, fetchedAt: '2026-01-01T00:00:00Z' }).records.find((r) => r.title?.startsWith(title))
    if (!record?.abstract) throw new Error(`${title}: not in ${file}`)
    return record.abstract
  }

  it('does not pick a sentence that names a numbered item it does not give', () => {
    const title = 'When Stronger Triggers Backfire'
    const d = generateDigest(abstractOf('researcher-profile.txt', 'researcher-profile', title), title)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    // It was: "… We identify a finite-sample noise floor proportional to κ as the mechanism behind (i), …"
    expect(d?.text).not.toMatch(/\((i|ii|iii)\)/)
  })

  it('reads an enumeration written `2) … and 3) …` and a TeX quote closed with a plain quote as whole sentences', () => {
    // Both from the awesome list: they gave no digest while their brackets or quotes looked unbalanced.
    const list =
      'We investigate the tantalizing possibility of using lottery ticket hypothesis to discover lightweight speech recognition models, that are (1) robust to various noise existing in speech; (2) transferable to fit the open-world personalization; and 3) compatible with structured sparsity.'
    expect(generateDigest(list, 'Lottery tickets for speech')?.text).toBe(list)
    const quoted = generateDigest('We find that the dynamics can show four regimes, ending in a late time ``edge of stability" regime.', 'Sharpness')
    expect(quoted?.text).toBe('We find that the dynamics can show four regimes, ending in a late time “edge of stability” regime.')
    // An unmatched closing bracket that is no enumeration still keeps a sentence out.
    expect(generateDigest('We show that the bound holds for all widths) in every case we tried.', 'Bounds')).toBeNull()
  })

  it('prefers sentences that stand alone to ones that point back (`this correspondingly`, `no such bound`)', () => {
    const pde = 'Neural Network Approximations of PDEs Beyond Linearity'
    const d = generateDigest(abstractOf('daily-papers.txt', 'daily-papers', pde), pde)
    // It added: "By a classical result due to Barron [1993], this correspondingly bounds the size of …"
    expect(d?.text).not.toMatch(/this correspondingly/)
    const fantastic = 'Fantastic Generalization Measures are Nowhere to be Found'
    expect(generateDigest(abstractOf('daily-papers.txt', 'daily-papers', fantastic), fantastic)?.text).not.toMatch(/no such bound|\(2\)/)
  })

  it('adds no second sentence that points back to one it left out', () => {
    const title = 'Upsample or Upweight?'
    const d = generateDigest(abstractOf('daily-papers.txt', 'daily-papers', title), title)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    // It added: "Empirically, we observe that Temperature Sampling converges more quickly …" and, without it,
    // "We argue that this faster convergence …".
    expect(d?.text).not.toMatch(/Empirically,|this faster convergence/)
  })

  it('spells out an acronym the abstract defined in a sentence the digest left out', () => {
    const title = 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data'
    const d = generateDigest(abstractOf('daily-papers.txt', 'daily-papers', title), title)
    // It read "… two-layer ReLU networks trained by GD on XOR cluster data …"; GD is defined in the first sentence.
    expect(d?.text).toMatch(/trained by gradient descent \(GD\) on XOR cluster data/)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
  })

  it('spells out acronyms only where that reads right', () => {
    expect(spellOutAcronyms('We train with GD.', 'We use gradient descent (GD). We train with GD.')).toBe('We train with gradient descent (GD).')
    expect(spellOutAcronyms('GD converges.', 'Gradient descent (GD) is used. GD converges.')).toBe('Gradient descent (GD) converges.')
    // The phrase follows the use's number, and a definition that opened a sentence is not a name.
    expect(spellOutAcronyms('We show that the DNN is stable.', 'Deep neural networks (DNNs) are used. We show that the DNN is stable.')).toBe(
      'We show that the deep neural network (DNN) is stable.',
    )
    expect(spellOutAcronyms('We scale CNNs.', 'A convolutional neural network (CNN) is used. We scale CNNs.')).toBe('We scale convolutional neural networks (CNNs).')
    expect(spellOutAcronyms('We study NTK regimes.', 'The Neural Tangent Kernel (NTK) is used. We study NTK regimes.')).toBe('We study Neural Tangent Kernel (NTK) regimes.')
    // A name's capital stays when the definition did not open its sentence.
    expect(spellOutAcronyms('We fit a GPR model.', 'We use Gaussian process regression (GPR). We fit a GPR model.')).toBe('We fit a Gaussian process regression (GPR) model.')
    expect(spellOutAcronyms('RL agents learn.', 'Reinforcement learning (RL) is hard. RL agents learn.')).toBe('Reinforcement learning (RL) agents learn.')
    expect(spellOutAcronyms('We use RL here.', 'Reinforcement learning (RL) is hard. We use RL here.')).toBe('We use reinforcement learning (RL) here.')
    // Inside a name, before another bracket, already defined, or initials that do not match: left alone.
    const abstract = 'The neural tangent kernel (NTK) and partial differential equations (PDE) and a subgradient method (SubGM) appear.'
    for (const digest of ['We propose NTK-Attention.', 'We use PDE Parameter Embeddings (CAPE).', 'A latent NTK (LNTK) helps.', 'The neural tangent kernel (NTK) helps.', 'A simple SubGM works.'])
      expect(spellOutAcronyms(digest, abstract)).toBe(digest)
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

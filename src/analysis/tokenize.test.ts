import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanLatex } from './latex.js'
import { keywordCandidates } from './keywords.js'
import { prepareText } from './text.js'
import { analyzeText, contentTerms, createWinkNlp, initialsBothWays, initialsOf, MAX_RUN_LENGTH, normalizePhrase, OMITTED_RUN, phrasesOf, singularize, spaceGluedColons, termKey, withoutOverlongRuns } from './tokenize.js'

describe('sentences', () => {
  const abstract =
    'Nested Dropout further learns ordered feature representations w.r.t. feature importance. Moreover, the trained models are good.'
  const read = (nlp: ReturnType<typeof createWinkNlp>) =>
    analyzeText(abstract, nlp).map((s) => ({ text: s.text, tokens: s.tokens.map((t) => `${t.text}/${t.lemma}/${t.pos}/${t.stop}`) }))

  it('reads a text the same whatever was read before it (wink remembers `w.r.t` once it has met it)', () => {
    // Ports of their own, so that what the other tests read does not matter.
    const fresh = read(createWinkNlp())
    const nlp = createWinkNlp()
    analyzeText('It has a constant memory cost w.r.t number of solver steps.', nlp)
    const after = read(nlp)
    expect(after).toEqual(fresh)
    expect(after.map((s) => s.text)).toEqual([
      'Nested Dropout further learns ordered feature representations w.r.t. feature importance.',
      'Moreover, the trained models are good.',
    ])
  })

  it('ends a sentence on a one-letter variable, but not on an initial', () => {
    // From the corpus: wink read each of these as one sentence.
    expect(analyzeText('In this work we focus on scaling w.r.t. data size n. Theoretical understanding of this phenomenon is lacking.').map((s) => s.text)).toEqual([
      'In this work we focus on scaling w.r.t. data size n.',
      'Theoretical understanding of this phenomenon is lacking.',
    ])
    expect(analyzeText('It allows for non-linear extrapolation in A. We show that the representation is identifiable.').map((s) => s.text)).toEqual([
      'It allows for non-linear extrapolation in A.',
      'We show that the representation is identifiable.',
    ])
    // A capital the lower-case noun before it names (the Lie-groups abstract of the corpus), not an initial.
    expect(analyzeText('Our layers act on the group G. Invariant layers follow as a special case.').map((s) => s.text)).toEqual([
      'Our layers act on the group G.',
      'Invariant layers follow as a special case.',
    ])
    const [sentence] = analyzeText('The bound of J. Smith holds.')
    expect(sentence?.text).toBe('The bound of J. Smith holds.')
    expect(analyzeText('Work with Michael I. Jordan and by P. Bartlett holds.')).toHaveLength(1)
    expect(analyzeText('We vary n. Results follow.')[0]?.tokens.map((t) => t.text)).toEqual(['We', 'vary', 'n', '.'])
  })

  it('keeps dotted abbreviations out of terms and phrases, and still ends a sentence on one', () => {
    const sentences = analyzeText('Samples are drawn i.i.d. We bound the risk w.r.t. the loss, e.g. the hinge loss.')
    expect(sentences.map((s) => s.text)).toEqual(['Samples are drawn i.i.d.', 'We bound the risk w.r.t. the loss, e.g. the hinge loss.'])
    expect(phrasesOf(sentences).map((p) => p.text).filter((t) => t.includes('.'))).toEqual([])
  })

  it('goes on after `Fig.`, `Thm.`, `Sec.` and `cf.`, and ends after `et al.` before a new sentence', () => {
    const texts = (text: string) => analyzeText(text).map((s) => s.text)
    // wink ended these at the abbreviation: the digest was `2, that SGD converges …` or none.
    expect(texts('Prior work is limited. We prove, see Fig. 2, that SGD converges fast.')).toEqual(['Prior work is limited.', 'We prove, see Fig. 2, that SGD converges fast.'])
    expect(texts('SGD converges for smooth losses (Thm. 3.1). It is tight.')).toEqual(['SGD converges for smooth losses (Thm. 3.1).', 'It is tight.'])
    expect(texts('This holds in Sec. (3) and Eqs. 4-5, cf. Smith et al. We test it.')).toEqual(['This holds in Sec. (3) and Eqs. 4-5, cf. Smith et al.', 'We test it.'])
    expect(texts('As shown by Lee et al. in 2020, it holds.')).toHaveLength(1)
    // Not where the word ends a sentence: a word that is also an abbreviation, or a capitalised word after one.
    expect(texts('The answer is no. A counterexample is given.')).toHaveLength(2)
    expect(texts('We release a mobile app. GPT-4 powers it.')).toHaveLength(2)
    expect(texts('It is shown in Fig. A detailed proof follows.')).toHaveLength(2)
    expect(texts('See No. 3 and Fig. S1, then more. Fine.')).toEqual(['See No. 3 and Fig. S1, then more.', 'Fine.'])
    // `app` stays a word of the text (a term), not a function word.
    expect(analyzeText('We release a mobile app.')[0]?.tokens.find((t) => t.lower === 'app')?.stop).toBe(false)
    // An abbreviation is no term of the text.
    expect(phrasesOf(analyzeText('See Fig. 2 for the loss curve.')).map((p) => p.text)).not.toContain('Fig')
  })
})

describe('no character lost', () => {
  // The tokens of all sentences, joined, are the cleaned text without its spaces: sentence splits, joined
  // abbreviations, hyphenated compounds and split-off variables move boundaries, never characters. (wink
  // makes a line break a token of its own, hence spaces dropped on both sides.) A run of more than MAX_RUN_LENGTH
  // characters is left out (see below); none of these texts has one.
  const spaceless = (text: string): string => cleanLatex(text).replace(/\s+/g, '')
  const joined = (text: string): string => analyzeText(text).flatMap((s) => s.tokens.map((t) => t.text)).join('').replace(/\s+/g, '')

  it('on every title and digest of the awesome list', () => {
    const list = readFileSync(new URL('../../data/corpus/awesome-deep-phenomena.txt', import.meta.url), 'utf8')
    const lines = list.split('\n').filter((l) => l.trim().length > 20)
    expect(lines.length).toBeGreaterThan(900)
    for (const line of lines) expect(joined(line), line).toBe(spaceless(line))
  })

  it('on texts made of the pieces that move boundaries', () => {
    const piece = fc.constantFrom('We', 'The', 'model', 'size', 'n.', 'A.', 'J. Smith', 'w.r.t.', 'w.r.t', 'e.g.', 'i.i.d.', 'U.S.', 'In-Context', 'pre-training', '-', '--', '3.5', '$x^2$', ',', '.', '?', '!', '(', ')', '"', "'s", 'et al.', '\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '  ')), { maxLength: 40 }), (parts) => {
        const text = parts.map(([p, sep]) => p + sep).join('')
        expect(joined(text)).toBe(spaceless(text))
      }),
      { numRuns: 300 },
    )
  })
})

describe('runs too long to be words', () => {
  it('leaves out a run of 300,000 non-space characters rather than read it as a word', () => {
    // wink's abbreviation test took time quadratic in the run: over a minute for this one, under 10 ms now (the
    // test's timeout is the guard).
    const sentences = analyzeText(`We study pruning. ${'a'.repeat(300_000)} Then we show that it works.`)
    expect(sentences.map((s) => s.tokens.map((t) => t.text))).toEqual([
      ['We', 'study', 'pruning', '.'],
      ['[', '…', ']', 'Then', 'we', 'show', 'that', 'it', 'works', '.'],
    ])
    expect(contentTerms(sentences)).toEqual(['study', 'pruning', 'work'])
  })

  it('keeps the full stop that ends a run left out, so its sentence still ends there', () => {
    expect(analyzeText(`We study pruning at ${'a'.repeat(MAX_RUN_LENGTH + 1)}. We show that it works.`).map((s) => s.text)).toEqual([
      `We study pruning at ${OMITTED_RUN}.`,
      'We show that it works.',
    ])
  })

  it('leaves ordinary text as written: long URLs, DOIs, LaTeX, hyphenated compounds, a run just short enough', () => {
    const texts = [
      `Code: https://github.com/some-lab/a-long-repository-name/tree/main/src/experiments/pruning?config=${'k%3Dv%26'.repeat(30)}.`,
      'See doi:10.1016/j.neunet.2014.09.003 and https://doi.org/10.48550/arXiv.2303.08774 for details.',
      'The risk decays as $\\mathcal{O}(n^{-1/2})$ with $\\|W_{\\ell}\\|_F^2$ and \\textit{state-of-the-art} sharpness-aware mixture-of-experts.',
      'x'.repeat(MAX_RUN_LENGTH),
    ]
    expect(texts[0]?.length).toBeGreaterThan(300)
    for (const text of texts) expect(withoutOverlongRuns(text)).toBe(text)
  })
})

describe('tokens and phrases', () => {
  it('reads a label glued to its text (`Abstract:Pruning`, as a pasted abstract has it) as words, not an emoticon and the rest of one, and keeps the sentence as written', () => {
    const words = (text: string) => analyzeText(text).flatMap((s) => s.tokens.map((t) => t.text))
    expect(words('Abstract:Pruning removes weights. Results:Deep nets win.')).toEqual(['Abstract', ':', 'Pruning', 'removes', 'weights', '.', 'Results', ':', 'Deep', 'nets', 'win', '.'])
    for (const [text, word] of [['Abstract:Diffusion models', 'Diffusion'], ['Abstract:DNNs generalize', 'DNNs'], ['Abstract:pruning works', 'pruning'], ['Results:SGD noise helps', 'SGD'], ['Abstract:(Deep) nets', 'Deep']] as const) {
      expect(words(text), text).toContain(word)
      expect(words(text).some((w) => /^[:;]./.test(w)), text).toBe(false)
    }
    // What is shown is the text as written: a digest quotes `Ti:Sapphire`, not `Ti: Sapphire`.
    const written = 'We show that a Ti:Sapphire oscillator with Yb:Er co-doping is stable. Abstract:Pruning helps.'
    expect(analyzeText(written).map((s) => s.text)).toEqual(['We show that a Ti:Sapphire oscillator with Yb:Er co-doping is stable.', 'Abstract:Pruning helps.'])
    // Nothing else moves: ratios, times, URLs, ids, and a colon already spaced.
    for (const text of ['a 3:1 ratio of A:B at 10:30', 'see https://arxiv.org/abs/2301.00001 and arXiv:2301.00001', 'Abstract: Deep nets']) expect(spaceGluedColons(text)).toEqual({ text, inserted: [] })
    expect(spaceGluedColons('Abstract:Deep and Key:Value')).toEqual({ text: 'Abstract: Deep and Key: Value', inserted: [9, 23] })
  })

  it('lemmatizes and flags stop words', () => {
    const tokens = analyzeText('The networks were trained.').flatMap((s) => s.tokens)
    expect(tokens.map((t) => t.lemma)).toEqual(['the', 'network', 'be', 'train', '.'])
    expect(tokens.find((t) => t.text === 'The')?.stop).toBe(true)
  })

  it('keeps hyphenated compounds as one word', () => {
    const words = analyzeText('In-Context Learning and Sharpness-Aware Minimization').flatMap((s) => s.tokens.map((t) => t.text))
    expect(words).toEqual(['In-Context', 'Learning', 'and', 'Sharpness-Aware', 'Minimization'])
  })

  it('finds multi-word phrases that cross no stop word or punctuation', () => {
    const keys = phrasesOf(analyzeText('We study the neural tangent kernel (NTK) of wide networks.'), { minN: 2, maxN: 3 }).map((p) => p.key)
    expect(keys).toContain('neural tangent kernel')
    expect(keys).toContain('wide network')
    expect(keys).not.toContain('kernel ntk')
  })

  it('normalizes key words the same way on both sides', () => {
    expect(normalizePhrase('Large Language Models')).toBe('large language model')
    expect(normalizePhrase('Neural Tangent Kernels')).toBe(normalizePhrase('neural tangent kernel'))
    expect(normalizePhrase('Lottery Tickets')).toBe('lottery ticket')
    expect(normalizePhrase('Pre-training')).toBe(normalizePhrase('pretraining'))
  })

  it('keys data as data and Bayes as Bayes, wherever they stand (the lemmatizer read `data` as `datum` in some places only)', () => {
    const keys = (text: string): string[] => prepareText({ title: '', text }).body.flatMap((s) => s.tokens).map((t) => termKey(t))
    expect(keys('Data matter. We train on data. The training data are noisy.')).toEqual(expect.arrayContaining(['data']))
    expect(keys('Data matter. We train on data. The training data are noisy.')).not.toContain('datum')
    expect(keys('A PAC-Bayes bound and naive Bayes.')).toEqual(expect.arrayContaining(['pacbayes', 'bayes']))
  })

  it('gives a phrase its initials per hyphenated part and per word, skipping the words asked', () => {
    const skip = new Set(['of', 'the'])
    expect(initialsBothWays(['Sharpness-Aware', 'Minimization'], skip)).toEqual({ perPart: 'SAM', perWord: 'SM' })
    expect(initialsOf(['In-Context', 'Learning'], skip)).toBe('ICL')
    expect(initialsOf(['Theory', 'of', 'the', 'Lottery', 'ticket', '--', 'x-'], skip)).toBe('TLTX')
    // Each part's first character as it upper-cases (ß is SS).
    expect(initialsOf(['ßeta', 'élan', '3-layer'], skip)).toBe('SSÉ3L')
    // As flatMap/filter/map/join gave them, for any words.
    const words = fc.array(fc.stringMatching(/^[A-Za-zß-]{0,6}$/), { maxLength: 6 })
    fc.assert(
      fc.property(words, (ws) => {
        const reference = ws.flatMap((w) => w.split('-')).filter((w) => w !== '' && !skip.has(w.toLowerCase())).map((w) => (w[0] ?? '').toUpperCase()).join('')
        expect(initialsOf(ws, skip)).toBe(reference)
      }),
    )
  })

  it('keeps a key worked out with its token only: a copy with other words, or one sent to another thread, works out its own', () => {
    const [token] = analyzeText('Networks generalize.')[0]?.tokens ?? []
    expect(termKey(token!)).toBe('network')
    // A sentence's end made from a word (the digest does so): its key is its own, not the word's.
    const stop = { ...token!, text: '.', lower: '.', lemma: '.', pos: 'PUNCT' }
    expect(termKey(stop)).toBe('')
    expect(contentTerms([{ text: '.', tokens: [stop] }])).toEqual([])
    // Sent to a thread (structured clone) or compared, a token is its fields alone.
    expect(structuredClone(token)).toEqual(analyzeText('Networks generalize.')[0]?.tokens[0])
    expect(Object.keys(token!)).toEqual(['text', 'lower', 'lemma', 'pos', 'stop', 'kind'])
  })

  it('reads the words of a key phrase as a noun phrase, alone as in a sentence: bounds are not "bind"', () => {
    expect(normalizePhrase('PAC-Bayes Bound')).toBe('pacbayes bound')
    expect(normalizePhrase('Generalization Bounds')).toBe('generalization bound')
    expect(normalizePhrase('Masked Autoencoders')).toBe('masked autoencoder')
    expect(normalizePhrase('Tempered Overfitting')).toBe('tempered overfitting')
    const inText = keywordCandidates(prepareText({ title: '', text: 'We prove new PAC-Bayes bounds and sample complexity bounds.' })).map((c) => c.key)
    expect(inText).toContain(normalizePhrase('PAC-Bayes Bound'))
    expect(inText).toContain(normalizePhrase('Sample Complexity Bound'))
  })

  it('singularizes conservatively', () => {
    expect(['kernels', 'dynamics', 'bias', 'loss', 'series', 'theories'].map(singularize)).toEqual(['kernel', 'dynamics', 'bias', 'loss', 'series', 'theory'])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanLatex, readableText } from './latex.js'

describe('cleanLatex', () => {
  it.each([
    ['when $N \\asymp d$, the dimension', 'when N ≍ d, the dimension'],
    ['we call them \\textit{clones} here', 'we call them clones here'],
    ['a \\emph{tensor program} view', 'a tensor program view'],
    ['in $\\mathcal{O}(n)$ time', 'in O(n) time'],
    ["R\\'{e}nyi entropy", 'Rényi entropy'],
    ["Schr\\\"odinger and R\\'enyi", 'Schrödinger and Rényi'],
    ["the ``grokking'' phenomenon", 'the “grokking” phenomenon'],
    ['a late ``edge of stability" regime', 'a late “edge of stability” regime'],
    // A TeX quote a source made typographic one mark at a time (Turing's DELILAH report, Semantic Scholar).
    ['so that some further process or ‘‘recipher’’ is usually applied', 'so that some further process or “recipher” is usually applied'],
    ["`Scaling laws' refers to power-law decreases", '‘Scaling laws’ refers to power-law decreases'],
    ["the `model's output' and `x'.", "the ‘model's output’ and ‘x’."],
    ['needs $n \\gtrsim d^2$ samples', 'needs n ≳ d^2 samples'],
    ['rate $M^{-\\frac{2β}{2β+1}}$', 'rate M^(-2β/(2β+1))'],
    ['as shown \\cite{amit2022ipm}.', 'as shown.'],
    // A citation's frame goes with it: brackets, `see`, `cf.`.
    ['as shown in (\\cite{a}).', 'as shown in.'],
    ['the method (see \\cite{x, y}) works', 'the method works'],
    ['For details, see \\cite{x}.', 'For details.'],
    ['prior work~\\citep{a,b} shows', 'prior work shows'],
    ['as in earlier work, cf. \\cite{a}; we', 'as in earlier work; we'],
    ['as reported before, \\cite{x}.', 'as reported before.'],
    // A textual citation is part of the sentence: written out when its key reads as name and year.
    ['the output of an algorithm from \\citet{lambert2022variational} has', 'the output of an algorithm from Lambert (2022) has'],
    ['as \\citet{smith2020a, doe2021b} show', 'as Smith (2020), Doe (2021) show'],
    ['as \\citet{x} show', 'as show'],
    ['the framework briefly introduced in \\cite{amit2022ipm}. We', 'the framework briefly introduced in Amit (2022). We'],
    ['as shown by \\citep{smith2020a}', 'as shown by Smith (2020)'],
    ['see the appendix (with proofs)', 'see the appendix (with proofs)'],
    ['less than 1\\% of the parameters', 'less than 1% of the parameters'],
    ['a {\\em new} idea', 'a new idea'],
    ['for $p\\ge 4$', 'for p≥ 4'],
    // A page capture that lost the backslashes (the Hugging Face daily page in the corpus).
    ['reduce to PFGM when D{=}1 and to diffusion models when D{to}infty.', 'reduce to PFGM when D=1 and to diffusion models when D→∞.'],
    ['from diffusion models (D{to} infty) to any finite D', 'from diffusion models (D→ ∞) to any finite D'],
    ['the {Transformer} and {in} braces stay words', 'the Transformer and in braces stay words'],
    // Norms: the ℓp names read as written in prose, the bars of a norm as bars.
    ['with $\\ell_2$ regularization', 'with ℓ2 regularization'],
    ['the $\\ell_{1}$-norm and the $\\ell_\\infty$ ball', 'the ℓ1-norm and the ℓ∞ ball'],
    ['matrix recovery with ell_1-loss, where', 'matrix recovery with ℓ1-loss, where'],
    ['minimizes $\\|W\\|_F$ among', 'minimizes ‖W‖_F among'],
    ['$\\lVert x \\rVert_2 \\le \\lvert a \\rvert$', '‖x‖_2 ≤ |a|'],
    ['decays as $\\mathcal{O}(n^{-1/2})$ in', 'decays as O(n^(-1/2)) in'],
    // Sub- and superscripts keep a plain mark, their braces gone.
    ['the Lie group $GL^{+}(n, R)$ and weights $W_{ij}$', 'the Lie group GL^+(n, R) and weights W_ij'],
    ['a well_1 and an x_{i}', 'a well_1 and an x_i'],
  ])('cleans %j', (input, expected) => {
    expect(cleanLatex(input)).toBe(expected)
  })

  it('leaves text without LaTeX alone (except runs of spaces)', () => {
    // `--` and `---` are TeX dashes, so they are not plain text here.
    const plain = fc.stringMatching(/^[A-Za-z0-9 ,.;:()?!-]{0,80}$/).filter((t) => !t.includes('--'))
    fc.assert(
      fc.property(plain, (text) => {
        const out = cleanLatex(text)
        expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, '').replace(/\(\s*/g, '('))
      }),
    )
  })

  it('never leaves a dollar or a backslash behind', () => {
    const piece = fc.constantFrom('$x$', '\\alpha', '\\textbf{b}', '\\frac{1}{2}', "\\'{e}", '$\\mathbb{R}^d$', '\\unknowncmd', '{', '}', 'word', ' ', '\\%', '^{2}', '\\|', '\\ell_2', '\\lVert', '\\rvert')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const out = cleanLatex(parts.join(''))
        expect(out).not.toMatch(/[$\\]/)
      }),
    )
  })
})

describe('readableText', () => {
  it('cleans text that holds LaTeX, paragraph breaks kept', () => {
    expect(readableText('Diffusion models trained on finite datasets with $N$ samples')).toBe('Diffusion models trained on finite datasets with N samples')
    expect(readableText('occurs roughly when $N \\asymp d$.\n\nFor $N > d$, we find')).toBe('occurs roughly when N ≍ d.\n\nFor N > d, we find')
    expect(readableText("the ``grokking'' phenomenon")).toBe('the “grokking” phenomenon')
    expect(readableText("`Scaling laws' refers to power-law decreases")).toBe('‘Scaling laws’ refers to power-law decreases')
  })

  it('leaves plain text as written, dollars, tildes and dashes included', () => {
    for (const plain of ['It costs $5 per run and $6 per day', 'see ~user/notes -- later', 'a plain abstract.', 'the `code` and the authors\' view'])
      expect(readableText(plain)).toBe(plain)
  })
})

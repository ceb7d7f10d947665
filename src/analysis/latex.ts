/**
 * @module LaTeX in abstracts, digests and titles turned into readable text (`$N \asymp d$` → `N ≍ d`). Pure
 * and dependency-free: the text pipeline cleans before it reads, and the web app shows sources' abstracts
 * through the same function.
 */

const LATEX_SYMBOLS: Record<string, string> = {
  asymp: '≍', approx: '≈', sim: '∼', simeq: '≃', cong: '≅', propto: '∝', equiv: '≡',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', ll: '≪', gg: '≫',
  lesssim: '≲', gtrsim: '≳', to: '→', rightarrow: '→', leftarrow: '←', mapsto: '↦', Rightarrow: '⇒',
  infty: '∞', times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', circ: '∘', star: '⋆', ast: '∗',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', emptyset: '∅', forall: '∀', exists: '∃',
  partial: '∂', nabla: '∇', sum: 'Σ', prod: 'Π', int: '∫', sqrt: '√', ell: 'ℓ', log: 'log', exp: 'exp',
  ln: 'ln', sin: 'sin', cos: 'cos', min: 'min', max: 'max', arg: 'arg', det: 'det', dim: 'dim', tr: 'tr',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', ldots: '…', dots: '…', cdots: '⋯', quad: ' ', qquad: ' ', top: '⊤', dagger: '†',
  '%': '%', '&': '&', '#': '#', _: '_', $: '$', '{': '{', '}': '}', ',': ' ', ';': ' ', '!': '', ' ': ' ',
  textbackslash: '\\', textasciitilde: '~', S: '§',
  // Norms and absolute values: `\|W\|_F` → `‖W‖_F`.
  '|': '‖', Vert: '‖', vert: '|',
}

/**
 * Symbol names that, alone in braces, are a command whose backslash was lost (`{to}` → `→`); only names
 * that stand for a non-letter and are not English words a title might brace (`{in}`, `{top}`).
 */
const BRACED_SYMBOL = new Map(
  Object.entries(LATEX_SYMBOLS).filter(([name, symbol]) => name.length >= 2 && !/\p{L}/u.test(symbol) && !['in', 'top', 'int', 'star', 'quad', 'qquad'].includes(name)),
)

/** Commands whose argument is kept as plain text (`\textit{x}` → `x`). */
const TEXT_COMMANDS = new Set([
  'textit', 'textbf', 'texttt', 'textsc', 'textsf', 'textrm', 'textup', 'textnormal', 'text', 'emph', 'em', 'it',
  'bf', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'boldsymbol',
  'bm', 'operatorname', 'underline', 'overline', 'widetilde', 'tilde', 'hat', 'widehat', 'bar', 'vec', 'mbox',
  'hbox', 'small', 'footnotesize', 'large', 'Large', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
])
/** Commands dropped with their argument (references mean nothing in a digest). */
const DROPPED_COMMANDS = new Set(['cite', 'citet', 'citep', 'citealp', 'ref', 'eqref', 'label', 'footnote', 'url', 'href'])
const CITATIONS = new Set(['cite', 'citet', 'citep', 'citealp'])
/** Where a citation was, until the words and brackets that only framed it are gone too. */
const CITED = '\uE000'

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
}

/**
 * Turns the LaTeX found in abstracts and digests into readable text: math delimiters go, commands become
 * the symbols or words they stand for, text-style commands keep their argument, accents compose, and
 * TeX quotes become typographic quotes. Text without LaTeX comes back unchanged except for whitespace.
 * @example cleanLatex('$N \\asymp d$ and \\textit{clones} by R\\\'{e}nyi') // 'N ≍ d and clones by Rényi'
 */
export function cleanLatex(text: string): string {
  let s = text
  // TeX quotes a source already made typographic one mark at a time (``recipher'' → ‘‘recipher’’).
  s = s.replace(/``|‘‘/g, '“').replace(/''|’’/g, '”')
  // A TeX quote closed with a plain double quote (``edge of stability"): close it typographically too.
  s = s.replace(/“([^“”"\n]*)"/g, '“$1”')
  // Single TeX quotes (`scaling laws'): closed by the first apostrophe that no letter follows, so the
  // apostrophe of `the model's output' stays inside.
  s = s.replace(SINGLE_TEX_QUOTE, '‘$1’')
  // Accents: \'{e}, \'e, \"{a}, \"a, \c{c}
  s = s.replace(/\\(['`^"~=.])\s*(?:\{\s*(\\?[a-zA-Z])\s*\}|([a-zA-Z]))/g, (_m, acc: string, braced?: string, bare?: string) =>
    composeAccent(acc, braced ?? bare ?? ''),
  )
  s = s.replace(/\\([uvHckr])\s*\{\s*([a-zA-Z])\s*\}/g, (_m, acc: string, letter: string) => composeAccent(acc, letter))
  s = s.replace(/\\(?:i|j)\b/g, (m) => m.slice(1))
  // Fractions before generic commands: \frac{a}{b} → a/b
  for (let i = 0; i < 3; i++) {
    s = s.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, a: string, b: string) => `${wrapIfLong(a)}/${wrapIfLong(b)}`)
  }
  s = s.replace(/\\sqrt\s*\{([^{}]*)\}/g, (_m, a: string) => `√${wrapIfLong(a)}`)
  // A citation a preposition points at is part of the sentence too (`introduced in \cite{amit2022ipm}.`).
  s = s.replace(/\b(in|by|from|of|to|with|and|see|cf\.)(\s+)\\cite[pt]?\s*\{([^{}]*)\}/gi, (m, word: string, space: string, keys: string) => {
    const written = textualCitation(keys)
    return written === CITED ? m : `${word}${space}${written}`
  })
  // Commands with a braced argument, innermost first so nesting works.
  for (let i = 0; i < 4; i++) {
    s = s.replace(/\\([a-zA-Z]+)\*?\s*\{([^{}]*)\}/g, (m, name: string, arg: string) => {
      if (name === 'citet') return textualCitation(arg)
      if (CITATIONS.has(name)) return CITED
      if (DROPPED_COMMANDS.has(name)) return ''
      if (TEXT_COMMANDS.has(name)) return arg
      const symbol = LATEX_SYMBOLS[name]
      return symbol === undefined ? m : `${symbol}${arg}`
    })
  }
  // LaTeX whose backslashes a page capture lost: `D{to}infty` (was `D \to \infty`), `D{=}1`.
  s = s.replace(/\{([a-zA-Z]{2,})\}/g, (m, name: string) => BRACED_SYMBOL.get(name) ?? m).replace(/\binfty\b/g, '∞')
  // {\em x} and {\bf x}
  s = s.replace(/\{\\(?:em|it|bf|sc|tt|rm)\s+([^{}]*)\}/g, '$1')
  // A norm's bars hug what they enclose: `\lVert W \rVert` → `‖W‖`.
  s = s.replace(/\\l(V|v)ert(?![a-zA-Z])\s*/g, (_m, v: string) => (v === 'V' ? '‖' : '|')).replace(/\s*\\r(V|v)ert(?![a-zA-Z])/g, (_m, v: string) => (v === 'V' ? '‖' : '|'))
  // Bare commands: symbols, or the command name itself when unknown.
  s = s.replace(/\\([a-zA-Z]+|[%&#_${},;!| ])/g, (_m, name: string) => {
    if (TEXT_COMMANDS.has(name) || DROPPED_COMMANDS.has(name)) return ''
    return LATEX_SYMBOLS[name] ?? name
  })
  // A dropped citation takes its frame along: `(\cite{a})`, `(see \cite{a, b})`, `see \cite{a}`, `cf. \cite{a}`.
  if (s.includes(CITED)) {
    s = s
      .replace(/\s*\(\s*(?:(?:see|cf\.|e\.g\.,?)\s*)?(?:\uE000[\s,;]*)+\)/gi, '')
      .replace(/(?:,\s*)?\b(?:see|cf\.)\s+\uE000(?=\s*[.;:])/gi, '')
      .replace(/\b(?:see|cf\.)\s+\uE000/gi, '')
      .replace(/,\s*\uE000(?=\s*[.;:])/g, '')
      .replace(/\uE000/g, '')
  }
  // Math delimiters and grouping braces.
  s = s.replace(/\$\$?/g, '').replace(/\\[()[\]]/g, '')
  // The ℓp norms are names, written as such (`\ell_2` → `ℓ2`, `\ell_{\infty}` → `ℓ∞`), also where a capture lost
  // the backslash (`ell_1-loss`). The `infty` pass above has left `\infty` as `\∞`.
  s = s.replace(/(?:ℓ|\bell(?=_))_(?:\{\s*([0-9]+|[a-zA-Z]|\\?∞)\s*\}|([0-9]+|[a-zA-Z]|\\?∞)(?![\p{L}\p{N}]))/gu, (_m, braced?: string, bare?: string) => `ℓ${(braced ?? bare ?? '').replace('\\', '')}`)
  s = s.replace(/\^\{([^{}]*)\}/g, (_m, a: string) => `^${wrapIfLong(a)}`).replace(/_\{([^{}]*)\}/g, (_m, a: string) => `_${wrapIfLong(a)}`)
  s = s.replace(/[{}]/g, '')
  s = s.replace(/~/g, ' ').replace(/---/g, '—').replace(/(\S)--(\S)/g, '$1–$2')
  s = s.replace(/\\/g, '')
  return s.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\s+([,.;:)])/g, '$1').replace(/\(\s+/g, '(').trim()
}

/**
 * A textual citation is part of the sentence (`the algorithm of \citet{lambert2022variational} has`), so it
 * is written out from its keys when they read as name and year (`Lambert (2022)`), else dropped.
 */
function textualCitation(keys: string): string {
  const cited: string[] = []
  for (const key of keys.split(',')) {
    const m = /^([a-z]+)[-_:]?((?:19|20)\d\d)/i.exec(key.trim())
    if (!m?.[1] || !m[2]) return CITED
    cited.push(`${m[1].charAt(0).toUpperCase()}${m[1].slice(1).toLowerCase()} (${m[2]})`)
  }
  return cited.join(', ')
}

function composeAccent(accent: string, letter: string): string {
  const base = letter.replace(/^\\/, '')
  const mark = ACCENTS[accent]
  return mark === undefined ? base : `${base}${mark}`.normalize('NFC')
}

function wrapIfLong(expr: string): string {
  const e = expr.trim()
  return e.length <= 1 || /^[\p{L}\p{N}]+$/u.test(e) ? e : `(${e})`
}


/**
 * Math in dollars (no space just inside them, no digit right after: not `$5 and $6`), math opened with a
 * letter or a command (`$N`, cut off by a preview), a backslash command, TeX quotes (double or single) or a
 * `{\em …}` group.
 */
const SINGLE_TEX_QUOTE = /(?<![\w`])`([^`'\s](?:[^`\n]{0,200}?[^\s`])?)'(?![A-Za-z])/g
const LOOKS_LIKE_LATEX = new RegExp(String.raw`\$[^$\s](?:[^$]*[^$\s])?\$(?!\d)|\$[A-Za-z\\]|\\[a-zA-Z]|\x60\x60|${SINGLE_TEX_QUOTE.source}|\{\\`)

/**
 * The Greek letter a LaTeX command names (`rho` → `ρ`, `Phi` → `Φ`), or null for any other name.
 * @example greekLetter('rho') // 'ρ'
 */
export function greekLetter(name: string): string | null {
  const symbol = Object.hasOwn(LATEX_SYMBOLS, name) ? LATEX_SYMBOLS[name] : undefined
  return symbol !== undefined && /^[\p{Script=Greek}]$/u.test(symbol) ? symbol : null
}

/** True when a text holds LaTeX that {@link cleanLatex} would make readable. */
export function hasLatex(text: string): boolean {
  return LOOKS_LIKE_LATEX.test(text)
}

/**
 * Text for reading: cleaned when it holds LaTeX, otherwise unchanged (a price of `$5` or a `~user` path in
 * plain text stays as written).
 * @example readableText('with $N$ samples') // 'with N samples'
 */
export function readableText(text: string): string {
  return hasLatex(text) ? cleanLatex(text) : text
}

/** @module Plain-text tables for the evaluation report. */

/** A number with three decimals. */
export function num(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a'
}

/** Left-aligned first column, right-aligned others, separated by two spaces. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)))
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** Short column names for topic labels: initials of each word (`Neural Tangent Kernel` → `NTK`). */
export function abbreviate(label: string): string {
  const words = label.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !/^(and|with|of|the|in)$/i.test(w))
  return words.length === 1 ? (words[0] ?? label).slice(0, 4) : words.map((w) => w[0]?.toUpperCase() ?? '').join('')
}

/** A confusion matrix with abbreviated column heads and a legend. */
export function formatConfusion(labels: readonly string[], matrix: ReadonlyArray<readonly number[]>): string {
  const heads = labels.map(abbreviate)
  const rows = labels.map((l, i) => [`${l} (${heads[i]})`, ...(matrix[i] ?? []).map((v) => (v === 0 ? '.' : String(v)))])
  return formatTable(['gold \\ predicted', ...heads], rows)
}

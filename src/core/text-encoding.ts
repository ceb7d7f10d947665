/** @module Text encodings: telling a text file's encoding from its first bytes, and repairing UTF-8 read as Latin-1. */

/** UTF-16 by its BOM, or by NUL in every other byte of the first KB (ASCII text stored as UTF-16). */
export function detectUtf16(
  bytes: Uint8Array,
): { encoding: 'utf-16le' | 'utf-16be'; bomLength: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1)
  if (sample.length < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++
    if (sample[i + 1] === 0) oddNul++
  }
  const pairs = sample.length / 2
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.1) return { encoding: 'utf-16le', bomLength: 0 }
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.1) return { encoding: 'utf-16be', bomLength: 0 }
  return null
}

// Windows-1252 reads bytes 0x80-0x9F as these characters (`€`, `‚`, ... `Ÿ`); the five it leaves unassigned
// (here `_`) come through as the C1 controls of Latin-1, which map back by themselves. Written out: Node 20's
// TextDecoder('windows-1252') decodes as Latin-1.
const CP1252_HIGH = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ'
const CP1252_BYTES: ReadonlyMap<string, number> = new Map(
  [...CP1252_HIGH].map((char, i) => [char, 0x80 + i] as const).filter(([char]) => char !== '_'),
)

/** A character that starts a UTF-8 sequence (0xC2-0xF4) read as Latin-1, then one that continues it (0x80-0xBF). */
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${[...CP1252_BYTES.keys()].join('')}]`, 'gu')
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Repairs text that is UTF-8 read as Latin-1 or Windows-1252 (`RamÃ­rez` for `Ramírez`, `â€™` for `’`):
 * the repaired text, or null when there is nothing to repair. Conservative: the whole text must turn back into
 * bytes that are valid UTF-8, and the result must hold fewer such sequences, so a real `Ã` (`São`, `João`,
 * `Ãlvaro`) and text mixing right and wrong spellings are left as they are.
 * @example repairDoubleEncodedUtf8('JosÃ© RaÃºl Romero') // 'José Raúl Romero'
 * @example repairDoubleEncodedUtf8('São Paulo') // null
 */
export function repairDoubleEncodedUtf8(text: string): string | null {
  const before = text.match(MOJIBAKE)?.length ?? 0
  if (before === 0) return null
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    const byte = code <= 0xff ? code : CP1252_BYTES.get(char)
    if (byte === undefined) return null
    bytes.push(byte)
  }
  let repaired: string
  try {
    repaired = UTF8.decode(Uint8Array.from(bytes))
  } catch {
    return null
  }
  const after = repaired.match(MOJIBAKE)?.length ?? 0
  return after < before ? repaired : null
}

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

/**
 * windows-1252 for bytes 0x80–0x9F (the rest of the byte range is Latin-1 itself). Written out because Node's
 * `TextDecoder('latin1')` and `TextDecoder('windows-1252')` decode these bytes as C1 controls, which would turn
 * every `•` and `’` of a Latin-1 file into binary. The five bytes windows-1252 leaves unassigned stay C1 controls.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Decodes bytes as windows-1252, what files called "Latin-1" almost always are. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  return text
}

/** The byte windows-1252 writes each of its characters above 0xFF as (`€` 0x80); the C1 controls map back by themselves. */
const CP1252_BYTES: ReadonlyMap<string, number> = new Map(
  [...WINDOWS_1252_HIGH].map((char, i) => [char, 0x80 + i] as const).filter(([char]) => char.codePointAt(0)! > 0xff),
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

/** @module Telling a text file's encoding from its first bytes, for every reader of text files. */

/** UTF-16 by its BOM, or by NUL in every other byte of the first KB (ASCII text stored as UTF-16). */
export function detectUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bomLength: number } | null {
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

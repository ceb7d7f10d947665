import { describe, expect, it } from 'vitest'
import { repairDoubleEncodedUtf8 } from './text-encoding.js'

describe('repairDoubleEncodedUtf8', () => {
  it('repairs UTF-8 that was read as Latin-1 or Windows-1252', () => {
    expect(repairDoubleEncodedUtf8('Aurora RamÃ­rez')).toBe('Aurora Ramírez')
    expect(repairDoubleEncodedUtf8('JosÃ© RaÃºl Romero')).toBe('José Raúl Romero')
    expect(repairDoubleEncodedUtf8('Ã‰mile CÃ´tÃ©')).toBe('Émile Côté')
    expect(repairDoubleEncodedUtf8('Rafa\u00c5\u0082 Kocielnik')).toBe('Rafał Kocielnik')
    expect(repairDoubleEncodedUtf8('itâ€™s â€œquotedâ€\u009d')).toBe('it’s “quoted”')
    expect(repairDoubleEncodedUtf8('ä¸­æ–‡')).toBe('中文')
  })

  it('leaves text alone that is right as it is (null: nothing to repair)', () => {
    for (const text of [
      'São Paulo',
      'João',
      'Ãlvaro',
      'Ãgua',
      'plain ASCII',
      'Ramírez',
      'Côté',
      '中文',
      'a ± b',
      'Â',
    ])
      expect(repairDoubleEncodedUtf8(text), text).toBeNull()
  })

  it('leaves mixed text alone, where a repair could not be sure', () => {
    expect(repairDoubleEncodedUtf8('Ramírez and RamÃ­rez')).toBeNull()
    expect(repairDoubleEncodedUtf8('RamÃ­rez 中文')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { normalizeArxivId } from './source.js'

describe('normalizeArxivId', () => {
  it.each([
    ['arXiv:2103.14030v2', '2103.14030'],
    ['http://arxiv.org/abs/astro-ph/0601001v1', 'astro-ph/0601001'],
    ['2606.12451', '2606.12451'],
    ['1501.00001', '1501.00001'],
    ['1412.8323', '1412.8323'],
    ['0704.0001', '0704.0001'],
    ['https://arxiv.org/pdf/1605.08386v1.pdf', '1605.08386'],
  ])('reads %s as %s', (input, expected) => expect(normalizeArxivId(input)).toBe(expected))

  it.each([
    ['2606.1245', 'from 1501 on the number after the dot has 5 digits'],
    ['1412.12345', 'up to 1412 it has 4'],
    ['0703.1234', 'new-style ids start in April 2007'],
    ['2613.12345', 'there is no 13th month'],
    ['2600.12345', 'nor a month 00'],
  ])('refuses %s: %s', (input) => expect(normalizeArxivId(input)).toBeNull())
})

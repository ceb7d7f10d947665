import { describe, expect, it } from 'vitest'
import { readXml } from './xml.js'

const text = (payload: string) => {
  const xml = readXml(payload)
  if (!xml.ok) throw new Error(xml.reason)
  return xml.doc['t']
}

describe('readXml', () => {
  it('decodes decimal and hex character references, in text and in attributes', () => {
    expect(text('<t>Spi&#233;ker Caf&#xE9; &#x1D49C;</t>')).toBe('Spiéker Café 𝒜')
    expect(text('<t a="Spi&#233;ker">x</t>')).toEqual({ '#text': 'x', '@_a': 'Spiéker' })
  })

  it('decodes the five XML entities, once', () => {
    expect(text('<t>&amp; &lt;x&gt; &quot;&apos;</t>')).toBe(`& <x> "'`)
    expect(text('<t>&amp;lt; &amp;#233; &amp;amp;</t>')).toBe('&lt; &#233; &amp;')
  })

  it('keeps CDATA as written', () => {
    expect(text('<t><![CDATA[a &#233; <b>]]></t>')).toBe('a &#233; <b>')
  })
})

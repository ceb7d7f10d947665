import { describe, expect, it } from 'vitest'
import { decodeHtmlEntities, htmlToPlainText } from './html-text.js'

const collapsed = (text: string) => htmlToPlainText(text).replace(/\s+/g, ' ').trim()

describe('decodeHtmlEntities', () => {
  it('decodes decimal and hex references, astral ones included', () => {
    expect(decodeHtmlEntities('Spi&#233;ker &#xE9;&#XE9; &#x1D49C; &#8211;')).toBe('Spiéker éé 𝒜 –')
  })

  it('decodes the XML five and the common named HTML entities', () => {
    expect(decodeHtmlEntities('&amp; &lt; &gt; &quot; &apos; &nbsp;')).toBe('& < > " \' \u00a0')
    expect(
      decodeHtmlEntities(
        'Caf&eacute; na&iuml;ve &Ccedil; &szlig; &alpha;&beta;&Omega; &ndash;&mdash;&hellip; &rsquo;&ldquo;&rdquo; &euro;&trade; &le;&ge;&times;&minus;',
      ),
    ).toBe('Café naïve Ç ß αβΩ –—… ’“” €™ ≤≥×−')
  })

  it('maps every Latin-1 and Greek name to its own letter', () => {
    expect(
      decodeHtmlEntities('&nbsp;&iexcl;&THORN;&szlig;&yuml; &Rho;&Sigma;&Omega; &rho;&sigmaf;&sigma;&omega;'),
    ).toBe('\u00a0¡Þßÿ ΡΣΩ ρςσω')
  })

  it('decodes once: an escaped entity stays the text it is', () => {
    expect(decodeHtmlEntities('&amp;lt; &amp;#233; &amp;amp;')).toBe('&lt; &#233; &amp;')
  })

  it('leaves what is no reference alone: unknown names, a bare &, references to no character', () => {
    expect(decodeHtmlEntities('AT&T &madeup; a & b &#0; &#xD800; &#x110000; &#;')).toBe(
      'AT&T &madeup; a & b &#0; &#xD800; &#x110000; &#;',
    )
  })
})

describe('htmlToPlainText', () => {
  it("strips publishers' markup to its text", () => {
    expect(
      htmlToPlainText('<i>In vivo</i> H<sub>2</sub>O and <scp>Sars</scp>&#x2010;CoV in <b>E. coli</b>'),
    ).toBe('In vivo H2O and Sars‐CoV in E. coli')
    expect(collapsed('<jats:title>A</jats:title><jats:p>B <jats:italic>c</jats:italic></jats:p>')).toBe(
      'A B c',
    )
    expect(collapsed('<span class="x" style=\'a\'>text</span><br/>next')).toBe('text next')
    expect(htmlToPlainText('x<mml:math><mml:msup><mml:mi>e</mml:mi></mml:msup></mml:math>')).toBe('xe')
  })

  it('keeps text that only looks like markup: a < b, x<y, a <b and c> d', () => {
    expect(htmlToPlainText('a < b and x<y, p<0.05, <<ok>>, <s> and </s> tokens')).toBe(
      'a < b and x<y, p<0.05, <<ok>>, <s> and </s> tokens',
    )
    expect(htmlToPlainText('a <b and c> d')).toBe('a <b and c> d')
  })

  it('decodes after stripping, so escaped markup is shown as text and never stripped', () => {
    expect(htmlToPlainText('&lt;i&gt;not a tag&lt;/i&gt; &amp; Caf&eacute;')).toBe('<i>not a tag</i> & Café')
  })
})

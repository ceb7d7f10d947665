/** @module Reading arXiv's XML (Atom and OAI-PMH) with fast-xml-parser: validated first, namespaces dropped. */
import { createRequire } from 'node:module'
import type * as FastXmlParser from 'fast-xml-parser'

/** Elements that may repeat; always arrays, so one entry and many look the same. */
const REPEATED = new Set(['entry', 'author', 'category', 'link', 'record', 'error', 'affiliation'])

// Loaded on the first payload, through its CommonJS build (9 ms instead of 47 ms as an ES module): every
// command loads this module with the source registry, and only `sync` reads XML.
let xml: { parser: FastXmlParser.XMLParser; validator: typeof FastXmlParser.XMLValidator } | null = null

function loadXml(): NonNullable<typeof xml> {
  if (xml) return xml
  const { XMLParser, XMLValidator } = createRequire(import.meta.url)(
    'fast-xml-parser',
  ) as typeof FastXmlParser
  xml = { parser: createParser(XMLParser), validator: XMLValidator }
  return xml
}

const createParser = (XMLParser: typeof FastXmlParser.XMLParser): FastXmlParser.XMLParser =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Keep every value a string: `1605.08386` must not become a number.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Character references (`Spi&#233;ker`, `&#xE9;`) are plain XML, but fast-xml-parser 5.12 decodes them only
    // with `htmlEntities`: its decoder allows numeric references exactly when that option is on. It decodes in one
    // pass (`&amp;lt;` stays `&lt;`); the named HTML ones it adds (`&nbsp;`, `&copy;`) are not valid XML anyway.
    // xml.test.ts checks this, so a version that changes it fails there.
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  })

export type XmlNode = Record<string, unknown>

/** Parses XML, or says why it is not well-formed (with the line, for a cut or broken payload). */
export function readXml(
  payload: string,
): { ok: true; doc: XmlNode } | { ok: false; reason: string; line?: number } {
  if (payload.trim() === '') return { ok: false, reason: 'the payload is empty' }
  const { parser, validator } = loadXml()
  const valid = validator.validate(payload)
  if (valid !== true) {
    return { ok: false, reason: `invalid XML (${valid.err.msg})`, line: valid.err.line }
  }
  return { ok: true, doc: parser.parse(payload) as XmlNode }
}

/** The text of an element, whether the parser gave a string or an object with `#text` (attributes present). */
export function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node
  if (node && typeof node === 'object' && '#text' in node) {
    const text = (node as { '#text': unknown })['#text']
    return typeof text === 'string' ? text : null
  }
  return null
}

/**
 * The text of an element that should occur once, and how many times it occurs: when a payload repeats it, the
 * first is the one read (the caller says so).
 */
export function firstTextOf(node: unknown): { text: string | null; count: number } {
  if (Array.isArray(node)) return { text: textOf(node[0]), count: node.length }
  return { text: textOf(node), count: node === undefined ? 0 : 1 }
}

/** An attribute of an element, or null. */
export function attrOf(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object') return null
  const value = (node as Record<string, unknown>)[`@_${name}`]
  return typeof value === 'string' ? value : null
}

/** A child element as an object (empty object when absent or text-only). */
export function child(node: unknown, name: string): XmlNode {
  if (!node || typeof node !== 'object') return {}
  const value = (node as XmlNode)[name]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : {}
}

/** A repeated child element as an array. */
export function children(node: unknown, name: string): unknown[] {
  if (!node || typeof node !== 'object') return []
  const value = (node as XmlNode)[name]
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

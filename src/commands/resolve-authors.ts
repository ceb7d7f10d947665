/**
 * @module Turns the names on a merged paper into people. A full name is the same person wherever it
 * appears; an abbreviated one (`E. Paquette`) joins a known person only with evidence: a co-author in
 * common. Everyone else becomes a new person.
 */
import { nameBlockKey, nameKey, namesCompatible, parseName, type MergedAuthor } from '../library/index.js'
import type { PaperWriter, PaperWriteAuthor } from '../store/index.js'

function isAbbreviated(name: string): boolean {
  const { given } = parseName(name)
  return given.length > 0 && given.every((g) => g.length === 1)
}

/**
 * Resolves every author of one paper to an author id, creating people as needed and recording every
 * spelling as a name variant.
 */
export async function resolveAuthors(tx: PaperWriter, authors: readonly MergedAuthor[]): Promise<PaperWriteAuthor[]> {
  const ids: Array<string | null> = []
  const used = new Set<string>()
  // Pass 1: full spellings identify a person directly.
  for (const author of authors) {
    let found: string | null = null
    for (const variant of author.variants.filter((v) => !isAbbreviated(v))) {
      const known = (await tx.findAuthorIdsByNameKey(nameKey(variant))).find((id) => !used.has(id))
      if (known) {
        found = known
        break
      }
    }
    if (found) used.add(found)
    ids.push(found)
  }
  // Pass 2: abbreviated-only names need a co-author in common with someone already resolved.
  const evidence = ids.filter((id): id is string => id !== null)
  for (const [i, author] of authors.entries()) {
    if (ids[i]) continue
    const candidates = (await tx.findAuthorsByBlockKey(nameBlockKey(author.name))).filter(
      (c) => !used.has(c.id) && c.variants.some((v) => author.variants.every((w) => namesCompatible(v, w))),
    )
    const vouched: string[] = []
    for (const c of candidates) if (await tx.hasCoAuthored(c.id, evidence)) vouched.push(c.id)
    if (vouched.length === 1) {
      ids[i] = vouched[0]!
      used.add(vouched[0]!)
    }
  }
  const resolved: PaperWriteAuthor[] = []
  for (const [i, author] of authors.entries()) {
    let id = ids[i] ?? null
    if (!id) {
      id = await tx.createAuthor({ name: author.name, nameKey: nameKey(author.name), blockKey: nameBlockKey(author.name) })
      used.add(id)
    }
    await tx.addAuthorNames(
      id,
      author.variants.map((name) => ({ name, nameKey: nameKey(name) })),
    )
    resolved.push({ authorId: id, name: author.name, position: author.position })
  }
  return resolved
}

/** The person a profile page is about: an existing author with that full name, or a new one. */
export async function resolveProfileOwner(tx: PaperWriter, name: string): Promise<string> {
  const known = await tx.findAuthorIdsByNameKey(nameKey(name))
  if (known[0]) return known[0]
  const id = await tx.createAuthor({ name, nameKey: nameKey(name), blockKey: nameBlockKey(name) })
  return id
}

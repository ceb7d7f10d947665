/**
 * @module Turns the names on a merged paper into people. A source's own author id names one person
 * (`semantic-scholar:2259683` is `E. Duflo` on every paper that source gives that id). Without one, a full
 * name is the same person wherever it appears, and an abbreviated one (`E. Paquette`) joins a known person
 * only with evidence: a co-author in common. Two people that one source gives different ids stay two, even
 * under the same full name. Everyone else becomes a new person.
 */
import {
  nameBlockKey,
  nameKey,
  namesCompatible,
  parseName,
  profileAuthorIds,
  sourceIdsConflict,
  type MergedAuthor,
} from '../library/index.js'
import type { AuthorProfileRecord } from '../core/index.js'
import type { PaperWriter, PaperWriteAuthor } from '../store/index.js'

function isAbbreviated(name: string): boolean {
  const { given } = parseName(name)
  return given.length > 0 && given.every((g) => g.length === 1)
}

/** The first of `candidates` not taken on this paper and not known by another id of the same source. */
async function firstWithoutConflict(
  tx: PaperWriter,
  candidates: readonly string[],
  sourceIds: readonly string[],
  used: ReadonlySet<string>,
): Promise<string | null> {
  for (const id of candidates) {
    if (used.has(id)) continue
    if (sourceIds.length > 0 && sourceIdsConflict(await tx.listAuthorSourceIds(id), sourceIds)) continue
    return id
  }
  return null
}

/**
 * Resolves every author of one paper to an author id, creating people as needed and recording every
 * spelling as a name variant and every source id as theirs.
 */
export async function resolveAuthors(tx: PaperWriter, authors: readonly MergedAuthor[]): Promise<PaperWriteAuthor[]> {
  const ids: Array<string | null> = []
  const used = new Set<string>()
  // Pass 1: a source's id, then a full spelling, identifies a person directly.
  for (const author of authors) {
    let found = (await tx.findAuthorIdsBySourceIds(author.sourceIds)).find((id) => !used.has(id)) ?? null
    for (const variant of author.variants.filter((v) => !isAbbreviated(v))) {
      if (found) break
      found = await firstWithoutConflict(tx, await tx.findAuthorIdsByNameKey(nameKey(variant)), author.sourceIds, used)
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
    const only = vouched.length === 1 ? await firstWithoutConflict(tx, vouched, author.sourceIds, used) : null
    if (only) {
      ids[i] = only
      used.add(only)
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
    await tx.addAuthorSourceIds(id, author.sourceIds)
    resolved.push({ authorId: id, name: author.name, position: author.position })
  }
  return resolved
}

/**
 * The person a profile page is about: the one its source ids name, else an existing author with that full
 * name and no other id of the same source, else a new one.
 */
export async function resolveProfileOwner(
  tx: PaperWriter,
  profile: Pick<AuthorProfileRecord, 'name' | 'source' | 'key' | 'ids'>,
): Promise<string> {
  const sourceIds = profileAuthorIds(profile)
  const id =
    (await tx.findAuthorIdsBySourceIds(sourceIds))[0] ??
    (await firstWithoutConflict(tx, await tx.findAuthorIdsByNameKey(nameKey(profile.name)), sourceIds, new Set())) ??
    (await tx.createAuthor({ name: profile.name, nameKey: nameKey(profile.name), blockKey: nameBlockKey(profile.name) }))
  await tx.addAuthorSourceIds(id, sourceIds)
  return id
}

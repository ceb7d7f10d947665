/**
 * @module Turns the names on a merged paper into people. A source's own author id names one person
 * (`semantic-scholar:2259683` is `E. Duflo` on every paper that source gives that id), as long as the names
 * fit: a source that linked the wrong person is not believed. Without one, a full name is the same person
 * wherever it appears, and an abbreviated one (`E. Paquette`) joins a known person only with evidence: a
 * co-author in common; or, for two of a few abbreviated names on one paper, fitting people who have written
 * together, the only such pair. Two people that one source gives different ids stay two, even under the same full
 * name; a name without ids that several such people carry goes to the one with a co-author in common, else
 * to the first known (so which of them it joins can depend on import order). Everyone else becomes a new
 * person.
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

/** Abbreviated names on one paper beyond which none vouch for each other (pass 4 of {@link resolveAuthors}). */
const MAX_PAIRED_INITIALS = 4

function isAbbreviated(name: string): boolean {
  const { given } = parseName(name)
  return given.length > 0 && given.every((g) => g.length === 1)
}

/** True when one of `spellings` can be the person known by `names`. */
function namesFit(names: readonly string[], spellings: readonly string[]): boolean {
  return spellings.some((s) => names.some((n) => n === s || namesCompatible(n, s)))
}

/** The person these source ids name, when the names fit and the person is not taken on this paper. */
async function personBySourceIds(
  tx: PaperWriter,
  sourceIds: readonly string[],
  spellings: readonly string[],
  used: ReadonlySet<string>,
): Promise<string | null> {
  for (const id of await tx.findAuthorIdsBySourceIds(sourceIds)) {
    if (!used.has(id) && namesFit(await tx.listAuthorNames(id), spellings)) return id
  }
  return null
}

/** `candidates` not taken on this paper and not known by another id of the same source. */
async function withoutConflict(
  tx: PaperWriter,
  candidates: readonly string[],
  sourceIds: readonly string[],
  used: ReadonlySet<string>,
): Promise<string[]> {
  const kept: string[] = []
  for (const id of candidates) {
    if (used.has(id)) continue
    if (sourceIds.length > 0 && sourceIdsConflict(await tx.listAuthorSourceIds(id), sourceIds)) continue
    kept.push(id)
  }
  return kept
}

/** Records a person's source ids, leaving out one that another id of the same source already holds the place of. */
async function bindSourceIds(tx: PaperWriter, authorId: string, sourceIds: readonly string[]): Promise<void> {
  if (sourceIds.length === 0) return
  const known = await tx.listAuthorSourceIds(authorId)
  await tx.addAuthorSourceIds(
    authorId,
    sourceIds.filter((id) => !sourceIdsConflict(known, [id])),
  )
}

/**
 * Resolves every author of one paper to an author id, creating people as needed and recording every
 * spelling as a name variant and every source id as theirs.
 */
export async function resolveAuthors(tx: PaperWriter, authors: readonly MergedAuthor[]): Promise<PaperWriteAuthor[]> {
  const ids: Array<string | null> = authors.map(() => null)
  const used = new Set<string>()
  const take = (i: number, id: string): void => {
    ids[i] = id
    used.add(id)
  }
  // Pass 1: source ids, for every author before any name (an id is surer than a namesake's full name).
  for (const [i, author] of authors.entries()) {
    const found = await personBySourceIds(tx, author.sourceIds, author.variants, used)
    if (found) take(i, found)
  }
  // Pass 2: full spellings; of several people with the name, the one with a co-author here.
  for (const [i, author] of authors.entries()) {
    if (ids[i]) continue
    const candidates: string[] = []
    for (const variant of author.variants.filter((v) => !isAbbreviated(v)))
      for (const id of await tx.findAuthorIdsByNameKey(nameKey(variant))) if (!candidates.includes(id)) candidates.push(id)
    const open = await withoutConflict(tx, candidates, author.sourceIds, used)
    if (open.length === 0) continue
    const evidence = ids.filter((id): id is string => id !== null)
    const vouched: string[] = []
    if (open.length > 1) for (const c of open) if (await tx.hasCoAuthored(c, evidence)) vouched.push(c)
    take(i, vouched.length === 1 ? vouched[0]! : open[0]!)
  }
  // Pass 3: abbreviated-only names need a co-author in common with someone already resolved.
  const evidence = ids.filter((id): id is string => id !== null)
  const open = new Map<number, string[]>()
  for (const [i, author] of authors.entries()) {
    if (ids[i]) continue
    const compatible = (await tx.findAuthorsByBlockKey(nameBlockKey(author.name)))
      .filter((c) => c.variants.some((v) => author.variants.every((w) => namesCompatible(v, w))))
      .map((c) => c.id)
    const candidates = await withoutConflict(tx, compatible, author.sourceIds, used)
    const vouched: string[] = []
    for (const c of candidates) if (await tx.hasCoAuthored(c, evidence)) vouched.push(c)
    if (vouched.length === 1) take(i, vouched[0]!)
    else if (candidates.length > 0) open.set(i, candidates)
  }
  // Pass 4: a few abbreviated names left, none vouched for: two of them vouch for each other when the people they
  // fit have written together and that pair is the only one either name has (`Seroussi, I. and Ringel, Z.`:
  // Inbar Seroussi and Zohar Ringel). Every pair is found before any is taken, so the order of the names does not
  // matter; among many such names (a large team) a pair is too likely to be chance, so none is taken.
  // A person a later name of pass 3 took is no one else's on this paper (a paper lists a person once).
  for (const [i, candidates] of open) {
    const free = candidates.filter((c) => !used.has(c))
    if (free.length > 0) open.set(i, free)
    else open.delete(i)
  }
  if (open.size >= 2 && open.size <= MAX_PAIRED_INITIALS) {
    const names = [...open.keys()]
    const pairs: Array<{ i: number; c: string; j: number; d: string }> = []
    for (const [x, i] of names.entries())
      for (const j of names.slice(x + 1))
        for (const c of open.get(i)!)
          for (const d of open.get(j)!) if (c !== d && (await tx.hasCoAuthored(c, [d]))) pairs.push({ i, c, j, d })
    const pairsOf = (n: number): number => pairs.filter((p) => p.i === n || p.j === n).length
    const people = (id: string): number => pairs.filter((p) => p.c === id || p.d === id).length
    for (const { i, c, j, d } of pairs)
      if (pairsOf(i) === 1 && pairsOf(j) === 1 && people(c) === 1 && people(d) === 1 && !used.has(c) && !used.has(d)) {
        take(i, c)
        take(j, d)
      }
  }
  const resolved: PaperWriteAuthor[] = []
  for (const [i, author] of authors.entries()) {
    let id = ids[i] ?? null
    if (!id) {
      id = await tx.createAuthor({ name: author.name, nameKey: nameKey(author.name), blockKey: nameBlockKey(author.name) })
      take(i, id)
    }
    await tx.addAuthorNames(
      id,
      author.variants.map((name) => ({ name, nameKey: nameKey(name) })),
    )
    await bindSourceIds(tx, id, author.sourceIds)
    resolved.push({ authorId: id, name: author.name, position: author.position })
  }
  return resolved
}

/**
 * The person a profile page is about: the one its source ids name (when the name fits), else an existing
 * author with that full name and no other id of the same source, else a new one.
 */
export async function resolveProfileOwner(
  tx: PaperWriter,
  profile: Pick<AuthorProfileRecord, 'name' | 'source' | 'key' | 'ids'>,
): Promise<string> {
  const sourceIds = profileAuthorIds(profile)
  const none = new Set<string>()
  const id =
    (await personBySourceIds(tx, sourceIds, [profile.name], none)) ??
    (await withoutConflict(tx, await tx.findAuthorIdsByNameKey(nameKey(profile.name)), sourceIds, none))[0] ??
    (await tx.createAuthor({ name: profile.name, nameKey: nameKey(profile.name), blockKey: nameBlockKey(profile.name) }))
  await bindSourceIds(tx, id, sourceIds)
  return id
}

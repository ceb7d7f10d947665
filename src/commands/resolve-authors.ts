/**
 * @module Turns the names on a merged paper into people. A source's own author id names one person
 * (`semantic-scholar:2259683` is `E. Duflo` on every paper that source gives that id), as long as the names
 * fit: a source that linked the wrong person is not believed. Without one, a full name is the same person
 * wherever it appears, and an abbreviated one (`E. Paquette`) joins a known person only with evidence: a
 * co-author in common; or, for two of a few abbreviated names on one paper, fitting people who have written
 * together, the only such pair. Two people that one source gives different ids stay two, even under the same full
 * name; a name without ids that several such people carry goes to the one with a co-author in common, else
 * to the first known. Everyone else becomes a new person. Then two people whose names fit and who share a
 * co-author are joined, when nothing tells them apart, so that a split made before the evidence arrived heals.
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

/** Abbreviated names on one paper beyond which no pair vouches, only a team (pass 4 of {@link resolveAuthors}). */
const MAX_PAIRED_INITIALS = 4
/** Abbreviated names on one paper beyond which pass 4 looks for no pairs at all (a collaboration's author list). */
const MAX_OPEN_INITIALS = 40

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
  const taken = sourceIds.filter((id) => !sourceIdsConflict(known, [id]))
  await tx.addAuthorSourceIds(authorId, taken)
  // A candidate profile (a search hit that named no person of the library) under one of these ids is this person's now.
  await tx.attachCandidateProfiles(authorId, taken.filter((id) => !known.includes(id)))
}

/**
 * Resolves every author of one paper to an author id, creating people as needed and recording every
 * spelling as a name variant and every source id as theirs. `onPaper`: the people the paper lists before it is
 * built again (none for a new paper).
 */
export async function resolveAuthors(
  tx: PaperWriter,
  authors: readonly MergedAuthor[],
  onPaper: readonly string[] = [],
): Promise<PaperWriteAuthor[]> {
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
    const stays = open.filter((id) => onPaper.includes(id))
    if (stays.length === 1) {
      take(i, stays[0]!)
      continue
    }
    const evidence = ids.filter((id): id is string => id !== null)
    const vouched = open.length > 1 ? await tx.filterCoAuthored(open, evidence) : []
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
    const stays = candidates.filter((id) => onPaper.includes(id))
    if (stays.length === 1) {
      take(i, stays[0]!)
      continue
    }
    const vouched = await tx.filterCoAuthored(candidates, evidence)
    // Several vouched for that can all be one person are that person split (the healing below joins them).
    if (vouched.length === 1 || (vouched.length > 1 && (await allCanBeOne(tx, vouched)))) take(i, vouched[0]!)
    else if (candidates.length > 0) open.set(i, candidates)
  }
  // Pass 4: abbreviated names left, none vouched for: two of them vouch for each other when the people they fit
  // have written together and that person is the only one either name has such a pair with (`Seroussi, I. and
  // Ringel, Z.`: Inbar Seroussi and Zohar Ringel; `K. Jamieson, A. Talwalkar, L. Li`: three such pairs). Every pair
  // is found before any is taken, so the order of the names does not matter. Among many such names (a large team)
  // a pair is too likely to be chance: then only a whole team is taken, every such name fitting one person and all
  // of those people having written with each other.
  // A person a later name of pass 3 took is no one else's on this paper (a paper lists a person once).
  for (const [i, candidates] of open) {
    const free = candidates.filter((c) => !used.has(c))
    if (free.length > 0) open.set(i, free)
    else open.delete(i)
  }
  if (open.size >= 2 && open.size <= MAX_OPEN_INITIALS) {
    const names = [...open.keys()]
    const pairs: Array<{ i: number; c: string; j: number; d: string }> = []
    for (const [x, i] of names.entries())
      for (const j of names.slice(x + 1))
        for (const c of open.get(i)!)
          for (const d of open.get(j)!) if (c !== d && (await tx.hasCoAuthored(c, [d]))) pairs.push({ i, c, j, d })
    const peopleOf = new Map<number, Set<string>>()
    const namesOf = new Map<string, Set<number>>()
    for (const { i, c, j, d } of pairs)
      for (const [n, p] of [[i, c], [j, d]] as const) {
        peopleOf.set(n, (peopleOf.get(n) ?? new Set()).add(p))
        namesOf.set(p, (namesOf.get(p) ?? new Set()).add(n))
      }
    const sure = (n: number, p: string): boolean => peopleOf.get(n)!.size === 1 && namesOf.get(p)!.size === 1
    const chosen = pairs.filter((p) => sure(p.i, p.c) && sure(p.j, p.d))
    const team = new Set(chosen.flatMap((p) => [p.i, p.j]))
    const allPaired = chosen.length === (team.size * (team.size - 1)) / 2
    if (open.size <= MAX_PAIRED_INITIALS || (team.size === open.size && allPaired))
      for (const { i, c, j, d } of chosen) {
        if (!ids[i]) take(i, c)
        if (!ids[j]) take(j, d)
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
  const survivors = await healAuthors(tx, resolved)
  return resolved.map((a) => ({ ...a, authorId: survivors.get(a.authorId) ?? a.authorId }))
}

/** True when every two of `people` can be one person (see {@link canBeOne}). */
async function allCanBeOne(tx: PaperWriter, people: readonly string[]): Promise<boolean> {
  for (const [x, a] of people.entries()) for (const b of people.slice(x + 1)) if (!(await canBeOne(tx, a, b))) return false
  return true
}

/**
 * True when two ids can be one person: every spelling of one fits every spelling of the other, no source gives them
 * different ids, and they never shared a paper (a paper lists a person once).
 */
async function canBeOne(tx: PaperWriter, a: string, b: string): Promise<boolean> {
  if (a === b) return true
  if (!spellingsFit(await tx.listAuthorNames(a), await tx.listAuthorNames(b))) return false
  if (sourceIdsConflict(await tx.listAuthorSourceIds(a), await tx.listAuthorSourceIds(b))) return false
  return !(await tx.hasCoAuthored(a, [b]))
}

function spellingsFit(a: readonly string[], b: readonly string[]): boolean {
  return a.every((x) => b.every((y) => x === y || namesCompatible(x, y)))
}

/** Ids kept apart at most this many at a time: a larger group of fitting names is joined by nothing. */
const MAX_HEAL_GROUP = 8
/** Groups looked at per paper for healing, around the paper's own people and those a join gave a co-author in common. */
const MAX_HEAL_CHECKS = 200

/**
 * Joins people the paper's authors turn out to be (issue: a split never healed): an id on the paper and another
 * whose spellings fit, sharing a co-author (one person, on any paper, this one included), with every other id
 * linked to them the same way, when all of them can be one person ({@link canBeOne}); a group in which two cannot
 * (`Y. Wang` linked to Yu Wang and to Yi Wang) is left as it is. A join gives people a co-author in common who
 * had two ids for them before, so their co-authors are looked at again. Returns the id each joined id became.
 */
async function healAuthors(tx: PaperWriter, authors: readonly PaperWriteAuthor[]): Promise<Map<string, string>> {
  const onPaper = authors.map((a) => a.authorId)
  // An abbreviated name is no evidence (see linkedGroup), unless the person it was taken for is known by a written-out
  // one: as a co-author on a stored paper they will count by that name, so they count by it here too.
  const writtenOut = new Set<string>()
  for (const a of authors) if (!isAbbreviated(a.name) || !isAbbreviated((await tx.getAuthor(a.authorId))?.name ?? '')) writtenOut.add(a.authorId)
  const became = new Map<string, string>()
  const current = (id: string): string => {
    let at = id
    while (became.has(at)) at = became.get(at)!
    return at
  }
  // Every link made before now was looked at when it was made (joined, or left for a reason that still holds), so an
  // id can join someone new only through a co-author it has just gained: the others on this paper, or the person a
  // join here made of a co-author of theirs. Looking for such a link first spares listing every co-author of every
  // author of every paper (a common name has thousands); an id a join here made is looked at whole.
  const queue: Array<{ id: string; through: readonly string[] | 'all' }> = onPaper.map((id) => ({ id, through: onPaper }))
  const joined = new Set<string>()
  for (let checks = 0; queue.length > 0 && checks < MAX_HEAL_CHECKS; ) {
    const next = queue.shift()!
    const id = current(next.id)
    const paper = new Set(onPaper.map(current))
    const paperWrittenOut = new Set([...writtenOut].map(current))
    if (!joined.has(id) && next.through !== 'all') {
      const through = next.through.map(current)
      const evidence = [...new Set(paper.has(id) ? through.filter((a) => paperWrittenOut.has(a)) : through)].filter((a) => a !== id)
      if (!(await fitsCoAuthorOf(tx, id, paper, evidence))) continue
    }
    checks++
    const group = await linkedGroup(tx, id, paper, paperWrittenOut)
    if (group.length < 2) continue
    const survivor = await pickSurvivor(tx, group)
    joined.add(survivor)
    for (const other of group)
      if (other !== survivor) {
        await tx.mergeAuthors(survivor, other)
        became.set(other, survivor)
      }
    if (!isAbbreviated((await tx.getAuthor(survivor))?.name ?? ''))
      for (const c of await namesakeCoAuthors(tx, survivor)) if (!paper.has(c)) queue.push({ id: c, through: [survivor] })
    queue.push({ id: survivor, through: 'all' })
  }
  const result = new Map<string, string>()
  for (const id of onPaper) if (current(id) !== id) result.set(id, current(id))
  return result
}

/**
 * The co-authors of `id` (its most frequent, as many as the store lists) that share a name block with another of
 * them: only they can fit someone else who has written with `id`.
 */
async function namesakeCoAuthors(tx: PaperWriter, id: string): Promise<string[]> {
  const byBlock = new Map<string, string[]>()
  for (const c of await tx.listCoAuthors(id, 100_000)) {
    const block = nameBlockKey(c.name)
    byBlock.set(block, [...(byBlock.get(block) ?? []), c.authorId])
  }
  return [...byBlock.values()].filter((ids) => ids.length > 1).flat()
}

/** The ids off the paper whose spellings fit every spelling of `id`. */
async function fittingOffPaper(tx: PaperWriter, id: string, paper: ReadonlySet<string>, names: readonly string[]): Promise<string[]> {
  const blocks = [...new Set(names.map(nameBlockKey))].filter((b) => !b.endsWith('|'))
  const fitting: string[] = []
  for (const block of blocks)
    for (const c of await tx.findAuthorsByBlockKey(block))
      if (c.id !== id && !paper.has(c.id) && !fitting.includes(c.id) && spellingsFit(names, c.variants)) fitting.push(c.id)
  return fitting
}

/** True when `id` fits someone off the paper who has written with one of `evidence`. */
async function fitsCoAuthorOf(tx: PaperWriter, id: string, paper: ReadonlySet<string>, evidence: readonly string[]): Promise<boolean> {
  if (evidence.length === 0) return false
  return (await tx.filterCoAuthored(await fittingOffPaper(tx, id, paper, await tx.listAuthorNames(id)), evidence)).length > 0
}

/** `id` and the ids linked to it (see {@link healAuthors}), or `id` alone when they cannot all be one. */
async function linkedGroup(tx: PaperWriter, id: string, paper: ReadonlySet<string>, paperWrittenOut: ReadonlySet<string>): Promise<string[]> {
  const members = [id]
  for (let k = 0; k < members.length; k++) {
    const member = members[k]!
    const fitting = (await fittingOffPaper(tx, member, paper, await tx.listAuthorNames(member))).filter((c) => !members.includes(c))
    if (fitting.length === 0) continue
    // The member's co-authors: those of its papers, and, for an author of this paper (not stored yet), the others on it.
    // Only co-authors with a written-out name vouch: two initials seen together again (`Seroussi, I.` beside an
    // `Alpha, A.` in two large teams) are as likely chance as a pair of them on one paper (pass 4).
    const coAuthors = new Set((await tx.listCoAuthors(member, 100_000)).filter((c) => !isAbbreviated(c.name)).map((c) => c.authorId))
    if (paper.has(member)) for (const other of paperWrittenOut) coAuthors.add(other)
    for (const m of members) coAuthors.delete(m)
    for (const c of await tx.filterCoAuthored(fitting, [...coAuthors])) {
      // A group two of which cannot be one is left as it is, so there is no need to find the rest of it.
      for (const m of members) if (!(await canBeOne(tx, m, c))) return [id]
      members.push(c)
      if (members.length > MAX_HEAL_GROUP) return [id]
    }
  }
  if (members.length < 2) return members
  // Ids on this paper are several people by definition; one of them can only join ids off the paper.
  if (members.filter((m) => paper.has(m)).length > 1) return [id]
  return (await allCanBeOne(tx, members)) ? members : [id]
}

/** The id a group keeps: one with a written-out name, then the one with most papers, then the first id. */
async function pickSurvivor(tx: PaperWriter, group: readonly string[]): Promise<string> {
  const ranked = await Promise.all(
    group.map(async (id) => {
      const author = await tx.getAuthor(id)
      return { id, full: author && !isAbbreviated(author.name) ? 1 : 0, papers: author?.paperCount ?? 0 }
    }),
  )
  ranked.sort((a, b) => b.full - a.full || b.papers - a.papers || (a.id < b.id ? -1 : 1))
  return ranked[0]!.id
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

/**
 * The person of the library a profile that only names someone is about (a search hit: an id and a name), found by
 * its source ids alone, whose names must fit; null when none holds them. A name alone is no evidence here: an
 * author search lists every namesake it has ('Alan Turing' five times, 'Turing Award', 'The Alan Turing Institute').
 */
export async function findProfileOwner(tx: PaperWriter, profile: Pick<AuthorProfileRecord, 'name' | 'source' | 'key' | 'ids'>): Promise<string | null> {
  const sourceIds = profileAuthorIds(profile)
  const id = await personBySourceIds(tx, sourceIds, [profile.name], new Set())
  if (id !== null) await bindSourceIds(tx, id, sourceIds)
  return id
}

import { describe, expect, it } from 'vitest'
import { cachedUntilChangeBy, openSqliteFile } from './database.js'

describe('cachedUntilChangeBy', () => {
  it('keeps each key until the library changes, the most recently read ones, and never a missing one', () => {
    const db = openSqliteFile(':memory:')
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)')
    db.exec("INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3)")
    const reads: string[] = []
    const value = cachedUntilChangeBy(
      db,
      (k: string) => {
        reads.push(k)
        return (db.prepare('SELECT v FROM t WHERE k = ?').get(k) as { v: number } | undefined)?.v ?? null
      },
      2,
    )
    expect([value('a'), value('a'), value('b')]).toEqual([1, 1, 2])
    expect(reads).toEqual(['a', 'b'])
    // 'a' read again is the most recent: 'b' goes when 'c' comes.
    value('a')
    value('c')
    value('a')
    value('b')
    expect(reads).toEqual(['a', 'b', 'c', 'b'])
    // A key with no value is asked each time, and takes no one's place.
    expect([value('zz'), value('zz')]).toEqual([null, null])
    expect(reads.slice(-2)).toEqual(['zz', 'zz'])
    db.exec("UPDATE t SET v = 10 WHERE k = 'a'")
    expect(value('a')).toBe(10)
    db.close()
  })
})

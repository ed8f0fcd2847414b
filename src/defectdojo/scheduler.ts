// Bounded concurrency without duplicate tests. DefectDojo's reimport looks a test up and creates it
// when missing, without a lock (docs/defectdojo-api.md §e caveat 2): two concurrent first uploads into
// one new test both create one. Distinct targets are guaranteed by the collision check; here, within
// each product/engagement the first upload runs alone (it creates the context), then the rest fan out.
import { mapLimit } from '../pool.js'

/** Runs `work` over items, at most `concurrency` at once; items of one group wait for their group's first. */
export async function runScheduled<T, R>(items: readonly T[], groupOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const leaderDone = new Map<string, Promise<void>>()
  const openGate = new Map<string, () => void>()
  const leaders = new Set<number>()
  items.forEach((item, index) => {
    const group = groupOf(item)
    if (leaderDone.has(group)) return
    leaders.add(index)
    leaderDone.set(group, new Promise<void>((resolve) => openGate.set(group, resolve)))
  })
  // Leaders first, so that every group starts as early as the pool allows; a waiting follower never
  // blocks a leader, so the pool cannot deadlock.
  const order = [...leaders, ...[...items.keys()].filter((index) => !leaders.has(index))]
  const results = new Array<R>(items.length)
  await mapLimit(order, concurrency, async (index) => {
    const item = items[index]!
    const group = groupOf(item)
    if (!leaders.has(index)) await leaderDone.get(group)
    try {
      results[index] = await work(item)
    } finally {
      // The gate opens whether the leader succeeded or failed: a failure creates nothing to race on.
      if (leaders.has(index)) openGate.get(group)!()
    }
  })
  return results
}

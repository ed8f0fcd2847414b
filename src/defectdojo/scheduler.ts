// Bounded concurrency without duplicate tests or engagements. DefectDojo's reimport looks a test up and
// creates it when missing, without a lock (docs/defectdojo-api.md §e caveat 2), and servers before 3.2.0
// did the same for engagements (§i). Distinct tests are guaranteed by the plan; here, a group (one
// product type / product / engagement) whose engagement does not exist yet first runs one upload alone,
// its smallest report (the server parses it fastest), which creates the context; the rest of that group
// start the moment it answers. A group whose engagement exists has nothing to race on: it fans out at once.
import { mapLimit } from '../pool.js'

export interface Schedule<T> {
  /** The product type / product / engagement an item creates if missing. */
  readonly groupOf: (item: T) => string
  /** Groups known to exist already: no leader, every item starts as soon as the pool allows. */
  readonly existing: ReadonlySet<string>
  /** The cost of an item (its size): a new group's leader is its cheapest. */
  readonly cost: (item: T) => number
}

/** Runs `work` over items, at most `concurrency` at once, in the order that keeps the pool busy. */
export async function runScheduled<T, R>(items: readonly T[], schedule: Schedule<T>, concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const leaders = new Map<string, number>()
  items.forEach((item, index) => {
    const group = schedule.groupOf(item)
    if (schedule.existing.has(group)) return
    const current = leaders.get(group)
    if (current === undefined || schedule.cost(item) < schedule.cost(items[current]!)) leaders.set(group, index)
  })
  const leaderDone = new Map<string, Promise<void>>()
  const openGate = new Map<string, () => void>()
  for (const group of leaders.keys()) leaderDone.set(group, new Promise<void>((resolve) => openGate.set(group, resolve)))
  const isLeader = new Set(leaders.values())
  // Leaders first, so that every new group starts as early as the pool allows; then the groups that
  // exist, which need not wait; then the followers of new groups. A waiting follower never blocks a
  // leader, so the pool cannot deadlock.
  const rest = [...items.keys()].filter((index) => !isLeader.has(index))
  const order = [...isLeader, ...rest.filter((index) => schedule.existing.has(schedule.groupOf(items[index]!))), ...rest.filter((index) => !schedule.existing.has(schedule.groupOf(items[index]!)))]
  const results = new Array<R>(items.length)
  await mapLimit(order, concurrency, async (index) => {
    const item = items[index]!
    const group = schedule.groupOf(item)
    if (!isLeader.has(index)) await leaderDone.get(group)
    try {
      results[index] = await work(item)
    } finally {
      // The gate opens whether the leader succeeded or failed: a failure creates nothing to race on.
      if (isLeader.has(index)) openGate.get(group)!()
    }
  })
  return results
}

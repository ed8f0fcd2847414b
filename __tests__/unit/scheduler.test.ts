import { describe, expect, it } from '@jest/globals'
import { runScheduled } from '../../src/defectdojo/scheduler.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('runScheduled', () => {
  it('never runs more than `concurrency` at once and keeps result order', async () => {
    let running = 0
    let peak = 0
    const items = Array.from({ length: 12 }, (_, i) => ({ i, group: `g${i % 3}` }))
    const out = await runScheduled(items, (x) => x.group, 4, async (x) => {
      running++
      peak = Math.max(peak, running)
      await sleep(10)
      running--
      return x.i * 2
    })
    expect(peak).toBe(4)
    expect(out).toEqual(items.map((x) => x.i * 2))
  })

  it('runs the first item of a group alone before the rest of that group start', async () => {
    const events: string[] = []
    const items = ['a1', 'a2', 'a3', 'b1', 'b2']
    await runScheduled(items, (x) => x[0]!, 4, async (x) => {
      events.push(`start ${x}`)
      await sleep(x.endsWith('1') ? 30 : 5)
      events.push(`end ${x}`)
    })
    for (const group of ['a', 'b']) {
      const leaderEnd = events.indexOf(`end ${group}1`)
      const followerStarts = events.filter((e) => e.startsWith(`start ${group}`) && !e.endsWith('1')).map((e) => events.indexOf(e))
      for (const start of followerStarts) expect(start).toBeGreaterThan(leaderEnd)
    }
    // The two leaders ran side by side.
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'))
  })

  it('opens the group when its leader fails', async () => {
    const done: string[] = []
    const results = await Promise.allSettled([
      runScheduled(['a1', 'a2'], () => 'a', 2, async (x) => {
        if (x === 'a1') throw new Error('boom')
        done.push(x)
      })
    ])
    expect(results[0]!.status).toBe('rejected')
    expect(done).toEqual(['a2'])
  })
})

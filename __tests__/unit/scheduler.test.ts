import { describe, expect, it } from '@jest/globals'
import { runScheduled, type Schedule } from '../../src/defectdojo/scheduler.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Items named `<group><n>`, costing what their second part says ("a3" costs 3). */
const by = (existing: string[] = []): Schedule<string> => ({ groupOf: (x) => x[0]!, existing: new Set(existing), cost: (x) => Number(x.slice(1)) })

describe('runScheduled', () => {
  it('never runs more than `concurrency` at once and keeps result order', async () => {
    let running = 0
    let peak = 0
    const items = Array.from({ length: 12 }, (_, i) => `${'abc'[i % 3]}${i}`)
    const out = await runScheduled(items, by(), 4, async (x) => {
      running++
      peak = Math.max(peak, running)
      await sleep(10)
      running--
      return `${x}!`
    })
    expect(peak).toBe(4)
    expect(out).toEqual(items.map((x) => `${x}!`))
  })

  it('runs the cheapest item of a new group alone before the rest of that group start', async () => {
    const events: string[] = []
    const items = ['a5', 'a2', 'a9', 'b7', 'b3']
    await runScheduled(items, by(), 4, async (x) => {
      events.push(`start ${x}`)
      await sleep(x === 'a2' || x === 'b3' ? 30 : 5)
      events.push(`end ${x}`)
    })
    for (const [group, leader] of [['a', 'a2'], ['b', 'b3']] as const) {
      const leaderEnd = events.indexOf(`end ${leader}`)
      const followerStarts = events.filter((e) => e.startsWith(`start ${group}`) && e !== `start ${leader}`).map((e) => events.indexOf(e))
      for (const start of followerStarts) expect(start).toBeGreaterThan(leaderEnd)
    }
    // The two leaders start first, side by side.
    expect(events.slice(0, 2).sort()).toEqual(['start a2', 'start b3'])
  })

  it('fans a group whose engagement exists out at once, and never waits for it', async () => {
    const events: string[] = []
    await runScheduled(['e1', 'e2', 'e3', 'e4'], by(['e']), 4, async (x) => {
      events.push(`start ${x}`)
      await sleep(10)
      events.push(`end ${x}`)
    })
    expect(events.slice(0, 4).every((e) => e.startsWith('start'))).toBe(true)
  })

  it('opens the group when its leader fails', async () => {
    const done: string[] = []
    const results = await Promise.allSettled([
      runScheduled(['a1', 'a2'], by(), 2, async (x) => {
        if (x === 'a1') throw new Error('boom')
        done.push(x)
      })
    ])
    expect(results[0]!.status).toBe('rejected')
    expect(done).toEqual(['a2'])
  })
})

// Scenario 3, run in a fresh Node by bench.ts: the action's real recognition (src/recognition/recognize.ts,
// the same code the bundle runs) on one big file, timed call by call, with the bytes it reads counted
// two independent ways:
//  - every FileHandle.read() of the process, wrapped (sniff.ts reads through fs/promises FileHandle);
//  - the kernel's count of bytes this process read, /proc/self/io `rchar`, before and after each call
//    (all read syscalls of every thread, whatever API issued them), minus what reading /proc/self/io
//    itself costs (calibrated with back-to-back reads).
// A process of its own so that no server or other I/O of the bench shows up in rchar.
//   node bench/recognition-child.ts <file> <calls>
import '../scripts/ts-resolve.ts'
import { readFileSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'

const [file, callsArg] = process.argv.slice(2)
if (!file) throw new Error('usage: recognition-child.ts <file> <calls>')
const calls = Math.max(1, Math.min(1000, Number(callsArg ?? 20)))

const { recognize } = await import('../src/recognition/recognize.ts')
const { HEAD_BYTES } = await import('../src/recognition/sniff.ts')

// Count every FileHandle.read of the process (FileHandle is not exported: take the prototype of one).
let handleBytes = 0
const probe = await open(file, 'r')
const proto = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => Promise<{ bytesRead: number }> }
await probe.close()
const originalRead = proto.read
proto.read = async function (this: unknown, ...args: unknown[]) {
  const result = await originalRead.apply(this, args)
  handleBytes += result.bytesRead
  return result
}

const rchar = (): number => Number(/^rchar:\s*(\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? Number.NaN)
// What one rchar() costs in rchar (the /proc read itself), median of a few back-to-back pairs.
const overheads: number[] = []
for (let i = 0; i < 9; i++) {
  const a = rchar()
  const b = rchar()
  overheads.push(b - a)
}
overheads.sort((x, y) => x - y)
const overhead = overheads[4]!

const candidate = { absolutePath: file, displayPath: basename(file), artifact: null, size: statSync(file).size }
const samples: Array<{ ms: number; handleBytes: number; rcharBytes: number }> = []
let scanType = ''
for (let i = 0; i <= calls; i++) {
  const before = handleBytes
  const r0 = rchar()
  const t0 = performance.now()
  const recognition = await recognize(candidate)
  const ms = performance.now() - t0
  const r1 = rchar()
  scanType = recognition.kind === 'report' ? recognition.scanType : `skipped: ${recognition.reason}`
  samples.push({ ms, handleBytes: handleBytes - before, rcharBytes: r1 - r0 - overhead })
}
proto.read = originalRead

// The first call is cold (JIT, first use of the parsers); the rest are what `median of N` reports.
const [cold, ...warm] = samples
const sorted = (values: number[]): number[] => values.sort((a, b) => a - b)
const med = (values: number[]): number => {
  const s = sorted([...values])
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
console.log(
  'BENCH_RESULT ' +
    JSON.stringify({
      size: candidate.size,
      headBytes: HEAD_BYTES,
      scanType,
      calls,
      coldMs: cold!.ms,
      medianMs: med(warm.map((s) => s.ms)),
      maxMs: Math.max(...warm.map((s) => s.ms)),
      coldHandleBytes: cold!.handleBytes,
      coldRcharBytes: cold!.rcharBytes,
      handleBytes: Math.max(...warm.map((s) => s.handleBytes)),
      rcharBytes: Math.max(...warm.map((s) => s.rcharBytes)),
      rcharOverhead: overhead
    })
)

// Starts a server on an ephemeral port of 127.0.0.1 (loopback only: no other network is reachable here).
import type { AddressInfo, Server } from 'node:net'

export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as AddressInfo).port
}

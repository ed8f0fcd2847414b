// The DefectDojo client in-process against the stand-in: what the e2e tests cannot see from outside.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DefectDojoClient, type UploadProgress } from '../../src/defectdojo/client.js'
import { startDojoServer, type DojoServer } from '../support/dojo-server.ts'

let dojo: DojoServer
let client: DefectDojoClient
beforeEach(async () => {
  dojo = await startDojoServer({ latencyMs: 200 })
  client = new DefectDojoClient({ baseUrl: dojo.url, token: dojo.token, network: { ca: null, cert: null, key: null, requestTimeoutMs: 10_000, connectTimeoutMs: 2000 } })
})
afterEach(async () => {
  await client.close()
  await dojo.close()
})

describe('DefectDojoClient', () => {
  it('counts the bytes it sends and notes when the body is done, for the heartbeat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-client-'))
    const file = join(dir, 'gitleaks.json')
    // 8 MiB: many body chunks.
    writeFileSync(file, JSON.stringify([{ RuleID: 'x', StartLine: 1, Secret: 's', File: 'f', Description: 'd'.repeat(8 * 1048576) }]))
    const progress: UploadProgress = { bytesSent: 0, sentAt: null }
    const before = Date.now()
    const answer = await client.upload(
      { endpoint: 'reimport-scan', fields: { scan_type: 'Gitleaks Scan', product_type_name: 'a', product_name: 'b', engagement_name: 'c', test_title: 't', auto_create_context: 'true' }, filePath: file, uploadName: 'gitleaks.json' },
      progress
    )
    expect(answer.testId).toBe(1)
    expect(progress.bytesSent).toBeGreaterThan(8 * 1048576)
    expect(progress.sentAt).not.toBeNull()
    expect(progress.sentAt!).toBeGreaterThanOrEqual(before)
    expect(dojo.uploads[0]!.file!.size).toBeGreaterThan(8 * 1048576)
  })

  it('sends repeated fields repeatedly (tags)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-client-'))
    const file = join(dir, 'g.json')
    writeFileSync(file, '[]')
    await client.upload({ endpoint: 'reimport-scan', fields: { scan_type: 'Gitleaks Scan', product_type_name: 'a', product_name: 'b', engagement_name: 'c', auto_create_context: 'true', tags: ['ci', 'main'] }, filePath: file, uploadName: 'g.json' })
    expect(dojo.uploads[0]!.fields.tags).toEqual(['ci', 'main'])
  })

  it('reads a test for reports whose answer carried no statistics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-client-'))
    const file = join(dir, 'g.json')
    writeFileSync(file, '[]')
    const answer = await client.upload({ endpoint: 'reimport-scan', fields: { scan_type: 'Gitleaks Scan', product_type_name: 'a', product_name: 'b', engagement_name: 'c', test_title: 'gl', auto_create_context: 'true' }, filePath: file, uploadName: 'g.json' })
    const test = await client.getTest(answer.testId!)
    expect(test).toMatchObject({ id: answer.testId, title: 'gl' })
    expect(await client.getTest(999)).toBeNull()
  })
})

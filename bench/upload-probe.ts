// Scenario 2's "why": one multipart upload of a big file to the stand-in, in a fresh Node, with a chosen
// technique, reporting the process's peak RSS and the time the request took. It isolates the upload
// technique from the rest of the action (same undici version the bundle carries, from node_modules).
//   node bench/upload-probe.ts <technique> <url> <token> <file>
// Techniques:
//   client          what src/defectdojo/client.ts does: undici request() with the body of src/defectdojo/multipart.ts,
//                   the file read into two 1 MiB buffers taken in turn (undici waits for 'drain' between chunks).
//   formdata-blob   what the client did before: undici FormData holding fs.openAsBlob(file), sent with
//                   undici.request() (undici turns the FormData into a web ReadableStream of the Blob's stream).
//   formdata-blob-gc the same, plus a full garbage collection every 8 MiB sent (v8 --expose-gc set at run time,
//                   driven by undici's bodyChunkSent diagnostics channel): bounds memory at the price of GC time.
//   iterable-stream the same request with the multipart body as an async iterable: the part header, then
//                   fs.createReadStream(file) chunks (1 MiB), then the closing boundary; Content-Length known up front.
//   node-http       node:http request, createReadStream(file).pipe(req) between the same header and trailer.
//   reused-buffers  node:http, the file read with FileHandle.read into two fixed 1 MiB buffers, each reused only
//                   after the socket has flushed it (write callback): no garbage per chunk.
//   baseline        no upload: what Node + undici cost loaded, for reference.
import { createReadStream, openAsBlob, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { basename } from 'node:path'
import { randomUUID } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Readable } from 'node:stream'
import { Agent, FormData, request } from 'undici'
import { multipartBody } from '../src/defectdojo/multipart.ts'

const [technique, url, token, fileArg] = process.argv.slice(2)
if (!technique || !url || !token || !fileArg) throw new Error('usage: upload-probe.ts <technique> <url> <token> <file>')
const file: string = fileArg

const fields: Record<string, string> = {
  scan_type: 'Gitleaks Scan', product_type_name: 'acme', product_name: 'web-probe', engagement_name: 'CI/CD',
  test_title: `gitleaks: probe ${technique}`, auto_create_context: 'true'
}
const endpoint = `${url}/api/v2/reimport-scan/`
const headers = { authorization: `Token ${token}`, accept: 'application/json' }
const size = statSync(file).size

function multipartFraming(): { boundary: string; head: Buffer; tail: Buffer; length: number } {
  const boundary = `----bench${randomUUID().replace(/-/g, '')}`
  let text = ''
  for (const [name, value] of Object.entries(fields)) text += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  text += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file)}"\r\nContent-Type: application/json\r\n\r\n`
  const head = Buffer.from(text)
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return { boundary, head, tail, length: head.length + size + tail.length }
}

async function upload(): Promise<number> {
  if (technique === 'baseline') return 0
  if (technique === 'formdata-blob' || technique === 'formdata-blob-gc') {
    if (technique === 'formdata-blob-gc') {
      setFlagsFromString('--expose-gc')
      const gc = runInNewContext('gc') as () => void
      let sent = 0
      subscribe('undici:request:bodyChunkSent', (message) => {
        sent += (message as { chunk: { byteLength: number } }).chunk.byteLength
        if (sent >= 8 * 1024 * 1024) {
          sent = 0
          gc()
        }
      })
    }
    const dispatcher = new Agent()
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    form.append('file', await openAsBlob(file), basename(file))
    const response = await request(endpoint, { method: 'POST', body: form, headers, dispatcher })
    await response.body.text()
    await dispatcher.close()
    return response.statusCode
  }
  if (technique === 'client') {
    const dispatcher = new Agent()
    const body = multipartBody(fields, { path: file, name: basename(file), size })
    const response = await request(endpoint, {
      method: 'POST', body: body.stream() as unknown as Readable, dispatcher,
      headers: { ...headers, 'content-type': body.contentType, 'content-length': String(body.length) }
    })
    await response.body.text()
    await dispatcher.close()
    return response.statusCode
  }
  if (technique === 'iterable-stream') {
    const dispatcher = new Agent()
    const { boundary, head, tail, length } = multipartFraming()
    async function* body(): AsyncGenerator<Buffer> {
      yield head
      for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer
      yield tail
    }
    const response = await request(endpoint, {
      // undici sends any (async) iterable of Buffers as is (Dispatcher docs); its request() typings list only streams.
      method: 'POST', body: body() as unknown as Readable, dispatcher,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) }
    })
    await response.body.text()
    await dispatcher.close()
    return response.statusCode
  }
  if (technique === 'node-http') {
    const { boundary, head, tail, length } = multipartFraming()
    return await new Promise<number>((resolve, reject) => {
      const req = httpRequest(endpoint, {
        method: 'POST',
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) }
      }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.write(head)
      const stream = createReadStream(file, { highWaterMark: 1024 * 1024 })
      stream.on('error', reject)
      stream.on('end', () => req.end(tail))
      stream.pipe(req, { end: false })
    })
  }
  if (technique === 'reused-buffers') {
    const { boundary, head, tail, length } = multipartFraming()
    const handle = await open(file, 'r')
    try {
      return await new Promise<number>((resolve, reject) => {
        const req = httpRequest(endpoint, {
          method: 'POST',
          headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) }
        }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
        req.on('error', reject)
        const write = (chunk: Buffer): Promise<void> => new Promise((done, fail) => req.write(chunk, (error) => (error ? fail(error) : done())))
        const buffers = [Buffer.allocUnsafeSlow(1024 * 1024), Buffer.allocUnsafeSlow(1024 * 1024)]
        const pump = async (): Promise<void> => {
          await write(head)
          let position = 0
          let pending: Promise<void> = Promise.resolve()
          for (let i = 0; position < size; i++) {
            const buffer = buffers[i % 2]!
            // The buffer being filled was handed to the socket two rounds ago: wait until it was flushed.
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
            if (bytesRead === 0) throw new Error('file shrank while uploading')
            position += bytesRead
            await pending
            pending = write(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead))
            if (i % 2 === 1) await pending
          }
          await pending
          req.end(tail)
        }
        pump().catch(reject)
      })
    } finally {
      await handle.close()
    }
  }
  throw new Error(`unknown technique ${technique}`)
}

const t0 = performance.now()
const status = await upload()
const ms = performance.now() - t0
if (technique !== 'baseline' && status !== 201) throw new Error(`upload answered HTTP ${status}`)
console.log('BENCH_RESULT ' + JSON.stringify({ technique, status, ms, maxRssKiB: process.resourceUsage().maxRSS }))

export const id = 35;
export const ids = [35];
export const modules = {

/***/ 7035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DefectDojoClient: () => (/* binding */ DefectDojoClient)
});

// UNUSED EXPORTS: ANSWER_LIMIT_BYTES, connectionError, retryAfter

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/defectdojo/errors.ts
var errors = __webpack_require__(6348);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/defectdojo/multipart.ts
// The multipart/form-data body of an upload, streamed from disk with a known length. The file is
// read into two fixed buffers taken in turn, so a 1 GiB report costs no more memory than a small one
// and leaves no garbage behind (a fresh buffer per chunk grows the heap by ~70 MB before V8 collects).
//
// Why reusing a buffer is safe: undici writes each chunk of an iterable body and, when the socket
// says its buffer is full (always, for a chunk at least as large as the socket's high-water mark),
// waits for 'drain' before it asks for the next chunk; 'drain' comes only once every queued byte has
// been handed to the kernel (or to TLS, which encrypts it into buffers of its own). So by the time the
// generator runs again, the chunk it yielded last has left the process; taking two buffers in turn
// keeps one more chunk of margin. The end-to-end tests compare every uploaded byte (sha256).


/** Larger than any socket's default high-water mark (64 KiB on Node 24): see above. */
const CHUNK_BYTES = 1024 * 1024;
/**
 * Names inside a Content-Disposition header, escaped as browsers (and undici's FormData) do for CR, LF
 * and quotes, and every other control character percent-encoded too: a multipart parser refuses a
 * header that holds one (only the extension of the file name matters to DefectDojo).
 */
function quoted(name) {
    return name.replace(/[\u0000-\u001f\u007f"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function multipartBody(fields, file) {
    const boundary = `----defectdojo-reimport-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
    let head = '';
    for (const [name, value] of Object.entries(fields)) {
        for (const v of typeof value === 'string' ? [value] : value)
            head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${v}\r\n`;
    }
    head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const prefix = Buffer.from(head, 'utf8');
    const suffix = Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1');
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        length: prefix.length + file.size + suffix.length,
        async *stream(onBytes) {
            yield prefix;
            const handle = await (0,promises_.open)(file.path, 'r');
            try {
                const buffers = [Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, file.size))), Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, file.size)))];
                let position = 0;
                for (let turn = 0; position < file.size; turn ^= 1) {
                    const buffer = buffers[turn];
                    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, file.size - position), position);
                    // The file shrank while it was being sent: stop; the length check fails the request clearly.
                    if (bytesRead === 0)
                        throw new Error(`${file.path} changed while it was being sent (${position} of ${file.size} bytes read)`);
                    position += bytesRead;
                    onBytes?.(bytesRead);
                    yield buffer.subarray(0, bytesRead);
                }
            }
            finally {
                await handle.close();
            }
            yield suffix;
        }
    };
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/defectdojo/network.ts
// The HTTP dispatcher for DefectDojo, shaped for company networks: HTTP(S)_PROXY / NO_PROXY honoured
// (undici's EnvHttpProxyAgent; Node's built-in fetch ignores them), a private CA added to Node's
// trusted roots (never replacing them), a client certificate for mTLS, and timeouts sized for
// DefectDojo, which parses a report before it sends any response header.


function createDispatcher(options) {
    const tls = {
        ...(options.ca ? { ca: [...external_node_tls_.rootCertificates, options.ca] } : {}),
        ...(options.cert && options.key ? { cert: options.cert, key: options.key } : {})
    };
    return new undici/* EnvHttpProxyAgent */.J2({
        // Direct connections.
        connect: { timeout: options.connectTimeoutMs, ...tls },
        // Through a proxy: TLS to DefectDojo inside the tunnel, and the same CA for an https proxy.
        requestTls: tls,
        proxyTls: options.ca ? { ca: [...external_node_tls_.rootCertificates, options.ca] } : {},
        connectTimeout: options.connectTimeoutMs,
        headersTimeout: options.requestTimeoutMs,
        bodyTimeout: options.requestTimeoutMs,
        keepAliveTimeout: 30_000
    });
}

// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
;// CONCATENATED MODULE: ./src/defectdojo/response.ts
// The 201 body of import-scan / reimport-scan → ids and counts (docs/defectdojo-api.md §c). Unknown keys are ignored
// (DefectDojo sometimes adds `pro`); missing statistics mean "unknown", never zero.

function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function response_int(value) {
    return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
/** One statistics block `S` → counts per severity, taking `field` of each (`total` or `active`). */
function severityCounts(block, field) {
    if (!isRecord(block))
        return null;
    const count = (severity) => {
        const entry = block[severity];
        return isRecord(entry) ? (response_int(entry[field]) ?? 0) : 0;
    };
    return { ...Object.fromEntries(model/* SEVERITIES */.oC.map((severity) => [severity, count(severity)])), total: count('total') };
}
function parseImportAnswer(body) {
    const root = isRecord(body) ? body : {};
    const statistics = isRecord(root.statistics) ? root.statistics : null;
    let counts = { created: null, closed: null, reactivated: null, untouched: null, activeAfter: null };
    if (statistics) {
        const delta = statistics.delta;
        const activeAfter = severityCounts(statistics.after, 'active');
        if (isRecord(delta)) {
            counts = {
                created: severityCounts(delta.created, 'total'),
                closed: severityCounts(delta.closed, 'total'),
                reactivated: severityCounts(delta.reactivated, 'total'),
                untouched: severityCounts(delta.untouched, 'total'),
                activeAfter
            };
        }
        else if (!('before' in statistics) && isRecord(statistics.after)) {
            // Import, or a reimport that created its test: everything in `after` is new (docs/defectdojo-api.md §c).
            counts = { created: severityCounts(statistics.after, 'total'), closed: model/* NO_FINDINGS */.BU, reactivated: model/* NO_FINDINGS */.BU, untouched: model/* NO_FINDINGS */.BU, activeAfter };
        }
        else {
            // `before` without `delta`: history tracking is off on the server; the deltas are unknown.
            counts = { ...counts, activeAfter };
        }
    }
    return {
        testId: response_int(root.test_id) ?? response_int(root.test),
        engagementId: response_int(root.engagement_id),
        productId: response_int(root.product_id),
        productTypeId: response_int(root.product_type_id),
        counts
    };
}

;// CONCATENATED MODULE: ./src/defectdojo/client.ts
// The DefectDojo API client: the token check, multipart POSTs to /api/v2/reimport-scan/ (or
// import-scan) with the report streamed from disk, and the read-only lookups that follow. undici's
// request() with an explicit dispatcher (proxies, private CAs, mTLS: network.ts). An answer counts only
// when it is DefectDojo's; anything else is a failure that quotes what came back.







/** The most of an answer that is read: DefectDojo's answers are kilobytes; a larger one is not DefectDojo's. */
const ANSWER_LIMIT_BYTES = 8 * 1048576;
const client_isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
class DefectDojoClient {
    baseUrl;
    /** Server clock minus ours, from the token check's Date header (ms); 0 until known. */
    clockOffsetMs = 0;
    /** Whether the token's user may see every product (an empty listing then proves absence). */
    seesEverything = false;
    dispatcher;
    options;
    constructor(options) {
        this.options = options;
        this.baseUrl = options.baseUrl;
        this.dispatcher = createDispatcher(options.network);
    }
    /**
     * One cheap authenticated GET before any upload (docs/defectdojo-api.md §g), so a wrong URL or token
     * fails once, clearly, instead of once per report. Only DefectDojo's own answer passes: a JSON user
     * profile, not any page that answers 200.
     */
    async preflight(signal) {
        const { status, contentType, body, headers } = await this.send('GET', '/api/v2/user_profile/', { signal });
        const html = /html/i.test(contentType) || /^\s*</.test(body);
        const profile = html ? null : parseJson(body);
        if (status === 200 && client_isRecord(profile) && client_isRecord(profile.user)) {
            this.seesEverything = profile.user.is_superuser === true;
            const date = Date.parse(String(headers.date ?? ''));
            if (!Number.isNaN(date))
                this.clockOffsetMs = date - Date.now();
            return;
        }
        if (status >= 300 && status < 400)
            throw new errors/* DefectDojoError */.Ib((0,errors/* describeRedirect */.GO)(this.baseUrl, status, [headers.location].flat()[0]), { status });
        if (status === 403) {
            const detail = (0,errors/* serverText */.Tn)(body);
            if (/Invalid token|credentials were not provided|User inactive/i.test(detail)) {
                throw new errors/* DefectDojoError */.Ib(`DefectDojo rejected the token (HTTP 403: "${detail}"): check ${(0,inputs/* theInput */.y8)('defectdojo-token')} holds a valid API v2 key.`, { status });
            }
        }
        if (html && status !== 404 && errors/* LOGIN_PAGE */.m0.test(body.slice(0, 8192)))
            throw new errors/* DefectDojoError */.Ib((0,errors/* behindLogin */.IK)(`was answered with a login page (HTML, HTTP ${status})`), { status });
        if (html) {
            throw new errors/* DefectDojoError */.Ib(`${this.baseUrl} does not serve the DefectDojo API (got HTML with HTTP ${status} from /api/v2/user_profile/): check ${(0,inputs/* inputName */.yu)('defectdojo-url')}, including any path prefix.`, { status });
        }
        if (status === 200) {
            throw new errors/* DefectDojoError */.Ib(`${this.baseUrl} does not serve the DefectDojo API: /api/v2/user_profile/ answered ${(0,errors/* describeAnswer */.O1)(status, contentType, body)}, not a user profile. Check ${(0,inputs/* inputName */.yu)('defectdojo-url')}, including any path prefix, and whether a proxy or login page answers in front of DefectDojo.`, { status });
        }
        throw new errors/* DefectDojoError */.Ib(`DefectDojo's API answered HTTP ${status} to the token check${body ? `: "${(0,errors/* serverText */.Tn)(body)}"` : ''}; check ${(0,inputs/* inputName */.yu)('defectdojo-url')} and ${(0,inputs/* inputName */.yu)('defectdojo-token')}.`, {
            status,
            retryable: errors/* RETRYABLE_STATUSES */.U3.has(status)
        });
    }
    /** One upload attempt. The body is streamed from disk afresh on every call, so a retry never sends an empty stream. */
    async upload(req, progress = { bytesSent: 0, sentAt: null }, signal) {
        const size = (await (0,promises_.stat)(req.filePath)).size;
        const body = multipartBody(req.fields, { path: req.filePath, name: req.uploadName, size });
        progress.bytesSent = 0;
        progress.sentAt = null;
        const stream = async function* () {
            yield* body.stream((bytes) => (progress.bytesSent += bytes));
            progress.sentAt = Date.now();
        };
        let answer;
        try {
            answer = await this.send('POST', `/api/v2/${req.endpoint}/`, { body: stream(), headers: { 'content-type': body.contentType, 'content-length': String(body.length) }, signal });
        }
        catch (error) {
            // The whole body went out before the connection failed: DefectDojo may be importing it.
            if (error instanceof errors/* DefectDojoError */.Ib && progress.sentAt !== null && !error.notSent)
                throw new errors/* DefectDojoError */.Ib(error.message, { status: error.status, retryable: true, ambiguous: true });
            throw error;
        }
        const { status, contentType, body: text, headers } = answer;
        const scanType = String(req.fields.scan_type);
        if (status === 201) {
            const value = parseJson(text);
            // DefectDojo's 201 echoes the scan type and carries the test id (§c); anything else came from something in front of it.
            if (client_isRecord(value) && value.scan_type === scanType && (Number.isInteger(value.test_id) || Number.isInteger(value.test)))
                return parseImportAnswer(value);
        }
        if (status >= 200 && status < 300) {
            throw new errors/* DefectDojoError */.Ib(`The answer to the upload was not DefectDojo's (${(0,errors/* describeAnswer */.O1)(status, contentType, text)}): a proxy, firewall or login page in front of DefectDojo answered instead.`, {
                status,
                ambiguous: true
            });
        }
        const gateway = errors/* GATEWAY_STATUSES */.MB.has(status);
        throw new errors/* DefectDojoError */.Ib((0,errors/* describeFailure */.Ic)({ status, contentType, body: text, endpoint: req.endpoint, scanType, product: String(req.fields.product_name), fileSize: size }), {
            status,
            retryable: errors/* RETRYABLE_STATUSES */.U3.has(status),
            retryAfterSeconds: retryAfter(headers['retry-after']),
            ambiguous: gateway
        });
    }
    /** GET /api/v2/tests/{id}/: what can be shown when an answer carries no statistics. */
    async getTest(id, signal) {
        const { status, body } = await this.send('GET', `/api/v2/tests/${id}/`, { signal });
        if (status !== 200)
            return null;
        const value = parseJson(body);
        return client_isRecord(value) ? value : null;
    }
    /**
     * A paginated list (docs/defectdojo-api.md §i, §k): every row of its first page. A 403 or anything
     * that is not a list answer is `unknown`; an empty list is `absent` only when `trustEmpty`.
     */
    async list(path, query, trustEmpty, signal) {
        const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
        let answer;
        try {
            answer = await this.send('GET', `${path}?${search.toString()}`, { signal });
        }
        catch (error) {
            return { kind: 'unknown', why: error instanceof Error ? error.message : String(error) };
        }
        const value = parseJson(answer.body);
        if (answer.status !== 200 || !client_isRecord(value) || !Array.isArray(value.results))
            return { kind: 'unknown', why: `${path} answered ${(0,errors/* describeAnswer */.O1)(answer.status, answer.contentType, answer.body)}` };
        const rows = value.results.filter(client_isRecord);
        if (rows.length > 0)
            return { kind: 'found', value: rows };
        return trustEmpty ? { kind: 'absent' } : { kind: 'unknown', why: `${path} listed nothing, which may only mean the token may not see it` };
    }
    async close() {
        await this.dispatcher.close();
    }
    async send(method, path, options = {}) {
        const url = `${this.baseUrl}${path}`;
        let response;
        try {
            response = await (0,undici/* request */.Em)(url, {
                method,
                // An async iterable: undici writes it chunk by chunk, waiting for 'drain' (multipart.ts relies on
                // that); its types list only streams, buffers and FormData. Not a Readable: that would read ahead.
                body: options.body,
                dispatcher: this.dispatcher,
                signal: options.signal,
                headers: {
                    ...this.options.extraHeaders,
                    ...options.headers,
                    authorization: `Token ${this.options.token}`,
                    accept: 'application/json',
                    'user-agent': 'defectdojo-reimport-action'
                }
            });
        }
        catch (error) {
            throw connectionError(error, url, this.options.network.requestTimeoutMs);
        }
        let text;
        try {
            text = await readBounded(response.body, ANSWER_LIMIT_BYTES);
        }
        catch (error) {
            if (error instanceof errors/* DefectDojoError */.Ib)
                throw new errors/* DefectDojoError */.Ib(error.message, { status: response.statusCode, ambiguous: true });
            throw connectionError(error, url, this.options.network.requestTimeoutMs);
        }
        return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: text, headers: response.headers };
    }
}
/** The body as text, read no further than `limit` bytes: a larger answer fails clearly instead of filling memory. */
async function readBounded(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > limit) {
            body.destroy();
            throw new errors/* DefectDojoError */.Ib(`The answer was larger than ${Math.round(limit / 1048576)} MB, which no DefectDojo answer is: something in front of DefectDojo answered instead, so it was not read further.`, { ambiguous: true });
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return null;
    }
}
/** Retry-After in seconds or as an HTTP date. */
function retryAfter(value, now = Date.now()) {
    const raw = Array.isArray(value) ? value[0] : value;
    if (!raw)
        return null;
    if (/^\d+$/.test(raw.trim()))
        return Number(raw.trim());
    const date = Date.parse(raw);
    return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const RETRYABLE_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT']);
/** A transport failure → a DefectDojoError saying what happened and whether it may be retried. */
function connectionError(error, url, timeoutMs) {
    const code = errorCode(error);
    const origin = safeOrigin(url);
    if (code === 'UND_ERR_ABORTED' || error?.name === 'AbortError') {
        return new errors/* DefectDojoError */.Ib('The run was cancelled while this request was in flight.', { ambiguous: true });
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        // DefectDojo was still parsing when the wait ended: it may finish the import after we gave up.
        return new errors/* DefectDojoError */.Ib(`DefectDojo did not answer within ${formatDuration(timeoutMs)}: raise ${(0,inputs/* theInput */.y8)('timeout-minutes')} if the report is large.`, {
            retryable: code === 'UND_ERR_HEADERS_TIMEOUT',
            ambiguous: true
        });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new errors/* DefectDojoError */.Ib(`Cannot resolve the host of ${origin} (${code}): check ${(0,inputs/* inputName */.yu)('defectdojo-url')}.`, { retryable: code === 'EAI_AGAIN', notSent: true });
    }
    if (code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT') {
        return new errors/* DefectDojoError */.Ib(`Cannot connect to ${origin} (${code}): check ${(0,inputs/* inputName */.yu)('defectdojo-url')} and that DefectDojo is reachable from the runner.`, { retryable: true, notSent: true });
    }
    if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
        return new errors/* DefectDojoError */.Ib(`TLS to ${origin} failed (${code}): if DefectDojo uses a private CA, give its PEM file in ${(0,inputs/* inputName */.yu)('ca-certificates')}.`, { notSent: true });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new errors/* DefectDojoError */.Ib(`The connection to ${origin} failed (${code ?? message}).`, { retryable: code !== null && RETRYABLE_CODES.has(code), notSent: code !== null && NOT_SENT_CODES.has(code) });
}
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return null;
}
function safeOrigin(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return 'DefectDojo';
    }
}
function formatDuration(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return `${ms / 60_000} min`;
    return `${Math.round(ms / 100) / 10} s`;
}


/***/ })

};

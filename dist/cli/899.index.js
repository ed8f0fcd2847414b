export const id = 899;
export const ids = [899,577];
export const modules = {

/***/ 9899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DefectDojoClient: () => (/* binding */ DefectDojoClient),
  connectionError: () => (/* binding */ connectionError),
  retryAfter: () => (/* binding */ retryAfter)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/defectdojo/errors.ts
var errors = __webpack_require__(6348);
// EXTERNAL MODULE: ./src/defectdojo/network.ts
var network = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/defectdojo/response.ts
const SEVERITIES = (/* unused pure expression or super */ null && (['critical', 'high', 'medium', 'low', 'info']));
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
    return {
        critical: count('critical'),
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
        info: count('info'),
        total: count('total')
    };
}
const ZERO = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
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
            // Import, or a reimport that created its test: everything in `after` is new (API.md §c).
            counts = { created: severityCounts(statistics.after, 'total'), closed: ZERO, reactivated: ZERO, untouched: ZERO, activeAfter };
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
// The DefectDojo API client: multipart POSTs to /api/v2/reimport-scan/ (or import-scan), the report
// streamed from disk. undici's request() with an explicit dispatcher and undici's own FormData: fetch
// would buffer a file-backed FormData whole (+1.1 GB for a 1 GiB report).









// undici reports every body chunk it writes on this channel; requests are told apart by a header.
const REQUEST_ID_HEADER = 'x-request-id';
const progressById = new Map();
let subscribed = false;
/**
 * Streaming a large report allocates a fresh buffer per chunk. V8 collects such external memory only
 * after it grew by about 64 MB, so a 1 GiB upload peaked ~75 MB above the process's baseline
 * (bench/RESULTS.md, scenario 2). A full collection every few MiB sent keeps the peak flat at a cost
 * lost in the network time. Enabled only for uploads large enough to matter.
 */
const COLLECT_EVERY_BYTES = 8 * 1048576;
const COLLECT_ABOVE_BYTES = 64 * 1048576;
let collectGarbage;
let sentSinceCollection = 0;
function garbageCollector() {
    if (collectGarbage === undefined) {
        try {
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            collectGarbage = (0,external_node_vm_.runInNewContext)('gc');
        }
        catch {
            collectGarbage = null;
        }
    }
    return collectGarbage;
}
function trackProgress() {
    if (subscribed)
        return;
    subscribed = true;
    const idOf = (request) => {
        const headers = request.headers;
        if (!Array.isArray(headers))
            return undefined;
        for (let i = 0; i < headers.length - 1; i += 2)
            if (String(headers[i]).toLowerCase() === REQUEST_ID_HEADER)
                return String(headers[i + 1]);
        return undefined;
    };
    (0,external_node_diagnostics_channel_.subscribe)('undici:request:bodyChunkSent', (message) => {
        const { request, chunk } = message;
        const progress = progressById.get(idOf(request) ?? '');
        if (!progress)
            return;
        const bytes = chunk.byteLength ?? chunk.length ?? 0;
        progress.bytesSent += bytes;
        if (progress.collect && (sentSinceCollection += bytes) >= COLLECT_EVERY_BYTES) {
            sentSinceCollection = 0;
            garbageCollector()?.();
        }
    });
    (0,external_node_diagnostics_channel_.subscribe)('undici:request:bodySent', (message) => {
        const progress = progressById.get(idOf(message.request) ?? '');
        if (progress)
            progress.sentAt = Date.now();
    });
}
class DefectDojoClient {
    baseUrl;
    token;
    dispatcher;
    options;
    constructor(options) {
        this.options = options;
        this.baseUrl = options.baseUrl;
        this.token = options.token;
        this.dispatcher = options.dispatcher ?? (0,network.createDispatcher)(options.network);
    }
    /**
     * One cheap authenticated GET before any upload (API.md §g), so a wrong URL or token fails once,
     * clearly, instead of once per report.
     */
    async preflight() {
        const { status, contentType, body } = await this.send('GET', '/api/v2/user_profile/');
        const html = /html/i.test(contentType) || /^\s*</.test(body);
        if (status === 200 && !html)
            return;
        if (status === 403) {
            const detail = (0,errors/* serverText */.Tn)(body);
            if (/Invalid token|credentials were not provided|User inactive/i.test(detail)) {
                throw new errors/* DefectDojoError */.Ib(`DefectDojo rejected the token (HTTP 403: "${detail}"): check the \`defectdojo-token\` input holds a valid API v2 key.`, { status });
            }
        }
        if (html)
            throw new errors/* DefectDojoError */.Ib(`${this.baseUrl} does not serve the DefectDojo API (got HTML with HTTP ${status} from /api/v2/user_profile/): check \`defectdojo-url\`, including any path prefix.`, { status });
        throw new errors/* DefectDojoError */.Ib(`DefectDojo's API answered HTTP ${status} to the token check${body ? `: "${(0,errors/* serverText */.Tn)(body)}"` : ''}; check \`defectdojo-url\` and \`defectdojo-token\`.`, {
            status,
            retryable: errors/* RETRYABLE_STATUSES */.U3.has(status)
        });
    }
    /** One upload attempt. The body is rebuilt from disk on every call, so a retry never sends an empty stream. */
    async upload(req, progress) {
        const form = new undici.FormData();
        for (const [name, value] of Object.entries(req.fields)) {
            for (const v of Array.isArray(value) ? value : [value])
                form.append(name, v);
        }
        const blob = await (0,external_node_fs_.openAsBlob)(req.filePath);
        form.append('file', blob, req.uploadName);
        const id = (0,external_node_crypto_.randomUUID)();
        const tracked = progress ?? { bytesSent: 0, sentAt: null };
        Object.assign(tracked, { bytesSent: 0, sentAt: null, collect: req.fileSize > COLLECT_ABOVE_BYTES });
        trackProgress();
        progressById.set(id, tracked);
        try {
            const { status, contentType, body, headers } = await this.send('POST', `/api/v2/${req.endpoint}/`, form, { [REQUEST_ID_HEADER]: id });
            if (status === 201 || status === 200)
                return parseImportAnswer(parseJson(body));
            throw new errors/* DefectDojoError */.Ib((0,errors/* describeFailure */.Ic)({ status, contentType, body, endpoint: req.endpoint, scanType: String(req.fields.scan_type), product: String(req.fields.product_name), fileSize: req.fileSize }), { status, retryable: errors/* RETRYABLE_STATUSES */.U3.has(status), retryAfterSeconds: retryAfter(headers['retry-after']) });
        }
        finally {
            progressById.delete(id);
        }
    }
    /** GET /api/v2/tests/{id}/: what can be shown when an answer carries no statistics. */
    async getTest(id) {
        const { status, body } = await this.send('GET', `/api/v2/tests/${id}/`);
        if (status !== 200)
            return null;
        const value = parseJson(body);
        return value && typeof value === 'object' ? value : null;
    }
    async close() {
        if (!this.options.dispatcher)
            await this.dispatcher.close();
    }
    async send(method, path, body, headers = {}) {
        const url = `${this.baseUrl}${path}`;
        let response;
        try {
            response = await (0,undici/* request */.Em)(url, {
                method,
                body,
                dispatcher: this.dispatcher,
                headers: {
                    ...this.options.extraHeaders,
                    ...headers,
                    authorization: `Token ${this.token}`,
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
            text = await response.body.text();
        }
        catch (error) {
            throw connectionError(error, url, this.options.network.requestTimeoutMs);
        }
        const contentType = String(response.headers['content-type'] ?? '');
        return { status: response.statusCode, contentType, body: text, headers: response.headers };
    }
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
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        // A headers timeout means DefectDojo was still parsing: retrying a reimport is safe (idempotent).
        return new errors/* DefectDojoError */.Ib(`DefectDojo did not answer within ${formatDuration(timeoutMs)}: raise the \`timeout-minutes\` input if the report is large.`, {
            retryable: code === 'UND_ERR_HEADERS_TIMEOUT'
        });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new errors/* DefectDojoError */.Ib(`Cannot resolve the host of ${origin} (${code}): check \`defectdojo-url\`.`, { retryable: code === 'EAI_AGAIN', notSent: true });
    }
    if (code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT') {
        return new errors/* DefectDojoError */.Ib(`Cannot connect to ${origin} (${code}): check \`defectdojo-url\` and that DefectDojo is reachable from the runner.`, { retryable: true, notSent: true });
    }
    if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
        return new errors/* DefectDojoError */.Ib(`TLS to ${origin} failed (${code}): if DefectDojo uses a private CA, give its PEM file in \`ca-certificates\`.`, { notSent: true });
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


/***/ }),

/***/ 577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDispatcher: () => (/* binding */ createDispatcher),
/* harmony export */   readNetworkFiles: () => (/* binding */ readNetworkFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6752);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6622);
// The HTTP dispatcher for DefectDojo, shaped for company networks: HTTP(S)_PROXY / NO_PROXY honoured
// (undici's EnvHttpProxyAgent; Node's built-in fetch ignores them), a private CA added to Node's
// trusted roots (never replacing them), a client certificate for mTLS, and timeouts sized for
// DefectDojo, which parses a report before it sends any response header.




/** Reads the PEM files named by the inputs; a missing or non-PEM file is an input error. */
async function readNetworkFiles(files) {
    const problems = [];
    const read = async (input, path, marker) => {
        if (!path)
            return null;
        try {
            const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
            if (!marker.test(text))
                problems.push(`Input \`${input}\` names ${path}, which holds no PEM block (-----BEGIN …-----).`);
            return text;
        }
        catch (error) {
            problems.push(`Input \`${input}\` names ${path}, which cannot be read (${error.code ?? String(error)}).`);
            return null;
        }
    };
    const ca = await read('ca-certificates', files.caCertificates, /-----BEGIN CERTIFICATE-----/);
    const cert = await read('client-certificate', files.clientCertificate, /-----BEGIN CERTIFICATE-----/);
    const key = await read('client-key', files.clientKey, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    if (problems.length > 0)
        throw new _config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(problems);
    return { ca, cert, key };
}
function createDispatcher(options) {
    const tls = {
        ...(options.ca ? { ca: [...node_tls__WEBPACK_IMPORTED_MODULE_1__.rootCertificates, options.ca] } : {}),
        ...(options.cert && options.key ? { cert: options.cert, key: options.key } : {})
    };
    return new undici__WEBPACK_IMPORTED_MODULE_2__/* .EnvHttpProxyAgent */ .J2({
        // Direct connections.
        connect: { timeout: options.connectTimeoutMs, ...tls },
        // Through a proxy: TLS to DefectDojo inside the tunnel, and the same CA for an https proxy.
        requestTls: tls,
        proxyTls: options.ca ? { ca: [...node_tls__WEBPACK_IMPORTED_MODULE_1__.rootCertificates, options.ca] } : {},
        connectTimeout: options.connectTimeoutMs,
        headersTimeout: options.requestTimeoutMs,
        bodyTimeout: options.requestTimeoutMs,
        keepAliveTimeout: 30_000
    });
}


/***/ })

};

export const id = 577;
export const ids = [577];
export const modules = {

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

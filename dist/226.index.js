export const id = 226;
export const ids = [226];
export const modules = {

/***/ 45226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsArtifactService: () => (/* binding */ actionsArtifactService)
/* harmony export */ });
/* unused harmony export explainArtifactError */
async function actionsArtifactService(otherRun) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 91252));
    const client = new DefaultArtifactClient();
    const findBy = otherRun ? { findBy: { token: otherRun.token, workflowRunId: otherRun.runId, repositoryOwner: otherRun.owner, repositoryName: otherRun.repo } } : {};
    return {
        async list() {
            const { artifacts } = await client.listArtifacts({ latest: true, ...findBy });
            return artifacts.map((a) => ({
                id: a.id,
                name: a.name,
                size: a.size,
                digest: a.digest ?? null,
                // The REST listing marks expired artifacts; the library keeps the flag off its type.
                expired: a.expired === true
            }));
        },
        async download(artifact, directory) {
            // The library compares digests only when given the expected one, and then reports instead of throwing.
            // It is not asked to unpack: the engine unpacks within limits (src/sources/unzip.ts).
            const response = await client.downloadArtifact(artifact.id, { path: directory, skipDecompress: true, ...(artifact.digest ? { expectedHash: artifact.digest } : {}), ...findBy });
            return { digestMismatch: response.digestMismatch === true };
        },
        explain(error, what, artifact) {
            return explainArtifactError(error, what, artifact, otherRun);
        }
    };
}
/** One sentence per failure of the artifact backend, saying what to do. */
function explainArtifactError(error, what, artifact, otherRun) {
    const message = error instanceof Error ? error.message : String(error);
    const name = error?.name ?? '';
    const status = error?.status;
    const subject = what === 'list' ? 'Listing the run\'s artifacts' : `Downloading artifact "${artifact ?? '?'}"`;
    if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
        return `${subject} needs the runner's ACTIONS_RUNTIME_TOKEN, which exists only inside a GitHub Actions job: outside Actions set \`artifacts: ''\` and give the reports with \`path\`.`;
    }
    if (name === 'GHESNotSupportedError' || /not currently supported on GHES/.test(message)) {
        return `${subject} is not possible on GitHub Enterprise Server (the artifact library supports github.com only): download the reports with actions/download-artifact, set \`artifacts: ''\` and give them with \`path\`.`;
    }
    if (/expired/i.test(message) || status === 410)
        return `${subject} failed: the artifact has expired (past its retention period): re-run the job that uploaded it.`;
    if (status === 401)
        return `${subject} failed: the \`github-token\` was refused (HTTP 401).`;
    if (status === 403)
        return `${subject} failed (HTTP 403): the \`github-token\` needs the \`actions: read\` permission${otherRun ? ` on ${otherRun.owner}/${otherRun.repo}` : ''}.`;
    if (status === 404 && otherRun)
        return `${subject} failed (HTTP 404): run ${otherRun.runId} was not found in ${otherRun.owner}/${otherRun.repo}, or the \`github-token\` cannot read it (needs \`actions: read\`).`;
    return `${subject} failed: ${message.split('\n')[0].slice(0, 300)}`;
}


/***/ })

};

export const id = 524;
export const ids = [524];
export const modules = {

/***/ 52524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findPullRequest: () => (/* binding */ findPullRequest),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/**
 * `pull_request` and `pull_request_target` runs carry their number, and so does a `workflow_run` run a
 * pull request of this repository triggered. From a fork, `workflow_run.pull_requests` is empty: the pull
 * request is the open one whose head is the fork's branch at the run's head commit; exactly one, or none.
 */
async function findPullRequest(context, api) {
    if (context.pr !== null && context.pullRequest)
        return { kind: 'found', number: context.pr };
    if (context.eventName !== 'workflow_run' || !context.pullRequest)
        return { kind: 'none' };
    if (!context.branch || !context.sha)
        return { kind: 'unclear', message: 'the triggering run names no head branch and commit' };
    const head = `${context.fork ?? context.owner}:${context.branch}`;
    const matches = (await api.openPullsByHead(head)).filter((p) => p.headSha === context.sha);
    if (matches.length === 1)
        return { kind: 'found', number: matches[0].number };
    return {
        kind: 'unclear',
        message: matches.length === 0 ? `no open pull request has the head ${head} at ${context.sha.slice(0, 7)} (closed, or pushed again since)` : `${matches.length} open pull requests have the head ${head} at ${context.sha.slice(0, 7)}: #${matches.map((p) => p.number).join(', #')}`
    };
}
/**
 * Updates the comment that carries `marker` (the first, should there be several), or creates one; with
 * `createOnlyWithNews`, a new comment is written only when `news` is true.
 */
async function upsertComment(api, issue, marker, body, options) {
    const existing = (await api.listComments(issue)).find((c) => c.body.includes(marker));
    if (existing)
        return { kind: 'updated', url: (await api.updateComment(existing.id, body)).url };
    if (options.createOnlyWithNews && !options.news)
        return { kind: 'not-needed' };
    return { kind: 'created', url: (await api.createComment(issue, body)).url };
}


/***/ })

};

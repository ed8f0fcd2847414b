// The ArtifactService of the Actions shell: @actions/artifact's DefaultArtifactClient, for the current
// run (identified by the runner's ACTIONS_RUNTIME_TOKEN) or, with `run-id`, another run through the
// REST API (findBy). Loaded lazily: runs that download nothing do not pay for its import.
import type { ArtifactInfo, ArtifactService } from '../sources/artifacts.js'

export interface OtherRun {
  runId: number
  owner: string
  repo: string
  token: string
}

export async function actionsArtifactService(otherRun: OtherRun | null): Promise<ArtifactService> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  const findBy = otherRun ? { findBy: { token: otherRun.token, workflowRunId: otherRun.runId, repositoryOwner: otherRun.owner, repositoryName: otherRun.repo } } : {}
  return {
    async list(): Promise<ArtifactInfo[]> {
      const { artifacts } = await client.listArtifacts({ latest: true, ...findBy })
      return artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        digest: a.digest ?? null,
        // The REST listing marks expired artifacts; the library keeps the flag off its type.
        expired: (a as { expired?: boolean }).expired === true
      }))
    },
    async download(artifact, directory) {
      // The library compares digests only when given the expected one, and then reports instead of throwing.
      // It is not asked to unpack: the engine unpacks within limits (src/sources/unzip.ts).
      const response = await client.downloadArtifact(artifact.id, { path: directory, skipDecompress: true, ...(artifact.digest ? { expectedHash: artifact.digest } : {}), ...findBy })
      return { digestMismatch: response.digestMismatch === true }
    },
    explain(error, what, artifact) {
      return explainArtifactError(error, what, artifact, otherRun)
    }
  }
}

/** One sentence per failure of the artifact backend, saying what to do. */
export function explainArtifactError(error: unknown, what: 'list' | 'download', artifact: string | undefined, otherRun: OtherRun | null): string {
  const message = error instanceof Error ? error.message : String(error)
  const name = (error as { name?: string } | null)?.name ?? ''
  const status = (error as { status?: number } | null)?.status
  const subject = what === 'list' ? 'Listing the run\'s artifacts' : `Downloading artifact "${artifact ?? '?'}"`
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
    return `${subject} needs the runner's ACTIONS_RUNTIME_TOKEN, which exists only inside a GitHub Actions job: outside Actions set \`artifacts: ''\` and give the reports with \`path\`.`
  }
  if (name === 'GHESNotSupportedError' || /not currently supported on GHES/.test(message)) {
    return `${subject} is not possible on GitHub Enterprise Server (the artifact library supports github.com only): download the reports with actions/download-artifact, set \`artifacts: ''\` and give them with \`path\`.`
  }
  if (/expired/i.test(message) || status === 410) return `${subject} failed: the artifact has expired (past its retention period): re-run the job that uploaded it.`
  if (status === 401) return `${subject} failed: the \`github-token\` was refused (HTTP 401).`
  if (status === 403) return `${subject} failed (HTTP 403): the \`github-token\` needs the \`actions: read\` permission${otherRun ? ` on ${otherRun.owner}/${otherRun.repo}` : ''}.`
  if (status === 404 && otherRun) return `${subject} failed (HTTP 404): run ${otherRun.runId} was not found in ${otherRun.owner}/${otherRun.repo}, or the \`github-token\` cannot read it (needs \`actions: read\`).`
  return `${subject} failed: ${message.split('\n')[0]!.slice(0, 300)}`
}

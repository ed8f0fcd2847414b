// A cancelled job: the runner (or GitLab, Jenkins) sends SIGINT or SIGTERM and waits a few seconds
// before it kills the process. The first signal aborts the run, so the engine stops starting uploads,
// ends those in flight and reports what is known; a second one exits at once.
export function cancelOnSignals(log: (message: string) => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130)
    log(`Received ${name}: the run is cancelled; writing what is known (uploaded, in flight, not started).`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

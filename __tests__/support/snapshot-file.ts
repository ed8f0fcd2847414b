// Rendered Markdown snapshots committed as files for review (the summary, the pull request comment).
import { expect } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * A checker that compares a rendering with the committed `<folder><name>.md`; it writes the file when missing (or
 * with `jest -u`) and fails when it is missing under `--ci`.
 */
export function snapshotFiles(folder: string): (name: string, markdown: string) => void {
  return (name, markdown) => {
    const file = `${folder}${name}.md`
    const state = (expect.getState() as { snapshotState?: { _updateSnapshot?: 'all' | 'new' | 'none' } }).snapshotState
    const mode = state?._updateSnapshot ?? 'new'
    if (mode === 'all' || (!existsSync(file) && mode === 'new')) {
      mkdirSync(folder, { recursive: true })
      writeFileSync(file, markdown)
    }
    if (!existsSync(file)) throw new Error(`Missing snapshot ${file}: run the tests without --ci to create it.`)
    expect(markdown).toBe(readFileSync(file, 'utf8'))
  }
}

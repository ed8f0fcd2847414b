/** How a report is named to people: `artifact/path inside it`, or the workspace-relative path. */
export function reportLabel(source: { artifact: string | null; displayPath: string }): string {
  return source.artifact ? `${source.artifact}/${source.displayPath}` : source.displayPath
}

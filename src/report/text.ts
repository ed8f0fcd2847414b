// Text from outside — file and artifact names, server answers — made harmless where it is printed. A
// runner reads every stdout line that starts with `::` as a workflow command, and .NET splits lines at
// \r as well as \n, so a zip entry named `x\n::error title=Spoofed::…` would otherwise become a real
// annotation; a terminal reads escape sequences. The summary has its own escaping (summary.ts).

/** Control characters (but \n) and Unicode line breaks as visible escapes: `\r`, `\x1b`, `\u2028`. */
function escapeControls(text: string, keepNewlines: boolean): string {
  return text.replace(keepNewlines ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    const code = c.charCodeAt(0)
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** A log message that may span lines: controls escaped, and no line can start (after blanks) with `::`. */
export function logText(text: string): string {
  return escapeControls(text, true)
    .split('\n')
    .map((line) => line.replace(/^(\s*):(?=:)/, '$1:\u200b'))
    .join('\n')
}

/** One line of a table or a single-line message: every control character escaped, new lines too. */
export function lineText(text: string): string {
  return logText(escapeControls(text, false))
}

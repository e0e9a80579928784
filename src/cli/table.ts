// Plain-text tables for the command line, aligned by the width people see.

export function table(header: string[], rows: string[][]): string {
  const all = header.some(Boolean) ? [header, ...rows] : rows
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd()
  const out = all.map(line)
  if (header.some(Boolean)) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  return `${out.join('\n')}\n`
}

function width(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length
}

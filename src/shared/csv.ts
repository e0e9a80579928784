// A strict RFC 4180 reader for catalog spreadsheets: comma or semicolon separated, quoted fields
// with separators, doubled quotes and line breaks, CRLF/LF/CR line ends, each record with its line.

/** A CSV text that cannot be read: an unclosed quote, or more rows than allowed. */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CsvSyntaxError'
  }
}

export interface CsvRecord {
  /** The line (1-based) the record starts on, as a spreadsheet or text editor numbers it. */
  line: number
  fields: string[]
}

/** The separator the header line uses: the more frequent of `;` and `,` (a tie means `,`). */
export function detectSeparator(text: string): ',' | ';' {
  const end = text.search(/[\r\n]/)
  const header = end === -1 ? text : text.slice(0, end)
  const count = (ch: string) => header.split(ch).length - 1
  return count(';') > count(',') ? ';' : ','
}

/**
 * Splits `text` into records. Blank lines (and rows of empty fields, which spreadsheets export
 * for formatted but empty rows) are left out. A quote inside an unquoted field, or after a
 * closing quote, is kept as text, as spreadsheets do. Throws CsvSyntaxError for a quoted field that is
 * never closed, and as soon as there are more than `maxRows` rows after the header.
 */
export function readCsvRecords(text: string, separator: string, maxRows: number): CsvRecord[] {
  const records: CsvRecord[] = []
  const n = text.length
  let i = 0
  let line = 1
  const plainEnd = (from: number) => {
    let end = from
    while (end < n) {
      const ch = text[end]
      if (ch === separator || ch === '\n' || ch === '\r') break
      end++
    }
    return end
  }
  while (i < n) {
    const start = line
    const fields: string[] = []
    for (;;) {
      if (text[i] === '"') {
        const quoted = readQuoted(text, i + 1, line)
        line = quoted.line
        const end = plainEnd(quoted.next)
        fields.push(quoted.value + text.slice(quoted.next, end))
        i = end
      } else {
        const end = plainEnd(i)
        fields.push(text.slice(i, end))
        i = end
      }
      if (i < n && text[i] === separator) i++
      else break
    }
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
    line++
    if (fields.every((f) => f.trim() === '')) continue
    records.push({ line: start, fields })
    if (records.length > maxRows + 1)
      throw new CsvSyntaxError(
        `the file has more than ${maxRows} rows after the header, the most one file may have`,
      )
  }
  return records
}

/** A quoted field's content from just after its opening quote; `next` is just after the closing one. */
function readQuoted(text: string, from: number, startLine: number) {
  const parts: string[] = []
  let i = from
  let line = startLine
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote === -1)
      throw new CsvSyntaxError(
        `line ${startLine}: a quoted field opens here and is never closed (a missing ")`,
      )
    const part = text.slice(i, quote)
    line += lineBreaks(part)
    parts.push(part)
    if (text[quote + 1] !== '"') return { value: parts.join(''), next: quote + 1, line }
    parts.push('"')
    i = quote + 2
  }
}

/** CRLF, LF and lone CR each end one line. */
function lineBreaks(part: string): number {
  if (!part.includes('\n') && !part.includes('\r')) return 0
  return part.match(/\r\n|\n|\r/g)?.length ?? 0
}

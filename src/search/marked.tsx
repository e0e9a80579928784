// The words a search matched, marked in a course's own text. The text stays text (escaped); only
// the <mark> elements are markup.
import { highlight, type QueryTerms } from './highlight.ts'

/** Text with the matched words in <mark>; every piece is a text node, so nothing in it is markup. */
export function Marked({ text, language, terms }: { text: string; language: string; terms: QueryTerms }) {
  return <>{highlight(text, language, terms).map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>
}

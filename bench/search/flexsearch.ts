// Baseline: FlexSearch Document index (title and description, forward tokenization so prefixes match
// as you type). FlexSearch does not segment Chinese or Thai, so both are split into words with
// Intl.Segmenter first, documents and queries alike; filters and facets are applied to result ids.
import { Charset, Document } from 'flexsearch'
import { TOP_K, type CourseDoc, type Engine, type EngineFactory, type Language } from './engine.ts'
import { collect, createFacetStore } from './facet-store.ts'

/** Description tokenization: 'forward' (prefixes everywhere) or 'strict' (whole words; less memory). */
const DESCRIPTION_TOKENIZE = 'strict'

const segmenters = new Map<Language, Intl.Segmenter>()

/** Chinese and Thai text with spaces between words; other languages unchanged. */
export function spaceWords(text: string, language: Language): string {
  if (language !== 'zh' && language !== 'th') return text
  let segmenter = segmenters.get(language)
  if (!segmenter)
    segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })))
  const words: string[] = []
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment)
  return words.join(' ')
}

export const createEngine: EngineFactory = async () => {
  const index = new Document({
    encoder: Charset.Normalize,
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward' },
        { field: 'description', tokenize: DESCRIPTION_TOKENIZE },
      ],
    },
  })
  const facets = createFacetStore()
  let size = 0

  const engine: Engine = {
    name: 'flexsearch',
    async build(docs: Iterable<CourseDoc>) {
      for (const d of docs) {
        index.add({
          id: d.id,
          title: spaceWords(d.title, d.language),
          description: spaceWords(d.description, d.language),
        })
        facets.set(d.id, d)
        size++
      }
    },
    async search(query) {
      const text = spaceWords(query.text, query.language)
      const needAll = query.faceted || Object.keys(query.filters).length > 0
      const results = index.search(text, { limit: needAll ? size : TOP_K, merge: true })
      const ids = results.map((r) => Number(r.id))
      const { kept, total, facets: counts } = collect(facets, ids, query.filters, TOP_K, query.faceted)
      return counts ? { ids: kept, total, facets: counts } : { ids: kept, total }
    },
    async close() {
      index.clear()
    },
  }
  return engine
}

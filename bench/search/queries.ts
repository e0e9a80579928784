// Deterministic query sets for the search benchmark, one per class (one word, two–three words,
// prefix as typed, misspelled), each plain and faceted, drawn from the catalog's own vocabulary with
// realistic (Zipf) frequency in every language.
import { LANGUAGE_MIX } from './catalog-generator.ts'
import { QUERY_CLASSES, type Filters, type Language, type Query, type QueryClass } from './engine.ts'
import { LANGUAGES, TOPIC_SUBJECTS } from './lexicon/index.ts'
import { aliasSampler, createRng, type Rng } from './prng.ts'
import { drawTopic, joinWords, titleWords, topicWords } from './text-builder.ts'
import { hash, vocabulary } from './vocabulary.ts'

export interface QueryOptions {
  perClass?: number
  seed?: number
}

const languageSampler = aliasSampler(LANGUAGES.map((l) => LANGUAGE_MIX[l]))
const HAN = /\p{Script=Han}/u
const PUNCTUATION = /^[:.]$/

/** perClass queries of every class, plain then faceted: 8 × perClass queries in all. */
export function buildQueries(options: QueryOptions = {}): Query[] {
  const { perClass = 200, seed = 7 } = options
  return QUERY_CLASSES.flatMap((queryClass) =>
    [false, true].flatMap((faceted) => {
      const rng = createRng(seed ^ hash(`${queryClass}/${faceted}`))
      return Array.from({ length: perClass }, (_, i) => buildQuery(rng, queryClass, faceted, i))
    }),
  )
}

/** The label of a query's class in result tables: "prefix" or "prefix+facets". */
export function classLabel(query: Pick<Query, 'class' | 'faceted'>): string {
  return query.faceted ? `${query.class}+facets` : query.class
}

function buildQuery(rng: Rng, queryClass: QueryClass, faceted: boolean, i: number): Query {
  let language = LANGUAGES[languageSampler.draw(rng)] ?? 'en'
  if (queryClass === 'misspelled')
    while (language === 'zh') language = LANGUAGES[languageSampler.draw(rng)] ?? 'en'
  const words = queryWords(rng, queryClass, language)
  return {
    id: `${faceted ? `${queryClass}+facets` : queryClass}-${i}`,
    class: queryClass,
    faceted,
    language,
    text: joinWords(language, words),
    lastIsPrefix: queryClass === 'prefix',
    filters: faceted ? drawFilters(rng, language) : {},
  }
}

function queryWords(rng: Rng, queryClass: QueryClass, language: Language): string[] {
  const vocab = vocabulary(language)
  switch (queryClass) {
    case 'one-word':
      return [vocab.draw(rng)]
    case 'two-three-words':
      return severalWords(rng, language)
    case 'prefix': {
      const word = wordAtLeast(rng, language, 3)
      const typed = word.slice(0, Math.min(2 + rng.int(4), word.length - 1))
      return rng.next() < 0.5 ? [typed] : [vocab.draw(rng), typed]
    }
    case 'misspelled': {
      const word = wordAtLeast(rng, language, 5)
      const typo = misspell(rng, word, word.length >= 9 && rng.next() < 0.5 ? 2 : 1, language)
      return rng.next() < 0.7 ? [typo] : [vocab.draw(rng), typo]
    }
  }
}

/** Two or three words a learner would type together: a topic phrase or a run of a title. */
function severalWords(rng: Rng, language: Language): string[] {
  const topic = drawTopic(rng)
  const phrase = topicWords(language, topic)
  if (rng.next() < 0.4 && phrase.length >= 2) return [...phrase.slice(0, 3)]
  const stop = new Set(vocabulary(language).lexicon.stop)
  const content = titleWords(rng, language, topic).filter((w) => !stop.has(w) && !PUNCTUATION.test(w))
  const length = Math.min(content.length, 2 + rng.int(2))
  if (length < 2) return [...content, vocabulary(language).draw(rng)]
  const start = rng.int(content.length - length + 1)
  return content.slice(start, start + length)
}

function wordAtLeast(rng: Rng, language: Language, length: number): string {
  const vocab = vocabulary(language)
  for (let tries = 0; tries < 50; tries++) {
    const word = vocab.draw(rng)
    if ([...word].length >= length) return word
  }
  return vocab.terms.find((w) => [...w].length >= length) ?? 'learning'
}

/** One or two edits (substitute, delete, insert, swap) after the first letter; never Han script. */
export function misspell(rng: Rng, word: string, edits: number, language: Language): string {
  if (HAN.test(word)) return word
  const alphabet = alphabetOf(language)
  const known = new Set(vocabulary(language).terms)
  for (let tries = 0; tries < 20; tries++) {
    let chars = [...word]
    for (let e = 0; e < edits; e++) chars = editOnce(rng, chars, alphabet)
    const typo = chars.join('')
    if (typo !== word && !known.has(typo)) return typo
  }
  return word + rng.pick(alphabet)
}

function editOnce(rng: Rng, chars: string[], alphabet: readonly string[]): string[] {
  const at = 1 + rng.int(Math.max(1, chars.length - 1))
  const next = [...chars]
  switch (rng.int(4)) {
    case 0:
      next[at] = rng.pick(alphabet)
      break
    case 1:
      next.splice(at, 1)
      break
    case 2:
      next.splice(at, 0, rng.pick(alphabet))
      break
    default: {
      const a = next[at - 1]
      const b = next[at]
      if (a !== undefined && b !== undefined) [next[at - 1], next[at]] = [b, a]
    }
  }
  return next
}

const alphabets = new Map<Language, string[]>()
function alphabetOf(language: Language): string[] {
  let alphabet = alphabets.get(language)
  if (!alphabet) {
    alphabet = [...new Set([...vocabulary(language).lexicon.words.join('')])].filter((c) => /\p{L}/u.test(c))
    alphabets.set(language, alphabet)
  }
  return alphabet
}

function drawFilters(rng: Rng, language: Language): Filters {
  const subjectPrefix = (TOPIC_SUBJECTS[drawTopic(rng)] ?? '0613').slice(0, 2)
  switch (rng.int(4)) {
    case 0:
      return { languages: [language], availability: ['current', 'self-paced'] }
    case 1:
      return { subjectPrefix, access: 'free' }
    case 2:
      return { languages: [language], access: 'free' }
    default:
      return { availability: ['current', 'starting-soon'], subjectPrefix }
  }
}

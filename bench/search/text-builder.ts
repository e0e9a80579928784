// Builds course titles and descriptions as word lists in one language, so the generator can join
// them into text and the query builder can cut queries at real word boundaries.
import { TOPIC_SUBJECTS, type Language } from './lexicon/index.ts'
import { zipfSampler, type Rng } from './prng.ts'
import { vocabulary } from './vocabulary.ts'

const topicSampler = zipfSampler(TOPIC_SUBJECTS.length, 0.8, 1)
const patternSamplers = new Map<Language, ReturnType<typeof zipfSampler>>()
const PUNCTUATION = /^[:.]$/

export function drawTopic(rng: Rng): number {
  return topicSampler.draw(rng)
}

export function topicWords(language: Language, topic: number): readonly string[] {
  return vocabulary(language).lexicon.topics[topic] ?? []
}

/** A title of about 3–10 words: a pattern around the topic phrase, sometimes with extra words. */
export function titleWords(rng: Rng, language: Language, topic: number): string[] {
  const vocab = vocabulary(language)
  const patterns = vocab.lexicon.patterns
  let sampler = patternSamplers.get(language)
  if (!sampler) patternSamplers.set(language, (sampler = zipfSampler(patterns.length, 1, 1)))
  const pattern = patterns[sampler.draw(rng)] ?? ['{t}']
  const words = pattern.flatMap((w) => (w === '{t}' ? [...topicWords(language, topic)] : [w]))
  const target = 3 + Math.floor(Math.pow(rng.next(), 1.5) * 8)
  while (countWords(words) < target) words.push(vocab.draw(rng))
  return words
}

/** A description of 80–200 words in sentences: content words, function words and the topic phrase. */
export function descriptionSentences(rng: Rng, language: Language, topic: number): string[][] {
  const vocab = vocabulary(language)
  const stop = vocab.lexicon.stop
  const topicPhrase = topicWords(language, topic)
  const target = 80 + rng.int(121)
  const sentences: string[][] = []
  let count = 0
  while (count < target) {
    const length = Math.min(8 + rng.int(9), target - count)
    const sentence: string[] = []
    if (rng.next() < 0.35) sentence.push(...topicPhrase)
    while (sentence.length < length) sentence.push(rng.next() < 0.3 ? rng.pick(stop) : vocab.draw(rng))
    sentences.push(sentence)
    count += sentence.length
  }
  return sentences
}

/** Joins words the way the language writes them: spaces, or none for Chinese and Thai. */
export function joinWords(language: Language, words: readonly string[]): string {
  const joiner = vocabulary(language).lexicon.joiner
  if (joiner === '') return words.filter((w) => !PUNCTUATION.test(w)).join('')
  let text = ''
  for (const word of words) {
    if (text === '') text = word
    else if (PUNCTUATION.test(word) && language !== 'fr') text += word
    else text += ' ' + word
  }
  return text
}

export function joinSentences(language: Language, sentences: readonly string[][]): string {
  const end = vocabulary(language).lexicon.sentenceEnd
  const parts = sentences.map((s) => capitalize(joinWords(language, s)))
  return end === ' ' ? parts.join(' ') : parts.map((p) => p + end).join(end === '.' ? ' ' : '')
}

export function capitalize(text: string): string {
  const first = text.charAt(0)
  return first.toUpperCase() + text.slice(1)
}

function countWords(words: readonly string[]): number {
  return words.filter((w) => !PUNCTUATION.test(w)).length
}

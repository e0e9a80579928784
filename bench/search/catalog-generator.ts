// Deterministic synthetic multilingual course catalog for the search benchmark, streamed one
// document at a time (a million documents are never held at once): Zipf vocabulary and popularity,
// Chinese and Thai written without spaces, real ISCED-F subjects and topic phrases in every language.
import { readIscedF } from '../../src/subjects/isced-f.ts'
import type { Availability, CourseDoc, Language, Level } from './engine.ts'
import { LANGUAGES, TOPIC_SUBJECTS } from './lexicon/index.ts'
import { aliasSampler, createRng, zipfSampler, type Rng } from './prng.ts'
import {
  capitalize,
  descriptionSentences,
  drawTopic,
  joinSentences,
  joinWords,
  titleWords,
} from './text-builder.ts'
import { vocabulary } from './vocabulary.ts'

export interface CatalogOptions {
  size: number
  seed?: number
}

/** Share of courses per language of instruction (en, zh, ru, th, ar, es, fr). */
export const LANGUAGE_MIX: Readonly<Record<Language, number>> = {
  en: 0.38,
  zh: 0.17,
  ru: 0.11,
  th: 0.07,
  ar: 0.07,
  es: 0.12,
  fr: 0.08,
}

export const PLATFORMS = [
  'edx',
  'coursera',
  'futurelearn',
  'xuetangx',
  'icourse163',
  'thaimooc',
  'openedu',
  'stepik',
  'edraak',
  'miriadax',
  'fun-mooc',
  'university-openedx',
] as const

const HOME_PLATFORMS: Record<Language, readonly string[]> = {
  en: ['edx', 'coursera', 'futurelearn'],
  zh: ['xuetangx', 'icourse163'],
  ru: ['openedu', 'stepik'],
  th: ['thaimooc'],
  ar: ['edraak'],
  es: ['miriadax'],
  fr: ['fun-mooc'],
}

const languageSampler = aliasSampler(LANGUAGES.map((l) => LANGUAGE_MIX[l]))
const institutionSampler = zipfSampler(200, 0.9, 2)
const AVAILABILITY: readonly [Availability, number][] = [
  ['current', 0.3],
  ['starting-soon', 0.1],
  ['upcoming', 0.1],
  ['self-paced', 0.35],
  ['archived', 0.15],
]
const availabilitySampler = aliasSampler(AVAILABILITY.map(([, w]) => w))
const LEVELS: readonly Level[] = ['introductory', 'intermediate', 'advanced']
const levelSampler = aliasSampler([0.55, 0.3, 0.15])
const subtitleSampler = aliasSampler(LANGUAGES.map((l) => (l === 'en' ? 6 : 1)))

/** Enrollments of the course at popularity rank r (0-based): a Zipf law with a little noise. */
export function enrollmentsAt(rank: number, noise: number): number {
  return Math.floor(400_000 / Math.pow(rank + 1, 0.85)) + Math.floor(noise * 10)
}

export function* generateCatalog(options: CatalogOptions): Generator<CourseDoc> {
  const { size, seed = 1 } = options
  const rng = createRng(seed)
  const idOf = affinePermutation(size, 1_000_003, 12_345)
  const rankOf = affinePermutation(size, 7_919_993, 777)
  const subjects = detailedSubjects()
  for (let i = 0; i < size; i++) {
    const language = LANGUAGES[languageSampler.draw(rng)] ?? 'en'
    const topic = drawTopic(rng)
    yield {
      id: idOf(i) + 1,
      language,
      title: capitalize(joinWords(language, titleWords(rng, language, topic))),
      description: joinSentences(language, descriptionSentences(rng, language, topic)),
      subjects: courseSubjects(rng, topic, subjects),
      institution: `inst-${String(institutionSampler.draw(rng) + 1).padStart(3, '0')}`,
      platform: rng.next() < 0.7 ? rng.pick(HOME_PLATFORMS[language]) : rng.pick(PLATFORMS),
      level: LEVELS[levelSampler.draw(rng)] ?? 'introductory',
      availability: AVAILABILITY[availabilitySampler.draw(rng)]?.[0] ?? 'current',
      access: rng.next() < 0.65 ? 'free' : 'paid',
      certificate: rng.next() < 0.3 ? 'none' : rng.next() < 0.3 ? 'free' : 'paid',
      subtitleLanguages: subtitles(rng, language),
      instructors: instructors(rng, language),
      keywords: Array.from({ length: rng.int(6) }, () => vocabulary(language).draw(rng)),
      enrollments: enrollmentsAt(rankOf(i), rng.next()),
    }
  }
}

/** i ↦ (i·a + b) mod n: a cheap bijection of 0..n-1 that scatters neighbours. */
export function affinePermutation(n: number, a: number, b: number): (i: number) => number {
  let multiplier = a % n || 1
  while (gcd(multiplier, n) !== 1) multiplier++
  return (i) => (i * multiplier + b) % n
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

let detailedCache: string[] | undefined
function detailedSubjects(): string[] {
  detailedCache ??= readIscedF()
    .filter((s) => s.level === 'detailed' && !/^\d\d\d[089]$/.test(s.code))
    .map((s) => s.code)
  return detailedCache
}

function courseSubjects(rng: Rng, topic: number, detailed: readonly string[]): string[] {
  const codes = new Set([TOPIC_SUBJECTS[topic] ?? '0613'])
  const extra = rng.next() < 0.6 ? 0 : rng.next() < 0.7 ? 1 : 2
  for (let i = 0; i < extra; i++) codes.add(rng.pick(detailed))
  return [...codes]
}

function subtitles(rng: Rng, language: Language): Language[] {
  const x = rng.next()
  const count = x < 0.5 ? 0 : x < 0.8 ? 1 : x < 0.95 ? 2 : 3
  const tags = new Set<Language>()
  for (let i = 0; i < count * 3 && tags.size < count; i++) {
    const tag = LANGUAGES[subtitleSampler.draw(rng)] ?? 'en'
    if (tag !== language) tags.add(tag)
  }
  return [...tags]
}

function instructors(rng: Rng, language: Language): string[] {
  const { first, last, surnameFirst } = vocabulary(language).lexicon.names
  return Array.from({ length: 1 + rng.int(3) }, () =>
    surnameFirst ? rng.pick(last) + rng.pick(first) : `${rng.pick(first)} ${rng.pick(last)}`,
  )
}

// Snowball stemmers per language (primary subtag): Porter2 for English (`porter2`, the same stems as
// Snowball's English, 8× faster), @orama/stemmers' Snowball ports for the others, and a light stemmer for Arabic.
// Left out of @orama/stemmers: Turkish (stems `simsek` to `s`), Bulgarian (throws in strict mode), Sanskrit.

import { stemmer as armenian } from '@orama/stemmers/armenian'
import { stemmer as danish } from '@orama/stemmers/danish'
import { stemmer as dutch } from '@orama/stemmers/dutch'
import { stemmer as finnish } from '@orama/stemmers/finnish'
import { stemmer as french } from '@orama/stemmers/french'
import { stemmer as german } from '@orama/stemmers/german'
import { stemmer as greek } from '@orama/stemmers/greek'
import { stemmer as hungarian } from '@orama/stemmers/hungarian'
import { stemmer as indonesian } from '@orama/stemmers/indonesian'
import { stemmer as irish } from '@orama/stemmers/irish'
import { stemmer as italian } from '@orama/stemmers/italian'
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian'
import { stemmer as nepali } from '@orama/stemmers/nepali'
import { stemmer as norwegian } from '@orama/stemmers/norwegian'
import { stemmer as portuguese } from '@orama/stemmers/portuguese'
import { stemmer as romanian } from '@orama/stemmers/romanian'
import { stemmer as russian } from '@orama/stemmers/russian'
import { stemmer as serbian } from '@orama/stemmers/serbian'
import { stemmer as spanish } from '@orama/stemmers/spanish'
import { stemmer as swedish } from '@orama/stemmers/swedish'
import { stemmer as tamil } from '@orama/stemmers/tamil'
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian'
import { stem as english } from 'porter2'
import { stemArabic } from './arabic.ts'
import type { Script } from './script.ts'

/** A stemmer and the scripts of the words it applies to (words in other scripts are left unstemmed). */
export interface Stemmer {
  stem: (word: string) => string
  scripts: readonly Script[]
}

/** The stemmer for a primary language subtag, if there is one. Input is a folded word (see `foldWord`). */
export function stemmerFor(language: string): Stemmer | undefined {
  return Object.hasOwn(STEMMERS, language) ? STEMMERS[language] : undefined
}

const latin = (stem: (word: string) => string): Stemmer => ({ stem, scripts: ['latin'] })
const cyrillic = (stem: (word: string) => string): Stemmer => ({ stem, scripts: ['cyrillic'] })

/**
 * Words are folded before stemming (so accented and unaccented spellings stem alike), which hides the accents
 * that the Spanish and Portuguese stemmers look for in their commonest suffixes: put those few back.
 */
function withAccents(stem: (word: string) => string, endings: readonly [string, string][]) {
  return (word: string): string => {
    for (const [folded, accented] of endings)
      if (word.endsWith(folded)) return stem(word.slice(0, -folded.length) + accented)
    return stem(word)
  }
}

const STEMMERS: Readonly<Record<string, Stemmer>> = {
  en: latin(english),
  fr: latin(french),
  es: latin(
    withAccents(spanish, [
      ['cion', 'ción'],
      ['logia', 'logía'],
      ['logias', 'logías'],
    ]),
  ),
  pt: latin(
    withAccents(portuguese, [
      ['cao', 'ção'],
      ['coes', 'ções'],
    ]),
  ),
  it: latin(italian),
  de: latin(german),
  nl: latin(dutch),
  da: latin(danish),
  sv: latin(swedish),
  no: latin(norwegian),
  nb: latin(norwegian),
  nn: latin(norwegian),
  fi: latin(finnish),
  hu: latin(hungarian),
  ro: latin(romanian),
  id: latin(indonesian),
  ms: latin(indonesian),
  ga: latin(irish),
  lt: latin(lithuanian),
  ru: cyrillic(russian),
  uk: cyrillic(ukrainian),
  sr: { stem: serbian, scripts: ['cyrillic', 'latin'] },
  el: { stem: greek, scripts: ['greek'] },
  hy: { stem: armenian, scripts: ['armenian'] },
  ne: { stem: nepali, scripts: ['devanagari'] },
  ta: { stem: tamil, scripts: ['tamil'] },
  ar: { stem: stemArabic, scripts: ['arabic'] },
}

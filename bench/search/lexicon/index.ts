// All seed lexicons by language.
import { ar } from './ar.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import type { Language, Lexicon } from './lexicon.ts'
import { ru } from './ru.ts'
import { th } from './th.ts'
import { zh } from './zh.ts'

export { LANGUAGES, type Language, type Lexicon } from './lexicon.ts'
export { TOPIC_SUBJECTS } from './topics.ts'

export const LEXICONS: Readonly<Record<Language, Lexicon>> = { en, zh, ru, th, ar, es, fr }

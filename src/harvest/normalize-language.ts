// Turns the language values upstream catalogs send (tags in any case or separator, names in the
// alliance's UI languages, autonyms, ISO 639-2/3 codes) into canonical BCP-47 tags, or undefined.

/** Languages whose names are recognised, in the UI locales and in their own language. */
// prettier-ignore
export const NAMED_LANGUAGES: readonly string[] = [
  'en', 'zh', 'zh-Hans', 'zh-Hant', 'yue', 'ru', 'th', 'ar', 'fr', 'es', 'es-419', 'pt', 'pt-BR', 'pt-PT',
  'de', 'it', 'ja', 'ko', 'hi', 'bn', 'ur', 'fa', 'tr', 'id', 'ms', 'vi', 'fil', 'nl', 'pl', 'uk', 'cs',
  'sk', 'hu', 'ro', 'bg', 'el', 'he', 'sv', 'nb', 'no', 'da', 'fi', 'et', 'lv', 'lt', 'sr', 'hr', 'bs',
  'sl', 'mk', 'sq', 'hy', 'ka', 'az', 'kk', 'uz', 'ky', 'tg', 'mn', 'ne', 'si', 'ta', 'te', 'mr', 'gu',
  'kn', 'ml', 'pa', 'my', 'km', 'lo', 'sw', 'am', 'ha', 'yo', 'ig', 'zu', 'af', 'ca', 'eu', 'gl', 'be',
  'la', 'eo', 'ga', 'cy', 'is', 'so', 'ps', 'tk', 'ug', 'bo', 'en-US', 'en-GB', 'fr-CA',
]

/** The locales moocx's interface speaks; names of languages in these are recognised. */
export const UI_LOCALES: readonly string[] = ['en', 'zh', 'ru', 'th', 'ar', 'fr', 'es']

/** Names Intl.DisplayNames does not produce but catalogs use; looked up like every other name. */
const ALIASES: Readonly<Record<string, string>> = {
  mandarin: 'zh',
  'mandarin chinese': 'zh',
  'chinese mandarin': 'zh',
  putonghua: 'zh',
  普通话: 'zh',
  普通話: 'zh',
  汉语: 'zh',
  漢語: 'zh',
  华语: 'zh',
  華語: 'zh',
  中文简体: 'zh-Hans',
  中文繁體: 'zh-Hant',
  简体: 'zh-Hans',
  繁體: 'zh-Hant',
  'chinese cantonese': 'yue',
  粤语: 'yue',
  廣東話: 'yue',
  英文: 'en',
  française: 'fr',
  española: 'es',
  kiswahili: 'sw',
  farsi: 'fa',
  tagalog: 'fil',
  castellano: 'es',
  castilian: 'es',
  'bahasa indonesia': 'id',
  'bahasa melayu': 'ms',
}

/** "language" around a name: `русский язык`, `ภาษาไทย`, `اللغة العربية`, `English language`. */
const LANGUAGE_WORD = /^(?:ภาษา|اللغة|language|langue|idioma|lengua) ?| ?(?:язык|language|langue)$/u

/** Codes that are well-formed but name no language a learner could choose. */
const NOT_A_LANGUAGE = new Set(['', 'und', 'mul', 'zxx', 'mis'])

const DISPLAYS: readonly ('dialect' | 'standard')[] = ['dialect', 'standard']
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' })
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const nameTable = buildNameTable()

/** A canonical BCP-47 tag (`en_us` → `en-US`, `zh-cmn-Hans` → `zh-Hans`, `Русский` → `ru`), or undefined. */
export function normalizeLanguage(input: string): string | undefined {
  const text = input.trim()
  if (text === '' || text.length > 100) return undefined
  const key = lookupKey(text)
  return fromTag(text) ?? nameTable.get(key) ?? nameTable.get(key.replace(LANGUAGE_WORD, ''))
}

/**
 * Canonical tags, deduplicated in first-seen order, unknown values dropped. Accepts an array, one
 * string (split on `,;|/` when it is not one language) or schema.org `Language` objects.
 */
export function normalizeLanguages(list: unknown): string[] {
  const tags = new Set<string>()
  for (const item of Array.isArray(list) ? list : [list]) {
    for (const text of candidateTexts(item)) {
      const tag = normalizeLanguage(text)
      if (tag) tags.add(tag)
    }
  }
  return [...tags]
}

function candidateTexts(item: unknown): string[] {
  if (typeof item === 'string') {
    if (normalizeLanguage(item)) return [item]
    return item.split(/[,;|/、，；]/)
  }
  if (typeof item === 'object' && item !== null) {
    const code = 'alternateName' in item ? item.alternateName : undefined
    const name = 'name' in item ? item.name : undefined
    const text = [code, name].find(
      (v): v is string => typeof v === 'string' && normalizeLanguage(v) !== undefined,
    )
    return text ? [text] : []
  }
  return []
}

function fromTag(text: string): string | undefined {
  // POSIX locales (`en_US.UTF-8@euro`) and underscores (`zh_CN`) are common in OAI-PMH feeds.
  const tag = text.replace(/[.@].*$/, '').replaceAll('_', '-')
  if (!/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(tag)) return undefined
  // A three-letter second subtag can only be an extended language subtag (`zh-cmn`, `zh-yue`): RFC 5646
  // canonical form uses it as the primary language. Intl rejects extlang forms, so rewrite first.
  const withoutExtlang = tag.replace(/^[a-z]{2,3}-([a-z]{3})(?=-|$)/i, '$1')
  let locale: Intl.Locale
  try {
    const [canonical] = Intl.getCanonicalLocales(withoutExtlang)
    if (!canonical) return undefined
    locale = new Intl.Locale(canonical)
  } catch {
    return undefined
  }
  return knownBaseName(locale)
}

/** The tag without extensions; undefined for unknown languages; unknown scripts and regions dropped. */
function knownBaseName(locale: Intl.Locale): string | undefined {
  const { language, script, region } = locale
  if (NOT_A_LANGUAGE.has(language) || !known(languageNames, language)) return undefined
  const scriptKnown = !script || (!script.startsWith('Z') && known(scriptNames, script))
  const regionKnown = !region || (region !== 'ZZ' && known(regionNames, region))
  if (scriptKnown && regionKnown) return locale.baseName
  return new Intl.Locale(language, {
    ...(scriptKnown && script ? { script } : {}),
    ...(regionKnown && region ? { region } : {}),
  }).baseName
}

function known(names: Intl.DisplayNames, code: string): boolean {
  try {
    return names.of(code) !== undefined
  } catch {
    return false // `und` reaches here without a language subtag, which DisplayNames rejects
  }
}

/** Case-, width-, punctuation- and whitespace-insensitive form of a language name. */
function lookupKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\s\-_,()（）/·.:;'"[\]]+/gu, ' ')
    .trim()
}

/** The same key with Latin accents removed, so `Francais` and `Portugues` are found too. */
function unaccentedKey(key: string): string | undefined {
  if (!/^[\p{Script=Latin}\p{M} ]+$/u.test(key)) return undefined
  const plain = key.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
  return plain === key ? undefined : plain
}

function buildNameTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>()
  const add = (name: string | undefined, tag: string) => {
    if (!name) return
    const key = lookupKey(name)
    // First writer wins: aliases, then autonyms, then the UI locales in order.
    if (key && !table.has(key)) table.set(key, tag)
    const plain = unaccentedKey(key)
    if (plain && !table.has(plain)) table.set(plain, tag)
  }
  for (const [name, tag] of Object.entries(ALIASES)) add(name, tag)
  for (const display of DISPLAYS) {
    for (const tag of NAMED_LANGUAGES) {
      add(new Intl.DisplayNames([tag], { type: 'language', languageDisplay: display }).of(tag), tag)
    }
    for (const ui of UI_LOCALES) {
      const names = new Intl.DisplayNames([ui], { type: 'language', languageDisplay: display })
      for (const tag of NAMED_LANGUAGES) add(names.of(tag), tag)
    }
  }
  return table
}

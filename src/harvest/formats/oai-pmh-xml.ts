// The OAI-PMH side of reading XML: what an oai_dc or LOM record describes. The safe parser itself
// lives in safe-xml.ts and is re-exported here for the OAI-PMH modules.
export { attr, child, childrenNamed, parseXml, path, texts, XmlElement } from './safe-xml.ts'

/** A text in a language (`<string language="ru">`, `<dc:title xml:lang="ru">`); the language as written. */
export interface LangText {
  text: string
  language: string | undefined
}

/** What an oai_dc or LOM record says about a resource, before normalization. */
export interface Described {
  titles: LangText[]
  descriptions: LangText[]
  /** Language values as written (`en_US`, `rus`, `ru`). */
  languages: string[]
  /** Texts that may hold ISCED-F codes (`0611`, `061 Computer use`). */
  subjects: string[]
  /** Organization codes or names to try against the source's org map, best first. */
  organizations: string[]
  /** Candidate URLs of the resource, best first; not yet checked. */
  urls: string[]
  hoursPerWeek: number | null
  weeks: number | null
  /** SPDX identifier or `proprietary` (normalize-license.ts) the rights statement names, else null. */
  license: string | null
}

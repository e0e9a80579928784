// Reads an `oai_dc` record (simple Dublin Core: 15 optional, repeatable elements) into what it says
// about the resource; choosing and normalizing values is left to the OAI-PMH connector.
import { firstLicense } from '../normalize-license.ts'
import { attr, childrenNamed, texts, type Described, type LangText, type XmlElement } from './oai-pmh-xml.ts'

/** `dc` is the `<oai_dc:dc>` element inside `<metadata>`. */
export function describeDc(dc: XmlElement): Described {
  const values = (name: string) => childrenNamed(dc, name).filter((e) => e.text !== '')
  return {
    titles: values('title').map(langText),
    descriptions: values('description').map(langText),
    languages: texts(values('language')),
    subjects: texts(values('subject')),
    // Creators are the institutions that made a course (or its authors); the publisher is often the
    // platform, so it counts only when no creator is named.
    organizations: texts(values('creator').length > 0 ? values('creator') : values('publisher')),
    // Identifiers mix URLs with DOIs, handles, ISBNs and local ids: the connector takes the first URL.
    urls: texts(values('identifier')),
    hoursPerWeek: null,
    weeks: null,
    // `dc:rights` is free text: a licence URL or identifier in it counts, anything else says nothing.
    license: firstLicense(texts(values('rights')).slice(0, 10)),
  }
}

function langText(element: XmlElement): LangText {
  return { text: element.text, language: attr(element, 'lang') }
}

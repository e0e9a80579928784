// How the demo catalog is laid out: the platforms each institution publishes on, its organization
// code there, and which demo courses are language versions of each other.

/** Platforms each institution publishes on, the first being its home platform. */
export const PLATFORMS_OF: Record<string, string[]> = {
  tsinghua: ['xuetangx', 'edx', 'coursera'],
  xuetangx: ['xuetangx'],
  spbu: ['openedu', 'spbu-openedx', 'coursera'],
  'unesco-iite': ['edx', 'openedu'],
  'thai-mooc': ['thai-mooc'],
  edx: ['edx'],
  cornell: ['edx', 'coursera'],
  ntu: ['coursera', 'edx'],
  polimi: ['edx', 'coursera'],
  uon: ['edx'],
  utoronto: ['coursera', 'edx'],
}

/** Language versions of one course, named by the group's first (usually English) course. */
export const TRANSLATION_GROUPS: string[][] = [
  [
    'unesco-iite-open-educational-resources',
    'unesco-iite-ressources-educatives-libres',
    'unesco-iite-recursos-educativos-abiertos',
    'unesco-iite-open-educational-resources-ru',
    'unesco-iite-open-educational-resources-ar',
  ],
  [
    'unesco-iite-ai-in-education',
    'unesco-iite-intelligence-artificielle-education',
    'unesco-iite-ia-y-educacion',
    'unesco-iite-ai-in-education-ru',
    'unesco-iite-ai-for-teachers',
  ],
  [
    'unesco-iite-media-information-literacy',
    'unesco-iite-education-aux-medias-information',
    'unesco-iite-alfabetizacion-mediatica-informacional',
    'unesco-iite-media-and-information-literacy',
    'unesco-iite-media-and-information-literacy-ar',
  ],
  [
    'unesco-iite-ict-competency-teachers',
    'unesco-iite-competences-numeriques-enseignants',
    'unesco-iite-competencias-digitales-docentes',
    'unesco-iite-digital-competences-for-teachers',
    'unesco-iite-ict-competency-framework-for-teachers',
  ],
  [
    'unesco-iite-online-course-design',
    'unesco-iite-conception-cours-en-ligne',
    'unesco-iite-online-course-design-ru',
  ],
  [
    'unesco-iite-inclusive-education-ict',
    'unesco-iite-numerique-education-inclusive',
    'unesco-iite-inclusive-digital-education',
  ],
  [
    'unesco-iite-digital-wellbeing-school',
    'unesco-iite-securite-bien-etre-numerique',
    'unesco-iite-digital-wellbeing',
    'unesco-iite-online-safety-for-children',
  ],
]

export const ORG_CODE: Record<string, string> = {
  tsinghua: 'TsinghuaX',
  xuetangx: 'XuetangX',
  spbu: 'SPbU',
  'unesco-iite': 'UNESCO-IITE',
  'thai-mooc': 'ThaiMOOC',
  edx: 'edX',
  cornell: 'CornellX',
  ntu: 'NTUx',
  polimi: 'PoliMiX',
  uon: 'UoNx',
  utoronto: 'UTorontoX',
}

/**
 * What taking a demo course costs on each platform, as such platforms typically charge: free to
 * take with a paid certificate (prices drawn from the list), a free certificate, or now and then a
 * paid professional course. Unlisted platforms say nothing (null).
 */
export const OFFERS_OF: Record<
  string,
  { currency: string; certificatePrices: number[]; freeCertificate?: boolean }
> = {
  edx: { currency: 'USD', certificatePrices: [49, 99, 149, 199] },
  coursera: { currency: 'USD', certificatePrices: [49, 59, 79] },
  xuetangx: { currency: 'CNY', certificatePrices: [100, 200, 300] },
  openedu: { currency: 'RUB', certificatePrices: [1500, 3000, 5000] },
  'spbu-openedx': { currency: 'RUB', certificatePrices: [], freeCertificate: true },
  'thai-mooc': { currency: 'THB', certificatePrices: [], freeCertificate: true },
}

// Coursera's own vocabularies in moocx's terms: domain and subdomain ids as ISCED-F codes, and the
// certificate kinds a course lists as what its certificate costs.
import type { Certificate } from '../../catalog/course.ts'
import type { ParseContext } from './connector.ts'

/** Coursera domains and subdomains as ISCED-F codes; a subdomain wins over its domain. */
// prettier-ignore
const SUBJECTS: Readonly<Record<string, string>> = {
  'arts-and-humanities': '022', history: '0222', 'music-and-art': '021', philosophy: '0223',
  business: '041', finance: '0412', marketing: '0414', 'leadership-and-management': '0413', entrepreneurship: '0413',
  'computer-science': '061', algorithms: '0613', 'software-development': '0613', 'mobile-and-web-development': '0613',
  'computer-security-and-networks': '0612', 'data-science': '0688', 'data-analysis': '0542',
  'probability-and-statistics': '0542', 'machine-learning': '0613', health: '091', nutrition: '0919',
  'public-health': '0919', 'information-technology': '061', 'cloud-computing': '0612', networking: '0612',
  security: '0612', 'data-management': '0612', 'language-learning': '0231', 'math-and-logic': '054',
  'personal-development': '003', 'physical-science-and-engineering': '05', chemistry: '0531',
  'physics-and-astronomy': '0533', 'electrical-engineering': '0713', 'mechanical-engineering': '0715',
  'environmental-science-and-sustainability': '0521', 'social-sciences': '031', economics: '0311',
  education: '011', law: '0421', 'governance-and-society': '0312', psychology: '0313',
}

export function courseraSubjects(
  domains: readonly { domainId?: string | null; subdomainId?: string | null }[],
  ctx: Pick<ParseContext, 'subjectCodes'>,
): string[] {
  const codes = domains.map((d) => SUBJECTS[d.subdomainId ?? ''] ?? SUBJECTS[d.domainId ?? ''])
  return [...new Set(codes.filter((c): c is string => c !== undefined && ctx.subjectCodes.has(c)))]
}

/**
 * `certificates` (`["VerifiedCert"]`, `["Specialization"]`): every Coursera certificate is paid for,
 * so a listed one is paid and an empty list is none. Missing, or not a list of names: unknown. Whether
 * the course can be audited for free is not in the feed, so access is left unknown.
 */
export function courseraCertificate(certificates: unknown): Certificate | null {
  if (!Array.isArray(certificates)) return null
  if (certificates.length === 0) return 'none'
  return certificates.some((c) => typeof c === 'string' && c.trim() !== '') ? 'paid' : null
}

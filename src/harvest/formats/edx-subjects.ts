// edX's subject list, as course-discovery names subjects (`{slug, name}`), mapped to ISCED-F codes.
import type { ParseContext } from './connector.ts'

/** Discovery subject slugs (edX's list) as ISCED-F codes. */
// prettier-ignore
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  'computer-science': ['0613'], 'data-analysis-statistics': ['0542'], 'business-management': ['0413'],
  'economics-finance': ['0311', '0412'], engineering: ['0710'], math: ['0541'], physics: ['0533'],
  'biology-life-sciences': ['0511'], humanities: ['0220'], language: ['0231'],
  'education-teacher-training': ['0111'], medicine: ['0912'], law: ['0421'], 'environmental-studies': ['0521'],
  'philosophy-ethics': ['0223'], history: ['0222'], architecture: ['0731'], 'art-culture': ['0210'],
  chemistry: ['0531'], 'energy-earth-sciences': ['0532'], 'health-safety': ['0910'], 'social-sciences': ['0310'],
  communication: ['0321'], design: ['0212'], electronics: ['0714'], 'food-nutrition': ['0721'], music: ['0215'],
  nursing: ['0913'], science: ['0500'],
}

/** The ISCED-F codes of the subjects that moocx knows, each once. */
export function edxSubjectCodes(
  subjects: readonly { slug?: string | null; name?: string | null }[],
  ctx: Pick<ParseContext, 'subjectCodes'>,
): string[] {
  const codes = subjects.flatMap((s) => {
    // A subject without a slug is known by its name: `Data Analysis & Statistics`.
    const slug = (s.slug || s.name || '')
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    return Object.hasOwn(SUBJECTS, slug) ? (SUBJECTS[slug] ?? []) : []
  })
  return [...new Set(codes.filter((code) => ctx.subjectCodes.has(code)))]
}

// Subject: a field of ISCED-F 2013 (broad, narrow, detailed) with a label in every UI language.
import { z } from 'zod'

export const SubjectLevel = z.enum(['broad', 'narrow', 'detailed'])
export type SubjectLevel = z.infer<typeof SubjectLevel>

export const Subject = z
  .object({
    code: z.string().meta({ example: '0613' }),
    level: SubjectLevel,
    parent: z.string().nullable(),
    labels: z.record(z.string(), z.string()).meta({ description: 'Label by UI locale' }),
  })
  .meta({ id: 'Subject' })
export type Subject = z.infer<typeof Subject>

export function labelIn(subject: Subject, locale: string): string {
  return subject.labels[locale] ?? subject.labels.en ?? subject.code
}

// Turns Zod issues into ErrorDetails whose `field` names where the bad value was.
import type { z } from 'zod'
import type { ErrorDetail } from './errors.ts'

export function issuesToDetails(prefix: string, issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [base, key].filter(Boolean).join('.'),
        message: 'unknown field',
      }))
    }
    return [{ field: base || prefix, message: issue.message }]
  })
}

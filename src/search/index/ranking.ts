// How a course's text score becomes its rank: blended with popularity, being open now and
// freshness (worked out once a day per course, not per query), preferring the learner's languages,
// and ranking courses found through another language's name of a concept after direct matches.

/** Open now or starting soon: this many times more. */
const OPEN_BONUS = 1.1
/** A course updated today scores this much more than one untouched for a year. */
const FRESH_BONUS = 0.05
/** Per unit of log(1 + enrolments). */
const POPULARITY_BONUS = 0.05

/** What a match through another language's name of a concept counts, against a direct one… */
export const CROSS_LINGUAL_FACTOR = 0.5
/** …and through a concept only part of the query names ("history" in "history of China"). */
export const BROADER_FACTOR = 0.25
/** Added to the rank of direct matches, so they all come before cross-lingual ones. */
export const TIER = 1e9

/** A course taught in one of the learner's languages counts fully; subtitled in one, this much. */
export const SUBTITLED_FACTOR = 0.8
/** A course the learner may not follow still counts this much (their languages are a guess). */
export const OTHER_LANGUAGE_FACTOR = 0.6

export interface Standing {
  /** log(1 + enrolments). */
  popularity: number
  open: boolean
  /** 1 for a course updated today, falling to 0 over a year. */
  freshness: number
}

/** What a course's text score is multiplied by. */
export function blend({ popularity, open, freshness }: Standing): number {
  return (1 + POPULARITY_BONUS * popularity) * (open ? OPEN_BONUS : 1) * (1 + FRESH_BONUS * freshness)
}

/** A course's rank when nothing was searched for: the popular, open and fresh first. */
export function browseRank({ popularity, open, freshness }: Standing): number {
  return popularity + (open ? 2 : 0) + freshness
}

/** 1 for a course updated on `day` (days since 1970), falling to 0 over a year. */
export function freshnessOn(day: number, updatedDay: number): number {
  return Math.min(1, Math.max(0, 1 - (day - updatedDay) / 365))
}

// Relevance metrics of the search evaluation: nDCG@k with graded gains, recall@k, and their means
// over groups of queries (per language, per class).

/** Course id → grade (1 partly relevant, 2 clearly relevant, 3 exactly what was asked); unlisted = 0. */
export type Judgments = ReadonlyMap<string, number>

/** The gain of a result of `grade`: 2^grade − 1 (3 → 7, 2 → 3, 1 → 1, 0 → 0). */
export function gain(grade: number): number {
  return 2 ** grade - 1
}

/** Discounted cumulative gain of grades in rank order: Σ gain / log2(rank + 1), ranks from 1. */
export function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0)
}

/**
 * nDCG@k: the DCG of the first `k` results over the DCG of the best possible ranking of the judged
 * courses. Null when no course is relevant (such a query has no ideal ranking and is not averaged).
 */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number | null {
  const ideal = dcg(
    [...judgments.values()]
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  )
  if (ideal === 0) return null
  return dcg(ranked.slice(0, k).map((id) => judgments.get(id) ?? 0)) / ideal
}

/** Share of the relevant courses (grade ≥ 1) found in the first `k` results; null when none is relevant. */
export function recallAt(ranked: readonly string[], judgments: Judgments, k: number): number | null {
  const relevant = [...judgments.values()].filter((g) => g > 0).length
  if (relevant === 0) return null
  const top = new Set(ranked.slice(0, k))
  const found = [...judgments].filter(([id, g]) => g > 0 && top.has(id)).length
  return found / relevant
}

/** What one query scored. */
export interface QueryScore {
  ndcg: number | null
  recall: number | null
  /** The search returned nothing. */
  zero: boolean
}

export interface GroupSummary {
  queries: number
  /** Queries with at least one relevant course: the ones nDCG and recall are averaged over. */
  judged: number
  ndcg: number
  recall: number
  /** Share of all the group's queries that returned nothing. */
  zeroRate: number
  /** Queries that returned nothing although a relevant course exists. */
  zeroWithRelevant: number
}

export const NDCG_K = 10
export const RECALL_K = 20

export function scoreQuery(ranked: readonly string[], judgments: Judgments): QueryScore {
  return {
    ndcg: ndcgAt(ranked, judgments, NDCG_K),
    recall: recallAt(ranked, judgments, RECALL_K),
    zero: ranked.length === 0,
  }
}

export function summarize(scores: readonly QueryScore[]): GroupSummary {
  const judged = scores.filter((s) => s.ndcg !== null)
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
  return {
    queries: scores.length,
    judged: judged.length,
    ndcg: mean(judged.map((s) => s.ndcg ?? 0)),
    recall: mean(judged.map((s) => s.recall ?? 0)),
    zeroRate: scores.length === 0 ? 0 : scores.filter((s) => s.zero).length / scores.length,
    zeroWithRelevant: judged.filter((s) => s.zero).length,
  }
}

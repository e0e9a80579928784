// Seeded randomness for the search benchmark: a small fast PRNG and O(1) weighted sampling
// (Walker's alias method) for Zipf-distributed vocabularies and popularity.

/** A deterministic random source: `next()` is uniform in [0, 1). */
export interface Rng {
  next(): number
  int(maxExclusive: number): number
  pick<T>(items: readonly T[]): T
}

/** sfc32 seeded through splitmix32: fast, 128 bits of state, good enough for benchmark data. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}

/** Draws indexes 0..n-1 with the given weights in constant time (Walker's alias method). */
export interface Sampler {
  readonly size: number
  draw(rng: Rng): number
}

export function aliasSampler(weights: readonly number[]): Sampler {
  const n = weights.length
  if (n === 0) throw new Error('no weights')
  const total = weights.reduce((sum, w) => sum + w, 0)
  const prob = new Float64Array(n)
  const alias = new Int32Array(n)
  const scaled = weights.map((w) => (w * n) / total)
  const small: number[] = []
  const large: number[] = []
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i))
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() ?? 0
    const l = large.pop() ?? 0
    prob[s] = scaled[s] ?? 0
    alias[s] = l
    scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1
    ;((scaled[l] ?? 0) < 1 ? small : large).push(l)
  }
  for (const i of [...small, ...large]) prob[i] = 1
  return {
    size: n,
    draw: (rng) => {
      const x = rng.next() * n
      const i = Math.floor(x)
      return x - i < (prob[i] ?? 1) ? i : (alias[i] ?? i)
    },
  }
}

/** Zipf–Mandelbrot weights: rank r (0-based) has weight 1 / (r + 1 + q)^s. */
export function zipfWeights(n: number, s = 1, q = 0): number[] {
  return Array.from({ length: n }, (_, r) => 1 / Math.pow(r + 1 + q, s))
}

export function zipfSampler(n: number, s = 1, q = 0): Sampler {
  return aliasSampler(zipfWeights(n, s, q))
}

// A full build with texts analyzed in worker threads gives the very index that adding the courses one
// by one gives: document numbers, term ids, postings, weights and title pairs. Workers that fail or
// cannot start leave their batches to the main thread, and the pool is closed however the build ends.
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as analyzer from '../analysis/analyze.ts'
import type { SearchDocument } from '../search-document.ts'
import { createAnalysisPool, withAnalysisPool, type AnalysisPool, type PoolOptions } from './analysis-pool.ts'
import { addInOrder, inBatches } from './parallel-build.ts'
import { PairNumbering } from './term-numbers.ts'
import { weighBatch } from './text-batch.ts'
import { SearchIndex, type IndexState, type Labels } from './search-index.ts'

const SUBJECTS: Record<string, Record<string, string>> = {
  '0613': {
    en: 'Software and applications development',
    zh: '软件和应用程序开发',
    ru: 'Разработка программ',
  },
  '0311': { en: 'Economics', th: 'เศรษฐศาสตร์', ar: 'الاقتصاد', fr: 'Économie' },
  '0221': { en: 'Religion and theology', zh: '宗教与神学' },
}
const INSTITUTIONS: Record<string, string[]> = {
  tsinghua: ['Tsinghua University', '清华大学'],
  spbu: ['Saint Petersburg State University', 'Санкт-Петербургский государственный университет'],
  chula: ['Chulalongkorn University', 'จุฬาลงกรณ์มหาวิทยาลัย'],
  cairo: ['Cairo University', 'جامعة القاهرة'],
}
const labels: Labels = {
  subject: (code, language) => {
    const label = SUBJECTS[code]?.[language] ?? SUBJECTS[code]?.en
    return label ? [label] : []
  },
  institution: (id) => INSTITUTIONS[id] ?? [],
}

const TEXTS: Record<string, [string, string]> = {
  en: [
    'Machine Learning for Everyone',
    'Learn how machines learn from data: regression, trees and networks.',
  ],
  zh: ['机器学习导论', '本课程介绍心理学和区块链的基本概念，以及线性代数在机器学习中的应用。'],
  th: ['การเรียนรู้ของเครื่อง', 'รายวิชานี้แนะนำแพทยศาสตร์และดาราศาสตร์เบื้องต้นสำหรับนักศึกษา'],
  ar: ['مقدمة في التعلم الآلي', 'يتناول هذا المقرر أساسيات الاقتصاد والتعلم مدى الحياة.'],
  ru: ['Электрические машины', 'Курс рассказывает об анализе данных на Python и машинном обучении.'],
  fr: ['Apprendre à apprendre', 'Une introduction à l’économie et à la psychologie cognitive.'],
}
const LANGUAGES = Object.keys(TEXTS)
const ODD = [
  '',
  ' \t\n ',
  '\u0000\u0007 nul and bell \uD800 lone surrogate 🤖🧠 emoji \u200d\u200f\u202e mixed',
  'x'.repeat(30_000),
  `${'word '.repeat(5_000)}ending`,
  'ا'.repeat(12_000),
]

function documents(
  count: number,
  extra: (i: number) => Partial<SearchDocument> = () => ({}),
): SearchDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length] ?? 'en'
    const [title, description] = TEXTS[language] ?? ['', '']
    const subjects = Object.keys(SUBJECTS).filter((_, s) => (i >> s) & 1)
    return {
      courseId: `course-${i}`,
      language: i % 17 === 0 ? `${language}-XX` : language,
      title: `${title} ${i % 7}`,
      summary: i % 3 === 0 ? null : `${TEXTS[LANGUAGES[(i + 1) % LANGUAGES.length] ?? 'en']?.[0]}`,
      description: i % 11 === 0 ? (ODD[(i / 11) % ODD.length] ?? '') : `${description} ${i}`,
      subjects,
      keywords: i % 2 === 0 ? ['python', `kw${i % 13}`] : [],
      instructors: i % 5 === 0 ? ['Ada Lovelace', '李白'] : [],
      institutions: Object.keys(INSTITUTIONS).filter((_, s) => (i >> s) % 3 === 1),
      platforms: ['edx'],
      subtitleLanguages: i % 4 === 0 ? ['en'] : [],
      level: null,
      runs: [{ pacing: 'self', startsOn: '2026-01-01', endsOn: null }],
      access: ['free'],
      certificate: [],
      enrollments: i * 37,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-02-01T00:00:00Z',
      ...extra(i),
    }
  })
}

function oneByOne(docs: SearchDocument[]): IndexState {
  const index = new SearchIndex(analyzer, labels)
  for (const doc of docs) index.upsert(doc)
  return index.toState()
}

/** The parts of two states that differ (vitest's toEqual takes seconds over megabytes of postings). */
function differences(a: IndexState, b: IndexState): string[] {
  const keys = Object.keys(a) as (keyof IndexState)[]
  expect(Object.keys(b)).toEqual(keys)
  return keys.filter((key) => !isDeepStrictEqual(a[key], b[key]))
}

async function inWorkers(docs: SearchDocument[], options: Partial<PoolOptions> = {}) {
  const index = new SearchIndex(analyzer, labels)
  const fallbacks: string[] = []
  let used: AnalysisPool | undefined
  await withAnalysisPool({ analyzer, size: 2, onFallback: (m) => fallbacks.push(m), ...options }, (pool) => {
    used = pool
    return addInOrder(index, inBatches(docs, 37), pool)
  })
  return { index, fallbacks, pool: used }
}

const FAILING_WORKER = new URL('../../../test/fakes/failing-analysis-worker.ts', import.meta.url)

describe('a build with texts analyzed in worker threads', () => {
  const docs = documents(400)

  it('gives the same index as adding the courses one by one, odd and huge texts included', async () => {
    const { index, fallbacks } = await inWorkers(docs)
    expect(fallbacks).toEqual([])
    expect(differences(index.toState(), oneByOne(docs))).toEqual([])
    expect(index.vocabulary.termId('机器')).toBeDefined()
  })

  it('analyzes the batches of a worker that cannot start on the main thread, and says so', async () => {
    const { index, fallbacks } = await inWorkers(docs, {
      workerUrl: new URL('./no-such-worker.ts', import.meta.url),
    })
    expect(fallbacks.length).toBeGreaterThan(0)
    expect(differences(index.toState(), oneByOne(docs))).toEqual([])
  })

  it('analyzes a batch again on the main thread when a worker throws on it or dies', async () => {
    const hostile = documents(300, (i) =>
      i === 40 ? { title: 'WORKER-THROWS here' } : i === 250 ? { keywords: ['WORKER-EXITS'] } : {},
    )
    const { index, fallbacks } = await inWorkers(hostile, { workerUrl: FAILING_WORKER })
    expect(fallbacks).toEqual([expect.stringContaining('exited with 3')])
    expect(differences(index.toState(), oneByOne(hostile))).toEqual([])
  })

  it('fails as an inline build would when analysis fails, and closes the pool', async () => {
    const hostile = documents(100, (i) => (i === 60 ? { title: 'WORKER-THROWS' } : {}))
    const throwing = {
      analyze: (text: string, language: string) => {
        if (text.includes('WORKER-THROWS')) throw new Error('analysis failed')
        return analyzer.analyze(text, language)
      },
    }
    let used: AnalysisPool | undefined
    const build = withAnalysisPool({ analyzer: throwing, size: 2, workerUrl: FAILING_WORKER }, (pool) => {
      used = pool
      return addInOrder(new SearchIndex(analyzer, labels), inBatches(hostile, 10), pool)
    })
    await expect(build).rejects.toThrow('analysis failed')
    expect(used?.workers).toBe(0)
  })

  it('closes the pool when reading the courses fails', async () => {
    function* failing() {
      yield docs.slice(0, 50)
      throw new Error('database gone')
    }
    let used: AnalysisPool | undefined
    const build = withAnalysisPool({ analyzer, size: 2 }, (pool) => {
      used = pool
      return addInOrder(new SearchIndex(analyzer, labels), failing(), pool)
    })
    await expect(build).rejects.toThrow('database gone')
    expect(used?.workers).toBe(0)
    await expect(
      used?.weigh({ id: 0, languages: [], texts: [], counts: new Uint32Array(0) }),
    ).rejects.toThrow('closed')
  })

  it('keeps pair numbers in step across numbering generations and a batch that failed half-way', async () => {
    // One in-process "worker" numbering pairs in generations of 150 (about a batch); batch 3 fails in
    // it after numbering the pairs of two courses, and is weighed inline, as the pool does.
    const numbering = new PairNumbering(150)
    const failing = {
      analyze: (text: string, language: string) => {
        if (text.includes('WORKER-THROWS')) throw new Error('cannot analyze this here')
        return analyzer.analyze(text, language)
      },
    }
    const pool: AnalysisPool = {
      workers: 1,
      weigh: async (batch) => {
        try {
          return { ...weighBatch(failing, batch, numbering), lane: 0 }
        } catch {
          return weighBatch(analyzer, batch)
        }
      },
      close: async () => {},
    }
    const hostile = documents(200, (i) => (i === 3 * 17 + 2 ? { description: 'WORKER-THROWS' } : {}))
    const index = new SearchIndex(analyzer, labels)
    await addInOrder(index, inBatches(hostile, 17), pool)
    expect(numbering.generation).toBeGreaterThan(3)
    expect(differences(index.toState(), oneByOne(hostile))).toEqual([])
  })

  it('starts one worker a core by default', async () => {
    const pool = createAnalysisPool({ analyzer })
    try {
      expect(pool.workers).toBeGreaterThanOrEqual(1)
    } finally {
      await pool.close()
    }
    expect(pool.workers).toBe(0)
  })
})

// node --import tsx bench/search-analysis.ts [courses per language] [tail words] — text analysis throughput per
// language on generated courses (an 8-word title and a 150-word description; Zipf-distributed vocabulary of the
// sample's words plus a long tail of made-up ones, 300,000 by default as in a large catalog), beside a baseline
// that only runs Intl.Segmenter over the same text. Best of three runs, one core.
import { analyze } from '../src/search/analysis/analyze.ts'

const DOCS = Number(process.argv[2] ?? 4000)
const TAIL = Number(process.argv[3] ?? 300_000)
const RUNS = 3

/** Course-description-like text per language; words separated by spaces here even where the script has none. */
// prettier-ignore
const SAMPLES: Record<string, { text: string; spaced: boolean }> = {
  en: { spaced: true, text: `This course introduces machine learning and data science for beginners. Learners explore
    supervised and unsupervised learning, neural networks, statistics, probability, linear algebra and Python
    programming through practical projects. You will learn how to collect, clean and visualize data, build
    predictive models, evaluate their accuracy and communicate results to decision makers in business, health,
    education and public policy. No prior experience is required; weekly videos, quizzes and peer-reviewed
    assignments guide you from the basics to advanced topics such as deep learning and reinforcement learning.` },
  fr: { spaced: true, text: `Ce cours présente l'apprentissage automatique et la science des données pour les débutants.
    Les apprenants découvrent l'apprentissage supervisé et non supervisé, les réseaux de neurones, les statistiques,
    les probabilités, l'algèbre linéaire et la programmation en Python grâce à des projets pratiques. Vous
    apprendrez à collecter, nettoyer et visualiser des données, à construire des modèles prédictifs et à évaluer
    leur précision dans l'entreprise, la santé, l'éducation et les politiques publiques.` },
  es: { spaced: true, text: `Este curso presenta el aprendizaje automático y la ciencia de datos para principiantes.
    Los estudiantes exploran el aprendizaje supervisado y no supervisado, las redes neuronales, la estadística,
    la probabilidad, el álgebra lineal y la programación en Python mediante proyectos prácticos. Aprenderás a
    recopilar, limpiar y visualizar datos, construir modelos predictivos y evaluar su precisión en la empresa,
    la salud, la educación y las políticas públicas.` },
  de: { spaced: true, text: `Dieser Kurs führt in maschinelles Lernen und Datenwissenschaft für Anfänger ein. Die
    Lernenden erkunden überwachtes und unüberwachtes Lernen, neuronale Netze, Statistik, Wahrscheinlichkeit,
    lineare Algebra und Programmierung in Python anhand praktischer Projekte. Sie lernen, Daten zu sammeln,
    zu bereinigen und zu visualisieren, Vorhersagemodelle zu bauen und ihre Genauigkeit in Wirtschaft,
    Gesundheit, Bildung und öffentlicher Politik zu bewerten.` },
  ru: { spaced: true, text: `Этот курс знакомит начинающих с машинным обучением и наукой о данных. Слушатели изучают
    обучение с учителем и без учителя, нейронные сети, статистику, теорию вероятностей, линейную алгебру и
    программирование на Python на практических проектах. Вы научитесь собирать, очищать и визуализировать
    данные, строить прогнозные модели, оценивать их точность и представлять результаты в бизнесе,
    здравоохранении, образовании и государственной политике.` },
  ar: { spaced: true, text: `تقدم هذه الدورة التعلم الآلي وعلم البيانات للمبتدئين. يستكشف المتعلمون التعلم الخاضع
    للإشراف وغير الخاضع للإشراف والشبكات العصبية والإحصاء والاحتمالات والجبر الخطي والبرمجة بلغة بايثون من خلال
    مشاريع عملية. ستتعلم كيفية جمع البيانات وتنظيفها وتصورها وبناء النماذج التنبؤية وتقييم دقتها وعرض النتائج على
    صناع القرار في الأعمال والصحة والتعليم والسياسة العامة.` },
  zh: { spaced: false, text: `本 课程 为 初学者 介绍 机器 学习 和 数据 科学 。 学习者 通过 实践 项目 探索 监督 学习 和
    无 监督 学习 、 神经 网络 、 统计学 、 概率 、 线性 代数 和 Python 编程 。 你 将 学习 如何 收集 、 清洗 和 可视化 数据
    ， 构建 预测 模型 ， 评估 模型 的 准确性 ， 并 向 商业 、 健康 、 教育 和 公共 政策 领域 的 决策者 展示 结果 。` },
  th: { spaced: false, text: `หลักสูตร นี้ แนะนำ การ เรียนรู้ ของ เครื่อง และ วิทยาศาสตร์ ข้อมูล สำหรับ ผู้เริ่มต้น ผู้เรียน
    จะ ได้ สำรวจ การ เรียนรู้ แบบ มี ผู้สอน และ ไม่มี ผู้สอน โครงข่าย ประสาท เทียม สถิติ ความน่าจะเป็น พีชคณิต เชิงเส้น และ
    การ เขียน โปรแกรม ภาษา ไพทอน ผ่าน โครงงาน ภาคปฏิบัติ คุณ จะ เรียนรู้ วิธี เก็บ รวบรวม ทำความสะอาด และ แสดงผล ข้อมูล
    สร้าง แบบจำลอง การ ทำนาย และ ประเมิน ความ แม่นยำ ใน ธุรกิจ สุขภาพ การศึกษา และ นโยบาย สาธารณะ` },
}

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Base words first, then TAIL made-up words from pieces of them: the long tail a real catalog has. */
function vocabulary(language: string, random: () => number): string[] {
  const base = [...new Set(SAMPLES[language]?.text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)) ?? [])]
  const tail = new Set<string>()
  for (let attempt = 0; tail.size < TAIL && attempt < TAIL * 10; attempt++) {
    const a = [...(base[Math.floor(random() * base.length)] ?? '')]
    const b = [...(base[Math.floor(random() * base.length)] ?? '')]
    const c = [...(base[Math.floor(random() * base.length)] ?? '')]
    const piece = (w: string[], max: number) => w.slice(0, 1 + Math.floor(random() * Math.min(max, w.length)))
    tail.add(
      [...piece(a, 6), ...piece(b.reverse(), 3).reverse(), ...(random() < 0.5 ? piece(c, 2) : [])].join(''),
    )
  }
  return [...base, ...tail]
}

function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size)
  let sum = 0
  for (let rank = 0; rank < size; rank++) cumulative[rank] = sum += 1 / (rank + 1)
  return () => {
    const target = random() * sum
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

function documents(language: string, count: number, seed: number): string[] {
  const random = mulberry32(seed)
  const words = vocabulary(language, random)
  const pick = zipfSampler(words.length, random)
  const spaced = SAMPLES[language]?.spaced ?? true
  const sentence = (n: number) => {
    const parts = Array.from({ length: n }, () => words[pick()] ?? '')
    return spaced ? parts.join(' ') + '. ' : parts.join('') + (language === 'th' ? ' ' : '。')
  }
  const docs: string[] = []
  for (let i = 0; i < count; i++) {
    const title = sentence(8)
    let description = ''
    for (let w = 0; w < 150; w += 15) description += sentence(15)
    docs.push(title, description)
  }
  return docs
}

interface Count {
  words: number
  tokens: number
}

function measure(docs: string[], run: (text: string) => Count): Count & { seconds: number } {
  let best = Infinity
  const total = { words: 0, tokens: 0 }
  for (let r = 0; r < RUNS; r++) {
    total.words = 0
    total.tokens = 0
    const start = process.hrtime.bigint()
    for (const text of docs) {
      const count = run(text)
      total.words += count.words
      total.tokens += count.tokens
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9)
  }
  return { seconds: best, ...total }
}

const analyzeWords = (language: string) => (text: string) => {
  const tokens = analyze(text, language)
  return {
    words: tokens.length === 0 ? 0 : (tokens[tokens.length - 1]?.position ?? 0) + 1,
    tokens: tokens.length,
  }
}
const segmenterWords = (language: string) => {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' })
  return (text: string) => {
    let n = 0
    for (const s of segmenter.segment(text)) if (s.isWordLike === true) n++
    return { words: n, tokens: n }
  }
}

const rows: string[][] = [
  ['language', 'courses/s', 'words/s', 'tokens/s (indexed)', 'words/s (Intl.Segmenter only)'],
]
for (const language of Object.keys(SAMPLES)) {
  measure(documents(language, Math.min(500, DOCS), 1), analyzeWords(language))
  const docs = documents(language, DOCS, 2)
  const ours = measure(docs, analyzeWords(language))
  const baseline = measure(docs, segmenterWords(language))
  rows.push([
    language,
    Math.round(DOCS / ours.seconds).toLocaleString('en'),
    Math.round(ours.words / ours.seconds).toLocaleString('en'),
    Math.round(ours.tokens / ours.seconds).toLocaleString('en'),
    Math.round(baseline.words / baseline.seconds).toLocaleString('en'),
  ])
}

const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  '))
console.log(
  `\n${DOCS} courses per language (title 8 words + description 150 words), one core, node ${process.version}`,
)

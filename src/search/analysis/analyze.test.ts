// Document analysis per language: stemming equivalence, segmentation of unspaced scripts, Chinese folding,
// mixed scripts, positions and language tags.
import { describe, expect, it } from 'vitest'
import { analyze, analyzeQuery } from './analyze.ts'

const terms = (text: string, language: string) => analyze(text, language).map((token) => token.term)
const term = (word: string, language: string) => {
  const found = terms(word, language)
  expect(found).toHaveLength(1)
  return found[0]
}

describe('stemming: inflected, accented and unaccented spellings give one term', () => {
  it.each([
    ['en', ['learning', 'learn', 'learns', 'learned', 'Learning']],
    ['en', ['courses', 'course']],
    ['ru', ['обучение', 'обучения', 'обучением', 'Обучение']],
    ['ru', ['машинное', 'машинного']],
    ['ru', ['ёлка', 'елка', 'Ёлка']],
    ['fr', ['éducation', 'education', 'éducations', "l'éducation", 'L’Éducation']],
    ['fr', ['université', 'universite', 'universités']],
    ['es', ['información', 'informacion', 'informaciones']],
    ['es', ['educación', 'educacion', 'educaciones']],
    ['es', ['biología', 'biologia']],
    ['pt', ['educação', 'educacao', 'educações']],
    ['pt-BR', ['informação', 'informacoes', 'informações']],
    ['it', ['università', 'universita']],
    ['it', ['apprendimento', 'apprendimenti', "dell'apprendimento"]],
    ['de', ['Universität', 'Universitäten', 'universitat']],
    ['de', ['Straße', 'strasse']],
    ['ar', ['التعليم', 'التَّعْلِيمُ', 'تعليم', 'والتعليم', 'بالتعليم', 'للتعليم', 'الـتـعـلـيـم']],
    ['ar', ['المدرسة', 'مدرسة', 'المدرسه']],
    ['ar', ['أحمد', 'احمد', 'إحمد', 'آحمد']],
    ['ar', ['مصطفى', 'مصطفي']],
  ])('%s: %j', (language, words) => {
    const stems = words.map((word) => term(word, language))
    expect(new Set(stems).size).toBe(1)
  })

  it('keeps different words apart', () => {
    expect(term('learning', 'en')).not.toBe(term('earning', 'en'))
    expect(term('обучение', 'ru')).not.toBe(term('общение', 'ru'))
  })

  it('leaves the unstemmed word in surface', () => {
    expect(analyze('Learning', 'en')).toEqual([{ term: 'learn', surface: 'learning', position: 0 }])
    expect(analyze('Éducation', 'fr')).toEqual([{ term: 'educ', surface: 'education', position: 0 }])
  })
})

describe('languages written without spaces', () => {
  it('does not cut Thai words apart', () => {
    const tokens = terms('การเรียนรู้ของเครื่อง', 'th')
    expect(tokens).toEqual(['เรียน', 'รู้', 'เครื่อง'])
    expect(terms('หลักสูตรสำหรับผู้เริ่มต้น', 'th')).toContain('สำหรับ')
  })

  it('finds the Thai query เรียนรู้ in a document', () => {
    const document = new Set(terms('หลักสูตรการเรียนรู้ของเครื่องเบื้องต้น', 'th'))
    const query = terms('เรียนรู้', 'th')
    expect(query.length).toBeGreaterThan(0)
    for (const word of query) expect(document).toContain(word)
  })

  it('finds two-character Chinese words inside longer text', () => {
    expect(terms('机器学习课程', 'zh')).toEqual(['机器', '学习', '课程'])
    expect(terms('深度学习与人工智能导论', 'zh')).toContain('学习')
  })

  it.each([
    ['线性代数课程', '代数'],
    ['分子生物学导论', '生物学'],
    ['分子生物学导论', '生物'],
    ['微积分入门', '积分'],
    ['数据科学家的工具箱', '工具'],
    ['新闻传播学', '传播'],
    ['線性代數', '代数'],
  ])('finds %s by the word %s that the segmenter keeps inside a longer word', (text, word) => {
    const document = new Set(terms(text, 'zh'))
    const query = analyzeQuery(word, 'zh').tokens.map((token) => token.term)
    expect(query.length).toBeGreaterThan(0)
    for (const term of query) expect(document).toContain(term)
  })

  it('adds the parts of long Han words after the words, at the position of their word', () => {
    expect(analyze('微积分入门', 'zh')).toEqual([
      { term: '微积分', surface: '微积分', position: 0 },
      { term: '入门', surface: '入门', position: 1 },
      { term: '微', surface: '微', position: 0 },
      { term: '积', surface: '积', position: 0 },
      { term: '分', surface: '分', position: 0 },
      { term: '微积', surface: '微积', position: 0 },
      { term: '积分', surface: '积分', position: 0 },
    ])
  })

  it('adds Han words the segmenter split a suffix off, glued whole at their position', () => {
    expect(analyze('心理学概论', 'zh')).toEqual([
      { term: '心理', surface: '心理', position: 0 },
      { term: '学', surface: '学', position: 1 },
      { term: '概论', surface: '概论', position: 2 },
      { term: '心理学', surface: '心理学', position: 0 },
    ])
    expect(terms('區塊鏈技術', 'zh-Hant')).toContain('区块链')
    // Only characters side by side in one run, and never across a stop word or a lone-character name.
    expect(terms('心理 学', 'zh')).not.toContain('心理学')
    expect(terms('数据结构', 'zh')).toEqual(['数据', '结构'])
    expect(terms('阎步克', 'zh')).not.toContain('阎步克')
    // Only suffixes: a lone character that is a word of its own is not glued ("will" in 开发将创业).
    expect(terms('开发将创业', 'zh')).toEqual(['开发', '将', '创业'])
  })

  it('folds Traditional Chinese to Simplified', () => {
    expect(terms('機器學習', 'zh-Hant')).toEqual(terms('机器学习', 'zh'))
    expect(terms('機器學習課程', 'zh-TW')).toEqual(['机器', '学习', '课程'])
    expect(terms('機器學習', 'und')).toEqual(['机器', '学习'])
  })

  it('drops Chinese stop words but counts their positions', () => {
    expect(analyze('数据的分析', 'zh').map((token) => [token.term, token.position])).toEqual([
      ['数据', 0],
      ['分析', 2],
    ])
  })

  it('segments Japanese with kana', () => {
    expect(terms('機械学習入門コース', 'ja')).toEqual(['机械', '学习', '入门', 'コース'])
  })

  it('segments Khmer and Myanmar text', () => {
    expect(terms('ការរៀនម៉ាស៊ីន', 'km').length).toBeGreaterThan(1)
    expect(terms('စက်သင်ယူမှု', 'my').length).toBeGreaterThan(1)
  })
})

describe('mixed scripts', () => {
  it('splits Chinese inside an English title and stems only the English words', () => {
    expect(terms('Learning 机器学习 with Python编程', 'en')).toEqual([
      'learn',
      '机器',
      '学习',
      'python',
      '编',
      '程',
    ])
  })

  it('leaves English words in a Chinese document unstemmed', () => {
    expect(terms('机器学习 Machine Learning', 'zh')).toEqual(['机器', '学习', 'machine', 'learning'])
  })

  it('stems Russian words but not Latin ones in a Russian document', () => {
    expect(terms('Машинное обучение (Machine Learning)', 'ru')).toEqual([
      'машин',
      'обучен',
      'machine',
      'learning',
    ])
  })

  it('splits Thai and Latin written together', () => {
    expect(terms('เรียนPythonเบื้องต้น', 'th')).toEqual(['เรียน', 'python', 'เบื้อง', 'ต้น'])
  })

  it('keeps numbers and programming languages', () => {
    expect(terms('C++, C# and Python 3.12 in 2024', 'en')).toEqual(['c++', 'c#', 'python', '3.12', '2024'])
    expect(terms('٢٠٢٤ ๒๕๖๗', 'und')).toEqual(['2024', '2567'])
  })
})

describe('positions and stop words', () => {
  it('drops stop words but counts them in positions', () => {
    expect(analyze('Introduction to the History of Art', 'en')).toEqual([
      { term: 'introduct', surface: 'introduction', position: 0 },
      { term: 'histori', surface: 'history', position: 3 },
      { term: 'art', surface: 'art', position: 5 },
    ])
  })

  it.each([
    ['fr', "Introduction à l'histoire de l'art", ['introduct', 'histoir', 'art']],
    ['es', 'Introducción a la historia del arte', ['introduccion', 'histori', 'arte']],
    ['de', 'Einführung in die Geschichte der Kunst', ['einfuhr', 'geschicht', 'kunst']],
    ['ru', 'Введение в историю искусства', ['введен', 'истор', 'искусств']],
    ['ar', 'مقدمة في تاريخ الفن', ['مقدم', 'تاريخ', 'فن']],
    ['th', 'ประวัติศาสตร์ของศิลปะ', ['ประวัติศาสตร์', 'ศิลปะ']],
  ])('%s stop words', (language, text, expected) => {
    expect(terms(text, language)).toEqual(expected)
  })

  it('keeps words that look like stop words but name things in titles', () => {
    expect(terms('IT Security: how not to get hacked', 'en')).toEqual([
      'it',
      'secur',
      'how',
      'not',
      'get',
      'hack',
    ])
  })

  it('applies stop words only in the language of the document', () => {
    expect(terms('the die', 'de')).toEqual(['the'])
    expect(terms('the die', 'en')).toEqual(['die'])
  })
})

describe('language tags', () => {
  it('uses the primary subtag', () => {
    expect(terms('educações', 'pt-BR')).toEqual(terms('educação', 'pt'))
    expect(terms('Learning', 'EN_us')).toEqual(['learn'])
  })

  it.each(['und', '', 'x', 'xx-garbage', '12', 'constructor', 'toString', 'zz'])(
    'normalizes without stemming or stop words for %j',
    (language) => {
      expect(terms('The Learning of Éducation', language)).toEqual(['the', 'learning', 'of', 'education'])
    },
  )
})

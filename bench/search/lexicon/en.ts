// English seed lexicon: course vocabulary, compounds with learned prefixes, topics and title patterns.
import { compounds, inflect, list, phrases, type Lexicon } from './lexicon.ts'

const heads = list(`bio neuro micro nano geo eco cyber socio psycho electro thermo hydro astro photo macro
  meta multi inter trans agro aero auto tele info techno cardio immuno pharmaco radio chrono`)

export const en: Lexicon = {
  language: 'en',
  joiner: ' ',
  sentenceEnd: '.',
  stop: list(`the of and to in for with on a an is are this that by from as at be will you your we our how
    it its or can what which into about through their these more also than all both each`),
  words: list(`learning data course introduction analysis systems design science students management theory
    practice skills research methods development business applications principles models networks digital
    programming software engineering economics history language health computer statistics mathematics
    social public policy global international environment energy finance marketing communication culture
    education teaching machine intelligence artificial algorithms structures
    database web mobile security cloud computing project quality risk strategy leadership innovation
    entrepreneurship operations logistics supply chain accounting law ethics philosophy psychology sociology
    biology chemistry physics calculus algebra geometry probability writing literature music film media
    journalism architecture urban planning agriculture food water climate sustainability ecology medicine
    nursing nutrition genetics neuroscience molecular organic quantum linear financial corporate creative
    cognitive clinical renewable human world modern ancient european asian african american chinese russian
    arabic spanish french english grammar vocabulary reading speaking listening translation linguistics
    semantics phonetics rhetoric argument evidence critical thinking problem solving decision making
    negotiation teamwork presentation visualization python java javascript sql excel spreadsheet
    regression classification clustering neural deep reinforcement vision robotics sensors automation
    electronics circuits signals control mechanics materials thermodynamics fluids structures construction
    transport aviation maritime tourism hospitality retail sales advertising branding consumer behavior
    markets trade banking investment insurance taxation auditing budgeting valuation portfolio derivatives
    econometrics microeconomics macroeconomics inequality poverty migration population demography gender
    identity religion theology archaeology anthropology geography geology oceanography astronomy cosmology
    evolution ecology biodiversity conservation forestry fisheries veterinary dentistry pharmacy surgery
    anatomy physiology epidemiology immunology pathology diagnosis therapy rehabilitation wellbeing
    mindfulness sport fitness coaching parenting childhood adolescence aging dementia disability inclusion
    equity justice rights democracy governance elections diplomacy security conflict peace war revolution
    empire colonialism independence constitution courts contracts property crime evidence investigation
    forensics privacy ethics standards innovation startups product customer service experience interface
    usability accessibility testing debugging deployment containers microservices blockchain cryptography
    encryption protocols wireless satellites photography painting drawing sculpture theatre dance opera
    poetry novels drama mythology folklore heritage museums archives libraries information knowledge
    fundamentals advanced applied foundations essentials beginners professionals certificate specialization`),
  expand: (words) => [
    ...inflect(words, [
      [/(ics|ss|s|y)$/, []],
      [/$/, ['s']],
    ]),
    ...compounds(heads, words),
  ],
  topics: phrases(`machine learning | data science | artificial intelligence | computer programming |
    web development | information security | cloud computing | financial accounting | corporate finance |
    digital marketing | project management | entrepreneurship | microeconomics | public health |
    climate change | renewable energy | organic chemistry | quantum physics | linear algebra |
    probability theory | world history | moral philosophy | cognitive psychology | cultural studies |
    international law | creative writing | english grammar | chinese language | music theory |
    film production | sustainable architecture | urban planning | molecular biology | human genetics |
    neuroscience | clinical nursing | sustainable agriculture | teacher training | data journalism |
    deep learning`),
  patterns: phrases(`Introduction to {t} | {t} | {t} for Beginners | Fundamentals of {t} | Advanced {t} |
    Applied {t} | {t} : Theory and Practice | Principles of {t} | {t} in Practice | Foundations of {t}`),
  names: {
    first: list('James Mary Robert Linda Michael Sarah David Emily John Anna Daniel Laura'),
    last: list('Smith Johnson Brown Taylor Miller Wilson Moore Clark Lewis Walker Hall Young'),
  },
}

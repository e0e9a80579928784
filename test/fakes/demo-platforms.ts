// npm run demo:platforms — starts three fake member platforms on 127.0.0.1 serving real-shaped
// catalogs built from the demo courses (SPbU's Open edX, UNESCO IITE over MOOChub v3, Tsinghua
// over OAI-PMH), and prints the commands that replace the seeded demo catalog by harvesting them.
import { readDemoCourses, type DemoCourse } from '../../src/seed/demo-catalog.ts'
import { moochubCourse, startFakeMoochub } from './moochub.ts'
import { oaiResource, startFakeOaiPmh } from './oai-pmh.ts'
import { openedxRun, startFakeOpenedx } from './openedx-lms.ts'

const courses = readDemoCourses()
const of = (institution: string) => courses.filter((c) => c.institution === institution)
const start = (i: number) => new Date(Date.UTC(2026, 8 + (i % 6), 1 + (i % 27))).toISOString()
const end = (i: number, weeks: number) =>
  new Date(Date.parse(start(i)) + weeks * 7 * 86_400_000).toISOString()

const lms = await startFakeOpenedx(
  of('spbu').map((c: DemoCourse, i) =>
    openedxRun(i, {
      id: `course-v1:SPbU+${c.courseNumber.replace(/[^A-Za-z0-9._-]/g, '')}+2026_fall`,
      org: 'SPbU',
      number: c.courseNumber.replace(/[^A-Za-z0-9._-]/g, ''),
      name: c.title,
      short_description: c.summary,
      effort: `${String(c.effortHoursPerWeek).padStart(2, '0')}:00`,
      start: start(i),
      end: end(i, c.weeks),
      pacing: i % 4 === 0 ? 'self' : 'instructor',
    }),
  ),
)

const moochub = await startFakeMoochub(
  of('unesco-iite').map((c, i) =>
    moochubCourse(i, {
      name: c.title,
      courseCode: c.courseNumber,
      description: `<p>${c.description}</p>`,
      inLanguage: [c.language],
      startDate: [start(i)],
      endDate: [end(i, c.weeks)],
      duration: `P${c.weeks}W`,
      workload: { timeValue: c.effortHoursPerWeek, timeUnit: 'h/week' },
      instructor: c.instructors.map((name) => ({ type: 'Person', name })),
      publisher: { type: 'Organization', name: 'UNESCO IITE', url: 'https://iite.unesco.org/' },
      creator: [{ type: 'Organization', name: 'UNESCO IITE', url: 'https://iite.unesco.org/' }],
      url: `https://courses.iite.example/course/${c.slug}`,
      educationalAlignment: c.subjects.map((code) => ({
        alignmentType: 'educationalSubject',
        educationalFramework: 'ISCED-F',
        educationalFrameworkVersion: '2013',
        shortCode: code,
        targetUrl: `http://data.europa.eu/esco/isced-f/${code}`,
        type: 'EducationalAlignment',
      })),
    }),
  ),
)

const oai = await startFakeOaiPmh(
  of('tsinghua').map((c, i) =>
    oaiResource(i, {
      identifier: `oai:xuetangx.example:${c.slug}`,
      titles: { [c.language]: c.title },
      descriptions: { [c.language]: `<p>${c.description}</p>` },
      language: c.language,
      subjects: c.subjects,
      organization: 'Tsinghua University',
      url: `https://www.xuetangx.example/course/${c.slug}`,
      typicalLearningTime: `P${c.weeks}W`,
      learningTimeNote: `${c.effortHoursPerWeek} hours per week`,
    }),
  ),
)

process.stdout.write(`Three fake member platforms are running (Ctrl-C stops them):

  SPbU Open edX (Open edX Courses API)  ${lms.url}            ${lms.runs.length} course runs
  UNESCO IITE (MOOChub v3)               ${moochub.apiUrl}   ${moochub.courses.length} courses
  Tsinghua on XuetangX (OAI-PMH, LOM)    ${oai.endpoint}     ${oai.resources.length} records

In another terminal, replace the seeded demo catalog by harvesting them:

  npm run moocx -- seed --remove-demo
  npm run moocx -- sources add --id demo-spbu --platform spbu-openedx --format openedx-courses --url ${lms.url} --org SPbU=spbu --language ru
  npm run moocx -- sources add --id demo-iite --platform openedu --format moochub --url ${moochub.apiUrl} --org "UNESCO IITE=unesco-iite"
  npm run moocx -- sources add --id demo-tsinghua --platform xuetangx --format oai-pmh --url "${oai.endpoint}?metadataPrefix=lom" --org "Tsinghua University=tsinghua"
  npm run moocx -- harvest demo-spbu
  npm run moocx -- harvest demo-iite
  npm run moocx -- harvest demo-tsinghua

Then open http://localhost:3000/courses (npm start) or sign in to http://localhost:3000/console.
`)

const stop = () => void Promise.all([lms.close(), moochub.close(), oai.close()]).then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

// Seeds the registry (ISCED-F subjects, the alliance's institutions and platforms) and, on
// request, the demonstration catalog. Idempotent: what exists is left as it is.
import {
  countCoursesOfOrigin,
  deleteCoursesOfOrigin,
  insertCatalogRows,
} from '../catalog/catalog-import-repository.ts'
import { InstitutionCreate } from '../institutions/institution.ts'
import { createInstitution, findInstitution } from '../institutions/institution-repository.ts'
import { createPlatform, findPlatform } from '../institutions/platform-repository.ts'
import { isoNow, today, type Deps } from '../shared/deps.ts'
import { readIscedF } from '../subjects/isced-f.ts'
import { saveSubjects } from '../subjects/subject-repository.ts'
import { alliancePlatforms, allianceInstitutions } from './alliance.ts'
import { demoCatalogRows, readDemoCourses } from './demo-catalog.ts'

export interface SeedReport {
  subjects: number
  institutionsAdded: number
  platformsAdded: number
  demoCoursesAdded: number
}

export async function seedRegistry(deps: Deps): Promise<Omit<SeedReport, 'demoCoursesAdded'>> {
  const subjects = readIscedF()
  await saveSubjects(deps.db, subjects)
  let institutionsAdded = 0
  for (const institution of allianceInstitutions) {
    if (await findInstitution(deps.db, institution.id)) continue
    await createInstitution(deps.db, InstitutionCreate.parse(institution), isoNow(deps))
    institutionsAdded++
  }
  let platformsAdded = 0
  for (const platform of alliancePlatforms) {
    if (await findPlatform(deps.db, platform.id)) continue
    await createPlatform(deps.db, platform, isoNow(deps))
    platformsAdded++
  }
  return { subjects: subjects.length, institutionsAdded, platformsAdded }
}

/** Adds the demo catalog unless demo courses are already there; returns how many were added. */
export async function seedDemoCatalog(deps: Deps): Promise<number> {
  if ((await countCoursesOfOrigin(deps.db, 'demo')) > 0) return 0
  const rows = demoCatalogRows(readDemoCourses(), today(deps), isoNow(deps))
  await insertCatalogRows(deps.db, rows)
  return rows.courses.length
}

export async function removeDemoCatalog(deps: Deps): Promise<number> {
  return deleteCoursesOfOrigin(deps.db, 'demo')
}

export async function seedAll(deps: Deps, options: { demo: boolean }): Promise<SeedReport> {
  const registry = await seedRegistry(deps)
  const demoCoursesAdded = options.demo ? await seedDemoCatalog(deps) : 0
  return { ...registry, demoCoursesAdded }
}

// Every migration. Kysely runs them in the order of their names, so a new name must sort after
// every other one. Migrations are frozen once they land; add new ones at the end.
import type { Migration } from 'kysely'
import * as catalogCore from './2026-11-29-catalog-core.ts'
import * as harvest from './2026-11-29-harvest.ts'
import * as consoleSessions from './2026-11-29-console-sessions.ts'
import * as pushNonces from './2026-11-29-push-nonces.ts'
import * as subjectMappings from './2026-11-29-subject-mappings.ts'
import * as crossListing from './2026-11-29-cross-listing.ts'
import * as listingOffers from './2026-11-30-listing-offers.ts'
import * as searchChanges from './2026-11-30-search-changes.ts'
import * as searchInstitutionNames from './2026-12-01-search-institution-names.ts'
import * as publicationChanges from './2026-12-02-publication-changes.ts'
import * as sourceUpstreamDate from './2026-12-02-source-upstream-date.ts'
import * as platformChanges from './2026-12-03-platform-changes.ts'

export const migrations: Record<string, Migration> = {
  '2026-11-29-catalog-core': catalogCore,
  '2026-11-29-harvest': harvest,
  '2026-11-29-console-sessions': consoleSessions,
  '2026-11-29-push-nonces': pushNonces,
  '2026-11-29-subject-mappings': subjectMappings,
  '2026-11-29-cross-listing': crossListing,
  '2026-11-30-listing-offers': listingOffers,
  '2026-11-30-search-changes': searchChanges,
  '2026-12-01-search-institution-names': searchInstitutionNames,
  '2026-12-02-publication-changes': publicationChanges,
  '2026-12-02-source-upstream-date': sourceUpstreamDate,
  '2026-12-03-platform-changes': platformChanges,
}

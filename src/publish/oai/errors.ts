// OAI-PMH error conditions: answered inside a 200 OAI-PMH response with their protocol code, never
// as moocx's JSON error model (harvesters read the XML).

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy'

export interface OaiError {
  code: OaiErrorCode
  message: string
}

/** The answer to a list that selects no record (ListRecords and ListIdentifiers need one). */
export const NO_RECORDS: OaiError = {
  code: 'noRecordsMatch',
  message: 'no record matches the format, set and dates asked for',
}

/** Thrown inside the provider to answer with one error; the route writes it as XML. */
export class OaiFailure extends Error {
  constructor(readonly errors: OaiError[]) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('; '))
    this.name = 'OaiFailure'
  }
}

export function fail(code: OaiErrorCode, message: string): never {
  throw new OaiFailure([{ code, message }])
}

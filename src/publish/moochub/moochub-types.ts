// The shapes moocx writes in MOOChub v3 (test/fixtures/moochub/moochub-schema.json): a course
// resource, its parts and the list document. Only what moocx fills is typed here.
import type { Level } from '../../catalog/course.ts'

export const MOOCHUB_VERSION = '3'
export const MOOCHUB_MEDIA_TYPE = `application/vnd.api+json; moochub-version=${MOOCHUB_VERSION}`

export interface MoochubLicense {
  identifier: string
  url: string | null
}

export interface MoochubImage {
  type: 'ImageObject'
  contentUrl: string
  license: MoochubLicense[]
}

export interface MoochubOrganization {
  type: 'Organization'
  name: string
  url: string | null
  /** The moocx page of the institution (the v3 API's Organization `identifier`), read by a peer moocx. */
  identifier?: string
  image?: MoochubImage
}

export interface MoochubPerson {
  type: 'Person'
  name: string
}

export interface MoochubLabel {
  inLanguage: string
  name: string
}

export interface MoochubAlignment {
  type: 'EducationalAlignment'
  alignmentType: 'educationalSubject'
  educationalFramework: 'ISCED-F'
  educationalFrameworkVersion: '2013'
  url: string
  name: MoochubLabel[]
  shortCode: string
  targetUrl: string
}

export interface MoochubOffer {
  price: number
  priceCurrency: string
  paymentFrequency: 'one-time'
  category: 'course' | 'certificate' | 'complete'
}

export interface MoochubAttributes {
  name: string
  courseCode: string | null
  learningResourceType: {
    identifier: 'https://w3id.org/kim/hcrt/course'
    type: 'Concept'
    inScheme: 'https://w3id.org/kim/hcrt/scheme'
  }
  courseMode: ('online' | 'asynchronous')[]
  description: string | null
  /** The summary (MOOChub v2 `abstract`, HTML); v3 has no field of its own for it. */
  abstract: string | null
  inLanguage: string[] | null
  startDate: string[] | null
  endDate: string[] | null
  applicationStartDate?: string
  applicationDeadline?: string
  duration?: string
  workload?: { timeValue: number; timeUnit: 'h/week' | 'h/month' }
  instructor: MoochubPerson[]
  creator: MoochubOrganization[]
  publisher: MoochubOrganization
  url: string
  license: MoochubLicense[]
  access?: ('free' | 'paid')[]
  offer?: MoochubOffer[]
  educationalCredentialsAwarded?: 'certificate'[]
  educationalAlignment: MoochubAlignment[]
  keywords: string[] | null
  dateCreated: string
  dateModified: string
}

export interface MoochubCourse {
  type: 'Course'
  /** A UUID, as v3 asks: the course id when it is one, else derived from the course's moocx URL. */
  id: string
  attributes: MoochubAttributes
  /** What moocx says beyond MOOChub (JSON:API resource meta): the level, which v3 has no field for. */
  meta: { level?: Level }
  links: { self: string }
}

export interface MoochubPage {
  links: { self: string; first: string; last: string; next?: string }
  data: MoochubCourse[]
  meta: { total: number }
}

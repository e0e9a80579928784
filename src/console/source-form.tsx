// The source form of the console: fields with labels, hints and error messages tied to them, and
// the parsing of a submitted form into a SourceCreate or SourceUpdate input.
import type { Translate } from '../i18n/i18n.ts'
import type { Platform } from '../institutions/platform.ts'
import type { ErrorDetail } from '../shared/errors.ts'
import { SourceFormat, type Source } from '../harvest/source.ts'

export type FormValues = Record<string, string>

export const FIELDS = [
  'id',
  'platformId',
  'format',
  'baseUrl',
  'defaultLanguage',
  'scheduleMinutes',
  'ratePerMinute',
  'orgMap',
] as const
type Field = (typeof FIELDS)[number]

const LABEL: Record<Field, Parameters<Translate>[0]> = {
  id: 'console.source.id',
  platformId: 'console.source.platform',
  format: 'console.source.format',
  baseUrl: 'console.source.url',
  defaultLanguage: 'console.source.language',
  scheduleMinutes: 'console.source.schedule',
  ratePerMinute: 'console.source.rate',
  orgMap: 'console.source.orgMap',
}

const HINT: Partial<Record<Field, Parameters<Translate>[0]>> = {
  baseUrl: 'console.source.urlHint',
  defaultLanguage: 'console.source.languageHint',
  scheduleMinutes: 'console.source.scheduleHint',
  orgMap: 'console.source.orgMapHint',
}

/** Turns form fields (all strings) into the shape the Zod schemas parse; blank means "not given". */
export function formToInput(
  form: FormValues,
  fields: readonly Field[],
): { input: Record<string, unknown>; problems: ErrorDetail[] } {
  const input: Record<string, unknown> = {}
  const problems: ErrorDetail[] = []
  const value = (f: Field) => (form[f] ?? '').trim()
  for (const f of fields) {
    const v = value(f)
    if (f === 'orgMap') {
      const entries = v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
      const bad = entries.find((l) => !/^[^=\s]+\s*=\s*[^=\s]+$/.test(l))
      if (bad) problems.push({ field: 'orgMap', message: `"${bad.slice(0, 80)}" is not CODE=institution` })
      input.orgMap = Object.fromEntries(
        entries.filter((l) => l !== bad).map((l) => l.split('=').map((p) => p.trim())),
      )
    } else if (f === 'scheduleMinutes') input.scheduleMinutes = v === '' ? null : Number(v)
    else if (f === 'ratePerMinute') {
      if (v !== '') input.ratePerMinute = Number(v)
    } else if (f === 'defaultLanguage') input.defaultLanguage = v === '' ? null : v
    else if (v !== '') input[f] = v
  }
  return { input, problems }
}

export function valuesOf(source: Source): FormValues {
  return {
    id: source.id,
    platformId: source.platformId,
    format: source.format,
    baseUrl: source.baseUrl,
    defaultLanguage: source.defaultLanguage ?? '',
    scheduleMinutes: source.scheduleMinutes === null ? '' : String(source.scheduleMinutes),
    ratePerMinute: String(source.ratePerMinute),
    orgMap: Object.entries(source.orgMap)
      .map(([code, id]) => `${code}=${id}`)
      .join('\n'),
  }
}

interface FormProps {
  t: Translate
  action: string
  fields: readonly Field[]
  values: FormValues
  errors: ErrorDetail[]
  platforms: Platform[]
  submit: string
}

export function SourceForm({ t, action, fields, values, errors, platforms, submit }: FormProps) {
  const errorOf = (f: Field) => errors.find((e) => e.field.replace(/^body\./, '').split('.')[0] === f)
  return (
    <form method="post" action={action} novalidate>
      {errors.length > 0 && (
        <div class="notice" role="alert" aria-labelledby="form-errors">
          <h2 id="form-errors">{t('console.errors', { count: errors.length })}</h2>
          <ul>
            {errors.map((e) => {
              const field = e.field.replace(/^body\./, '').split('.')[0] ?? ''
              const known = FIELDS.find((f) => f === field)
              return (
                <li>
                  {known ? <a href={`#f-${known}`}>{t(LABEL[known])}</a> : field}:{' '}
                  <span lang="en">{e.message}</span>
                </li>
              )
            })}
          </ul>
        </div>
      )}
      {fields.map((f) => {
        const error = errorOf(f)
        const hint = HINT[f]
        const describedBy =
          [hint ? `h-${f}` : '', error ? `e-${f}` : ''].filter(Boolean).join(' ') || undefined
        const common = {
          id: `f-${f}`,
          name: f,
          'aria-describedby': describedBy,
          'aria-invalid': error ? 'true' : undefined,
        }
        return (
          <p class="field">
            <label for={`f-${f}`}>{t(LABEL[f])}</label>
            {hint && (
              <span class="hint" id={`h-${f}`}>
                {t(hint)}
              </span>
            )}
            {error && (
              <span class="error" id={`e-${f}`} lang="en">
                {error.message}
              </span>
            )}
            {f === 'platformId' ? (
              <select {...common}>
                {platforms.map((p) => (
                  <option value={p.id} selected={values[f] === p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ) : f === 'format' ? (
              <select {...common}>
                {SourceFormat.options.map((format) => (
                  <option value={format} selected={values[f] === format}>
                    {format}
                  </option>
                ))}
              </select>
            ) : f === 'orgMap' ? (
              <textarea {...common} rows={4} dir="ltr">
                {values[f] ?? ''}
              </textarea>
            ) : (
              <input
                {...common}
                type={
                  f === 'baseUrl'
                    ? 'url'
                    : f === 'scheduleMinutes' || f === 'ratePerMinute'
                      ? 'number'
                      : 'text'
                }
                value={values[f] ?? ''}
                dir="ltr"
                required={f === 'baseUrl' ? true : undefined}
              />
            )}
          </p>
        )
      })}
      <p>
        <button type="submit">{submit}</button>
      </p>
    </form>
  )
}

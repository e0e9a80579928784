// Small page parts shared by several pages: pagination, paragraphs of plain text and the
// scrollable box around a wide table.
import type { Child } from 'hono/jsx'
import type { PageContext } from './layout.tsx'

export function Pager({ page, current, pages }: { page: PageContext; current: number; pages: number }) {
  if (pages <= 1) return null
  const { t } = page
  const link = (n: number) => {
    const params = new URLSearchParams(page.url.search)
    params.set('page', String(n))
    return `${page.url.pathname}?${params.toString()}`
  }
  return (
    <nav class="pager" aria-label={t('pagination.label')}>
      <ul>
        {current > 1 && (
          <li>
            <a href={link(current - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        )}
        {current < pages && (
          <li>
            <a href={link(current + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        )}
      </ul>
      <span aria-current="page">{t('pagination.status', { page: current, pages })}</span>
    </nav>
  )
}

/** Plain text with blank lines as paragraph breaks, never interpreted as HTML. */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p lang={lang}>{p}</p>
        ))}
    </>
  )
}

/**
 * The box a wide table scrolls in on a narrow screen. Focusable and named by `labelledBy` (the id of
 * the table's caption or heading), so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string
  label?: string
  children: Child
}) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={labelledBy} aria-label={label} tabindex={0}>
      {children}
    </div>
  )
}

import { describe, expect, it } from 'vitest'
import { MAX_URL_LENGTH, absoluteUrl } from './absolute-url.ts'

const base = 'https://lms.example/courses/x/about'

describe('absoluteUrl', () => {
  it.each([
    [
      '/asset-v1:SPbU+PHILOS+spring_2026+type@asset+block@cover.jpg',
      'https://lms.example/asset-v1:SPbU+PHILOS+spring_2026+type@asset+block@cover.jpg',
    ],
    ['//cdn.example/x.png', 'https://cdn.example/x.png'],
    ['cover.jpg', 'https://lms.example/courses/x/cover.jpg'],
    ['../cover.jpg', 'https://lms.example/courses/cover.jpg'],
    ['?page=2', 'https://lms.example/courses/x/about?page=2'],
    ['#syllabus', 'https://lms.example/courses/x/about#syllabus'],
    ['  /x.jpg \n', 'https://lms.example/x.jpg'],
  ])('resolves the relative %j against the base', (value, expected) => {
    expect(absoluteUrl(value, base)).toBe(expected)
  })

  it.each([
    ['https://other.example/a?b=c#d', 'https://other.example/a?b=c#d'],
    ['HTTP://LMS.EXAMPLE/Path', 'http://lms.example/Path'],
    ['https://例え.jp/パス', 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9'],
    ['https://a.example/😀', 'https://a.example/%F0%9F%98%80'],
    ['https://a.example/курс', 'https://a.example/%D0%BA%D1%83%D1%80%D1%81'],
    ['https://a.example:443/x', 'https://a.example/x'],
  ])('keeps the absolute %j, normalised', (value, expected) => {
    expect(absoluteUrl(value, base)).toBe(expected)
  })

  it('removes user names and passwords', () => {
    expect(absoluteUrl('https://user:secret@cdn.example/x', base)).toBe('https://cdn.example/x')
    expect(absoluteUrl('https://lms.example@evil.example/', base)).toBe('https://evil.example/')
  })

  it('replaces a lone surrogate rather than failing', () => {
    expect(absoluteUrl('https://a.example/\ud800', base)).toBe('https://a.example/%EF%BF%BD')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(1)'.replace('&colon;', ':'),
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'ftp://files.example/x',
    'mailto:someone@example.org',
    'blob:https://lms.example/uuid',
    'about:blank',
    'asset-v1:X+Y+Z',
  ])('rejects the non-http(s) URL %j', (value) => {
    expect(absoluteUrl(value, base)).toBeUndefined()
  })

  it.each([
    '',
    '   ',
    'http://',
    'https://',
    'https://a.example:99999/',
    'https://exa mple.example/',
    'http://[::1',
  ])('rejects the unparsable %j', (value) => {
    expect(absoluteUrl(value, base)).toBeUndefined()
  })

  it.each([undefined, null, 42, true, {}, ['https://a.example/'], new URL('https://a.example/')])(
    'rejects the non-string %s',
    (value) => {
      expect(absoluteUrl(value, base)).toBeUndefined()
    },
  )

  it('rejects URLs longer than the maximum, before and after resolution', () => {
    const path = 'x'.repeat(MAX_URL_LENGTH)
    expect(absoluteUrl(`https://a.example/${path}`, base)).toBeUndefined()
    expect(absoluteUrl(`/${'x'.repeat(MAX_URL_LENGTH - 10)}`, base)).toBeUndefined()
    expect(absoluteUrl('/' + 'é'.repeat(400), base)).toBeUndefined()
    expect(absoluteUrl('/' + 'x'.repeat(1900), base)).toHaveLength(20 + 1900)
  })

  it('resolves only absolute values when the base is unusable', () => {
    expect(absoluteUrl('https://a.example/x', 'not a url')).toBe('https://a.example/x')
    expect(absoluteUrl('/x', 'not a url')).toBeUndefined()
    expect(absoluteUrl('/x', 'javascript:alert(1)')).toBeUndefined()
    expect(absoluteUrl('x', 'data:text/html,hi')).toBeUndefined()
  })

  it('resolves against an http base too', () => {
    expect(absoluteUrl('/x', 'http://mooc.example:8080/a/b')).toBe('http://mooc.example:8080/x')
  })
})

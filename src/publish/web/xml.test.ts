import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { element, xml } from './xml.ts'

describe('XML text', () => {
  it('escapes markup for text and attributes', () => {
    expect(xml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
    expect(element('x', { a: '"><y/>', b: undefined }, '</x>')).toBe(
      '<x a="&quot;&gt;&lt;y/&gt;">&lt;/x&gt;</x>',
    )
  })

  it('drops what XML 1.0 forbids and keeps everything it allows, astral characters included', () => {
    const hostile = 'a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDFFFi'
    expect(xml(hostile)).toBe('abcdefghi')
    const kept = 'tab\there\nnew\rline \u0085 \u00A0 \uD7FF \uE000 \uFFFD 😀 𠀀 العربية'
    expect(xml(kept)).toBe(kept)
    const doc = element('t', { v: hostile + kept }, hostile + kept)
    expect(XMLValidator.validate(doc)).toBe(true)
    expect(new XMLParser({ trimValues: false }).parse(doc).t).toContain('😀 𠀀 العربية')
  })
})

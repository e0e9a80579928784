import { describe, expect, it } from 'vitest'
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_INPUT_TAGS,
  htmlToText,
  sanitizeDescription,
} from './sanitize-description.ts'

const base = 'https://lms.example/courses/course-v1:SPbU+PHILOS+spring_2026/about'

/** Every tag is on the allow-list, links have only a safe href and the fixed rel, text has no `<` or `>`. */
const SAFE_TAG =
  /^<(?:\/?(?:p|ul|ol|li|strong|b|em|i|h3|h4|blockquote|code|pre)|\/a|br \/|a href="(?:https?:\/\/|mailto:)[^"<>\s]*" rel="nofollow noopener")>$/

function expectSafe(html: string) {
  const stack: string[] = []
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag).toMatch(SAFE_TAG)
    const name = /^<\/?([a-z0-9]+)/.exec(tag)?.[1] ?? ''
    if (tag.startsWith('</')) expect(stack.pop()).toBe(name)
    else if (name !== 'br') stack.push(name)
  }
  expect(stack).toEqual([])
  expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/)
  expect(html.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH)
  expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
}

const JAVASCRIPT_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#9;ascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  'jav&#x0D;ascript:alert(1)',
  'jav&Tab;ascript:alert(1)',
  'jav&NewLine;ascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '&#0000106avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  '&#14;javascript:alert(1)',
  'javascript://%0Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
]

const HOSTILE = [
  '<script>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>Text',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '<svg onload=alert(1)><circle/></svg>',
  '<body onload=alert(1)>Hi</body>',
  '<p onclick="alert(1)" onmouseover=alert(1)>Click</p>',
  '<a href="https://ok.example" onclick="alert(1)" style="color:red" target="_blank">ok</a>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button formaction=javascript:alert(1)>Go</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<!--[if IE]><script>alert(1)</script><![endif]-->',
  '<?xml version="1.0"?><p>x</p>',
  '"><script>alert(1)</script>',
  '<p title="x"onclick="alert(1)">x</p>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '</script><script>alert(1)</script>',
  '<script>alert(1)',
  '<p>unclosed <b>bold <i>italic <a href="/x">link',
  '<ul><li>one<li>two</ul></li></ul></p></b>',
  '<b><i>mis</b>nested</i>',
  '<textarea><script>alert(1)</script></textarea>',
  '<xmp><script>alert(1)</script></xmp>',
  '<option>&lt;script&gt;alert(1)&lt;/script&gt;</option>',
  '<a href="https://a.example/" title="x" rel="opener">t</a>',
  '<p>\u202eevil\u202c \u0000nul \u0007bell \ud800lone \udc00low 😀 👩‍👩‍👧</p>',
  ...JAVASCRIPT_HREFS.map((href) => `<a href="${href}">click</a>`),
  ...JAVASCRIPT_HREFS.map((href) => `<a href='${href}'>click</a><a href=${href}>click</a>`),
]

describe('sanitizeDescription', () => {
  it.each([
    ['<p>Hello <strong>world</strong></p>', '<p>Hello <strong>world</strong></p>'],
    [
      '<p><b>b</b> <em>em</em> <i>i</i> <code>x = 1</code></p>',
      '<p><b>b</b> <em>em</em> <i>i</i> <code>x = 1</code></p>',
    ],
    [
      '<ul><li>one</li><li>two</li></ul><ol><li>1</li></ol>',
      '<ul><li>one</li><li>two</li></ul><ol><li>1</li></ol>',
    ],
    ['<h3>Syllabus</h3><h4>Week 1</h4>', '<h3>Syllabus</h3><h4>Week 1</h4>'],
    ['<blockquote>Quote</blockquote>', '<blockquote>Quote</blockquote>'],
    ['line 1<br>line 2<br/>line 3', 'line 1<br />line 2<br />line 3'],
  ])('keeps the allowed formatting in %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    [
      '<h1>Title</h1><h2>Part</h2><h5>Small</h5><h6>Smaller</h6>',
      '<h3>Title</h3><h3>Part</h3><h4>Small</h4><h4>Smaller</h4>',
    ],
    ['<div>A</div><div>B</div>', 'A<br />B'],
    ['<div>A</div>B', 'A<br />B'],
    ['<div><div><div>A</div></div></div><div>B<br><br></div>C', 'A<br />B<br /><br />C'],
    ['<section><p>Intro</p></section><div>More</div>', '<p>Intro</p>More'],
    ['<table><tr><td>Week 1</td><td>Intro</td></tr></table>', 'Week 1<br />Intro'],
    ['<span style="color:red">red</span> <u>under</u> <font>font</font>', 'red under font'],
    ['<p style="text-align:center" class="lead" id="x" dir="rtl">Styled</p>', '<p>Styled</p>'],
  ])('maps or unwraps other elements in %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    [
      '<a href="/courses/about">About</a>',
      '<a href="https://lms.example/courses/about" rel="nofollow noopener">About</a>',
    ],
    [
      '<a href="syllabus">S</a>',
      '<a href="https://lms.example/courses/course-v1:SPbU+PHILOS+spring_2026/syllabus" rel="nofollow noopener">S</a>',
    ],
    [
      '<a href="//cdn.example/x.pdf">PDF</a>',
      '<a href="https://cdn.example/x.pdf" rel="nofollow noopener">PDF</a>',
    ],
    [
      '<a href="https://other.example/a?b=1&amp;c=2">Q</a>',
      '<a href="https://other.example/a?b=1&amp;c=2" rel="nofollow noopener">Q</a>',
    ],
    [
      '<a href="mailto:team@mooc.example">Mail</a>',
      '<a href="mailto:team@mooc.example" rel="nofollow noopener">Mail</a>',
    ],
    [
      '<a href=" HTTPS://Other.Example/X ">X</a>',
      '<a href="https://other.example/X" rel="nofollow noopener">X</a>',
    ],
    [
      '<a href="https://ok.example" onclick="alert(1)" target="_blank" rel="opener" title="t">ok</a>',
      '<a href="https://ok.example/" rel="nofollow noopener">ok</a>',
    ],
  ])('makes the link %j absolute with rel="nofollow noopener"', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it('drops relative links, keeping their text, when there is no base URL', () => {
    expect(sanitizeDescription('<a href="/about">About</a> <a href="https://a.example/">A</a>')).toBe(
      'About <a href="https://a.example/" rel="nofollow noopener">A</a>',
    )
  })

  it.each(JAVASCRIPT_HREFS)('drops the link to %j and keeps its text', (href) => {
    const out = sanitizeDescription(`<p>Go <a href="${href}">click</a> now</p>`, base)
    expect(out).not.toMatch(/javascript|vbscript|data:/i)
    expect(out).toMatch(
      /^<p>Go (?:click|<a href="https:\/\/lms\.example\/[^"]*" rel="nofollow noopener">click<\/a>) now<\/p>$/,
    )
  })

  it.each([
    ['<a>no href</a> <a name="x">anchor</a> <a href="">empty</a>', 'no href anchor empty'],
    ['<a href="ftp://files.example/x">ftp</a> <a href="tel:+100">tel</a>', 'ftp tel'],
    [
      '<a href="https://a.example/">A</a><a href="javascript:x">B</a><a href="https://b.example/">C</a>',
      '<a href="https://a.example/" rel="nofollow noopener">A</a>B<a href="https://b.example/" rel="nofollow noopener">C</a>',
    ],
  ])('drops links without a safe target in %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    ['<p>Before</p><script>alert(1)</script><p>After</p>', '<p>Before</p><p>After</p>'],
    ['Text<style>p { color: red }</style>', 'Text'],
    ['<iframe src="https://video.example/embed"><p>fallback</p></iframe>Text', 'Text'],
    ['<img src="/x.png" onerror="alert(1)" alt="Picture">Text', 'Text'],
    ['<video src="x.mp4">Your browser does not support video</video>Text', 'Text'],
    ['<svg onload=alert(1)><text>t</text></svg>Text', 'Text'],
    ['<noscript><img src="https://tracker.example/p.gif"></noscript>Text', 'Text'],
    ['<!-- hidden --><p>Shown<!-- also hidden --></p>', '<p>Shown</p>'],
    ['<p onclick="alert(1)" onmouseover="alert(2)">Click</p>', '<p>Click</p>'],
  ])('drops scripts, styles, embeds, comments and event handlers in %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    ['<p>caf&eacute; &amp; cr&egrave;me &#x1F600; &#8212; &hellip;</p>', '<p>café &amp; crème 😀 — …</p>'],
    ['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['Sandra Schön &amp; Martin Ebner', 'Sandra Schön &amp; Martin Ebner'],
    ['&quot;quoted&quot; &apos;single&apos;', '"quoted" \'single\''],
    ['AT&T 1 < 2 > 0', 'AT&amp;T 1 &lt; 2 &gt; 0'],
  ])('decodes entities in %j and escapes only what HTML needs', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    ['<p>  spaced \n\n\t out  </p>', '<p>spaced out</p>'],
    ['plain\n\n\ntext', 'plain text'],
    ['<p>a</p>\n\n  <p>b</p>', '<p>a</p><p>b</p>'],
    ['A<br><br><br><br><br>B', 'A<br /><br />B'],
    ['<br><br>A<br><br>', 'A'],
    ['<p><br>A<br></p>', '<p>A</p>'],
    ['<p></p><p> </p><ul><li></li></ul><strong> </strong><a href="https://a.example/"></a>End', 'End'],
    ['<pre>  indented\n    code\n</pre>', '<pre>  indented\n    code\n</pre>'],
    ['<b>A </b>B', '<b>A</b> B'],
    ['<pre><div>line 1</div><div>line 2</div></pre>', '<pre>line 1\nline 2\n</pre>'],
    ['A<moocx-block>B</moocx-block>C', 'A<br />B<br />C'],
    ['&nbsp;&nbsp;&nbsp;A&nbsp;&nbsp;B', 'A B'],
    ['', ''],
    ['   ', ''],
  ])('tidies the whitespace and empty elements of %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each([
    ['<p>unclosed <b>bold <i>italic', '<p>unclosed <b>bold <i>italic</i></b></p>'],
    ['<ul><li>one<li>two</ul>', '<ul><li>one</li><li>two</li></ul>'],
    ['text</p></b></div>', 'text'],
  ])('closes or drops unbalanced tags in %j', (input, expected) => {
    expect(sanitizeDescription(input, base)).toBe(expected)
  })

  it.each(HOSTILE)('turns the hostile %j into safe, well-nested HTML', (input) => {
    const out = sanitizeDescription(input, base)
    expectSafe(out)
    expect((out.match(/<[^>]*>/g) ?? []).join('')).not.toMatch(/alert|on[a-z]+=|javascript|vbscript|data:/i)
  })

  it.each(HOSTILE)('gives the same result when run twice on %j', (input) => {
    const once = sanitizeDescription(input, base)
    expect(sanitizeDescription(once, base)).toBe(once)
  })

  it('removes control characters and bidi overrides, replaces lone surrogates, keeps emoji and scripts', () => {
    const input = '<p>\u202eevil\u202c \u0000nul\u0007 \ud800 ok 😀 👩‍👩‍👧 中文 Русский ไทย العربية</p>'
    expect(sanitizeDescription(input, base)).toBe('<p>evil nul \ufffd ok 😀 👩‍👩‍👧 中文 Русский ไทย العربية</p>')
  })

  it('cuts 1 MB of text to the maximum at a word, with an ellipsis', () => {
    const out = sanitizeDescription(`<p>${'word '.repeat(210_000)}</p>`, base)
    expect(out.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH)
    expect(out.length).toBeGreaterThan(MAX_DESCRIPTION_LENGTH - 200)
    expect(out).toMatch(/^<p>(?:word )+word…<\/p>$/)
  })

  it('never cuts inside a tag, an entity or a surrogate pair, and closes what was open', () => {
    const inputs = [
      `<ul>${'<li><b>Bold &amp; <a href="/y">link &amp; more</a></b></li>'.repeat(1_000)}</ul>`,
      `<p>${'中文'.repeat(20_000)}</p>`,
      '😀'.repeat(15_000),
      `<p>${'a&amp;'.repeat(10_000)}</p>`,
      `${'<blockquote>'.repeat(30)}${'x '.repeat(20_000)}`,
    ]
    for (const input of inputs) {
      for (const offset of [0, 1, 2, 3, 7]) {
        const out = sanitizeDescription('x'.repeat(offset) + input, base)
        expectSafe(out)
        expect(out).toContain('…')
        expect(out).not.toMatch(/&[a-z#0-9]*…/)
      }
    }
  })

  it('finishes quickly on deep nesting and huge numbers of tags, keeping what comes first', () => {
    const started = Date.now()
    for (const input of [
      `Start ${'<ul><li>'.repeat(100_000)}deep`,
      `Start ${'<b>'.repeat(300_000)}`,
      `Start ${'<span> </span>'.repeat(100_000)}end`,
      `Start ${'<div>'.repeat(100_000)}`,
    ]) {
      const out = sanitizeDescription(input, base)
      expectSafe(out)
      expect(out).toMatch(/^Start/)
    }
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it(`reads no more than ${MAX_INPUT_TAGS} tags`, () => {
    const out = sanitizeDescription(`${'<b>x</b>'.repeat(MAX_INPUT_TAGS)}<p>late</p>`, base)
    expect(out).not.toContain('late')
  })
})

describe('htmlToText', () => {
  it.each([
    ['Sandra Schön &amp; Martin Ebner', 'Sandra Schön & Martin Ebner'],
    ['Philosophy of Science', 'Philosophy of Science'],
    ['<b>Bold</b> title', 'Bold title'],
    ['<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul>', 'One Two a b'],
    ['<h1>Title</h1><div>Body</div>line<br>break', 'Title Body line break'],
    ['<table><tr><td>A</td><td>B</td></tr></table>', 'A B'],
    ['wo<b>r</b>d', 'word'],
    ['  lots \n\n of \t space  ', 'lots of space'],
    ['&nbsp;non&nbsp;breaking&nbsp;', 'non breaking'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['&amp;amp; is decoded once', '&amp; is decoded once'],
    ['caf&eacute; &#x1F600; &#8212;', 'café 😀 —'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['<script>alert(1)</script>Safe<style>p{}</style>', 'Safe'],
    ['<img src=x onerror=alert(1)>Title', 'Title'],
    ['<!-- comment -->Title', 'Title'],
    ['<p>unclosed <b>bold', 'unclosed bold'],
    ['\u202eevil\u0000 \ud800 😀 中文 ไทย', 'evil \ufffd 😀 中文 ไทย'],
    ['', ''],
    ['<p> </p>', ''],
  ])('turns %j into %j', (input, expected) => {
    expect(htmlToText(input)).toBe(expected)
  })

  it('reads 1 MB of text quickly', () => {
    const started = Date.now()
    const out = htmlToText(`<p>${'word '.repeat(210_000)}</p>`)
    expect(out.startsWith('word word')).toBe(true)
    expect(out.length).toBeLessThanOrEqual(1_000_000)
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})

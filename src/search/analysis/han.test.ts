// Traditional → Simplified Chinese folding.
import { from, to } from 'opencc-js/preset/t2cn'
import { describe, expect, it } from 'vitest'
import { foldHan } from './han.ts'

describe('folding Traditional Chinese to Simplified', () => {
  it.each([
    ['機器學習', '机器学习'],
    ['資料科學與人工智慧', '资料科学与人工智慧'],
    ['臺灣大學', '台湾大学'],
    ['裡面', '里面'],
    ['衞生', '卫生'],
    ['什麼', '什么'],
  ])('%s → %s', (traditional, simplified) => {
    expect(foldHan(traditional)).toBe(simplified)
  })

  it('leaves Simplified text, other scripts and lone surrogates as they are', () => {
    for (const text of ['机器学习', '什么', 'Python 3', 'การเรียน', 'a\ud800b', '𠀀'])
      expect(foldHan(text)).toBe(text)
  })

  it('is idempotent over every character of the tables', () => {
    const chars = new Set<string>()
    const dicts = [...(to['cn'] ?? []), ...(from['tw'] ?? []), ...(from['hk'] ?? [])].flat()
    for (const dict of dicts) {
      const entries = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict
      for (const entry of entries) for (const word of entry) for (const ch of word) chars.add(ch)
    }
    expect(chars.size).toBeGreaterThan(3000)
    const unstable = [...chars].filter((ch) => foldHan(foldHan(ch)) !== foldHan(ch))
    expect(unstable).toEqual([])
  })
})

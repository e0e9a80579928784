// Reading prices and currencies as feeds write them, hostile values included: nothing throws, and a
// value that cannot be read is null.
import { describe, expect, it } from 'vitest'
import {
  amountInText,
  lowestPrice,
  parseAmount,
  parseCurrency,
  parseMoney,
  readPrice,
} from './normalize-offer.ts'

describe('parseAmount', () => {
  it.each([
    [49, 49],
    [0, 0],
    [-0, 0],
    [49.99, 49.99],
    ['49', 49],
    ['49.00', 49],
    ['  49.00 ', 49],
    ['0.00', 0],
    ['49,00', 49],
    ['49,5', 49.5],
    ['1,234.50', 1234.5],
    ['1,234', 1234],
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['1\u00a0234.50', 1234.5],
    ["1'234.50", 1234.5],
    ['10000000', 10_000_000],
  ])('reads %j as %s', (value, amount) => {
    expect(parseAmount(value)).toBe(amount)
  })

  it.each([
    ['a negative number', -5],
    ['a negative text', '-49.00'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a huge number', 1e12],
    ['a huge text', '99999999999'],
    ['just over the ceiling', 10_000_000.01],
    ['a currency sign', '€49'],
    ['a currency after the amount', '49.00 USD'],
    ['a word', 'free'],
    ['an empty text', ''],
    ['blanks', '   '],
    ['exponent notation', '1e3'],
    ['hexadecimal', '0x10'],
    ['two decimal points', '1.2.3'],
    ['misplaced groups', '12,34,5'],
    ['a very long text', '1'.repeat(5000)],
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
    ['an object', { amount: 49 }],
    ['a list', [49]],
  ])('reads %s as no amount', (_, value) => {
    expect(parseAmount(value)).toBeNull()
  })
})

describe('parseCurrency', () => {
  it.each([
    ['USD', 'USD'],
    ['usd', 'USD'],
    [' eur ', 'EUR'],
    ['Rub', 'RUB'],
    ['CNY', 'CNY'],
    ['THB', 'THB'],
  ])('reads %j as %s', (value, code) => {
    expect(parseCurrency(value)).toBe(code)
  })

  it.each([['XYZ'], ['XXX'], ['€'], ['$'], ['US'], ['USDT'], ['euro'], [''], [840], [null], [undefined]])(
    'refuses %j',
    (value) => {
      expect(parseCurrency(value)).toBeNull()
    },
  )
})

describe('parseMoney', () => {
  it('reads an amount with its currency', () => {
    expect(parseMoney('49.00', 'usd')).toEqual({ amount: 49, currency: 'USD' })
    expect(parseMoney(0, 'EUR')).toEqual({ amount: 0, currency: 'EUR' })
  })

  it('gives no price rather than invent or guess a currency', () => {
    expect(parseMoney('49.00', undefined)).toBeNull()
    expect(parseMoney('49.00', '')).toBeNull()
    expect(parseMoney('49.00', 'XYZ')).toBeNull()
    expect(parseMoney('€49', 'EUR')).toBeNull()
    expect(parseMoney(Number.NaN, 'EUR')).toBeNull()
    expect(parseMoney(-1, 'EUR')).toBeNull()
    expect(parseMoney(1e9, 'EUR')).toBeNull()
  })
})

describe('readPrice', () => {
  it('reads 0 as free whatever the currency, and more as paid', () => {
    expect(readPrice('0.00', 'USD')).toEqual({ cost: 'free' })
    expect(readPrice(0, 'nonsense')).toEqual({ cost: 'free' })
    expect(readPrice('99.00', 'USD')).toEqual({ cost: 'paid', price: { amount: 99, currency: 'USD' } })
  })

  it('keeps a paid amount without a readable currency as paid without a price', () => {
    expect(readPrice(99, 'dollars')).toEqual({ cost: 'paid', price: null })
    expect(readPrice(99, undefined)).toEqual({ cost: 'paid', price: null })
  })

  it('says nothing of an amount it cannot read', () => {
    expect(readPrice('€49', 'EUR')).toEqual({ cost: null })
    expect(readPrice(undefined, 'EUR')).toEqual({ cost: null })
    expect(readPrice('free', undefined)).toEqual({ cost: null })
  })
})

describe('lowestPrice', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' })

  it('takes the lowest price above zero', () => {
    expect(lowestPrice([usd(149), usd(0), null, usd(49), undefined, usd(99)])).toEqual(usd(49))
  })

  it('compares only prices in the currency of the first one', () => {
    expect(lowestPrice([usd(99), { amount: 10, currency: 'EUR' }, usd(79)])).toEqual(usd(79))
  })

  it('has none when nothing costs or no price is named', () => {
    expect(lowestPrice([])).toBeNull()
    expect(lowestPrice([usd(0), null])).toBeNull()
  })
})

describe('amounts written with their currency, as web pages write prices', () => {
  it.each<[unknown, number | null]>([
    [49, 49],
    ['49.99', 49.99],
    ['€ 1.299,00', 1299],
    ['1,299.00 USD', 1299],
    ['US$49', 49],
    ['$ 12,50', 12.5],
    ['1 299,50 ₽', 1299.5],
    ['¥300', 300],
    ['Free', null],
    ['-5', null],
    ['€-5', null],
    ['49 - 99', null],
    ['49 per month', null],
    ['USD', null],
    ['€', null],
    ['9'.repeat(60), null],
    [null, null],
    [{ price: 5 }, null],
  ])('%j → %j', (value, amount) => {
    expect(amountInText(value)).toBe(amount)
  })
})

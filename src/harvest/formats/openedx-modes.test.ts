// What Open edX enrollment modes say a course costs, seat by seat, hostile prices included.
import { describe, expect, it } from 'vitest'
import { openedxOffer } from './openedx-modes.ts'

const seat = (type: string, price?: unknown, currency: unknown = 'USD') => ({ type, price, currency })

describe('openedxOffer', () => {
  it.each([
    ['audit and verified', [seat('audit', '0.00'), seat('verified', '99.00')], ['free', 'paid', 99, 'USD']],
    ['audit only', [seat('audit', '0.00')], ['free', 'none', null, null]],
    ['honor', [seat('honor', '0.00')], ['free', 'free', null, null]],
    ['honor beside verified', [seat('honor'), seat('verified', '49.00')], ['free', 'free', 49, 'USD']],
    ['professional only', [seat('professional', '300.00')], ['paid', 'paid', 300, 'USD']],
    ['verified only', [seat('verified', '149.00'), seat('verified', '79.00')], ['paid', 'paid', 79, 'USD']],
    [
      'credit and verified',
      [seat('audit'), seat('credit', '1,200.00'), seat('verified', '50')],
      ['free', 'paid', 50, 'USD'],
    ],
    ['a paid mode at 0', [seat('verified', '0.00')], ['free', 'free', null, null]],
    ['modes without prices (edx-search)', [seat('audit'), seat('verified')], ['free', 'paid', null, null]],
    ['modes in odd case and spacing', [seat(' Audit '), seat('VERIFIED', '20')], ['free', 'paid', 20, 'USD']],
    ['an unreadable price', [seat('audit'), seat('verified', '€49')], ['free', 'paid', null, null]],
    ['an unknown currency', [seat('verified', '49.00', 'XYZ')], ['paid', 'paid', null, null]],
    ['a negative price', [seat('professional', '-10.00')], ['paid', 'paid', null, null]],
    [
      'prices in two currencies',
      [seat('verified', '59', 'EUR'), seat('verified', '49', 'USD')],
      ['paid', 'paid', 59, 'EUR'],
    ],
    ['modes it does not know', [seat('masters', '0.00'), seat('unpaid-bootcamp')], [null, null, null, null]],
    ['no modes', [], [null, null, null, null]],
  ])('reads %s', (_, seats, expected) => {
    const offer = openedxOffer(seats)
    expect([
      offer.access,
      offer.certificate,
      offer.price?.amount ?? null,
      offer.price?.currency ?? null,
    ]).toEqual(expected)
  })
})

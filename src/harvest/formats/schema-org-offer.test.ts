// What a schema.org Course costs: prices as feeds write them (garbage never throws), access from
// isAccessibleForFree and offer categories, certificates from credentials and certificate offers.
import { describe, expect, it } from 'vitest'
import { offerTerms } from './schema-org-offer.ts'

const offer = (fields: Record<string, unknown>) => ({ '@type': 'Offer', ...fields })

describe('offerTerms', () => {
  const terms = (offers: Record<string, unknown>[], more: { free?: unknown; credentials?: unknown[] } = {}) =>
    offerTerms({ offers, isAccessibleForFree: more.free, credentials: more.credentials ?? [] })

  it('says nothing when the course says nothing', () => {
    expect(terms([])).toEqual({ access: null, certificate: null, price: null })
  })

  it('reads a free course with a paid certificate (Google’s "Partially Free" with a certificate offer)', () => {
    expect(
      terms([
        offer({ category: 'Partially Free', price: 0, priceCurrency: 'EUR' }),
        offer({ category: 'Paid', name: 'Verified Certificate', price: '149.00', priceCurrency: 'eur' }),
        offer({ category: 'Paid', name: 'Certificate (sale)', price: 99, priceCurrency: 'EUR' }),
      ]),
    ).toEqual({ access: 'free', certificate: 'paid', price: { amount: 99, currency: 'EUR' } })
  })

  it('reads a paid course: its lowest price, the certificate coming with it', () => {
    expect(
      terms(
        [
          offer({ category: 'Paid', price: 300, priceCurrency: 'USD' }),
          offer({ category: 'Subscription', priceSpecification: { price: '39', priceCurrency: 'USD' } }),
        ],
        { credentials: ['Certificate of completion'] },
      ),
    ).toEqual({ access: 'paid', certificate: 'paid', price: { amount: 39, currency: 'USD' } })
  })

  it('lets isAccessibleForFree decide access, as a boolean or a text', () => {
    expect(terms([offer({ price: 10, priceCurrency: 'USD' })], { free: true }).access).toBe('free')
    expect(terms([], { free: 'False' })).toEqual({ access: 'paid', certificate: null, price: null })
  })

  it('reads a free credential when every offer is free, and none when the credential says none', () => {
    const free = [offer({ category: 'Free', price: 0, priceCurrency: 'USD' })]
    expect(
      terms(free, { credentials: [{ '@type': 'EducationalOccupationalCredential', name: 'Badge' }] }),
    ).toEqual({
      access: 'free',
      certificate: 'free',
      price: null,
    })
    expect(terms(free, { credentials: ['None'] }).certificate).toBe('none')
    expect(terms([], { credentials: ['Certificate'] }).certificate).toBeNull()
  })

  it('keeps a price without a currency out, and never throws on garbage', () => {
    expect(terms([offer({ category: 'Paid', price: 'lots' }), offer({ price: 20 })])).toEqual({
      access: 'paid',
      certificate: null,
      price: null,
    })
    expect(() => terms([offer({ price: { nested: [1] }, priceCurrency: 7, category: 42 })])).not.toThrow()
  })
})

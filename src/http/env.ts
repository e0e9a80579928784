// The Hono environment shared by every router: per-request locale, translator and API principal.
import type { Principal } from '../auth/api-key.ts'
import type { Locale, Translate } from '../i18n/i18n.ts'

export interface AppEnv {
  Variables: {
    locale: Locale
    t: Translate
    principal: Principal | undefined
  }
}

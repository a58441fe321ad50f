import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/**
 * Indonesian, the source language, is built in; English is a separate chunk
 * loaded only by pages that ask for it, so most visitors download less.
 */
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    if (locale === 'en') return import('../generated/locales/en');
    throw new Error(`no translation for ${locale}`);
  },
});

export { getLocale };

/** The supported locale a language tag asks for: English for `en…`, otherwise Indonesian. */
export function localeFor(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Switches every lapor element on the page to the language of `tag`. */
export function useLanguage(tag: string | null | undefined): Promise<void> {
  const locale = localeFor(tag);
  return locale === getLocale() ? Promise.resolve() : setLocale(locale);
}

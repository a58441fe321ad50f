import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** The language a bundle was compiled in: set for the English bundles (lapor-form.en.js, …), absent otherwise. */
declare const __LAPOR_COMPILED_LOCALE__: Locale | undefined;
const COMPILED: Locale | undefined =
  typeof __LAPOR_COMPILED_LOCALE__ === 'undefined' ? undefined : __LAPOR_COMPILED_LOCALE__;

/**
 * Indonesian, the source language, is built in; English is a separate chunk
 * loaded only by pages that ask for it, so most visitors download less. The
 * English bundles have their texts compiled in and switch nothing.
 */
const runtime = COMPILED
  ? undefined
  : configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: async (locale) => {
        if (locale === 'en') return import('../generated/locales/en');
        throw new Error(`no translation for ${locale}`);
      },
    });

export const getLocale = (): Locale => COMPILED ?? ((runtime?.getLocale() ?? sourceLocale) as Locale);

/** The supported locale a language tag asks for: English for `en…`, otherwise Indonesian. */
export function localeFor(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Switches every lapor element on the page to the language of `tag` (the English bundles stay English). */
export function useLanguage(tag: string | null | undefined): Promise<void> {
  const locale = localeFor(tag);
  if (!runtime || locale === getLocale()) return Promise.resolve();
  return runtime.setLocale(locale);
}

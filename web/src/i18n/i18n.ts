import { type JosaOption, josa } from '@sbiz24/shared/rules/format';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../lib/format';
import ko from './ko';

/** Korean is bundled; English is loaded on first switch. */

/**
 * `{{kind, josa(pair: 이/가)}}` writes the value and the particle its final sound takes (es-hangul), in
 * place of "이(가)"; `quote: true` wraps the value in 「」 first: `{{title, josa(pair: 을/를; quote: true)}}`.
 */
export function particle(value: unknown, _lng: string | undefined, options: Record<string, unknown>): string {
  const word = String(value);
  const quoted = options.quote === true || options.quote === 'true' ? `「${word}」` : word;
  return josa(quoted, options.pair as JosaOption);
}

const LANG_KEY = 'sbiz24.lang';

function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

async function ensureBundle(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    const en = (await import('./en')).default;
    i18next.addResourceBundle('en', 'translation', en);
  }
}

export async function initI18n(lang: Lang = savedLang()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: 'ko',
    fallbackLng: 'ko',
    resources: { ko: { translation: ko } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.services.formatter?.add('josa', particle);
  if (lang === 'en') await switchLanguage('en');
  return i18next;
}

export async function switchLanguage(lang: Lang): Promise<void> {
  await ensureBundle(lang);
  await i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

/** The translation function and the current language as 'ko' | 'en'. */
export function useLang(): { t: ReturnType<typeof useTranslation>['t']; lang: Lang } {
  const { t, i18n } = useTranslation();
  return { t, lang: i18n.language === 'en' ? 'en' : 'ko' };
}

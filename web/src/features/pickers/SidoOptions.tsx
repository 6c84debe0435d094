import { SIDO_NAMES_EN, SIDOS } from '@sbiz24/shared/reference/regions';
import { useLang } from '../../i18n/i18n';

/** The 17 시도 as `<option>`s (value: the 2-digit code), in the reference order; romanized in English. */
export function SidoOptions() {
  const { lang } = useLang();
  return (
    <>
      {SIDOS.map((s) => (
        <option key={s.code} value={s.code}>
          {lang === 'en' ? (SIDO_NAMES_EN[s.code] ?? s.name) : s.name}
        </option>
      ))}
    </>
  );
}

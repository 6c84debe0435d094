import { SIDOS } from '@sbiz24/shared/reference/regions';

/** The 17 시도 as `<option>`s (value: the 2-digit code), in the reference order. */
export function SidoOptions() {
  return (
    <>
      {SIDOS.map((s) => (
        <option key={s.code} value={s.code}>
          {s.name}
        </option>
      ))}
    </>
  );
}

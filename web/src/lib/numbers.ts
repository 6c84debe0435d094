/** Parses a number typed by a person ("1,500,000", " 3 "); undefined for blank, NaN for nonsense. */
export function parseNumberInput(text: string): number | undefined {
  const s = text.replace(/[,\s]/g, '');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** The text of a number input for a value (blank for none). */
export function numberText(n: number | undefined | null): string {
  return n === undefined || n === null ? '' : String(n);
}

import type { ProgramDraft } from '@sbiz24/shared';

/**
 * A readable id from the English title (`Youth Fund 2027` → `youth-fund-2027`); Korean-only titles get the
 * kind and date (`support-20261127`). The caller makes it unique.
 */
export function slugFor(draft: Pick<ProgramDraft, 'title' | 'titleEn' | 'kind'>, today: string): string {
  const fromEnglish = (draft.titleEn ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  if (fromEnglish.length >= 2) return fromEnglish;
  const fromTitle = draft.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (fromTitle.length >= 4) return fromTitle.slice(0, 48).replace(/-+$/, '');
  return `${draft.kind}-${today.replaceAll('-', '')}`;
}

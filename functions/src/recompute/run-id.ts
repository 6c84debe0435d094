import { randomBytes } from 'node:crypto';

/** A sortable, unique run id: `20250301T021500Z-3fa9c1`. Ids are safe in keys and blob paths. */
export function newRunId(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** Run ids come from outside (Step Functions execution names): keep them to characters safe in keys and paths. */
export function isRunId(s: string): boolean {
  return RUN_ID.test(s);
}

import type { Program } from '../program/program';

/**
 * The date a program's examples are checked on when an example has no `asOf` of its own: `today`, moved into
 * the program's application window when it lies outside it (the window's end for a closed historic program,
 * its start for a scheduled one), so that a rule written for its own window is checked within it.
 */
export function programCheckDate(program: Pick<Program, 'applyStart' | 'applyEnd'>, today: string): string {
  if (program.applyEnd && today > program.applyEnd) return program.applyEnd;
  if (program.applyStart && today < program.applyStart) return program.applyStart;
  return today;
}

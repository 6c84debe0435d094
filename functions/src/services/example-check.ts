import { type Disaster, evaluateProgram, type Program, programCheckDate } from '@sbiz24/shared';

/** An example business whose verdict differs from what the program's author declared. */
export interface ExampleMismatch {
  list: 'mustMatch' | 'mustNotMatch';
  index: number;
  name: string;
  /** The verdict the author declared: eligible (mustMatch) or not (mustNotMatch). */
  expected: boolean;
  eligible: boolean;
  asOf: string;
  /** The conditions that decided it: the unmet or unknown ones for a missed match, else every met one. */
  reasons: { path: string; met: boolean | null; text: string }[];
}

/**
 * Evaluates every example of a program: each `mustMatch` must be eligible and each `mustNotMatch` must not,
 * on the example's own date or else `programCheckDate(program, today)`.
 */
export function checkExamples(program: Program, disasters: Disaster[], today: string): ExampleMismatch[] {
  const lists = [
    ['mustMatch', program.examples.mustMatch, true],
    ['mustNotMatch', program.examples.mustNotMatch, false],
  ] as const;
  const mismatches: ExampleMismatch[] = [];
  for (const [list, examples, expected] of lists) {
    for (const [index, example] of examples.entries()) {
      const asOf = example.asOf ?? programCheckDate(program, today);
      const result = evaluateProgram(program, example.profile, { asOf, disasters });
      if (result.eligible === expected) continue;
      const deciding = result.reasons.filter((r) => (expected ? r.met !== true : r.met === true));
      mismatches.push({
        list,
        index,
        name: example.name,
        expected,
        eligible: result.eligible,
        asOf,
        reasons: deciding.map((r) => ({ path: r.path, met: r.met, text: r.text })),
      });
    }
  }
  return mismatches;
}

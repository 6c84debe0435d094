/**
 * Whether an owner can do something about a condition that keeps the business from a program: near misses
 * propose only these (documents, planned dates, revenue or employees, confirmations to obtain, facts to
 * enter), never an age, a past date, a region, an industry or a disaster the business was not in.
 */

import type { Flag } from '../profile/profile';
import { disastersAffecting } from './conditions';
import type { LeafOutcome } from './evaluate';
import type { Facts } from './facts';

/** Yes/no facts an owner can change: pay the arrears, reopen, adopt the technology, enrol. */
const CHANGEABLE_FLAGS: ReadonlySet<Flag> = new Set<Flag>([
  'taxArrears',
  'suspended',
  'smartTech',
  'employmentInsurance',
]);

/** True when the owner can act on this unmet (or unknown) condition. */
export function isActionable(leaf: LeafOutcome, f: Facts): boolean {
  // A fact not on record can always be supplied.
  if (leaf.met === null) return true;
  const c = leaf.condition;
  switch (c.type) {
    case 'range':
      // Revenue, employees and loans can move; ages cannot.
      return c.field !== 'businessAgeYears' && c.field !== 'businessAgeDays' && c.field !== 'ownerAge';
    case 'smallBusiness':
      return true;
    case 'flag':
      return CHANGEABLE_FLAGS.has(c.flag);
    case 'priorSupport':
      // Completing a program first can be done; support already received cannot be undone.
      return c.present !== leaf.negated;
    case 'disasterDamage':
      // Only a business in the area and operating when the disaster began can get a confirmation.
      return !leaf.negated && disastersAffecting(c, f).some((d) => d.operating !== false);
    case 'operating':
      // A founder can open; a past date or a closed business cannot change.
      return !leaf.negated && c.date === undefined && f.opened === 'no';
    case 'closure':
      // A planned closure can be withdrawn; proposing to close a business is no help, and a closure
      // that happened stays.
      return leaf.negated && !f.closed;
    default:
      // region, industry, openedBefore, restart, preStartup, stage, disasterArea: history or place.
      return false;
  }
}

import { STAGE_LABELS } from '@sbiz24/shared/lifecycle/stage';
import { FLAG_LABELS, FLAGS } from '@sbiz24/shared/profile/profile';
import { AGENCIES, PROGRAM_KIND_LABELS } from '@sbiz24/shared/program/program';
import { describe, expect, it } from 'vitest';
import en from './en';
import ko from './ko';

// The web keeps its own copies of a few domain labels so that public pages need not bundle zod; these
// tests keep the copies equal to the domain's.
describe('domain labels in the UI text', () => {
  it('names every flag as the domain does', () => {
    for (const f of FLAGS) {
      expect(ko.flags[f]).toBe(FLAG_LABELS[f].ko);
      expect(en.flags[f]).toBe(FLAG_LABELS[f].en);
    }
  });

  it('names kinds, stages and agencies as the domain does', () => {
    for (const [k, v] of Object.entries(PROGRAM_KIND_LABELS))
      expect(ko.kind[k as keyof typeof ko.kind]).toBe(v.ko);
    for (const [s, v] of Object.entries(STAGE_LABELS))
      expect(ko.stage[s as keyof typeof ko.stage]).toBe(v.ko);
    for (const [a, name] of Object.entries(AGENCIES))
      expect(ko.agencies[a as keyof typeof ko.agencies]).toBe(name);
  });
});

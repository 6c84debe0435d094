import type { LifecycleStage } from '@sbiz24/shared/lifecycle/stage';
import { FLAGS } from '@sbiz24/shared/profile/profile';
import type { AgencyId, ProgramKind } from '@sbiz24/shared/program/program';
import type { Rule } from '@sbiz24/shared/rules/types';
import type { Program } from '../../api/types';
import { numberText, parseNumberInput } from '../../lib/numbers';
import {
  type ApplicationSettingsForm,
  emptySettingsForm,
  settingsBody,
  settingsFormOf,
} from './application-settings';

/** An example business as the form edits it: every number as the text typed. */
export interface ExampleForm {
  name: string;
  asOf: string;
  tradeName: string;
  representativeName: string;
  brn: string;
  openingDate: string;
  closureDate: string;
  regionCode: string;
  ksic: string;
  employees: string;
  revenue: string;
  revenueAvg3y: string;
  ownerBirthYear: string;
  flags: Record<string, boolean>;
  /** Profile fields the form does not show (prior support, damage confirmations, …), kept as loaded. */
  extras: Record<string, unknown>;
}

/** The program editor's state: the draft with numbers as typed text. */
export interface DraftForm {
  title: string;
  titleEn: string;
  kind: ProgramKind;
  agencyId: AgencyId;
  stages: LifecycleStage[];
  summary: string;
  summaryEn: string;
  benefitDescription: string;
  benefitDescriptionEn: string;
  maxAmount: string;
  loanLimit: string;
  rate: string;
  rateEn: string;
  applyStart: string;
  applyEnd: string;
  howToApply: string;
  howToApplyEn: string;
  rule: Rule;
  mustMatch: ExampleForm[];
  mustNotMatch: ExampleForm[];
  /** How the program takes applications (questions, documents, quota). */
  application: ApplicationSettingsForm;
}

export function emptyExample(): ExampleForm {
  return {
    name: '',
    asOf: '',
    tradeName: '',
    representativeName: '',
    brn: '',
    openingDate: '',
    closureDate: '',
    regionCode: '11440',
    ksic: '56111',
    employees: '',
    revenue: '',
    revenueAvg3y: '',
    ownerBirthYear: '',
    // A new example states every fact: an unknown flag would never qualify it.
    flags: Object.fromEntries(FLAGS.map((f) => [f, false])),
    extras: {},
  };
}

export function emptyDraft(agencyId: AgencyId): DraftForm {
  return {
    title: '',
    titleEn: '',
    kind: 'support',
    agencyId,
    stages: ['startup', 'growth'],
    summary: '',
    summaryEn: '',
    benefitDescription: '',
    benefitDescriptionEn: '',
    maxAmount: '',
    loanLimit: '',
    rate: '',
    rateEn: '',
    applyStart: '',
    applyEnd: '',
    howToApply: '',
    howToApplyEn: '',
    rule: { type: 'all', rules: [] },
    mustMatch: [],
    mustNotMatch: [],
    application: emptySettingsForm(),
  };
}

const SHOWN_PROFILE_KEYS = new Set([
  'tradeName',
  'representativeName',
  'brn',
  'openingDate',
  'closureDate',
  'regionCode',
  'ksic',
  'employees',
  'revenue',
  'revenueAvg3y',
  'ownerBirthYear',
  'flags',
]);

type LoadedExample = Program['examples']['mustMatch'][number];

function exampleForm(e: LoadedExample): ExampleForm {
  const p = e.profile;
  return {
    name: e.name,
    asOf: e.asOf ?? '',
    tradeName: p.tradeName,
    representativeName: p.representativeName,
    brn: p.brn ?? '',
    openingDate: p.openingDate ?? '',
    closureDate: p.closureDate ?? '',
    regionCode: p.regionCode,
    ksic: p.ksic,
    employees: numberText(p.employees),
    revenue: numberText(p.revenue),
    revenueAvg3y: numberText(p.revenueAvg3y),
    ownerBirthYear: numberText(p.ownerBirthYear),
    flags: Object.fromEntries(
      Object.entries(p.flags ?? {}).filter(([, v]) => typeof v === 'boolean'),
    ) as Record<string, boolean>,
    extras: Object.fromEntries(Object.entries(p).filter(([k]) => !SHOWN_PROFILE_KEYS.has(k))),
  };
}

export function draftFormOf(p: Program): DraftForm {
  return {
    title: p.title,
    titleEn: p.titleEn ?? '',
    kind: p.kind,
    agencyId: p.agencyId,
    stages: [...p.stages],
    summary: p.summary,
    summaryEn: p.summaryEn ?? '',
    benefitDescription: p.benefit.description,
    benefitDescriptionEn: p.benefit.descriptionEn ?? '',
    maxAmount: numberText(p.benefit.maxAmount),
    loanLimit: numberText(p.benefit.loanLimit),
    rate: p.benefit.rate ?? '',
    rateEn: p.benefit.rateEn ?? '',
    applyStart: p.applyStart ?? '',
    applyEnd: p.applyEnd ?? '',
    howToApply: p.howToApply,
    howToApplyEn: p.howToApplyEn ?? '',
    rule: p.rule,
    mustMatch: p.examples.mustMatch.map(exampleForm),
    mustNotMatch: p.examples.mustNotMatch.map(exampleForm),
    application: settingsFormOf(p.application),
  };
}

/** A typed number, or the text itself when it is not one (so that the API names the field in its error). */
function num(text: string): number | string | undefined {
  const n = parseNumberInput(text);
  if (n === undefined) return undefined;
  return Number.isNaN(n) ? text : n;
}

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

function exampleBody(e: ExampleForm) {
  return defined({
    name: e.name.trim(),
    asOf: e.asOf || undefined,
    profile: defined({
      ...e.extras,
      tradeName: e.tradeName.trim(),
      representativeName: e.representativeName.trim(),
      brn: e.brn.trim() || undefined,
      openingDate: e.openingDate || undefined,
      closureDate: e.closureDate || undefined,
      regionCode: e.regionCode,
      ksic: e.ksic.trim(),
      employees: num(e.employees),
      revenue: num(e.revenue),
      revenueAvg3y: num(e.revenueAvg3y),
      ownerBirthYear: num(e.ownerBirthYear),
      flags: e.flags,
    }),
  });
}

/** The body the API takes (ProgramDraft): blank optional fields left out. */
export function draftBody(f: DraftForm) {
  return defined({
    title: f.title.trim(),
    titleEn: f.titleEn.trim() || undefined,
    kind: f.kind,
    agencyId: f.agencyId,
    stages: f.stages,
    summary: f.summary.trim(),
    summaryEn: f.summaryEn.trim() || undefined,
    benefit: defined({
      description: f.benefitDescription.trim(),
      descriptionEn: f.benefitDescriptionEn.trim() || undefined,
      maxAmount: num(f.maxAmount),
      loanLimit: num(f.loanLimit),
      rate: f.rate.trim() || undefined,
      rateEn: f.rateEn.trim() || undefined,
    }),
    applyStart: f.applyStart || undefined,
    applyEnd: f.applyEnd || undefined,
    howToApply: f.howToApply.trim(),
    howToApplyEn: f.howToApplyEn.trim() || undefined,
    rule: f.rule,
    examples: {
      mustMatch: f.mustMatch.map(exampleBody),
      mustNotMatch: f.mustNotMatch.map(exampleBody),
    },
    application: settingsBody(f.application),
  });
}

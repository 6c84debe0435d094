import { loadCatalog } from '@sbiz24/shared/catalog/index';
import { ProgramDraftSchema } from '@sbiz24/shared/program/program';
import { describe, expect, it } from 'vitest';
import { draftBody, draftFormOf } from './draft-form';

const { programs } = loadCatalog();

describe('the program editor form', () => {
  it.each(programs)('keeps every English text of $id through a load and a save', (program) => {
    const body = ProgramDraftSchema.parse(draftBody(draftFormOf(program)));
    expect({
      titleEn: body.titleEn,
      summaryEn: body.summaryEn,
      descriptionEn: body.benefit.descriptionEn,
      rateEn: body.benefit.rateEn,
      howToApplyEn: body.howToApplyEn,
    }).toEqual({
      titleEn: program.titleEn,
      summaryEn: program.summaryEn,
      descriptionEn: program.benefit.descriptionEn,
      rateEn: program.benefit.rateEn,
      howToApplyEn: program.howToApplyEn,
    });
    expect(body.summaryEn).toBeTruthy();
  });
});

import { resolveDocuments } from '@sbiz24/shared/application/documents';
import { prefillAnswers } from '@sbiz24/shared/application/form';
import type { ApplicationSettings, WithApplicationSettings } from '@sbiz24/shared/application/settings';
import {
  DEFAULT_APPLICATION_SETTINGS,
  latestDamageKind,
  rapidPaymentAmount,
} from '@sbiz24/shared/application/settings';
import type { ApplicationForm } from '@sbiz24/shared/contract/applications';
import { todayInKorea } from '@sbiz24/shared/dates';
import { isOpenAsOf, type Program } from '@sbiz24/shared/program/program';
import type { Repositories } from '@sbiz24/shared/repositories';
import { ownedBusiness } from './application-access';
import type { Caller } from './types';

/** The program's application settings (questions, documents, quota), or the defaults. */
export function settingsOf(program: Program): ApplicationSettings {
  return (program as Program & WithApplicationSettings).application ?? DEFAULT_APPLICATION_SETTINGS;
}

/**
 * What the 통합신청 page shows for each chosen program: its questions with the answers prefilled from the
 * profile, each document it needs marked 확인됨 when the portal already holds it, whether it takes applications
 * today, and the business's active application for it if there is one. Unknown and draft programs are left out.
 */
export async function applicationForms(
  repos: Pick<Repositories, 'businesses' | 'programs' | 'applications'>,
  clock: () => Date,
  caller: Caller,
  brn: string,
  programIds: readonly string[],
): Promise<ApplicationForm[]> {
  const business = await ownedBusiness(repos, caller, brn);
  const today = todayInKorea(clock);
  const forms = await Promise.all(
    [...new Set(programIds)].map(async (id): Promise<ApplicationForm | undefined> => {
      const program = await repos.programs.get(id);
      if (!program || program.status === 'draft') return undefined;
      const settings = settingsOf(program);
      const active = await repos.applications.activeId(business.profile.brn, id);
      return {
        programId: program.id,
        title: program.title,
        open: isOpenAsOf(program, today),
        applyEnd: program.applyEnd ?? null,
        fields: settings.fields,
        answers: prefillAnswers(settings.fields, business.profile),
        documents: resolveDocuments(settings.documents, {
          registryChecked: business.ownerId !== undefined,
          profile: business.profile,
        }),
        activeApplicationId: active ?? null,
        ...(settings.rapidPayment
          ? {
              rapid: {
                amountWon: rapidPaymentAmount(settings.rapidPayment, latestDamageKind(business.profile)),
                holder: business.profile.representativeName,
              },
            }
          : {}),
      };
    }),
  );
  return forms.filter((f): f is ApplicationForm => f !== undefined);
}

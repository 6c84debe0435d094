import {
  deriveStage,
  formatBusinessNumber,
  ksicName,
  type LifecycleStage,
  regionName,
  STAGE_LABELS,
  type StoredBusiness,
} from '@sbiz24/shared';

/** One of the owner's businesses as the API returns it. */
export interface BusinessItem {
  brn: string;
  brnFormatted: string;
  tradeName: string;
  /** Lifecycle stage today; null when the opening date is unknown. */
  stage: LifecycleStage | null;
  stageLabel: string;
  regionName: string;
  ksicName: string;
  version: number;
  profile: StoredBusiness['profile'];
}

export function toBusinessItem(b: StoredBusiness, today: string): BusinessItem {
  const stage = deriveStage(b.profile, today)?.stage ?? null;
  return {
    brn: b.profile.brn,
    brnFormatted: formatBusinessNumber(b.profile.brn),
    tradeName: b.profile.tradeName,
    stage,
    stageLabel: stage ? STAGE_LABELS[stage].ko : '확인 필요',
    regionName: regionName(b.profile.regionCode),
    ksicName: ksicName(b.profile.ksic),
    version: b.version,
    profile: b.profile,
  };
}

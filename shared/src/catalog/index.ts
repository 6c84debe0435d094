import { buildCatalog, type Catalog, type CatalogFile } from './build';
import disaster202307HeavyRain from './disasters/2023-07-heavy-rain.json' with { type: 'json' };
import disaster202503Wildfire from './disasters/2025-03-wildfire.json' with { type: 'json' };
import burdenReliefCredit2025 from './programs/burden-relief-credit-2025.json' with { type: 'json' };
import covidLossCompensation2022 from './programs/covid-loss-compensation-2022.json' with { type: 'json' };
import disasterEmergencyFund from './programs/disaster-emergency-fund.json' with { type: 'json' };
import disasterUtilityRelief from './programs/disaster-utility-relief.json' with { type: 'json' };
import electricitySupport2024 from './programs/electricity-support-2024.json' with { type: 'json' };
import employmentInsuranceSupport from './programs/employment-insurance-support.json' with { type: 'json' };
import generalStabilityFund from './programs/general-stability-fund.json' with { type: 'json' };
import heavyRainRelief from './programs/heavy-rain-relief.json' with { type: 'json' };
import hopeReturnClosure from './programs/hope-return-closure.json' with { type: 'json' };
import hundredYearStore from './programs/hundred-year-store.json' with { type: 'json' };
import innovationGrowthFund from './programs/innovation-growth-fund.json' with { type: 'json' };
import lowRateRefinancing from './programs/low-rate-refinancing.json' with { type: 'json' };
import newBusinessAcademy from './programs/new-business-academy.json' with { type: 'json' };
import newBusinessFund from './programs/new-business-fund.json' with { type: 'json' };
import onlineSales from './programs/online-sales.json' with { type: 'json' };
import rechallengeFund from './programs/rechallenge-fund.json' with { type: 'json' };
import restartCommercialization from './programs/restart-commercialization.json' with { type: 'json' };
import smartStore from './programs/smart-store.json' with { type: 'json' };
import wildfireRelief from './programs/wildfire-relief.json' with { type: 'json' };
import youthFund from './programs/youth-fund.json' with { type: 'json' };

export { buildCatalog, type Catalog, CatalogError, type CatalogFile, type CatalogProblem } from './build';
export { programCheckDate } from './check-date';

/**
 * The catalog's data files, statically imported so that bundles (Lambda, web, CLI) carry them without file
 * access. In the numbered order of the source list (programs.md). Adding a program: add its JSON file and
 * one line here; the catalog test fails for a file in the folder that is not listed.
 */
export const PROGRAM_FILES: readonly CatalogFile[] = [
  { file: 'programs/general-stability-fund.json', data: generalStabilityFund },
  { file: 'programs/innovation-growth-fund.json', data: innovationGrowthFund },
  { file: 'programs/new-business-fund.json', data: newBusinessFund },
  { file: 'programs/rechallenge-fund.json', data: rechallengeFund },
  { file: 'programs/youth-fund.json', data: youthFund },
  { file: 'programs/low-rate-refinancing.json', data: lowRateRefinancing },
  { file: 'programs/disaster-emergency-fund.json', data: disasterEmergencyFund },
  { file: 'programs/hope-return-closure.json', data: hopeReturnClosure },
  { file: 'programs/new-business-academy.json', data: newBusinessAcademy },
  { file: 'programs/smart-store.json', data: smartStore },
  { file: 'programs/online-sales.json', data: onlineSales },
  { file: 'programs/burden-relief-credit-2025.json', data: burdenReliefCredit2025 },
  { file: 'programs/electricity-support-2024.json', data: electricitySupport2024 },
  { file: 'programs/employment-insurance-support.json', data: employmentInsuranceSupport },
  { file: 'programs/hundred-year-store.json', data: hundredYearStore },
  { file: 'programs/restart-commercialization.json', data: restartCommercialization },
  { file: 'programs/heavy-rain-relief.json', data: heavyRainRelief },
  { file: 'programs/disaster-utility-relief.json', data: disasterUtilityRelief },
  { file: 'programs/covid-loss-compensation-2022.json', data: covidLossCompensation2022 },
  { file: 'programs/wildfire-relief.json', data: wildfireRelief },
];

export const DISASTER_FILES: readonly CatalogFile[] = [
  { file: 'disasters/2023-07-heavy-rain.json', data: disaster202307HeavyRain },
  { file: 'disasters/2025-03-wildfire.json', data: disaster202503Wildfire },
];

let cached: Catalog | undefined;

/**
 * The real program catalog and declared disasters, validated once per process (throws `CatalogError`,
 * naming each file and field path, if any data file is invalid). Each call returns fresh arrays over the
 * same validated objects: sort or filter freely, but do not mutate the programs themselves.
 */
export function loadCatalog(): Catalog {
  cached ??= buildCatalog(PROGRAM_FILES, DISASTER_FILES);
  return { programs: [...cached.programs], disasters: [...cached.disasters] };
}

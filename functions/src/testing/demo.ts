/**
 * The local portal's demo users and businesses and its dev token issuer, for tests of the lower layers
 * (http, services) that sign in as the same people `npm start` seeds. Tests reach `local/` through here,
 * the one test-helper layer allowed to import anything.
 */
export { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES, DEMO_USERS } from '../local/demo-data';
export { createDevIssuer } from '../local/dev-auth';

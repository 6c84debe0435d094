/**
 * The portal API's contract: a zod schema for every request (path, query, body) and every response body.
 * The server declares its routes with these and generates the OpenAPI document from them; the web client
 * takes its types from them and, in development, checks answers with them. Pure zod: import a file
 * (`@sbiz24/shared/contract/programs`) rather than this index where bundle size matters.
 */
export * from './applications';
export * from './businesses';
export * from './common';
export * from './me';
export * from './programs';
export * from './relief';
export * from './staff';
export * from './system';

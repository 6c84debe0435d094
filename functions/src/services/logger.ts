import { Logger } from '@aws-lambda-powertools/logger';

export interface LoggerOptions {
  /** @default 'sbiz24-api' */
  serviceName?: string;
  /** Powertools level (DEBUG, INFO, WARN, ERROR, SILENT); POWERTOOLS_LOG_LEVEL or INFO when absent. */
  level?: string;
}

/**
 * The structured JSON logger (Powertools). The API makes a child per request carrying `correlation_id`.
 * House rule: log ids, routes, statuses and counts, never names, registration numbers, tokens or bodies.
 */
export function createLogger({ serviceName = 'sbiz24-api', level }: LoggerOptions = {}): Logger {
  return new Logger({
    serviceName,
    ...(level ? { logLevel: level.toUpperCase() as 'INFO' } : {}),
  });
}

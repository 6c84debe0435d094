import type { ProgramChangeEvent } from './types';

/**
 * What the API logs (level ERROR) when a stored change could not be told to its listener — on AWS, the event
 * was not put on the bus, so no recompute started. A CloudWatch metric filter on this exact message raises an
 * alarm (infra/lib/monitoring.ts).
 */
export const CATALOG_EVENT_FAILED_MESSAGE = 'program change listener failed';

/** The `source` of the events the API puts on the portal's EventBridge bus. */
export const API_EVENT_SOURCE = 'sbiz24.api';

/**
 * Every catalog change the API reports makes matches stale, so each starts a recompute run (the bus rule in
 * infra/lib/batch.ts listens for these): a program published, closed, or edited after publication (the API
 * reports no event for an edited draft: drafts are not matched), a disaster declared, and a damage list
 * imported (its businesses' confirmed damage changed).
 */
export const RECOMPUTE_DETAIL_TYPES = [
  'program-published',
  'program-closed',
  'program-updated',
  'disaster-declared',
  'damage-imported',
] as const satisfies readonly ProgramChangeEvent['type'][];

/** One PutEvents entry: `detail-type` is the change's type, `detail` the rest of it as JSON. */
export function toBusEntry(
  event: ProgramChangeEvent,
  busName: string,
): { Source: string; DetailType: string; Detail: string; EventBusName: string; Time: Date } {
  const { type, ...detail } = event;
  return {
    Source: API_EVENT_SOURCE,
    DetailType: type,
    Detail: JSON.stringify(detail),
    EventBusName: busName,
    Time: new Date(event.at),
  };
}

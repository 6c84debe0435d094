import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { toBusEntry } from '../services/catalog-events';
import type { ProgramChangeEvent } from '../services/types';
import { clientEventBridge } from '../store/aws-sdk';

/** How often an entry EventBridge refused (throttled, internal failure) is put again before giving up. */
export const PUT_ATTEMPTS = 3;

export class EventBusError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EventBusError';
  }
}

export interface EventBusPublisherOptions {
  busName: string;
  /** Made on the first event when absent, so a cold start that publishes nothing never loads the SDK client. */
  client?: EventBridgeClient;
  /** Pause before attempt n (1-based retries); @default 100 ms × 2^(n-1) */
  backoffMs?: (retry: number) => number;
}

/**
 * The API's `onProgramChanged` on AWS: puts each catalog change on the portal bus, where a rule starts the
 * recompute state machine. Transport errors are retried by the SDK; an entry EventBridge refuses
 * (FailedEntryCount) is put again up to PUT_ATTEMPTS times, then EventBusError is thrown.
 */
export function eventBusPublisher(
  options: EventBusPublisherOptions,
): (event: ProgramChangeEvent) => Promise<void> {
  let client = options.client;
  const backoff = options.backoffMs ?? ((retry) => 100 * 2 ** (retry - 1));
  return async (event) => {
    const { EventBridgeClient, PutEventsCommand } = clientEventBridge();
    client ??= new EventBridgeClient({});
    const entry = toBusEntry(event, options.busName);
    let failure = { code: 'Unknown', message: '' };
    for (let attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, backoff(attempt - 1)));
      const out = await client.send(new PutEventsCommand({ Entries: [entry] }));
      const refused = out.Entries?.[0];
      if (!out.FailedEntryCount && !refused?.ErrorCode) return;
      failure = { code: refused?.ErrorCode ?? 'Unknown', message: refused?.ErrorMessage ?? '' };
    }
    throw new EventBusError(
      failure.code,
      `EventBridge refused the ${event.type} event ${PUT_ATTEMPTS} times: ${failure.code} ${failure.message}`.trim(),
    );
  };
}

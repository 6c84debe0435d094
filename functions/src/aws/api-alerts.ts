import { alertsResource } from '../http/routes/alerts';
import type { AppDeps } from '../http/types';
import { createDocumentClient } from '../store/dynamo-client';
import { createAlertRepositories } from '../store/repositories';
import { type ApiConfig, apiConfig } from './config';
import { createSesChannel } from './ses-channel';

/** SES made on the first code sent: a settings read or an unsubscribe never loads its SDK. */
function lazySes(from: string): Pick<ReturnType<typeof createSesChannel>, 'send'> {
  let channel: ReturnType<typeof createSesChannel> | undefined;
  return {
    send: (message) => {
      channel ??= createSesChannel({ from });
      return channel.send(message);
    },
  };
}

/**
 * The alert settings routes over the API's dependencies, with the alerts signing key and SES (MAIL_FROM) when
 * configured. Served by their own function (handlers/api-alerts.ts), the only one with the SES grant and
 * the key; the docs function passes them without either, to document them.
 */
export function alertRoutes(deps: Pick<AppDeps, 'repos' | 'clock'>, config?: ApiConfig['alerts']) {
  return alertsResource({
    repos: { ...deps.repos, ...createAlertRepositories(createDocumentClient(), apiConfig().tableName) },
    clock: deps.clock,
    ...(config ? { alerts: { secret: config.signingKey, mail: lazySes(config.mailFrom) } } : {}),
  });
}

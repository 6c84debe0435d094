import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { API_EVENT_SOURCE } from '../services/catalog-events';
import { call, createTestApp, SNOW_DECLARATION } from '../testing/test-app';
import { realDeps } from './api-deps';
import { EventBusError, eventBusPublisher, PUT_ATTEMPTS } from './event-bus';

const eventBridge = mockClient(EventBridgeClient);
const published = {
  type: 'program-published',
  programId: 'p-1',
  version: 2,
  at: '2026-11-27T01:00:00.000Z',
} as const;

const putEntries = () => eventBridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries);

describe('eventBusPublisher', () => {
  beforeEach(() => {
    eventBridge.reset();
  });

  it('puts the change on the bus: source sbiz24.api, the change type as detail-type, the rest as detail', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });

    await eventBusPublisher({ busName: 'sbiz24-dev' })(published);

    expect(putEntries()).toEqual([
      [
        {
          Source: API_EVENT_SOURCE,
          DetailType: 'program-published',
          Detail: JSON.stringify({ programId: 'p-1', version: 2, at: published.at }),
          EventBusName: 'sbiz24-dev',
          Time: new Date(published.at),
        },
      ],
    ]);
  });

  it('puts an entry EventBridge refused again, with a pause, and succeeds when it is taken', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e2' }] });
    const pauses: number[] = [];

    await eventBusPublisher({
      busName: 'b',
      backoffMs: (retry) => {
        pauses.push(retry);
        return 0;
      },
    })({ type: 'disaster-declared', disasterId: 'd-1', at: published.at });

    expect(putEntries()).toHaveLength(2);
    expect(putEntries()[1]![0]).toMatchObject({
      DetailType: 'disaster-declared',
      Detail: '{"disasterId":"d-1","at":"2026-11-27T01:00:00.000Z"}',
    });
    expect(pauses).toEqual([1]);
  });

  it('gives up after PUT_ATTEMPTS refusals with an error naming the code', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try later' }],
    });

    const put = eventBusPublisher({ busName: 'b', backoffMs: () => 0 })(published);

    await expect(put).rejects.toThrow(EventBusError);
    await expect(put).rejects.toThrow(/program-published.*InternalFailure try later/);
    expect(putEntries()).toHaveLength(PUT_ATTEMPTS);
  });

  it('lets an SDK failure (access denied, no bus) reach the caller', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('AccessDeniedException'));
    await expect(eventBusPublisher({ busName: 'b' })(published)).rejects.toThrow('AccessDeniedException');
  });
});

describe('the API on AWS', () => {
  beforeEach(() => {
    eventBridge.reset();
  });

  const config = {
    tableName: 'sbiz24',
    cognitoJwksUrl: 'https://cognito-idp.ap-northeast-2.amazonaws.com/pool/.well-known/jwks.json',
    cognitoIssuer: 'https://cognito-idp.ap-northeast-2.amazonaws.com/pool',
    cognitoClientId: 'client',
    logLevel: 'ERROR',
  };

  it('puts catalog changes on the bus named by EVENT_BUS_NAME, and puts nothing without one', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    const withBus = realDeps({ ...config, eventBusName: 'sbiz24-prod' }).onProgramChanged;
    expect(withBus).toBeTypeOf('function');
    await withBus!(published);
    expect(putEntries()[0]![0]).toMatchObject({ EventBusName: 'sbiz24-prod', Source: API_EVENT_SOURCE });

    expect(realDeps(config).onProgramChanged).toBeUndefined();
  });

  it('has put the event by the time a staff publish, close or declaration answers', async () => {
    let answered = 0;
    eventBridge.on(PutEventsCommand).callsFake(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answered++;
      return { FailedEntryCount: 0, Entries: [{ EventId: 'e' }] };
    });
    const { app } = await createTestApp({ onProgramChanged: eventBusPublisher({ busName: 'bus' }) });

    const res = await call(app, 'POST', '/api/staff/disasters', {
      as: 'admin',
      body: SNOW_DECLARATION,
    });

    expect(res.status).toBe(201);
    expect(putEntries().map((e) => e![0]!.DetailType)).toEqual(['disaster-declared']);
    expect(answered).toBe(1);
  });

  it('answers the staff with success and logs the error when the bus refuses: the change is stored', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('bus unavailable'));
    const { app, repos, logs } = await createTestApp({
      onProgramChanged: eventBusPublisher({ busName: 'bus' }),
    });

    const res = await call(app, 'POST', '/api/staff/disasters', {
      as: 'admin',
      body: SNOW_DECLARATION,
    });

    expect(res.status).toBe(201);
    expect((await repos.disasters.list()).map((d) => d.id)).toContain(SNOW_DECLARATION.id);
    expect(logs.join('\n')).toMatch(/program change listener failed[\s\S]*bus unavailable/);
  });
});

import { DomainError } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { $ZodError } from 'zod/v4/core';
import {
  auditEntry,
  brnOf,
  checkpoint,
  disaster,
  newBusiness,
  notification,
  outboxMessage,
  program,
  programCount,
  runManifest,
} from '../testing/store-data';
import { checkpointItem, outboxItem, programCountItem, runItem } from './batch-items';
import { MalformedItemError } from './dynamo-errors';
import {
  auditItem,
  businessItem,
  disasterItem,
  notificationDedupeItem,
  notificationItem,
  programItem,
  programVersionItem,
  readTableKey,
} from './items';

const AT = '2025-05-01T09:00:00.000Z';

describe('item mappers: toItem then fromItem gives back the domain record', () => {
  it('round-trips a business, adding version 1 and the time, with no key attribute left', () => {
    const business = newBusiness(1, { matchIds: ['p1'], matchHash: 'h', matchedAt: AT });

    const stored = businessItem.fromItem(businessItem.toItem(business, AT));

    expect(stored).toStrictEqual({ ...business, version: 1, updatedAt: AT });
  });

  it('writes no attribute for an absent optional field, so a created business reads back as it was sent', () => {
    const item = businessItem.toItem(newBusiness(2), AT);

    expect(Object.keys(item)).not.toContain('ownerId');
    expect(Object.keys(item)).not.toContain('matchIds');
    expect(businessItem.fromItem(item)).toStrictEqual({ ...newBusiness(2), version: 1, updatedAt: AT });
  });

  it('adds the owner index keys only to an owned business', () => {
    expect(businessItem.toItem(newBusiness(3, { ownerId: 'owner-3' }), AT)).toMatchObject({
      PK: `BIZ#${brnOf(3)}`,
      SK: 'PROFILE',
      GSI1PK: 'OWNER#owner-3',
      GSI1SK: `BIZ#${brnOf(3)}`,
      entity: 'business',
      brn: brnOf(3),
    });
    expect(businessItem.toItem(newBusiness(3), AT)).not.toHaveProperty('GSI1PK');
  });

  it('round-trips a program as its current item (with both index keys) and as a kept version', () => {
    const p = program('p1', { status: 'open', applyEnd: '2025-09-30', agencyId: 'mss', version: 4 });

    const current = programItem.toItem(p, AT);
    const kept = programVersionItem.toItem(p, AT);

    expect(current).toMatchObject({
      PK: 'PROG#p1',
      SK: 'META',
      GSI1PK: 'PSTATUS#open',
      GSI1SK: '2025-09-30#p1',
      GSI2PK: 'AGENCY#mss',
      GSI2SK: 'PROG#p1',
      version: 4,
      status: 'open',
      updatedAt: AT,
    });
    expect(kept).toMatchObject({ PK: 'PROG#p1', SK: 'V#000004', version: 4, createdAt: AT });
    expect(programItem.fromItem(current)).toStrictEqual(p);
    expect(programVersionItem.fromItem(kept)).toStrictEqual(p);
  });

  it('round-trips a disaster in the DISASTERS partition of GSI1', () => {
    const d = disaster('rain-1');

    const item = disasterItem.toItem(d, AT);

    expect(item).toMatchObject({ PK: 'DISASTER#rain-1', GSI1PK: 'DISASTERS', GSI1SK: '2025-07-10#rain-1' });
    expect(disasterItem.fromItem(item)).toStrictEqual(d);
  });

  it('round-trips a notification, unread ones with the LSI2 key, and builds its dedupe marker', () => {
    const unread = notification('u1', 3);
    const read = notification('u1', 4, { read: true });

    expect(notificationItem.toItem(unread)).toMatchObject({
      PK: 'USER#u1',
      SK: `NOTE#${unread.createdAt}#note-3`,
      LSI1SK: 'NOTEID#note-3',
      LSI2SK: `UNREAD#${unread.createdAt}#note-3`,
    });
    expect(notificationItem.toItem(read)).not.toHaveProperty('LSI2SK');
    expect(notificationItem.fromItem(notificationItem.toItem(unread))).toStrictEqual(unread);
    expect(notificationItem.fromItem(notificationItem.toItem(read))).toStrictEqual(read);
    expect(notificationDedupeItem(unread)).toStrictEqual({
      PK: 'USER#u1',
      SK: `DEDUPE#${unread.dedupeKey}`,
      entity: 'notificationDedupe',
      notificationId: 'note-3',
      createdAt: unread.createdAt,
    });
  });

  it('round-trips audit entries, outbox messages and the batch bookkeeping', () => {
    const entry = auditEntry(1);
    const message = outboxMessage('u1', 1);
    const manifest = runManifest('run-1', { finishedAt: AT });
    const cp = checkpoint('run-1', 2);
    const counts = programCount('p1', 41);

    expect(auditItem.toItem(entry, 'abcd1234')).toMatchObject({
      PK: 'AUDIT#program#p1',
      SK: `${entry.at}#abcd1234`,
    });
    expect(auditItem.fromItem(auditItem.toItem(entry, 'abcd1234'))).toStrictEqual(entry);
    expect(outboxItem.toItem(message)).toMatchObject({ PK: 'USER#u1', SK: 'OUTBOX#note-1#email' });
    expect(outboxItem.fromItem(outboxItem.toItem(message))).toStrictEqual(message);
    expect(runItem.toItem(manifest, 123)).toMatchObject({ PK: 'RUN#run-1', SK: 'META', ttl: 123 });
    expect(runItem.fromItem(runItem.toItem(manifest, 123))).toStrictEqual(manifest);
    expect(checkpointItem.toItem(cp, 456)).toMatchObject({ PK: 'RUN#run-1', SK: 'SEG#000002', ttl: 456 });
    expect(checkpointItem.fromItem(checkpointItem.toItem(cp, 456))).toStrictEqual(cp);
    expect(programCountItem.toItem(counts)).toMatchObject({ PK: 'PROG#p1', SK: 'COUNTS' });
    expect(programCountItem.fromItem(programCountItem.toItem(counts))).toStrictEqual(counts);
  });

  it('reads the key of a KEYS_ONLY index item, without the index attribute', () => {
    expect(readTableKey({ PK: 'USER#u1', SK: 'NOTE#t#n1', LSI1SK: 'NOTEID#n1' })).toStrictEqual({
      PK: 'USER#u1',
      SK: 'NOTE#t#n1',
    });
  });
});

describe('item mappers: fromItem refuses a malformed item', () => {
  it('names the entity and every wrong attribute, never a value', () => {
    const { updatedAt: _dropped, ...rest } = businessItem.toItem(newBusiness(5), AT);
    const item = { ...rest, version: '7', registryStatus: 'gone' };

    let thrown: unknown;
    try {
      businessItem.fromItem(item);
    } catch (err) {
      thrown = err;
    }

    expect(thrown).toBeInstanceOf(MalformedItemError);
    expect(thrown).toMatchObject({
      entity: 'business',
      attributes: expect.arrayContaining(['version', 'registryStatus', 'updatedAt']),
    });
    const message = (thrown as Error).message;
    expect(message).toMatch(/business/);
    expect(message).not.toContain(brnOf(5));
    expect(message).not.toContain('김소상');
    expect(message).not.toContain('gone');
  });

  it('is a server fault: neither a domain error nor a zod error, which the API would answer with a 400', () => {
    const attempt = () => notificationItem.fromItem({ PK: 'USER#u1', SK: 'NOTE#x', read: 'no' });

    expect(attempt).toThrow(MalformedItemError);
    try {
      attempt();
    } catch (err) {
      expect(err).not.toBeInstanceOf(DomainError);
      expect(err).not.toBeInstanceOf($ZodError);
    }
  });

  it('refuses a nested record that is not a map, and a list element of the wrong type', () => {
    expect(() => programItem.fromItem({ PK: 'PROG#p1', SK: 'META', program: 'p1' })).toThrow(
      MalformedItemError,
    );
    expect(() => disasterItem.fromItem({ disaster: ['rain-1'] })).toThrow(MalformedItemError);
    expect(() =>
      businessItem.fromItem({ ...businessItem.toItem(newBusiness(6), AT), matchIds: ['p1', 2] }),
    ).toThrow(/matchIds\.1/);
  });

  it('refuses a value outside a closed set', () => {
    const item = auditItem.toItem(auditEntry(2), 'ffff0000');

    expect(() => auditItem.fromItem({ ...item, entityType: 'user' })).toThrow(/entityType/);
    expect(() =>
      outboxItem.fromItem({ ...outboxItem.toItem(outboxMessage('u1', 2)), channel: 'fax' }),
    ).toThrow(/channel/);
  });
});

import { describe, expect, it } from 'vitest';
import { createPrepareHandler } from './batch-handlers';
import { batchTelemetry } from './batch-telemetry';
import { takeTurn, toEpochMs } from './run-turn';

const arn = (name: string) => `arn:aws:states:ap-northeast-2:123456789012:execution:Recompute:${name}`;
const self = { id: arn('b'), startTime: '2026-11-27T03:00:00.000Z' };

describe('takeTurn', () => {
  it('runs when no other execution is running (the list includes this one)', () => {
    expect(takeTurn(self, [])).toBe('run');
    expect(takeTurn(self, [{ executionArn: self.id, startDate: self.startTime }])).toBe('run');
  });

  it('waits for an older running execution', () => {
    expect(
      takeTurn(self, [
        { executionArn: arn('a'), startDate: '2026-11-27T02:59:00.000Z' },
        { executionArn: self.id, startDate: self.startTime },
      ]),
    ).toBe('wait');
  });

  it('gives way to a newer execution, whether or not an older one is running', () => {
    const newer = { executionArn: arn('c'), startDate: '2026-11-27T03:00:01.000Z' };
    expect(takeTurn(self, [newer])).toBe('superseded');
    expect(takeTurn(self, [{ executionArn: arn('a'), startDate: '2026-11-27T02:00:00.000Z' }, newer])).toBe(
      'superseded',
    );
  });

  it('orders two executions started in the same millisecond by ARN, so exactly one of them goes on', () => {
    const a = { id: arn('a'), startTime: self.startTime };
    const running = [
      { executionArn: a.id, startDate: a.startTime },
      { executionArn: self.id, startDate: self.startTime },
    ];
    expect([takeTurn(a, running), takeTurn(self, running)]).toEqual(['superseded', 'wait']);
  });

  it('reads start dates as ISO text or epoch seconds/milliseconds', () => {
    const ms = Date.parse(self.startTime);
    expect(toEpochMs(self.startTime)).toBe(ms);
    expect(toEpochMs(ms / 1000)).toBe(ms);
    expect(toEpochMs(ms)).toBe(ms);
    expect(takeTurn(self, [{ executionArn: arn('a'), startDate: ms / 1000 - 60 }])).toBe('wait');
    expect(() => toEpochMs('yesterday')).toThrow(RangeError);
  });
});

describe('the Prepare handler at the gate', () => {
  const untouched = () => {
    throw new Error('a waiting or superseded execution must not prepare a run');
  };
  const older = { executionArn: arn('a'), startDate: '2026-11-27T02:59:00.000Z' };
  const newer = { executionArn: arn('c'), startDate: '2026-11-27T03:00:01.000Z' };

  it('hands the state back, without the listed executions, when the execution waits or gives way', async () => {
    // Its log lines are batch-handlers.test.ts's subject; here they would only clutter the output.
    const prepare = createPrepareHandler(untouched, batchTelemetry({ serviceName: 'test', level: 'SILENT' }));
    const request = { trigger: 'program-published', segments: 4 };

    expect(await prepare({ request: { ...request, queue: { running: [older] } }, self })).toEqual({
      ...request,
      turn: 'wait',
    });
    expect(
      await prepare({ request: { ...request, turn: 'wait', queue: { running: [older, newer] } }, self }),
    ).toEqual({ ...request, turn: 'superseded' });
  });
});

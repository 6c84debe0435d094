import {
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { renderEmail } from '@sbiz24/shared/alerts/message';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type OutgoingEmail, PermanentDeliveryError } from '../services/delivery';
import { createSesChannel } from './ses-channel';

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const message: OutgoingEmail = {
  channel: 'email',
  idempotencyKey: 'abc_DEF-123',
  to: 'owner@example.kr',
  email: renderEmail({
    kind: 'new-match',
    title: '새로 신청할 수 있는 지원사업: 희망리턴패키지',
    body: '본문',
    link: 'https://portal/programs/x',
    unsubscribeUrl: 'https://portal/api/alerts/unsubscribe?token=t',
  }),
};

describe('the SES e-mail channel', () => {
  it('sends the subject, both bodies and the one-click unsubscribe headers from the verified identity', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
    await createSesChannel({ from: 'no-reply@sbiz24.example', client: new SESv2Client({}) }).send(message);
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe('no-reply@sbiz24.example');
    expect(input.Destination?.ToAddresses).toEqual(['owner@example.kr']);
    expect(input.Content?.Simple?.Subject?.Data).toBe(
      '[소상공인24] 새로 신청할 수 있는 지원사업: 희망리턴패키지',
    );
    expect(input.Content?.Simple?.Body?.Html?.Data).toContain('<a href="https://portal/programs/x">');
    expect(input.Content?.Simple?.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://portal/api/alerts/unsubscribe?token=t>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
    expect(input.EmailTags).toEqual([{ Name: 'outbox', Value: 'abc_DEF-123' }]);
  });

  it('makes a rejection permanent and leaves throttling to the retries', async () => {
    const channel = createSesChannel({ from: 'no-reply@sbiz24.example', client: new SESv2Client({}) });
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'rejected', $metadata: {} }));
    await expect(channel.send(message)).rejects.toBeInstanceOf(PermanentDeliveryError);
    ses.reset();
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    await expect(channel.send(message)).rejects.toMatchObject({ name: 'TooManyRequestsException' });
  });
});

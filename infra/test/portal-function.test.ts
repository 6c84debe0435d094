import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../lib/data.js';
import { PortalFunction, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../lib/portal-function.js';
import { stageConfig } from '../lib/stage.js';
import { asArray } from './template-query.js';

type Statement = { Action: string | string[]; Resource: unknown };

let template: Template;

/** Statements of the policy attached to the role whose logical id starts with `rolePrefix`. */
function statements(prefix: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(prefix))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const dynamoActions = (prefix: string) =>
  statements(prefix)
    .flatMap((s) => asArray(s.Action))
    .filter((a) => a.startsWith('dynamodb:'));

describe('PortalFunction', () => {
  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'FunctionTest');
    const stage = stageConfig('prod');
    const data = new Data(stack, 'Data', { stage });
    const reader = new PortalFunction(stack, 'Reader', {
      stage,
      handler: 'finalize',
      serviceName: 'reader',
      description: 'reads',
    });
    reader.bindTable(data, 'RO');
    const writer = new PortalFunction(stack, 'Writer', {
      stage,
      handler: 'finalize',
      serviceName: 'writer',
      description: 'writes',
    });
    writer.bindTable(data, 'RW');
    template = Template.fromStack(stack);
  }, 60_000);

  it('runs nodejs22.x on ARM64 with active tracing, Powertools settings and its own log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('ReaderLogs') } },
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'reader',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          LOG_LEVEL: 'INFO',
          NODE_OPTIONS: '--enable-source-maps',
          TABLE_NAME: { Ref: Match.stringLikeRegexp('DataTable') },
        }),
      },
    });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 180 },
      DeletionPolicy: 'Retain',
    });
  });

  it('uses a role of its own without AWS managed policies', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants a read-only binding the read actions and nothing that writes', () => {
    expect(new Set(dynamoActions('ReaderRole'))).toEqual(new Set(TABLE_READ_ACTIONS));
  });

  it('grants a read-write binding the read and write actions, listed one by one', () => {
    expect(new Set(dynamoActions('WriterRole'))).toEqual(
      new Set([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]),
    );
    expect(dynamoActions('WriterRole').some((a) => a.includes('*'))).toBe(false);
  });

  it('allows index reads on each index by name, never on index/*', () => {
    const indexStatement = statements('ReaderRole').find((s) =>
      JSON.stringify(s.Resource).includes('/index/'),
    )!;
    expect(asArray(indexStatement.Action).sort()).toEqual(['dynamodb:Query', 'dynamodb:Scan']);
    const text = JSON.stringify(indexStatement.Resource);
    for (const name of ['GSI1', 'GSI2', 'LSI1', 'LSI2']) expect(text).toContain(`/index/${name}`);
    expect(text).not.toContain('/index/*');
  });
});

/**
 * Reads the state machine definition out of a synthesized template: CDK writes `DefinitionString` as an
 * `Fn::Join` of literal JSON and references (Lambda ARNs, partition, region). Resolving the references to
 * placeholder values gives the exact ASL that Step Functions would receive.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const PLACEHOLDER = { partition: 'aws', region: 'ap-northeast-2', account: '123456789012' } as const;

/** The placeholder ARN a Lambda with this logical id resolves to. */
export function placeholderFunctionArn(logicalId: string): string {
  return `arn:aws:lambda:${PLACEHOLDER.region}:${PLACEHOLDER.account}:function:${logicalId}`;
}

/** A CloudFormation value (literal, Ref, GetAtt, Join) with references replaced by placeholders. */
export function resolveCfn(value: Json, resources: Record<string, { Type: string }>): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('Ref' in value) {
      const ref = value.Ref as string;
      if (ref === 'AWS::Partition') return PLACEHOLDER.partition;
      if (ref === 'AWS::Region') return PLACEHOLDER.region;
      if (ref === 'AWS::AccountId') return PLACEHOLDER.account;
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
      return `ref-${ref}`;
    }
    if ('Fn::GetAtt' in value) {
      const [logicalId, attribute] = value['Fn::GetAtt'] as [string, string];
      const type = resources[logicalId]?.Type;
      if (type === 'AWS::Lambda::Function' && attribute === 'Arn') return placeholderFunctionArn(logicalId);
      return `placeholder-${logicalId}-${attribute}`;
    }
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'] as [string, Json[]];
      return parts.map((part) => resolveCfn(part, resources)).join(separator);
    }
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

export interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  End?: boolean;
  Retry?: { ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number }[];
  ItemProcessor?: {
    ProcessorConfig?: { Mode?: string; ExecutionType?: string };
    StartAt: string;
    States: Record<string, AslState>;
  };
  ItemsPath?: string;
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
  ResultPath?: string | null;
  Parameters?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  [key: string]: unknown;
}

/** The ASL of the (single) state machine of a template, references resolved to placeholders. */
export function stateMachineDefinition(template: {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}): AslDefinition {
  const machines = Object.values(template.Resources).filter(
    (r) => r.Type === 'AWS::StepFunctions::StateMachine',
  );
  if (machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  const definition = machines[0]!.Properties?.DefinitionString as Json | undefined;
  if (definition === undefined) throw new Error('the state machine has no DefinitionString');
  return JSON.parse(resolveCfn(definition, template.Resources)) as AslDefinition;
}

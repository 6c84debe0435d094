import { type Json, resolveCfn } from './asl.js';
import type { Synthesized } from './synth.js';

type Resources = Synthesized['json']['Resources'];

/** Logical ids of the resources of a type. */
export function idsOfType(resources: Resources, type: string): string[] {
  return Object.keys(resources).filter((id) => resources[id]!.Type === type);
}

/** The logical id of the Lambda function whose construct path ends with `pathSuffix` (e.g. `Api/Handler`). */
export function functionId(synth: Synthesized, pathSuffix: string): string {
  const ids = idsOfType(synth.json.Resources, 'AWS::Lambda::Function').filter((id) => {
    const path = (synth.json.Resources[id]!.Metadata as { 'aws:cdk:path'?: string } | undefined)?.[
      'aws:cdk:path'
    ];
    return path?.endsWith(`/${pathSuffix}/Resource`);
  });
  if (ids.length !== 1) throw new Error(`expected one function at ${pathSuffix}, found ${ids.length}`);
  return ids[0]!;
}

/** A function's environment with CloudFormation references resolved to placeholders. */
export function functionEnvironment(synth: Synthesized, logicalId: string): Record<string, string> {
  const props = synth.json.Resources[logicalId]!.Properties as {
    Environment?: { Variables?: Record<string, Json> };
  };
  return Object.fromEntries(
    Object.entries(props.Environment?.Variables ?? {}).map(([k, v]) => [
      k,
      resolveCfn(v, synth.json.Resources),
    ]),
  );
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: Json | Json[];
  Condition?: unknown;
}

/** Every statement of the inline policies attached to a role (by the role's logical id). */
export function roleStatements(synth: Synthesized, roleId: string): Statement[] {
  return idsOfType(synth.json.Resources, 'AWS::IAM::Policy').flatMap((id) => {
    const props = synth.json.Resources[id]!.Properties as {
      Roles: { Ref: string }[];
      PolicyDocument: { Statement: Statement[] };
    };
    return props.Roles.some((r) => r.Ref === roleId) ? props.PolicyDocument.Statement : [];
  });
}

/** The logical id of a function's execution role. */
export function roleOf(synth: Synthesized, functionLogicalId: string): string {
  const role = (
    synth.json.Resources[functionLogicalId]!.Properties as { Role: { 'Fn::GetAtt': [string, string] } }
  ).Role;
  return role['Fn::GetAtt'][0];
}

export const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

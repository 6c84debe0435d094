import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** One acknowledged cdk-nag finding: where, which rule (optionally `Rule[Finding]`), and why. */
export interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

const byApp = new WeakMap<IConstruct, Acknowledgement[]>();

/**
 * Acknowledges (suppresses) a cdk-nag finding on a construct and its children, with the reason written down.
 * Every call is recorded per app so that tests can check each reason is documented in docs/deploy.md.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 30) throw new Error(`cdk-nag acknowledgement ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
  const root = scope.node.root;
  const list = byApp.get(root) ?? [];
  list.push({ path: scope.node.path, id, reason });
  byApp.set(root, list);
}

/** Every acknowledgement made in an app so far. */
export function acknowledgements(app: IConstruct): readonly Acknowledgement[] {
  return byApp.get(app.node.root) ?? [];
}

/** Runs the AWS Solutions rule pack at synthesis: an unacknowledged error fails `cdk synth` and the tests. */
export function applyAwsSolutionsChecks(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/** The CloudFormation logical id of an L2 construct's resource, as cdk-nag prints it in finding ids. */
export function nagLogicalId(resource: IConstruct): string {
  const element = resource.node.defaultChild as CfnElement | undefined;
  if (!element) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return Stack.of(resource).resolve(element.logicalId) as string;
}

/** How cdk-nag names a resource's ARN inside a finding id: `<LogicalId.Arn>`. */
export function nagArnOf(resource: IConstruct): string {
  return `<${nagLogicalId(resource)}.Arn>`;
}

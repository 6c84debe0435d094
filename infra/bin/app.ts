#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { applyAwsSolutionsChecks } from '../lib/nag.js';
import { requireWebBuild } from '../lib/paths.js';
import { PortalStack } from '../lib/portal-stack.js';
import { stageConfig } from '../lib/stage.js';

/**
 * The CDK app: `npx cdk synth|deploy -c stage=dev|prod`. Environment-agnostic (account and region come from
 * the CLI's credentials at deploy time), so synthesis needs no AWS account. Optional context: domainName +
 * certificateArn (custom domain), authDomainPrefix, sesFromEmail, alertsMailFrom, alarmEmail, webDist (another web build
 * folder than web/dist).
 */
const app = new App();
const context = (key: string): string | undefined => {
  const value = app.node.tryGetContext(key) as unknown;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const domainName = context('domainName');
const stage = stageConfig(context('stage'), domainName ? `https://${domainName}` : undefined);
const stack = new PortalStack(app, `Sbiz24-${stage.name}`, {
  stage,
  webAssetDir: requireWebBuild(context('webDist')),
  domainName,
  certificateArn: context('certificateArn'),
  authDomainPrefix: context('authDomainPrefix'),
  sesFromEmail: context('sesFromEmail'),
  alertsMailFrom: context('alertsMailFrom'),
  alarmEmail: context('alarmEmail'),
});
applyAwsSolutionsChecks(app);
app.synth();
console.error(`Synthesized stack: ${stack.stackName} (stage ${stage.name})`);

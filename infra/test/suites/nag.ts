import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { expect, it } from 'vitest';
import { acknowledgements, applyAwsSolutionsChecks } from '../../lib/nag.js';
import { repoRoot } from '../../lib/paths.js';
import type { Synthesized } from '../synth.js';
import { validationViolations } from '../synth.js';

/** cdk-nag AwsSolutions: no unacknowledged finding, and every acknowledgement explained in docs/deploy.md. */
export function nagSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('leaves no unacknowledged AwsSolutions finding (or template validation error) in dev and prod', () => {
    for (const synth of [dev(), prod()]) {
      const findings = synth.violations.flatMap((v) =>
        v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} at ${c.constructPath}`),
      );
      expect(findings).toEqual([]);
    }
  });

  it('reports a finding when a resource breaks a rule (the check is live)', () => {
    const app = new App({ outdir: join(dev().outdir, 'negative-control') });
    new Bucket(new Stack(app, 'Careless'), 'OpenBucket');
    applyAwsSolutionsChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    const rules = validationViolations(join(dev().outdir, 'negative-control')).map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('explains every acknowledgement in docs/deploy.md', () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'deploy.md'), 'utf8');
    const all = [...acknowledgements(dev().app), ...acknowledgements(prod().app)];
    expect(all.length).toBeGreaterThan(10);
    for (const ack of all) {
      expect(ack.reason.length, ack.id).toBeGreaterThan(40);
      const rule = ack.id.replace(/\[.*$/, '');
      expect(docs, `${rule} (${ack.path}) is not documented`).toContain(rule);
    }
  });
}

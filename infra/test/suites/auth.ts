import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import type { Synthesized } from '../synth.js';

/** The user pool, its groups, hosted UI domain and the web client. */
export function authSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('lets owners sign themselves up with a verified e-mail and a strong password', () => {
    dev().template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agency', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('has the staff and admin groups and a hosted UI domain', () => {
    const groups = Object.values(dev().json.Resources)
      .filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
      .map((r) => r.Properties?.GroupName);
    expect(groups.sort()).toEqual(['admin', 'staff']);
    dev().template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('gives the web a public code-flow client that cannot write the agency attribute', () => {
    dev().template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email']),
      WriteAttributes: ['email'],
      ReadAttributes: Match.arrayWith(['custom:agency']),
      CallbackURLs: Match.arrayWith([
        {
          'Fn::Join': [
            '',
            [
              'https://',
              { 'Fn::GetAtt': [Match.stringLikeRegexp('WebDistribution'), 'DomainName'] },
              '/auth/callback',
            ],
          ],
        },
      ]),
    });
  });

  it('runs prod on the Plus plan with threat protection and deletion protection', () => {
    prod().template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    dev().template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
  });
}

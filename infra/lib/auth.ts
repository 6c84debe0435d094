import { Aws, Duration } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolGroup,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import type { StageConfig } from './stage.js';

/** The custom attribute carrying a staff member's agency (ministry id); the API reads it as `custom:agency`. */
export const AGENCY_ATTRIBUTE = 'agency';

/** Cognito groups; owners are every signed-up user without a group. */
export const GROUPS = { staff: 'staff', admin: 'admin' } as const;

/** Where the hosted UI sends the browser back to, relative to the site's origin. */
export const CALLBACK_PATH = '/auth/callback';

export interface AuthProps {
  readonly stage: StageConfig;
  /** The site's origin (`https://<distribution>.cloudfront.net` or the custom domain): OAuth callbacks. */
  readonly webUrl: string;
  /** Hosted UI domain prefix (globally unique per region). @default `sbiz24-<stage>-<account>` */
  readonly domainPrefix?: string;
  /**
   * A verified SES identity to send verification mail from. Without it Cognito's own mailer sends (50 mails a
   * day: enough for dev, not for 6 million owners).
   */
  readonly sesFromEmail?: string;
}

/**
 * Sign-in for owners, staff and admins: owners sign themselves up with a verified e-mail; staff and admins are
 * created by an administrator and put in the `staff` / `admin` group with their agency in `custom:agency`.
 * The web client uses the authorization-code flow with PKCE through the hosted UI.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** JWT issuer (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
  readonly issuer: string;
  /** The pool's signing keys. */
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { stage } = props;
    const prod = stage.name === 'prod';

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: '[소상공인24] 이메일 인증 코드',
        emailBody: '소상공인24 이메일 인증 코드는 {####} 입니다. 10분 안에 입력해 주세요.',
      },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [AGENCY_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: prod ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(prod ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: prod,
      removalPolicy: stage.removalPolicy,
      ...(props.sesFromEmail
        ? { email: UserPoolEmail.withSES({ fromEmail: props.sesFromEmail, fromName: '소상공인24' }) }
        : {}),
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is OPTIONAL (TOTP), not REQUIRED: ~6M self-registered owners must be able to sign up with e-mail ' +
        'alone, and Cognito cannot require MFA for one group only. Staff and admins are asked to enrol TOTP when ' +
        'their account is created (docs/deploy.md, first staff user).',
    );
    if (!prod) {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG8',
        'dev uses the Essentials feature plan to avoid the Plus per-user charge; prod runs Plus with threat ' +
          'protection in full-function mode.',
      );
    }

    new UserPoolGroup(this, 'StaffGroup', {
      userPool: this.userPool,
      groupName: GROUPS.staff,
      description: '부처·기관 담당자 (custom:agency에 소속 기관)',
      precedence: 10,
    });
    new UserPoolGroup(this, 'AdminGroup', {
      userPool: this.userPool,
      groupName: GROUPS.admin,
      description: '관리자',
      precedence: 0,
    });

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `sbiz24-${stage.name}-${Aws.ACCOUNT_ID}` },
    });

    const localOrigins = stage.name === 'dev' ? stage.corsOrigins : [];
    const origins = [props.webUrl, ...localOrigins];
    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: origins.map((origin) => `${origin}${CALLBACK_PATH}`),
        logoutUrls: origins.map((origin) => `${origin}/`),
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Owners may not set their own agency: only administrators (admin API) write custom:agency.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(AGENCY_ATTRIBUTE),
    });

    // The ProviderURL attribute has no scheme (`cognito-idp.<region>.amazonaws.com/<poolId>`); tokens' `iss` does.
    this.issuer = `https://${this.userPool.userPoolProviderUrl}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}

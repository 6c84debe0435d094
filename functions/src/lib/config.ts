/** The API Lambda's environment, read once; every missing variable is named in one clear error at init. */
export interface ApiConfig {
  tableName: string;
  /** e.g. https://cognito-idp.ap-northeast-2.amazonaws.com/<pool>/.well-known/jwks.json */
  cognitoJwksUrl: string;
  /** e.g. https://cognito-idp.ap-northeast-2.amazonaws.com/<pool> */
  cognitoIssuer: string;
  /** The user pool app client id: the `aud` of its ID tokens. */
  cognitoClientId: string;
  /** @default 'INFO' */
  logLevel: string;
}

const REQUIRED = {
  tableName: 'TABLE_NAME',
  cognitoJwksUrl: 'COGNITO_JWKS_URL',
  cognitoIssuer: 'COGNITO_ISSUER',
  cognitoClientId: 'COGNITO_CLIENT_ID',
} as const;

export class ConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `API 설정이 빠졌습니다: 환경 변수 ${missing.join(', ')} 이(가) 필요합니다. ` +
        `(Missing environment variable(s): ${missing.join(', ')})`,
    );
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every missing or malformed variable. */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const missing = Object.values(REQUIRED).filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new ConfigError(missing);
  for (const name of [REQUIRED.cognitoJwksUrl, REQUIRED.cognitoIssuer]) {
    if (!/^https?:\/\//.test(env[name]!))
      throw new ConfigError([`${name} (URL이어야 합니다 / must be a URL)`]);
  }
  return {
    tableName: env.TABLE_NAME!.trim(),
    cognitoJwksUrl: env.COGNITO_JWKS_URL!.trim(),
    cognitoIssuer: env.COGNITO_ISSUER!.trim(),
    cognitoClientId: env.COGNITO_CLIENT_ID!.trim(),
    logLevel: env.LOG_LEVEL?.trim() || env.POWERTOOLS_LOG_LEVEL?.trim() || 'INFO',
  };
}

let cached: ApiConfig | undefined;

/** The configuration of this container, read on first use. */
export function apiConfig(): ApiConfig {
  cached ??= readApiConfig();
  return cached;
}

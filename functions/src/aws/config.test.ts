import { describe, expect, it } from 'vitest';
import { ConfigError, readApiConfig } from './config';

const env = {
  TABLE_NAME: 'sbiz24',
  COGNITO_JWKS_URL: 'https://cognito-idp.ap-northeast-2.amazonaws.com/pool/.well-known/jwks.json',
  COGNITO_ISSUER: 'https://cognito-idp.ap-northeast-2.amazonaws.com/pool',
  COGNITO_CLIENT_ID: 'client',
};

describe('API config', () => {
  it('reads the environment', () => {
    expect(readApiConfig(env)).toEqual({
      tableName: 'sbiz24',
      cognitoJwksUrl: env.COGNITO_JWKS_URL,
      cognitoIssuer: env.COGNITO_ISSUER,
      cognitoClientId: 'client',
      logLevel: 'INFO',
    });
  });

  it('reads the optional snapshot bucket and event bus, ignoring blank values', () => {
    expect(
      readApiConfig({ ...env, SNAPSHOT_BUCKET: ' snaps ', EVENT_BUS_NAME: 'sbiz24-dev-bus' }),
    ).toMatchObject({
      snapshotBucket: 'snaps',
      eventBusName: 'sbiz24-dev-bus',
    });
    const blank = readApiConfig({ ...env, SNAPSHOT_BUCKET: ' ', EVENT_BUS_NAME: '' });
    expect(blank).not.toHaveProperty('snapshotBucket');
    expect(blank).not.toHaveProperty('eventBusName');
  });

  it('names every missing variable at once', () => {
    expect(() => readApiConfig({ TABLE_NAME: 'x' })).toThrow(ConfigError);
    expect(() => readApiConfig({ TABLE_NAME: 'x' })).toThrow(
      /COGNITO_JWKS_URL, COGNITO_ISSUER, COGNITO_CLIENT_ID/,
    );
  });

  it('refuses a key set address that is not a URL', () => {
    expect(() => readApiConfig({ ...env, COGNITO_JWKS_URL: 'pool/jwks.json' })).toThrow(/COGNITO_JWKS_URL/);
  });
});

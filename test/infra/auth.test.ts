import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { READ_ROUTES, WRITE_ROUTES } from '../../infra/constructs/search-api.ts';
import { defineMinutesSearch } from '../../infra/minutes-search.ts';
import { cdkContext, onlyResource, type Synthesized, synthApp } from './synth.ts';

type Route = { Properties: { RouteKey: string; AuthorizationType: string; AuthorizerId?: unknown } };

/** Route key -> authorization type of the stateless stack's API. */
function routeAuth(template: Template): Record<string, string> {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Route[];
  return Object.fromEntries(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]));
}

const WRITES = ['$default', ...WRITE_ROUTES];

describe('auth by default: a Cognito user pool for the writers', () => {
  let dev: Synthesized;
  beforeAll(() => {
    dev = synthApp();
  });

  it('keeps users in the stateful stack: admin-created only, strong passwords, optional TOTP, threat protection, retained', () => {
    const pool = onlyResource(dev.statefulTemplate, 'AWS::Cognito::UserPool');
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('gives the pool a hosted UI domain named by stage and account, and outputs how to reach both', () => {
    const domain = onlyResource(dev.statefulTemplate, 'AWS::Cognito::UserPoolDomain');
    expect(flattenReference(domain.Properties.Domain)).toBe('minutes-search-dev-<AWS::AccountId>');
    const outputs = dev.statefulTemplate.toJSON().Outputs;
    expect(outputs.UserPoolId.Value).toEqual({ Ref: expect.stringMatching(/^UsersUserPool/) });
    expect(flattenReference(outputs.SignInUrl.Value)).toMatch(
      /^https:\/\/<UsersUserPoolHostedUi\w+>\.auth\./,
    );
  });

  it('takes the domain prefix from the context', () => {
    const { statefulTemplate } = synthApp({ authDomainPrefix: 'referater-egholt' });
    const domain = onlyResource(statefulTemplate, 'AWS::Cognito::UserPoolDomain');
    expect(domain.Properties.Domain).toBe('referater-egholt');
  });

  it('puts the pool’s JWT authorizer on the write routes and $default, none on the read routes', () => {
    const authorizer = onlyResource(dev.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    const { Issuer } = authorizer.Properties.JwtConfiguration as { Issuer: unknown };
    expect(flattenReference(Issuer)).toMatch(/^https:\/\/cognito-idp\..*UsersUserPool/);

    const routes = Object.values(dev.statelessTemplate.findResources('AWS::ApiGatewayV2::Route')) as Route[];
    for (const { Properties: route } of routes) {
      const guarded = WRITES.includes(route.RouteKey as never);
      expect(route.AuthorizationType, route.RouteKey).toBe(guarded ? 'JWT' : 'NONE');
      if (guarded)
        expect(route.AuthorizerId).toEqual({ Ref: expect.stringMatching(/^ApiUserPoolAuthorizer/) });
      else expect(route.AuthorizerId).toBeUndefined();
    }
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...WRITES, ...READ_ROUTES].sort());
  });
});

describe('auth from the context', () => {
  it('iam: SigV4 on writing, no user pool', () => {
    const { statefulTemplate, statelessTemplate } = synthApp({ auth: 'iam' });
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
    const routes = routeAuth(statelessTemplate);
    for (const key of WRITES) expect(routes[key], key).toBe('AWS_IAM');
    for (const key of READ_ROUTES) expect(routes[key], key).toBe('NONE');
  });

  it('jwt: the external issuer’s tokens on writing, and the page’s sign-in when its keys are given', () => {
    const { statefulTemplate, statelessTemplate } = synthApp({
      auth: 'jwt',
      authIssuer: 'https://login.egholt.dk',
      authAudience: 'referater,referater-cli',
      authClientId: 'referater',
      authAuthorizeUrl: 'https://login.egholt.dk/authorize',
      authTokenUrl: 'https://login.egholt.dk/token',
    });
    statefulTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
    const authorizer = onlyResource(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.JwtConfiguration).toEqual({
      Issuer: 'https://login.egholt.dk',
      Audience: ['referater', 'referater-cli'],
    });
    for (const key of WRITES) expect(routeAuth(statelessTemplate)[key], key).toBe('JWT');
    statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { AUTH_MODE: 'jwt', AUTH_TOKEN_URL: 'https://login.egholt.dk/token' } },
    });
  });

  it('none: every route open', () => {
    const routes = routeAuth(synthApp({ auth: 'none' }).statelessTemplate);
    expect(new Set(Object.values(routes))).toEqual(new Set(['NONE']));
  });

  it('refuses an unknown mode, jwt without issuer or audience, and half the sign-in keys', () => {
    const synth = (context: Record<string, string>) => () =>
      defineMinutesSearch(new App({ context: cdkContext(context) }));
    expect(synth({ auth: 'open' })).toThrow(/cognito, iam, jwt or none/);
    expect(synth({ auth: 'jwt', authIssuer: 'https://login.egholt.dk' })).toThrow(/authAudience/);
    expect(
      synth({ auth: 'jwt', authIssuer: 'https://l.dk', authAudience: 'a', authClientId: 'referater' }),
    ).toThrow(/go together/);
  });
});

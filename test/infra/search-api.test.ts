import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { type ApiAuth, SearchApi, type SearchApiProps } from '../../infra/constructs/search-api.ts';
import { bareStack } from './synth.ts';

function apiTemplate(props: SearchApiProps): Template {
  const stack = bareStack();
  new SearchApi(stack, 'Api', props);
  return Template.fromStack(stack);
}

describe('SearchApi auth', () => {
  it('signs with SigV4 when auth is iam', () => {
    const template = apiTemplate({ auth: 'iam' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'AWS_IAM',
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('checks a JWT from the issuer for the audiences when auth is jwt', () => {
    const auth: ApiAuth = { jwt: { issuer: 'https://login.example.dk', audience: ['minutes-search'] } };
    const template = apiTemplate({ auth });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://login.example.dk', Audience: ['minutes-search'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'JWT',
    });
  });
});

describe('SearchApi CORS and throttling', () => {
  it('allows the named origins only', () => {
    const template = apiTemplate({ allowedOrigins: ['https://minutes.example.dk'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://minutes.example.dk'] },
    });
  });

  it('refuses a wildcard origin', () => {
    expect(() => apiTemplate({ allowedOrigins: ['*'] })).toThrow(/wildcard/);
    expect(() => apiTemplate({ allowedOrigins: ['https://*.example.dk'] })).toThrow(/wildcard/);
  });

  it('refuses a URL with a path, which no browser sends as its origin', () => {
    expect(() => apiTemplate({ allowedOrigins: ['https://minutes.example.dk/search'] })).toThrow(
      /allowedOrigins: 'https:\/\/minutes\.example\.dk\/search' is not an origin/,
    );
  });

  it('takes the stage throttling from props', () => {
    apiTemplate({ throttlingRateLimit: 5, throttlingBurstLimit: 10 }).hasResourceProperties(
      'AWS::ApiGatewayV2::Stage',
      { DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    );
  });
});

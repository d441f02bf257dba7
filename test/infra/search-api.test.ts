import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { authConfigFromEnv } from '#config/auth.ts';
import { flattenReference } from '../../infra/constructs/nag.ts';
import {
  type ApiAuth,
  type CognitoAuth,
  READ_ROUTES,
  SearchApi,
  type SearchApiProps,
  WRITE_ROUTES,
} from '../../infra/constructs/search-api.ts';
import { bareStack } from './synth.ts';

function apiTemplate(props: SearchApiProps, stack = bareStack()): Template {
  new SearchApi(stack, 'Api', props);
  return Template.fromStack(stack);
}

/** Each route key of the API with its authorization type. */
function routeAuth(template: Template): Record<string, string> {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as {
    Properties: { RouteKey: string; AuthorizationType: string };
  }[];
  return Object.fromEntries(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]));
}

/** What every route should have: reads one way, writes and $default the other. */
function expected(read: string, write: string): Record<string, string> {
  return Object.fromEntries([
    ['$default', write],
    ...WRITE_ROUTES.map((key) => [key, write]),
    ...READ_ROUTES.map((key) => [key, read]),
  ]);
}

type LambdaFunction = {
  Properties: Record<string, unknown> & { Environment: { Variables: Record<string, unknown> } };
};

/** The API function (`handler`) or the export function (`export`) of the construct `Api`. */
function lambda(template: Template, which: 'handler' | 'export' = 'handler'): [string, LambdaFunction] {
  const prefix = which === 'handler' ? 'ApiHandlerFunction' : 'ApiExportFunction';
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith(prefix),
  ) as [string, LambdaFunction][];
  expect(found).toHaveLength(1);
  return found[0] as [string, LambdaFunction];
}

function environment(template: Template, which: 'handler' | 'export' = 'handler'): Record<string, unknown> {
  return lambda(template, which)[1].Properties.Environment.Variables;
}

/** A user pool with a hosted UI in the stack, as UserDirectory makes one. */
function cognito(stack: Stack): CognitoAuth {
  const userPool = new UserPool(stack, 'Pool');
  const domain = userPool.addDomain('Ui', { cognitoDomain: { domainPrefix: 'referater-test' } });
  return { userPool, hostedUiUrl: domain.baseUrl() };
}

describe('SearchApi auth', () => {
  it('keeps reading public and signs writing with SigV4 by default', () => {
    const template = apiTemplate({});
    expect(routeAuth(template)).toEqual(expected('NONE', 'AWS_IAM'));
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    expect(environment(template)).toMatchObject({ AUTH_MODE: 'iam' });
  });

  it('checks a JWT from the issuer for the audiences on writing only, when auth is jwt', () => {
    const auth: ApiAuth = { jwt: { issuer: 'https://login.example.dk', audience: ['minutes-search'] } };
    const template = apiTemplate({ auth });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://login.example.dk', Audience: ['minutes-search'] },
    });
    expect(routeAuth(template)).toEqual(expected('NONE', 'JWT'));
    const env = environment(template);
    expect(env).toMatchObject({ AUTH_MODE: 'jwt' });
    expect(env).not.toHaveProperty('AUTH_CLIENT_ID');
  });

  it('tells the page how to sign in at an external issuer when given', () => {
    const signIn = {
      clientId: 'web',
      authorizeUrl: 'https://login.example.dk/authorize',
      tokenUrl: 'https://login.example.dk/token',
    };
    const template = apiTemplate({
      auth: { jwt: { issuer: 'https://login.example.dk', audience: ['web'], signIn } },
    });
    const env = environment(template);
    expect(env).toMatchObject({
      AUTH_MODE: 'jwt',
      AUTH_CLIENT_ID: 'web',
      AUTH_AUTHORIZE_URL: 'https://login.example.dk/authorize',
      AUTH_TOKEN_URL: 'https://login.example.dk/token',
      AUTH_SCOPES: 'openid email',
    });
    const parsed = authConfigFromEnv(env as Record<string, string>);
    expect(parsed).toMatchObject({
      ok: true,
      auth: { mode: 'jwt', signIn: { clientId: 'web', logoutUrl: null } },
    });
  });

  it('with cognito: a public app client for the page (code flow, no secret) and its pool’s authorizer on writing', () => {
    const stack = bareStack();
    const template = apiTemplate(
      { auth: { cognito: cognito(stack) }, webOrigins: ['https://referater.example.dk'] },
      stack,
    );
    const [clientId, client] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'))[0] as [
      string,
      { Properties: Record<string, unknown> },
    ];
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const callbacks = (client.Properties.CallbackURLs as unknown[]).map(flattenReference);
    expect(callbacks).toEqual([
      expect.stringMatching(/^https:\/\/<Api\w+>\.execute-api\..*\/$/),
      'https://referater.example.dk/',
    ]);
    expect(client.Properties.LogoutURLs).toEqual(client.Properties.CallbackURLs);

    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [{ Ref: clientId }] },
    });
    expect(routeAuth(template)).toEqual(expected('NONE', 'JWT'));
    const env = environment(template);
    expect(env).toMatchObject({
      AUTH_MODE: 'jwt',
      AUTH_CLIENT_ID: { Ref: clientId },
      AUTH_SCOPES: 'openid email',
    });
    for (const [name, path] of [
      ['AUTH_AUTHORIZE_URL', '/oauth2/authorize'],
      ['AUTH_TOKEN_URL', '/oauth2/token'],
      ['AUTH_LOGOUT_URL', '/logout'],
    ] as const) {
      expect(flattenReference(env[name])).toMatch(
        new RegExp(`^https://<PoolUi\\w+>\\.auth\\..*\\.amazoncognito\\.com${path}$`),
      );
    }
  });

  it('guards reading as well when readAccess is signed-in', () => {
    expect(routeAuth(apiTemplate({ readAccess: 'signed-in' }))).toEqual(expected('AWS_IAM', 'AWS_IAM'));
  });

  it('leaves every route open only when auth is none, said to be unsafe', () => {
    const stack = bareStack();
    const template = apiTemplate({ auth: 'none' }, stack);
    expect(routeAuth(template)).toEqual(expected('NONE', 'NONE'));
    expect(environment(template)).toMatchObject({ AUTH_MODE: 'none' });
    const api = stack.node.findAll().find((c) => c.node.path === 'Test/Api/Api');
    const acknowledged = api?.node.metadata.find(
      (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    );
    expect(Object.values(acknowledged?.data ?? {}).join()).toMatch(/^Unsafe/);
  });

  it('lists every route of the app exactly once, as reading or writing', () => {
    const app = createApp({} as ApiDeps);
    // A Hono parameter that takes the rest of the path (`:name{.+}`) is API Gateway's greedy `{name+}`.
    const appRoutes = app.routes
      .filter((route) => route.method !== 'ALL')
      .map(
        (route) =>
          `${route.method} ${route.path.replace(/:(\w+)\{\.\+\}$/, '{$1+}').replace(/:(\w+)/g, '{$1}')}`,
      );
    const listed = [...READ_ROUTES, ...WRITE_ROUTES];
    expect(new Set(listed).size).toBe(listed.length);
    // A route's validators are entries of their own: the same method and path again.
    expect(listed.sort()).toEqual([...new Set(appRoutes)].sort());
  });
});

describe('SearchApi routes', () => {
  it('takes the case number greedily, as the HTTP API decodes %2F before it routes', () => {
    const keys = Object.keys(routeAuth(apiTemplate({})));
    expect(keys).toContain('GET /cases/{municipality}/{caseNumber+}');
    expect(keys).not.toContain('GET /cases/{municipality}/{caseNumber}');
    expect(READ_ROUTES.filter((key) => key.includes('+}'))).toEqual([
      'GET /cases/{municipality}/{caseNumber+}',
    ]);
  });
});

describe('SearchApi export', () => {
  /** The export function's URL and the public permissions on the export function. */
  function exportUrl(template: Template) {
    const [url, ...others] = Object.values(template.findResources('AWS::Lambda::Url')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(others).toEqual([]);
    const [exportId] = lambda(template, 'export');
    const permissions = (
      Object.values(template.findResources('AWS::Lambda::Permission')) as {
        Properties: Record<string, unknown>;
      }[]
    )
      .map((p) => p.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(exportId));
    return { url: url?.Properties ?? {}, permissions };
  }

  it('streams /export from a public function URL where reading is public, and the API redirects there', () => {
    const template = apiTemplate({});
    const { url, permissions } = exportUrl(template);
    expect(url).toMatchObject({
      AuthType: 'NONE',
      InvokeMode: 'RESPONSE_STREAM',
      Cors: { AllowOrigins: ['*'] },
    });
    expect(permissions.map((p) => [p.Action, p.Principal])).toEqual([
      ['lambda:InvokeFunctionUrl', '*'],
      ['lambda:InvokeFunction', '*'],
    ]);
    const [urlId] = Object.keys(template.findResources('AWS::Lambda::Url'));
    expect(environment(template).EXPORT_STREAM_URL).toEqual({ 'Fn::GetAtt': [urlId, 'FunctionUrl'] });
    expect(environment(template, 'export')).not.toHaveProperty('EXPORT_STREAM_URL');
    expect(lambda(template, 'export')[1].Properties).toMatchObject({
      Timeout: 300,
      Handler: 'index.handler',
    });
  });

  it('signs for it with IAM and does not redirect there when reading is for the signed-in', () => {
    for (const auth of ['iam', { jwt: { issuer: 'https://login.example.dk', audience: ['web'] } }] as const) {
      const template = apiTemplate({ auth, readAccess: 'signed-in' });
      const { url, permissions } = exportUrl(template);
      expect(url).toMatchObject({ AuthType: 'AWS_IAM', InvokeMode: 'RESPONSE_STREAM' });
      expect(url).not.toHaveProperty('Cors');
      // No resource policy: an IAM principal of the account needs its own allowance to call it.
      expect(permissions).toEqual([]);
      // A redirect would drop the caller's credentials: the signature or token is the API's.
      expect(environment(template)).not.toHaveProperty('EXPORT_STREAM_URL');
    }
  });

  it('takes the export function’s settings from props', () => {
    const template = apiTemplate({
      exporter: { timeout: Duration.minutes(10), memorySize: 512, reservedConcurrentExecutions: 3 },
    });
    expect(lambda(template, 'export')[1].Properties).toMatchObject({
      Timeout: 600,
      MemorySize: 512,
      ReservedConcurrentExecutions: 3,
    });
  });
});

describe('SearchApi alarms', () => {
  it('fire on any 5xx and on a p99 latency of 5 s for 15 minutes, and notify the topic', () => {
    const stack = bareStack();
    const topic = new Topic(stack, 'Topic');
    const template = apiTemplate({ alarmTopic: topic }, stack);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(alarms.map((a) => a.Properties)).toEqual([
      expect.objectContaining({
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: expect.stringMatching(/^Topic/) }],
      }),
      expect.objectContaining({
        MetricName: 'Latency',
        ExtendedStatistic: 'p99',
        Threshold: 5000,
        EvaluationPeriods: 3,
        AlarmActions: [{ Ref: expect.stringMatching(/^Topic/) }],
      }),
      // The export's: a 5xx of its URL, a failed invocation (a crash or a timeout ends the stream short).
      expect.objectContaining({
        Namespace: 'AWS/Lambda',
        MetricName: 'Url5xxCount',
        Statistic: 'Sum',
        Threshold: 1,
        AlarmActions: [{ Ref: expect.stringMatching(/^Topic/) }],
      }),
      expect.objectContaining({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Threshold: 1,
        AlarmActions: [{ Ref: expect.stringMatching(/^Topic/) }],
      }),
    ]);
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

import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENTRY_POINTS } from './house-bundling.ts';
import { HouseFunction, type HouseFunctionOptions } from './house-function.ts';
import { assertOrigins } from './origins.ts';

/**
 * Who may call the API: anyone (`'none'`), AWS principals signing with SigV4 (`'iam'`), or
 * bearers of a JWT from the given issuer for one of the audiences.
 */
export type ApiAuth =
  | 'none'
  | 'iam'
  | { readonly jwt: { readonly issuer: string; readonly audience: readonly string[] } };

export interface SearchApiProps {
  /**
   * The API function's settings.
   * @default - memory 1024 MB, timeout 29 s (API Gateway waits 30 s at most)
   */
  readonly handler?: HouseFunctionOptions;
  /**
   * Who may call the API.
   * @default 'none': the search answers the public
   */
  readonly auth?: ApiAuth;
  /**
   * Steady-state requests per second over the whole stage.
   * @default 50
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst of requests the stage absorbs above the rate.
   * @default 100
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Browser origins allowed by CORS (e.g. `https://minutes.example.dk`); a path or `*` is refused.
   * @default - no CORS: only same-origin browsers and non-browser clients
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * Retention of the access logs.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly accessLogRetention?: RetentionDays;
}

/** HTTP API variables of one JSON access log line. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
};

/**
 * The search API: an HTTP API whose every route goes to the API function (Hono routes inside
 * it), with stage throttling, JSON access logs and the chosen authorisation.
 */
export class SearchApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly handler: HouseFunction;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: SearchApiProps = {}) {
    super(scope, id);
    const auth = props.auth ?? 'none';
    this.handler = new HouseFunction(this, 'Handler', {
      description: 'Search API: decisions in the minutes, uploads and links to the PDFs',
      timeout: Duration.seconds(29),
      ...props.handler,
      entry: ENTRY_POINTS.api,
    });

    this.api = new HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Search the decisions in municipal minutes',
      defaultIntegration: new HttpLambdaIntegration('Handler', this.handler.function),
      defaultAuthorizer: authorizerOf(auth),
      corsPreflight: corsOf(props.allowedOrigins),
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: props.throttlingRateLimit ?? 50, burstLimit: props.throttlingBurstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    if (auth === 'none') {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Public by choice (auth: none): the API serves published minutes to citizens; stage throttling bounds abuse. Set auth to iam or jwt to close it.',
      });
    }
  }

  /** The base URL of the API, ending in a slash. */
  get url(): string {
    return this.stage.url;
  }
}

function authorizerOf(auth: ApiAuth): IHttpRouteAuthorizer | undefined {
  if (auth === 'none') return undefined;
  if (auth === 'iam') return new HttpIamAuthorizer();
  return new HttpJwtAuthorizer('JwtAuthorizer', auth.jwt.issuer, { jwtAudience: [...auth.jwt.audience] });
}

function corsOf(origins: readonly string[] | undefined) {
  if (!origins || origins.length === 0) return undefined;
  assertOrigins('allowedOrigins', origins);
  return {
    allowOrigins: [...origins],
    allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.HEAD, CorsHttpMethod.POST],
    allowHeaders: ['content-type', 'authorization'],
    maxAge: Duration.hours(1),
  };
}

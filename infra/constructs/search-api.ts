import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  type HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpIamAuthorizer,
  HttpJwtAuthorizer,
  HttpUserPoolAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import {
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import {
  type FunctionUrl,
  FunctionUrlAuthType,
  HttpMethod as FunctionUrlMethod,
  InvokeMode,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { notify } from './alarm-topic.ts';
import { ENTRY_POINTS } from './house-bundling.ts';
import { HouseFunction, type HouseFunctionOptions } from './house-function.ts';
import { assertOrigins } from './origins.ts';

/** An API Gateway route key: method and path, `{name}` for a path segment. */
export type RouteKey = `${HttpMethod} /${string}`;

/** Reading the minutes, the page and how to sign in: public unless `readAccess` says otherwise. */
export const READ_ROUTES: readonly RouteKey[] = [
  'GET /',
  'GET /assets/{name}',
  'GET /search',
  // Export, alerts and mirrors: a feed reader or a mirror polls without signing in.
  'GET /export',
  'GET /feed',
  'GET /changes',
  'GET /items/{id}',
  // The permanent link to an item's PDF page: a redirect to a freshly signed URL.
  'GET /items/{id}/pdf',
  'GET /meetings',
  'GET /meetings/{id}',
  // Greedy: the HTTP API decodes the path before routing it (and hands the function the decoded
  // path), so /cases/greve/24%2F16905 arrives as /cases/greve/24/16905; {caseNumber+} takes the
  // number either way, as the app's route (CASE_ROUTE, shared/api/routes/cases.ts) does.
  'GET /cases/{municipality}/{caseNumber+}',
  'GET /health',
  'GET /openapi.json',
  'GET /auth-config',
];

/**
 * Writing, and the registry (who uploaded what, what failed and why): always behind `auth`. Any
 * path listed nowhere goes to the `$default` route, which is behind `auth` too.
 */
export const WRITE_ROUTES: readonly RouteKey[] = ['POST /uploads', 'GET /documents', 'GET /documents/{id}'];

/** OAuth endpoints of an external issuer, for the search page's sign-in (authorization code + PKCE). */
export interface WebSignIn {
  /** A public client (no secret) that may redirect to the page. */
  readonly clientId: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  /**
   * Cognito-style logout endpoint (`client_id`, `logout_uri`).
   * @default - sign-out forgets the tokens in the browser only
   */
  readonly logoutUrl?: string;
  /**
   * @default ['openid', 'email']
   */
  readonly scopes?: readonly string[];
}

/** A Cognito user pool with its hosted UI (UserDirectory): the page signs in there. */
export interface CognitoAuth {
  readonly userPool: IUserPool;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly hostedUiUrl: string;
}

/**
 * Who may call the guarded routes: anyone (`'none'`, unsafe for writing), AWS principals signing
 * with SigV4 (`'iam'`), bearers of a JWT from an issuer for one of the audiences (`jwt`), or users
 * of a Cognito user pool (`cognito`: the construct adds the page's app client and its authorizer).
 */
export type ApiAuth =
  | 'none'
  | 'iam'
  | {
      readonly jwt: {
        readonly issuer: string;
        readonly audience: readonly string[];
        /** @default - the page cannot sign in: it says uploads need a token */
        readonly signIn?: WebSignIn;
      };
    }
  | { readonly cognito: CognitoAuth };

export interface SearchApiProps {
  /**
   * The API function's settings.
   * @default - memory 1024 MB, timeout 29 s (API Gateway waits 30 s at most)
   */
  readonly handler?: HouseFunctionOptions;
  /**
   * The export function's settings: GET /export through Lambda response streaming behind a
   * function URL (200 MB and the function's timeout at most, where API Gateway buffers 6 MB in
   * 30 s). A public function URL has no stage throttling: `reservedConcurrentExecutions` caps the
   * exports that run at once (the account must keep 10 executions unreserved).
   * @default - memory 1024 MB, timeout 5 minutes, unreserved concurrency
   */
  readonly exporter?: HouseFunctionOptions;
  /**
   * Who may write (WRITE_ROUTES, and any path not listed in READ_ROUTES). `'none'` lets anyone
   * upload: only for a closed network or a demo.
   * @default 'iam'
   */
  readonly auth?: ApiAuth;
  /**
   * Who may read (READ_ROUTES): anyone, or only callers `auth` admits. The page does not sign in to
   * search, so `'signed-in'` suits API clients only. The export URL follows: open (and the API's
   * /export redirects there), or AWS_IAM (and /export answers from the API, buffered).
   * @default 'public'
   */
  readonly readAccess?: 'public' | 'signed-in';
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
   * Other origins serving the page (a custom domain): with `cognito`, sign-in may return there.
   * @default - the API's own URL only
   */
  readonly webOrigins?: readonly string[];
  /**
   * Retention of the access logs.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly accessLogRetention?: RetentionDays;
  /**
   * Topic the alarms notify.
   * @default - alarms without actions
   */
  readonly alarmTopic?: ITopic;
  /**
   * 5xx answers within 5 minutes that raise the alarm.
   * @default 1: a 5xx is always a failure of the service
   */
  readonly serverErrorAlarmThreshold?: number;
  /**
   * p99 latency that raises the alarm when it lasts 15 minutes.
   * @default Duration.seconds(5)
   */
  readonly latencyAlarmThreshold?: Duration;
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

const SCOPES = ['openid', 'email'];

/**
 * The search API: an HTTP API whose routes all go to the API function (Hono routes inside it),
 * reading public and writing behind the chosen authorisation, with stage throttling, JSON access
 * logs and alarms on failures and latency; and the export function, the same app answering
 * GET /export through Lambda response streaming at its function URL, where the API redirects it.
 */
export class SearchApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly handler: HouseFunction;
  /** The export function: GET /export, streamed, at `exportUrl`. */
  readonly exporter: HouseFunction;
  /**
   * The export function's URL (RESPONSE_STREAM). Public reading: auth NONE, and the API's
   * GET /export answers a 307 redirect here. Signed-in reading: AWS_IAM, and no redirect (a
   * SigV4 signature or a token is made for the API, not for this URL): IAM callers allowed
   * `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction` sign for the `lambda` service here.
   */
  readonly exportUrl: FunctionUrl;
  readonly accessLogs: LogGroup;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: SearchApiProps = {}) {
    super(scope, id);
    const auth = props.auth ?? 'iam';
    this.handler = new HouseFunction(this, 'Handler', {
      description: 'Search API: decisions in the minutes, uploads and links to the PDFs',
      timeout: Duration.seconds(29),
      ...props.handler,
      entry: ENTRY_POINTS.api,
    });
    this.exporter = new HouseFunction(this, 'Export', {
      description: 'Search API: GET /export, streamed through the function URL',
      timeout: Duration.minutes(5),
      ...props.exporter,
      entry: ENTRY_POINTS.export,
    });
    this.exportUrl = this.createExportUrl(props);

    this.api = new HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Search the decisions in municipal minutes',
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

    const guard = this.guardOf(auth, props.webOrigins ?? []);
    this.tellThePage(auth, guard.signIn);
    this.addRoutes(guard.authorizer, props.readAccess === 'signed-in' ? guard.authorizer : undefined);
    if (auth === 'none') {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Unsafe by explicit choice (auth: none): anyone may upload and read the registry. Only for a closed network or a demo.',
      });
    }

    this.alarms = this.createAlarms(props);
  }

  /** The base URL of the API, ending in a slash. */
  get url(): string {
    return this.stage.url;
  }

  /**
   * The export function's URL in RESPONSE_STREAM mode, open as reading is. When reading is
   * public, the API function's GET /export redirects there (EXPORT_STREAM_URL), and any origin
   * may read it (CORS `*`, no credentials): the export is public data, and a browser's fetch that
   * follows a redirect from one origin to another sends `Origin: null`, which no list admits.
   */
  private createExportUrl(props: SearchApiProps): FunctionUrl {
    const signedIn = props.readAccess === 'signed-in';
    const url = this.exporter.function.addFunctionUrl({
      authType: signedIn ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE,
      invokeMode: InvokeMode.RESPONSE_STREAM,
      cors: signedIn
        ? undefined
        : {
            allowedOrigins: ['*'],
            allowedMethods: [FunctionUrlMethod.GET, FunctionUrlMethod.HEAD],
            exposedHeaders: ['content-disposition'],
            maxAge: Duration.hours(1),
          },
    });
    if (!signedIn) this.handler.setVariable('EXPORT_STREAM_URL', url.url);
    return url;
  }

  /**
   * Every route goes to the one function. Paths listed nowhere take `$default`, which is guarded
   * like writing: a route added to the app is closed until it is listed as a read route.
   */
  private addRoutes(write: IHttpRouteAuthorizer | undefined, read: IHttpRouteAuthorizer | undefined): void {
    // One permission for the whole API rather than one per route.
    const integration = new HttpLambdaIntegration('Handler', this.handler.function, {
      scopePermissionToRoute: false,
    });
    // The id HttpApi gives its own $default route, so the route keeps its logical id.
    new HttpRoute(this.api, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration,
      authorizer: write,
    });
    for (const key of WRITE_ROUTES) this.addRoute(key, integration, write);
    for (const key of READ_ROUTES) {
      const route = this.addRoute(key, integration, read);
      if (!read) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'Public reading by design: the page, the search and the published minutes serve citizens without an account; stage throttling bounds abuse.',
        });
      }
    }
  }

  private addRoute(
    key: RouteKey,
    integration: HttpLambdaIntegration,
    authorizer: IHttpRouteAuthorizer | undefined,
  ): HttpRoute {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    const [route] = this.api.addRoutes({ path, methods: [method], integration, authorizer });
    return route as HttpRoute;
  }

  /** The authorizer of the guarded routes, and how the page signs in to pass it. */
  private guardOf(
    auth: ApiAuth,
    webOrigins: readonly string[],
  ): { authorizer?: IHttpRouteAuthorizer; signIn?: WebSignIn } {
    if (auth === 'none') return {};
    if (auth === 'iam') return { authorizer: new HttpIamAuthorizer() };
    if ('jwt' in auth) {
      const { issuer, audience, signIn } = auth.jwt;
      return {
        authorizer: new HttpJwtAuthorizer('JwtAuthorizer', issuer, { jwtAudience: [...audience] }),
        signIn,
      };
    }
    const { userPool, hostedUiUrl } = auth.cognito;
    const client = this.createWebClient(userPool, webOrigins);
    return {
      authorizer: new HttpUserPoolAuthorizer('UserPoolAuthorizer', userPool, { userPoolClients: [client] }),
      signIn: {
        clientId: client.userPoolClientId,
        authorizeUrl: `${hostedUiUrl}/oauth2/authorize`,
        tokenUrl: `${hostedUiUrl}/oauth2/token`,
        logoutUrl: `${hostedUiUrl}/logout`,
      },
    };
  }

  /** The page's app client: authorization code with PKCE, no secret, returning to the page. */
  private createWebClient(userPool: IUserPool, webOrigins: readonly string[]): UserPoolClient {
    assertOrigins('webOrigins', webOrigins);
    const pageUrls = [this.url, ...webOrigins.map((origin) => `${origin}/`)];
    return new UserPoolClient(this, 'WebClient', {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: pageUrls,
        logoutUrls: pageUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // The page keeps no refresh token: after an hour it asks for a sign-in again.
      refreshTokenValidity: Duration.hours(1),
    });
  }

  /** What GET /auth-config tells the page (shared/config/auth.ts). */
  private tellThePage(auth: ApiAuth, signIn: WebSignIn | undefined): void {
    const fn = this.handler;
    fn.setVariable('AUTH_MODE', typeof auth === 'string' ? auth : 'jwt');
    if (!signIn) return;
    fn.setVariable('AUTH_CLIENT_ID', signIn.clientId);
    fn.setVariable('AUTH_AUTHORIZE_URL', signIn.authorizeUrl);
    fn.setVariable('AUTH_TOKEN_URL', signIn.tokenUrl);
    fn.setVariable('AUTH_LOGOUT_URL', signIn.logoutUrl);
    fn.setVariable('AUTH_SCOPES', (signIn.scopes ?? SCOPES).join(' '));
  }

  private createAlarms(props: SearchApiProps): Alarm[] {
    const latency = props.latencyAlarmThreshold ?? Duration.seconds(5);
    const exporter = this.exporter.function;
    const alarms = [
      new Alarm(this, 'ServerErrorsAlarm', {
        alarmDescription: 'The API answered 5xx: the service failed (bad input is a 4xx, never a 5xx)',
        metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: props.serverErrorAlarmThreshold ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'LatencyAlarm', {
        alarmDescription: `The API's p99 latency stayed at ${latency.toSeconds()} s or more for 15 minutes`,
        metric: this.api.metricLatency({ period: Duration.minutes(5), statistic: Stats.p(99) }),
        threshold: latency.toMilliseconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'ExportServerErrorsAlarm', {
        alarmDescription:
          'The export URL answered 5xx: the search index failed before the first batch, or the export function failed or timed out',
        metric: new Metric({
          namespace: 'AWS/Lambda',
          metricName: 'Url5xxCount',
          dimensionsMap: { FunctionName: exporter.functionName },
          period: Duration.minutes(5),
          statistic: Stats.SUM,
        }),
        threshold: props.serverErrorAlarmThreshold ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'ExportErrorsAlarm', {
        alarmDescription:
          'The export function failed an invocation: it crashed or ran out of its timeout, and the export ended short',
        metric: exporter.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    notify(alarms, props.alarmTopic);
    return alarms;
  }
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

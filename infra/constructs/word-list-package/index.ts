import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct, type IConstruct } from 'constructs';
import { vocabularyWords } from '#language/compounds.ts';
import { PROJECT_ROOT } from '../house-bundling.ts';
import { acknowledgeWildcard } from '../nag.ts';
import type { WordListProperties } from './handler.ts';

export interface WordListPackageProps {
  /** The domain the package is associated with. */
  readonly domain: IDomain;
  /**
   * Start of the package's name, which is unique in the account and region: a hash of the word
   * list completes it, so a changed list is a new package. 3-19 characters, a-z 0-9 -.
   */
  readonly namePrefix: string;
  /**
   * What happens to the package when the resource is deleted or replaced by a new word list.
   * Retained, the old package stays associated, so indexes built with it keep working.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Retention of the deploy-time functions' logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/** Actions on packages, which name no resource in IAM: they need `*`. */
const PACKAGE_ACTIONS = ['es:CreatePackage', 'es:DescribePackages', 'es:DeletePackage'];
/** Actions that name the domain. */
const DOMAIN_ACTIONS = ['es:AssociatePackage', 'es:DissociatePackage', 'es:ListPackagesForDomain'];

/**
 * The Danish word list of the compound analyzer (shared/language/compounds.ts) as an OpenSearch
 * custom package of the domain: written at synth, uploaded as a file asset, made a TXT-DICTIONARY
 * package and associated with the domain by a custom resource (CloudFormation has no resource for
 * either). The resource is complete only once the association is active, so whatever reads
 * `path` (the functions' OPENSEARCH_WORD_LIST_PATH) is deployed after the index can use it.
 */
export class WordListPackage extends Construct {
  /** The package's path on the nodes, `analyzers/<package id>`, for `word_list_path`. */
  readonly path: string;
  readonly packageId: string;

  constructor(scope: Construct, id: string, props: WordListPackageProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{2,18}$/.test(props.namePrefix)) {
      throw new Error(
        `namePrefix '${props.namePrefix}' must be 3-19 characters a-z 0-9 -, starting with a letter`,
      );
    }
    const file = new Asset(this, 'File', { path: wordListFile() });
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const role = new Role(this, 'HandlerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Creates and associates the word list package of ${this.node.path}`,
    });
    logGroup.grantWrite(role);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: PACKAGE_ACTIONS, resources: ['*'] }));
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: DOMAIN_ACTIONS, resources: [props.domain.domainArn] }),
    );
    // OpenSearch reads the source with the caller's permissions: this one object.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [file.bucket.arnForObjects(file.s3ObjectKey)],
      }),
    );
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'es:CreatePackage, es:DescribePackages and es:DeletePackage support no resource-level permissions; associating is limited to the one domain.',
    });

    const handler = (name: 'onEvent' | 'isComplete'): IFunction =>
      new NodejsFunction(this, name === 'onEvent' ? 'OnEvent' : 'IsComplete', {
        entry: join(PROJECT_ROOT, 'infra/constructs/word-list-package/handler.ts'),
        handler: name,
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        timeout: Duration.minutes(1),
        memorySize: 256,
        role,
        logGroup,
        bundling: { format: OutputFormat.ESM, target: 'node24', minify: true, externalModules: [] },
      });

    // Framework roles of our own: CDK's default ones carry AWSLambdaBasicExecutionRole (logs:* anywhere).
    const frameworkRole = (roleId: string) => {
      const frameworkRole = new Role(this, roleId, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      });
      logGroup.grantWrite(frameworkRole);
      return frameworkRole;
    };
    const onEvent = handler('onEvent');
    const isComplete = handler('isComplete');
    const frameworkRoles = [frameworkRole('FrameworkOnEventRole'), frameworkRole('FrameworkCompleteRole')];
    const provider = new Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      // A package is available in seconds; an association takes minutes.
      queryInterval: Duration.seconds(20),
      totalTimeout: Duration.minutes(50),
      logGroup,
      frameworkOnEventRole: frameworkRoles[0],
      frameworkCompleteAndTimeoutRole: frameworkRoles[1],
    });
    acknowledgeProvider(provider, frameworkRoles, [onEvent, isComplete]);

    const properties: WordListProperties = {
      DomainName: props.domain.domainName,
      PackageName: `${props.namePrefix}-${file.assetHash.slice(0, 8)}`,
      S3BucketName: file.s3BucketName,
      S3Key: file.s3ObjectKey,
    };
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::OpenSearchWordList',
      properties,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.packageId = resource.ref;
    this.path = resource.getAttString('ReferencePath');
  }
}

/**
 * cdk-nag's findings on CDK's provider framework, which runs only while deploying: the framework
 * roles and the waiter's role may invoke their functions by any version (`<function ARN>:*`).
 */
function acknowledgeProvider(
  provider: Provider,
  frameworkRoles: readonly IConstruct[],
  handlers: IFunction[],
) {
  for (const role of frameworkRoles) {
    for (const fn of handlers) {
      acknowledgeWildcard(
        role,
        `${fn.functionArn}:*`,
        `CDK's provider framework invokes the deploy-time function ${fn.node.id} by any version (<function ARN>:*); this role may invoke no other function.`,
      );
    }
  }
  const waiterRole = provider.node.findChild('waiter-state-machine').node.findChild('Role');
  for (const id of ['framework-isComplete', 'framework-onTimeout']) {
    const fn = provider.node.findChild(id) as IFunction;
    acknowledgeWildcard(
      waiterRole,
      `${fn.functionArn}:*`,
      `The provider framework's waiter invokes its ${id} function by any version (<function ARN>:*), and no other function.`,
    );
  }
  Validations.of(provider).acknowledge(
    {
      id: 'AwsSolutions-SF1',
      reason:
        "The provider framework's waiter runs only while the word list package is created: each step calls the isComplete function, which logs every status it sees.",
    },
    {
      id: 'AwsSolutions-SF2',
      reason:
        'Tracing the deploy-time waiter would record one isComplete call every 20 s for the minutes an association takes; its function logs each of them.',
    },
  );
}

let written: string | undefined;

/** The word list, one word a line as `word_list_path` wants it, written once per process. */
function wordListFile(): string {
  if (!written) {
    written = join(mkdtempSync(join(tmpdir(), 'minutes-search-words-')), 'da-words.txt');
    writeFileSync(written, `${vocabularyWords().join('\n')}\n`);
  }
  return written;
}

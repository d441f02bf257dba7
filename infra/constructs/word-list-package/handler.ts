import { createRequire } from 'node:module';

/**
 * The custom resource behind WordListPackage (the CDK provider framework calls `onEvent`, then
 * `isComplete` until it answers true). CloudFormation has no resource for OpenSearch packages,
 * so this creates a TXT-DICTIONARY package from the word list in S3, waits until it is
 * available, associates it with the domain and waits until the association is active; only then
 * does the resource exist, with the package's path on the nodes as its `ReferencePath`.
 */

/** The custom resource's properties (see index.ts). */
export interface WordListProperties {
  readonly DomainName: string;
  /** Unique in the account and region, and new for every new word list. */
  readonly PackageName: string;
  readonly S3BucketName: string;
  readonly S3Key: string;
}

export interface WordListEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: WordListProperties;
}

interface PackageDetails {
  readonly PackageID?: string;
  readonly PackageStatus?: string;
  readonly ErrorDetails?: { readonly ErrorMessage?: string };
}

interface DomainPackage {
  readonly PackageID?: string;
  readonly DomainPackageStatus?: string;
  readonly ReferencePath?: string;
  readonly ErrorDetails?: { readonly ErrorMessage?: string };
}

/** The calls this handler makes, as the AWS SDK's `OpenSearch` client names them. */
export interface PackagesApi {
  createPackage(input: {
    PackageName: string;
    PackageType: 'TXT-DICTIONARY';
    PackageDescription: string;
    PackageSource: { S3BucketName: string; S3Key: string };
  }): Promise<{ PackageDetails?: PackageDetails }>;
  describePackages(input: {
    Filters: { Name: 'PackageID' | 'PackageName'; Value: string[] }[];
  }): Promise<{ PackageDetailsList?: PackageDetails[] }>;
  deletePackage(input: { PackageID: string }): Promise<unknown>;
  associatePackage(input: { PackageID: string; DomainName: string }): Promise<unknown>;
  dissociatePackage(input: { PackageID: string; DomainName: string }): Promise<unknown>;
  listPackagesForDomain(input: {
    DomainName: string;
    NextToken?: string;
  }): Promise<{ DomainPackageDetailsList?: DomainPackage[]; NextToken?: string }>;
}

export interface OnEventResult {
  readonly PhysicalResourceId: string;
}

export interface IsCompleteResult {
  readonly IsComplete: boolean;
  readonly Data?: { readonly PackageId: string; readonly ReferencePath: string };
}

/** Package ids of OpenSearch Service: F… (custom), G… (AWS's), pkg-… (newer). */
const PACKAGE_ID = /^(?:[FG]\d+|pkg-[a-f0-9]+)$/;

/** The handlers over an OpenSearch API (a fake one in tests). */
export function wordListHandlers(api: PackagesApi) {
  async function association(packageId: string, domainName: string): Promise<DomainPackage | undefined> {
    let NextToken: string | undefined;
    do {
      const page = await api.listPackagesForDomain({ DomainName: domainName, NextToken });
      const found = page.DomainPackageDetailsList?.find((entry) => entry.PackageID === packageId);
      if (found) return found;
      NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
  }

  /** The package of that name (left by a retained stack, or created by a retried request), or a new one. */
  async function packageNamed(props: WordListProperties): Promise<string> {
    const { PackageDetailsList = [] } = await api.describePackages({
      Filters: [{ Name: 'PackageName', Value: [props.PackageName] }],
    });
    const existing = PackageDetailsList.find((p) => p.PackageID && !p.PackageStatus?.startsWith('DELET'));
    if (existing?.PackageID) return existing.PackageID;
    const { PackageDetails } = await api.createPackage({
      PackageName: props.PackageName,
      PackageType: 'TXT-DICTIONARY',
      PackageDescription: 'Danish word list for compound splitting (minutes-search)',
      PackageSource: { S3BucketName: props.S3BucketName, S3Key: props.S3Key },
    });
    if (!PackageDetails?.PackageID) throw new Error(`CreatePackage returned no id for ${props.PackageName}`);
    return PackageDetails.PackageID;
  }

  async function packageStatus(packageId: string): Promise<PackageDetails | undefined> {
    const { PackageDetailsList = [] } = await api.describePackages({
      Filters: [{ Name: 'PackageID', Value: [packageId] }],
    });
    return PackageDetailsList[0];
  }

  /** Available package -> associated -> active; a failure at any step fails the deployment with AWS's reason. */
  async function creationComplete(packageId: string, domainName: string): Promise<IsCompleteResult> {
    const pkg = await packageStatus(packageId);
    const status = pkg?.PackageStatus;
    if (status === 'COPYING' || status === 'VALIDATING') return { IsComplete: false };
    if (status !== 'AVAILABLE') {
      throw new Error(
        `package ${packageId} is ${status ?? 'gone'}: ${pkg?.ErrorDetails?.ErrorMessage ?? ''}`,
      );
    }
    const found = await association(packageId, domainName);
    if (!found) {
      await api.associatePackage({ PackageID: packageId, DomainName: domainName });
      return { IsComplete: false };
    }
    if (found.DomainPackageStatus === 'ASSOCIATION_FAILED') {
      throw new Error(
        `associating ${packageId} with ${domainName} failed: ${found.ErrorDetails?.ErrorMessage ?? ''}`,
      );
    }
    if (found.DomainPackageStatus !== 'ACTIVE') return { IsComplete: false };
    const ReferencePath = found.ReferencePath ?? `analyzers/${packageId}`;
    return { IsComplete: true, Data: { PackageId: packageId, ReferencePath } };
  }

  /** Only with RemovalPolicy.DESTROY (the default retains): dissociated first, then deleted. */
  async function deletionComplete(packageId: string, domainName: string): Promise<IsCompleteResult> {
    const found = await association(packageId, domainName);
    if (found?.DomainPackageStatus === 'DISSOCIATION_FAILED') {
      throw new Error(
        `dissociating ${packageId} from ${domainName} failed: ${found.ErrorDetails?.ErrorMessage ?? ''}`,
      );
    }
    if (found) return { IsComplete: false };
    await ignoreNotFound(api.deletePackage({ PackageID: packageId }));
    return { IsComplete: true };
  }

  return {
    async onEvent(event: WordListEvent): Promise<OnEventResult> {
      const props = event.ResourceProperties;
      if (event.RequestType !== 'Delete') {
        const PhysicalResourceId = await packageNamed(props);
        log('package', { PhysicalResourceId, name: props.PackageName, request: event.RequestType });
        return { PhysicalResourceId };
      }
      const packageId = event.PhysicalResourceId ?? '';
      const found = PACKAGE_ID.test(packageId) ? await association(packageId, props.DomainName) : undefined;
      if (found && found.DomainPackageStatus !== 'DISSOCIATING') {
        await ignoreNotFound(api.dissociatePackage({ PackageID: packageId, DomainName: props.DomainName }));
      }
      return { PhysicalResourceId: packageId };
    },

    async isComplete(event: WordListEvent): Promise<IsCompleteResult> {
      const packageId = event.PhysicalResourceId ?? '';
      const { DomainName } = event.ResourceProperties;
      if (event.RequestType === 'Delete') {
        return PACKAGE_ID.test(packageId) ? deletionComplete(packageId, DomainName) : { IsComplete: true };
      }
      const result = await creationComplete(packageId, DomainName);
      log('status', { packageId, DomainName, ...result });
      return result;
    },
  };
}

async function ignoreNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
}

function log(message: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ message, ...fields }));
}

/**
 * The Lambda runtime's AWS SDK: every Node.js runtime carries v3 with its OpenSearch client, so
 * the bundle need not (the project does not depend on it). `require` resolves it through the
 * runtime's NODE_PATH, which an ESM `import` would not search.
 */
const OPENSEARCH_SDK = '@aws-sdk/client-opensearch';
let handlers: ReturnType<typeof wordListHandlers> | undefined;
function runtimeHandlers(): ReturnType<typeof wordListHandlers> {
  if (!handlers) {
    const { OpenSearch } = createRequire(import.meta.url)(OPENSEARCH_SDK) as {
      OpenSearch: new () => PackagesApi;
    };
    handlers = wordListHandlers(new OpenSearch());
  }
  return handlers;
}

export const onEvent = (event: WordListEvent) => runtimeHandlers().onEvent(event);
export const isComplete = (event: WordListEvent) => runtimeHandlers().isComplete(event);

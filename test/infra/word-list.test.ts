import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { vocabularyWords } from '#language/compounds.ts';
import { flattenReference } from '../../infra/constructs/nag.ts';
import {
  type PackagesApi,
  type WordListEvent,
  wordListHandlers,
} from '../../infra/constructs/word-list-package/handler.ts';
import { onlyResource, type Synthesized, synthApp } from './synth.ts';

type Resource = { Properties: Record<string, unknown> };

let dev: Synthesized;
let wordList: Resource & { DeletionPolicy?: string; UpdateReplacePolicy?: string };

beforeAll(() => {
  dev = synthApp();
  wordList = onlyResource(dev.statefulTemplate, 'Custom::OpenSearchWordList');
});

/** The source file of the stateful stack's file asset uploaded under that S3 key. */
function assetSource(objectKey: string): string {
  const assembly = dev.app.synth();
  const manifest = assembly.artifacts.find(
    (artifact): artifact is AssetManifestArtifact =>
      artifact instanceof AssetManifestArtifact && artifact.id.startsWith(dev.stateful.artifactId),
  );
  if (!manifest) throw new Error('no asset manifest for the stateful stack');
  const { files } = JSON.parse(readFileSync(manifest.file, 'utf8')) as {
    files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
  };
  const asset = Object.values(files).find((file) =>
    Object.values(file.destinations).some((destination) => destination.objectKey === objectKey),
  );
  if (!asset) throw new Error(`no file asset with key ${objectKey}`);
  return readFileSync(join(assembly.directory, asset.source.path), 'utf8');
}

describe('the word list package', () => {
  it('is made from a file asset holding the compound vocabulary, one word a line', () => {
    const { S3Key, S3BucketName, PackageName } = wordList.Properties as Record<string, unknown>;
    expect(flattenReference(S3BucketName)).toMatch(/^cdk-\w+-assets-<AWS::AccountId>-<AWS::Region>$/);
    expect(assetSource(String(S3Key)).split('\n')).toEqual([...vocabularyWords(), '']);
    // Named for the stage and the list, so a new list is a new package and dev and prod differ.
    expect(PackageName).toMatch(/^minutes-search-dev-[0-9a-f]{8}$/);
  });

  it('is associated with the domain, and retained like the domain', () => {
    const domainId = Object.keys(dev.statefulTemplate.findResources('AWS::OpenSearchService::Domain'))[0];
    expect(wordList.Properties.DomainName).toEqual({ Ref: domainId });
    expect(wordList.DeletionPolicy).toBe('Retain');
    expect(wordList.UpdateReplacePolicy).toBe('Retain');
  });

  it('lets its handler associate with this domain only, and read only the word list object', () => {
    const policy = resourceStartingWith(dev.statefulTemplate, 'AWS::IAM::Policy', 'WordListHandlerRole');
    const { Statement } = policy.Properties.PolicyDocument as {
      Statement: { Action: string | string[]; Resource: unknown }[];
    };
    const resourceOf = (action: string) =>
      Statement.filter((s) => [s.Action].flat().includes(action)).map((s) => flattenReference(s.Resource));
    const domainId = Object.keys(dev.statefulTemplate.findResources('AWS::OpenSearchService::Domain'))[0];
    expect(resourceOf('es:AssociatePackage')).toEqual([`<${domainId}.Arn>`]);
    expect(resourceOf('es:CreatePackage')).toEqual(['*']);
    // Only the package actions, which name no resource in IAM, are granted on every resource.
    const onEverything = Statement.filter((s) => s.Resource === '*').flatMap((s) => [s.Action].flat());
    expect(onEverything.sort()).toEqual(['es:CreatePackage', 'es:DeletePackage', 'es:DescribePackages']);
    const { S3BucketName, S3Key } = wordList.Properties;
    expect(resourceOf('s3:GetObject')).toEqual([
      `arn:<AWS::Partition>:s3:::${flattenReference(S3BucketName)}/${S3Key}`,
    ]);
  });

  it.each(['Ingest', 'Api'])('gives %s its path from the association, so it deploys after it', (prefix) => {
    const fn = resourceStartingWith(dev.statelessTemplate, 'AWS::Lambda::Function', `${prefix}Handler`);
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const wordListId = Object.keys(dev.statefulTemplate.findResources('Custom::OpenSearchWordList'))[0];
    expect(JSON.stringify(env.OPENSEARCH_WORD_LIST_PATH)).toMatch(
      new RegExp(`"OutputName":"PublishOutputFnGetAtt${wordListId}ReferencePath`),
    );
    expect(dev.stateless.dependencies).toContain(dev.stateful);
  });
});

/** The one resource of a type whose logical id starts with the prefix. */
function resourceStartingWith(template: Template, type: string, prefix: string): Resource {
  const found = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return (found[0] as [string, Resource])[1];
}

/**
 * OpenSearch's package API as the handler sees it: packages copy, validate and become available,
 * associations become active, one step per `advance()`.
 */
class FakePackages implements PackagesApi {
  readonly packages = new Map<string, { name: string; status: string }>();
  readonly associations = new Map<string, string>();
  readonly calls: string[] = [];
  failAssociation = false;

  advance(): void {
    const next: Record<string, string> = { COPYING: 'VALIDATING', VALIDATING: 'AVAILABLE' };
    for (const pkg of this.packages.values()) pkg.status = next[pkg.status] ?? pkg.status;
    for (const [id, status] of this.associations) {
      if (status === 'ASSOCIATING')
        this.associations.set(id, this.failAssociation ? 'ASSOCIATION_FAILED' : 'ACTIVE');
      if (status === 'DISSOCIATING') this.associations.delete(id);
    }
  }

  async createPackage(input: Parameters<PackagesApi['createPackage']>[0]) {
    this.calls.push(`create ${input.PackageName} from ${input.PackageSource.S3Key} as ${input.PackageType}`);
    const id = `F${111111111 + this.packages.size}`;
    this.packages.set(id, { name: input.PackageName, status: 'COPYING' });
    return { PackageDetails: { PackageID: id, PackageStatus: 'COPYING' } };
  }

  async describePackages(input: Parameters<PackagesApi['describePackages']>[0]) {
    const [filter] = input.Filters;
    const list = [...this.packages]
      .filter(([id, pkg]) => filter?.Value.includes(filter.Name === 'PackageID' ? id : pkg.name))
      .map(([id, pkg]) => ({ PackageID: id, PackageStatus: pkg.status }));
    return { PackageDetailsList: list };
  }

  async deletePackage(input: { PackageID: string }) {
    this.calls.push(`delete ${input.PackageID}`);
    this.packages.delete(input.PackageID);
    return {};
  }

  async associatePackage(input: { PackageID: string; DomainName: string }) {
    this.calls.push(`associate ${input.PackageID} with ${input.DomainName}`);
    this.associations.set(input.PackageID, 'ASSOCIATING');
    return {};
  }

  async dissociatePackage(input: { PackageID: string; DomainName: string }) {
    this.calls.push(`dissociate ${input.PackageID} from ${input.DomainName}`);
    this.associations.set(input.PackageID, 'DISSOCIATING');
    return {};
  }

  async listPackagesForDomain() {
    const list = [...this.associations].map(([id, status]) => ({
      PackageID: id,
      DomainPackageStatus: status,
      ReferencePath: `analyzers/${id}`,
      ErrorDetails:
        status === 'ASSOCIATION_FAILED' ? { ErrorMessage: 'the domain is processing a change' } : undefined,
    }));
    return { DomainPackageDetailsList: list };
  }
}

const PROPS = {
  DomainName: 'minutes-search-dev',
  PackageName: 'minutes-search-dev-4aaeb158',
  S3BucketName: 'cdk-hnb659fds-assets-111122223333-eu-north-1',
  S3Key: '4aaeb158.txt',
};

describe('the word list package handler', () => {
  let api: FakePackages;
  let handlers: ReturnType<typeof wordListHandlers>;
  beforeEach(() => {
    api = new FakePackages();
    handlers = wordListHandlers(api);
    vi.spyOn(console, 'log').mockImplementation(() => {}); // the handler's status lines
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** onEvent, then isComplete until it answers true (advancing the fake between calls). */
  async function deploy(event: Omit<WordListEvent, 'ResourceProperties'>, props = PROPS) {
    const { PhysicalResourceId } = await handlers.onEvent({ ...event, ResourceProperties: props });
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await handlers.isComplete({ ...event, PhysicalResourceId, ResourceProperties: props });
      if (result.IsComplete) return { PhysicalResourceId, ...result };
      api.advance();
    }
    throw new Error('never complete');
  }

  it('creates the package, waits until it is available, associates it and completes once active', async () => {
    const result = await deploy({ RequestType: 'Create' });
    expect(result).toEqual({
      PhysicalResourceId: 'F111111111',
      IsComplete: true,
      Data: { PackageId: 'F111111111', ReferencePath: 'analyzers/F111111111' },
    });
    expect(api.calls).toEqual([
      'create minutes-search-dev-4aaeb158 from 4aaeb158.txt as TXT-DICTIONARY',
      'associate F111111111 with minutes-search-dev',
    ]);
  });

  it('is not complete while the association is not active', async () => {
    const { PhysicalResourceId } = await handlers.onEvent({
      RequestType: 'Create',
      ResourceProperties: PROPS,
    });
    const event = { RequestType: 'Create', PhysicalResourceId, ResourceProperties: PROPS } as const;
    api.advance();
    api.advance();
    expect(await handlers.isComplete(event)).toEqual({ IsComplete: false }); // associating now
    expect(api.associations.get(PhysicalResourceId)).toBe('ASSOCIATING');
    expect(await handlers.isComplete(event)).toEqual({ IsComplete: false });
  });

  it('takes over a package of the same name (a retained one, or a retried request)', async () => {
    await deploy({ RequestType: 'Create' });
    const again = await deploy({ RequestType: 'Update', PhysicalResourceId: 'F111111111' });
    expect(again.PhysicalResourceId).toBe('F111111111');
    expect(api.calls.filter((call) => call.startsWith('create'))).toHaveLength(1);
  });

  it('makes a new package for a new word list (a new name), leaving the old one to CloudFormation', async () => {
    await deploy({ RequestType: 'Create' });
    const next = await deploy(
      { RequestType: 'Update', PhysicalResourceId: 'F111111111' },
      { ...PROPS, PackageName: 'minutes-search-dev-0badcafe', S3Key: '0badcafe.txt' },
    );
    expect(next.Data).toEqual({ PackageId: 'F111111112', ReferencePath: 'analyzers/F111111112' });
    expect(api.associations.get('F111111111')).toBe('ACTIVE');
  });

  it('fails the deployment with AWS’s reason when the association fails', async () => {
    api.failAssociation = true;
    await expect(deploy({ RequestType: 'Create' })).rejects.toThrow(
      /associating F111111111 with minutes-search-dev failed: the domain is processing a change/,
    );
  });

  it('dissociates, then deletes, when deleted (only with RemovalPolicy.DESTROY)', async () => {
    await deploy({ RequestType: 'Create' });
    const deleted = await deploy({ RequestType: 'Delete', PhysicalResourceId: 'F111111111' });
    expect(deleted).toEqual({ PhysicalResourceId: 'F111111111', IsComplete: true });
    expect(api.calls.slice(-2)).toEqual([
      'dissociate F111111111 from minutes-search-dev',
      'delete F111111111',
    ]);
    expect(api.packages.size).toBe(0);
  });

  it('deletes nothing for a resource whose creation failed before there was a package', async () => {
    const marker = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';
    expect(await deploy({ RequestType: 'Delete', PhysicalResourceId: marker })).toMatchObject({
      IsComplete: true,
    });
    expect(api.calls).toEqual([]);
  });
});

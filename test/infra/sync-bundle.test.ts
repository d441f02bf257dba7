import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { type BuiltBundle, buildBundle } from '../../infra/bundle.ts';
import { ENTRY_POINTS } from '../../infra/constructs/house-bundling.ts';
import { PORTAL_FIXTURES, ReplayPortal } from '../support/sync-replay-portal.ts';

let root: string;
let bundle: BuiltBundle;
let aws: LocalAws;
let portal: ReplayPortal;

beforeAll(async () => {
  // Outside the repository: nothing in node_modules can be found from here, as in Lambda.
  root = mkdtempSync(join(tmpdir(), 'sync-bundle-'));
  [bundle, aws, portal] = await Promise.all([
    buildBundle(ENTRY_POINTS.sync, root),
    startLocalAws(),
    new ReplayPortal().start(),
  ]);
  portal.load(join(PORTAL_FIXTURES, 'udvalgsliste.json'), join(PORTAL_FIXTURES, 'dagsorden'));
});

afterAll(async () => {
  await portal.close();
  await aws.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the sync function bundle', () => {
  it('holds neither the search engines, the PDF reader, the registry’s client nor the credential chain', () => {
    const packages = [
      'better-sqlite3',
      '@opensearch-project',
      'pdfjs-dist',
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb',
      '@aws-sdk/credential-provider-sso',
      '@aws-sdk/credential-provider-ini',
    ];
    for (const name of packages) {
      expect(
        bundle.inputs.some((input) => input.includes(`node_modules/${name}/`)),
        name,
      ).toBe(false);
    }
    expect(bundle.inputs).toContain('shared/sync/sync-portal.ts');
  });

  it('runs without node_modules: syncs a portal into the bucket with the polite defaults', async () => {
    // As Lambda gives it: the bucket from the CDK app, a local S3 here; the portal from the schedule.
    const env = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      BUCKET_NAME: aws.bucket,
      S3_ENDPOINT: aws.endpoints.s3,
      SYNC_CONTACT: 'https://example.org/minutes-search',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    };
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
      const context = { getRemainingTimeInMillis: () => 900000 };
      console.log(JSON.stringify(await handler({ portal: ${JSON.stringify(portal.url)} }, context)));`;
    // Not spawnSync: the portal and the S3 emulator answer from this process.
    const run = await promisify(execFile)(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|SyntaxError/);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      listed: 4,
      meetings: { new: 4 },
      stopped: null,
    });
    const keys: string[] = [];
    for await (const key of new S3BlobStore({ client: aws.s3, bucket: aws.bucket }).list('firstagenda/')) {
      keys.push(key);
    }
    expect(keys).toHaveLength(4);
    expect(new Set(portal.requests.map((r) => r.headers['user-agent']))).toEqual(
      new Set([
        'minutes-search/0.1.0 (Danish municipal minutes search; +https://example.org/minutes-search)',
      ]),
    );
    // One request at a time, a second's pause after each: the front page, the listing, 4 meetings.
    const [first, ...rest] = portal.requests.map((r) => r.at);
    expect((rest.at(-1) ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(5 * 990);
  });
});

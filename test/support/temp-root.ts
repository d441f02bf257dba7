/**
 * Everything a test run writes to the temporary folder goes into one folder of its own, removed
 * when the run ends: the test workers and the processes they start inherit TMPDIR from here, and
 * os.tmpdir() reads it. Without it every run left its index files, CDK synth output (aws-cdk-lib
 * makes a cdk.out folder per synthesised app) and CLI folders behind, about 70 MB a run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'minutes-search-test-'));
  process.env.TMPDIR = root;
  return () => rm(root, { recursive: true, force: true });
}

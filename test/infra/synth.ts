import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PROJECT_ROOT } from '../../infra/constructs/house-bundling.ts';
import { defineMinutesSearch, type MinutesSearchStacks } from '../../infra/minutes-search.ts';

/** The context `cdk synth` sees: cdk.json's (stage default and feature flags), without bundling. */
export function cdkContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { context } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8'));
  return { ...context, 'aws:cdk:bundling-stacks': [], ...extra };
}

export interface Synthesized extends MinutesSearchStacks {
  readonly app: App;
  readonly stateful: MinutesSearchStacks['stateful'];
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

/** Both stacks of the app as `cdk synth` defines them, for the given context. */
export function synthApp(context: Record<string, unknown> = {}): Synthesized {
  const app = new App({ context: cdkContext(context) });
  const stacks = defineMinutesSearch(app);
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}

/** A bare stack in an app with cdk.json's context, for one construct at a time. */
export function bareStack(): Stack {
  return new Stack(new App({ context: cdkContext() }), 'Test');
}

/** The one resource of a type in a template (fails unless there is exactly one). */
export function onlyResource(
  template: Template,
  type: string,
): { Properties: Record<string, unknown> } & Record<string, unknown> {
  const found = Object.values(template.findResources(type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as { Properties: Record<string, unknown> } & Record<string, unknown>;
}

import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defineMinutesSearch } from './minutes-search.ts';

// The CDK app (cdk.json: `npx node infra/app.ts`); the context keys it reads are MinutesSearchContext's
// (infra/minutes-search.ts). Every synth runs the AWS Solutions checks; a finding fails it.
const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
defineMinutesSearch(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION,
});

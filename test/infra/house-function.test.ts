import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../../infra/constructs/house-bundling.ts';
import { HouseFunction } from '../../infra/constructs/house-function.ts';
import { bareStack } from './synth.ts';

describe('HouseFunction', () => {
  it('takes memory, timeout, retention, reserved concurrency and settings from props', () => {
    const stack = bareStack();
    new HouseFunction(stack, 'Fn', {
      entry: ENTRY_POINTS.ingest,
      memorySize: 512,
      timeout: Duration.minutes(2),
      logRetention: RetentionDays.ONE_WEEK,
      reservedConcurrentExecutions: 4,
      settings: { extractMaxPages: 200, extractTimeoutSeconds: 90, linkTtlSeconds: 60 },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 512,
      Timeout: 120,
      ReservedConcurrentExecutions: 4,
      Environment: {
        Variables: {
          EXTRACT_MAX_PAGES: '200',
          EXTRACT_TIMEOUT_SECONDS: '90',
          // Half the function's memory for one reading, unless the settings say otherwise.
          EXTRACT_MAX_MEMORY_MB: '256',
          LINK_TTL_SECONDS: '60',
        },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  it('keeps the extraction timeout inside the function timeout', () => {
    const stack = bareStack();
    new HouseFunction(stack, 'Short', { entry: ENTRY_POINTS.api, timeout: Duration.seconds(20) });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { EXTRACT_TIMEOUT_SECONDS: '10' } },
    });
    expect(
      () =>
        new HouseFunction(bareStack(), 'Long', {
          entry: ENTRY_POINTS.api,
          timeout: Duration.seconds(30),
          settings: { extractTimeoutSeconds: 30 },
        }),
    ).toThrow(/EXTRACT_TIMEOUT_SECONDS/);
  });
});

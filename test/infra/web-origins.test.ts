import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MinutesStorage } from '../../infra/constructs/minutes-storage.ts';
import { bareStack, synthApp } from './synth.ts';

/** The CORS rules of the minutes bucket (the versioned one), or undefined. */
function minutesBucketCors(template: Template): unknown {
  const buckets = Object.values(
    template.findResources('AWS::S3::Bucket', {
      Properties: { VersioningConfiguration: { Status: 'Enabled' } },
    }),
  ) as { Properties: { CorsConfiguration?: unknown } }[];
  expect(buckets).toHaveLength(1);
  return buckets[0]?.Properties.CorsConfiguration;
}

describe('browser uploads to the minutes bucket (webOrigins)', () => {
  it('has no CORS by default: no browser may upload', () => {
    expect(minutesBucketCors(synthApp().statefulTemplate)).toBeUndefined();
  });

  it('allows PUT from the given origins only, from the context', () => {
    const { statefulTemplate } = synthApp({
      webOrigins: 'https://abc123.execute-api.eu-north-1.amazonaws.com, https://referater.example.dk',
    });
    expect(minutesBucketCors(statefulTemplate)).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT'],
          AllowedOrigins: [
            'https://abc123.execute-api.eu-north-1.amazonaws.com',
            'https://referater.example.dk',
          ],
          AllowedHeaders: ['content-type'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('refuses a wildcard or a URL with a path', () => {
    for (const origin of ['*', 'https://*.example.dk', 'https://example.dk/search']) {
      expect(() => new MinutesStorage(bareStack(), 'Storage', { webOrigins: [origin] })).toThrow(
        /webOrigins/,
      );
    }
  });
});

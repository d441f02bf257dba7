import { describe, expect, it } from 'vitest';
import { localConfigFromEnv } from '#config/local.ts';

describe('the local service configuration', () => {
  it('listens on 3000, 4569 and 4567 unless told, 0 meaning a free port', () => {
    expect(localConfigFromEnv({})).toMatchObject({
      ok: true,
      config: { port: 3000, s3Port: 4569, dynamoPort: 4567 },
    });
    expect(localConfigFromEnv({ PORT: '0', S3_PORT: ' 8000 ', DYNAMODB_PORT: '65535' })).toMatchObject({
      ok: true,
      config: { port: 0, s3Port: 8000, dynamoPort: 65535 },
    });
  });

  it('refuses a port that is empty, not a whole number or out of range, naming the variable', () => {
    for (const variable of ['PORT', 'S3_PORT', 'DYNAMODB_PORT'])
      for (const wrong of ['', ' ', '-1', '65536', '80.5', 'http'])
        expect(localConfigFromEnv({ [variable]: wrong })).toMatchObject({
          ok: false,
          error: expect.stringMatching(new RegExp(`^${variable}: `)),
        });
  });
});

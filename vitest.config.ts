import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Limits against hangs, not timings: a busy machine (CI beside another job) runs slowly, and
    // setup such as CDK synthesis or a search engine's start takes long there.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/failures-last-reporter.ts'],
    // The temporary folder first: the OpenSearch node's data folder is made inside it.
    globalSetup: ['./test/support/temp-root.ts', './test/support/opensearch-global-setup.ts'],
  },
});

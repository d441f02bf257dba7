/**
 * Preloaded with `node --import ./test/support/record-modules.ts`: appends the URL of every module
 * the process loads (ESM and CommonJS, in the main thread and in worker threads, which run the
 * preload too) to the file named by RECORD_MODULES_TO, one a line. Tests use it to see what a
 * command really loads; `require.cache` and `process.moduleLoadList` do not show ES modules.
 */
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const target = process.env.RECORD_MODULES_TO;
if (target !== undefined) {
  const thread = isMainThread ? 'main' : 'worker';
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(target, `${thread} ${url}\n`);
      return nextLoad(url, context);
    },
  });
}

/**
 * `npm run opensearch [-- --port N --data DIR]`: a real single-node OpenSearch 2.19 on
 * 127.0.0.1 (port 9200, data under .data/opensearch), built from Maven Central jars the first
 * time. Prints its URL when ready; Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { OpenSearchSetupError, startNode } from './lib/opensearch-node.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9200' },
    data: { type: 'string', default: '.data/opensearch' },
    heap: { type: 'string', default: '512' },
  },
});
const port = Number(values.port);
const heapMb = Number(values.heap);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(heapMb) || heapMb < 256) {
  process.stderr.write('usage: npm run opensearch -- [--port 0-65535] [--data DIR] [--heap MB >= 256]\n');
  process.exit(2);
}

try {
  const node = await startNode({
    port,
    dir: values.data,
    heapMb,
    onLog: (line) => process.stderr.write(`${line}\n`),
  });
  const about = (await (await fetch(node.url)).json()) as { version: { number: string } };
  process.stdout.write(
    `OpenSearch ${about.version.number} is running at ${node.url} (data in ${values.data}). Ctrl-C stops it.\n`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      stopping = true;
      await node.stop();
      process.stdout.write('OpenSearch stopped.\n');
      process.exit(0);
    });
  }
  node.process.once('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`OpenSearch exited (code ${code}).\n`);
    process.exit(1);
  });
} catch (error) {
  if (!(error instanceof OpenSearchSetupError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

#!/usr/bin/env node
/** Command line entry point: a composition root, the only place that reads the environment. */
import { Command } from 'commander';
import { serviceConfigFromEnv } from '#config/service.ts';
import { extractCommand } from './extract.ts';
import { samplesCommand } from './samples.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) {
  process.stderr.write(`invalid configuration: ${loaded.error}\n`);
  process.exit(2);
}
const { config } = loaded;

const program = new Command()
  .name('minutes-search')
  .description('Search the decisions in Danish municipal minutes.')
  .showHelpAfterError();

program
  .command('extract')
  .description('print the Meeting JSON of one minutes document (PDF or text)')
  .argument('<file>', 'the document')
  .action(async (file: string) => {
    process.exitCode = await extractCommand(file, config.limits);
  });

program
  .command('samples')
  .description('extract the bundled sample minutes and print what was found')
  .option('--dir <dir...>', 'folders with minutes', [
    'test/fixtures/corpus/pdf',
    'test/fixtures/corpus/extra/pdf',
  ])
  .action(async (options: { dir: string[] }) => {
    process.exitCode = await samplesCommand(options.dir, config.limits);
  });

await program.parseAsync();

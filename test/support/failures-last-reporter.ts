/**
 * Prints what failed as the very last lines of a run, whatever reporter ran before: a file whose
 * setup (beforeAll) failed skips its tests, and the summary's passed and skipped counts then hide
 * the failure in the count of files.
 */
import { relative } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

const firstLine = (error: { message?: string }) => (error.message ?? String(error)).split('\n')[0];

export default class FailuresLastReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const lines: string[] = [];
    for (const module of modules) {
      const failures = [
        ...module.errors().map((error) => `  setup: ${firstLine(error)}`),
        ...[...module.children.allTests()]
          .filter((test) => test.result().state === 'failed')
          .map((test) => `  ${test.fullName}: ${firstLine(test.result().errors?.[0] ?? {})}`),
      ];
      if (failures.length || module.state() === 'failed')
        lines.push(relative(process.cwd(), module.moduleId), ...failures);
    }
    lines.push(...unhandled.map((error) => `unhandled: ${firstLine(error)}`));
    if (lines.length === 0) return;
    process.stdout.write(`\nFAILED — what failed, last:\n${lines.join('\n')}\n`);
  }
}

/**
 * The local OpenSearch node of opensearch/ (a pom and one launcher class): built with Maven once,
 * then started as a Java process. Used by `npm run opensearch` and by what needs a real engine.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const PROJECT = resolve(import.meta.dirname, '..', '..', 'opensearch');
const LAUNCHER = join(PROJECT, 'target', 'classes', 'minutessearch', 'LocalNode.class');
const SOURCES = [
  join(PROJECT, 'pom.xml'),
  join(PROJECT, 'src', 'main', 'java', 'minutessearch', 'LocalNode.java'),
];
const DICTIONARY = '/usr/share/hunspell/da_DK.dic';
/** Starting takes 5-15 s on two cores; a node not ready by then will not be. */
const READY_TIMEOUT_MS = 180_000;

/** What the node needs and does not have, said so a person can act on it. */
export class OpenSearchSetupError extends Error {
  override readonly name = 'OpenSearchSetupError';
}

export interface NodeOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The node's home and data go here. */
  readonly dir: string;
  /** Heap in MB. */
  readonly heapMb?: number;
  /** Told each line the node prints (its warnings), besides the ready line. */
  readonly onLog?: (line: string) => void;
}

export interface RunningNode {
  readonly url: string;
  readonly process: ChildProcess;
  /** Stops the node (SIGTERM: it closes its indices cleanly) and waits for it. */
  stop(): Promise<void>;
}

/** Fails unless `command --version`-like works: the tools the node is built and run with. */
function requireTool(command: string, args: readonly string[], install: string): void {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0)
    throw new OpenSearchSetupError(
      `${command} is needed to run OpenSearch here and was not found: ${install}`,
    );
}

/** Debian's Danish Hunspell dictionary, installed if missing (OpenSearch's hunspell filter reads it). */
export function ensureHunspell(log: (line: string) => void): void {
  if (existsSync(DICTIONARY)) return;
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const install = (args: string[]) => {
    const [command = 'apt-get', ...rest] = [...asRoot, 'apt-get', ...args];
    return spawnSync(command, rest, {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  log('Installing the Danish Hunspell dictionary (hunspell-da)…');
  if (install(['install', '-y', 'hunspell-da']).status !== 0) {
    install(['update']);
    install(['install', '-y', 'hunspell-da']);
  }
  if (!existsSync(DICTIONARY))
    log('hunspell-da could not be installed; the node starts without a Danish Hunspell dictionary.');
}

/** Builds the launcher and its classpath with Maven when they are missing or older than their sources. */
export function buildNode(log: (line: string) => void): void {
  requireTool('java', ['-version'], 'install a Java 17 JDK (apt-get install openjdk-17-jdk-headless)');
  const built = existsSync(LAUNCHER) && existsSync(join(PROJECT, 'target', 'lib'));
  const builtAt = built ? statSync(LAUNCHER).mtimeMs : 0;
  if (built && SOURCES.every((source) => statSync(source).mtimeMs <= builtAt)) return;
  requireTool('mvn', ['-v'], 'install Maven (apt-get install maven)');
  log('Building the OpenSearch node with Maven (the first time downloads about 50 MB)…');
  const run = spawnSync('mvn', ['-q', '-B', '-f', join(PROJECT, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (run.status !== 0)
    throw new OpenSearchSetupError('Maven could not build the OpenSearch node (see above)');
}

/** Starts the node and resolves with its URL once it answers. */
export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const log = options.onLog ?? (() => {});
  ensureHunspell(log);
  buildNode(log);
  mkdirSync(options.dir, { recursive: true });
  const heap = `${options.heapMb ?? 512}m`;
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-cp',
      `${join(PROJECT, 'target', 'classes')}:${join(PROJECT, 'target', 'lib', '*')}`,
      'minutessearch.LocalNode',
      '--home',
      join(resolve(options.dir), 'home'),
      '--data',
      join(resolve(options.dir), 'data'),
      '--port',
      String(options.port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  createInterface({ input: child.stderr }).on('line', log);
  const url = await new Promise<string>((ready, failed) => {
    const timer = setTimeout(
      () => failed(new Error('OpenSearch did not become ready in time')),
      READY_TIMEOUT_MS,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const announced = /^OpenSearch ready: (http:\/\/\S+)$/.exec(line)?.[1];
      if (announced) {
        clearTimeout(timer);
        ready(announced);
      } else log(line);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`OpenSearch exited with code ${code} before it was ready`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, process: child, stop };
}

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ApiDeps, ApiLogger } from './deps.ts';
import { problem } from './problem.ts';
import type { ApiApp } from './routes/app-type.ts';

/** The search page's path; every other path but /assets/* is the JSON API. */
export const PAGE_PATH = '/';
export const ASSETS_PREFIX = '/assets/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Only plain file names with a known type: no path, no dot files, nothing but what the page needs. */
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(js|css|svg)$/;

/**
 * The web/ folder: next to the repository's shared/ in the source tree, next to the bundle in
 * Lambda (infra/constructs/house-bundling.ts copies it there).
 */
export function webFolder(): string | null {
  const candidates = [new URL('../../web/', import.meta.url), new URL('./web/', import.meta.url)];
  const found = candidates.find((url) => existsSync(new URL('index.html', url)));
  return found ? fileURLToPath(found) : null;
}

interface WebFiles {
  readonly page: string;
  readonly assets: ReadonlyMap<string, string>;
}

/** Read once, on the first request (a Lambda container or the local server keeps them). */
async function loadWebFiles(folder: string): Promise<WebFiles> {
  const names = (await readdir(folder)).filter((name) => ASSET_NAME.test(name));
  const assets = new Map<string, string>();
  for (const name of names) assets.set(name, await readFile(`${folder}${name}`, 'utf8'));
  return { page: await readFile(`${folder}index.html`, 'utf8'), assets };
}

/**
 * The page's Content-Security-Policy: its own scripts, styles and images only, no inline code,
 * and fetch/XHR to this origin, to the bucket's origin (the browser PUTs uploads straight to
 * a presigned URL) and, when writing needs a sign-in, to the token endpoint's origin (the page
 * trades its authorization code there). The bucket's origin is taken from a presigned URL, so it
 * is exact in AWS (https://<bucket>.s3.<region>.amazonaws.com) and locally (http://127.0.0.1:<s3 port>).
 * The sign-in itself is a navigation, which connect-src and form-action do not govern.
 */
export function pageCsp(uploadOrigin: string | null, signInOrigin: string | null = null): string {
  const connect = ["'self'", uploadOrigin, signInOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${connect}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Presigning is local computation (no request): its URL names the origin a browser uploads to. */
async function bucketOrigin(deps: Pick<ApiDeps, 'blobs'>, log: ApiLogger): Promise<string | null> {
  try {
    return new URL(await deps.blobs.presignGet('uploads/', { expiresIn: 60 })).origin;
  } catch (error) {
    log.warn('No upload origin for the page CSP: uploads from the page will be refused', { error });
    return null;
  }
}

/** Serves the search page (`GET /`) and its files (`GET /assets/<name>`) from the web/ folder. */
export function registerWeb(
  app: ApiApp,
  deps: Pick<ApiDeps, 'blobs' | 'auth'>,
  log: ApiLogger,
  folder: string | null = webFolder(),
): void {
  const signInOrigin =
    deps.auth?.mode === 'jwt' && deps.auth.signIn ? new URL(deps.auth.signIn.tokenUrl).origin : null;
  let files: Promise<WebFiles> | undefined;
  let origin: Promise<string | null> | undefined;
  const uploadOrigin = () => {
    origin ??= bucketOrigin(deps, log).then((found) => {
      if (found === null) origin = undefined; // A failed presign is retried by the next request.
      return found;
    });
    return origin;
  };
  const loaded = () => {
    if (!folder) return null;
    files ??= loadWebFiles(folder).catch((error: unknown) => {
      files = undefined; // A failed read is retried by the next request.
      throw error;
    });
    return files;
  };

  app.get(PAGE_PATH, async (c) => {
    const web = await loaded();
    if (!web) return problem(c, 404, 'The search page is not installed here');
    c.header('Content-Security-Policy', pageCsp(await uploadOrigin(), signInOrigin));
    return c.html(web.page);
  });

  app.get(`${ASSETS_PREFIX}:name`, async (c) => {
    const name = c.req.param('name');
    const web = ASSET_NAME.test(name) ? await loaded() : null;
    const body = web?.assets.get(name);
    if (body === undefined) return problem(c, 404, `There is no GET ${c.req.path}`);
    const type = CONTENT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return c.body(body, 200, { 'Content-Type': type });
  });
}

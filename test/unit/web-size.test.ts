import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { pageCsp, registerWeb, webFolder } from '#api/web.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import { OUTCOMES } from '../../functions/cli/search.ts';

const folder = webFolder() ?? '';
const scripts = readdirSync(folder).filter((name) => name.endsWith('.js'));

describe('the search page files', () => {
  it('are found next to the source', () => {
    expect(folder).toMatch(/web\/$/);
    expect(scripts).toContain('app.js');
  });

  it('load under 100 KB of JavaScript, gzipped', () => {
    const gzipped = scripts.reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(folder, name))).byteLength,
      0,
    );
    console.info(`web/*.js: ${scripts.length} modules, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  it('import only modules of their own folder, and the page loads nothing from elsewhere', () => {
    const imported = scripts.flatMap((name) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].map(([, path]) =>
        path?.replace(/^\.\//, ''),
      ),
    );
    for (const path of imported) expect(scripts).toContain(path);
    // Every module but the entry point is imported somewhere: the scan saw them all (multi-line too).
    expect(new Set(imported)).toEqual(new Set(scripts.filter((name) => name !== 'app.js')));
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>|<style>| style="| on[a-z]+="/);
  });
});

describe('the page CSP', () => {
  it('allows its own origin and the bucket for fetches, and no inline code', () => {
    const csp = pageCsp('https://minutes.s3.eu-north-1.amazonaws.com');
    expect(csp).toContain("connect-src 'self' https://minutes.s3.eu-north-1.amazonaws.com");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'none'");
    expect(pageCsp(null)).toContain("connect-src 'self';");
    expect(csp).toContain("img-src 'self';");
  });

  it('names the bucket once presigning works, after a failed presign too', async () => {
    const bucket = 'https://minutes.s3.eu-north-1.amazonaws.com';
    let presigns = 0;
    // Presigning is local computation: its failure (no credentials, say) needs a stand-in store.
    const blobs = {
      presignGet: async (key: string) => {
        presigns += 1;
        if (presigns === 1) throw new Error('no credentials');
        return `${bucket}/${key}?X-Amz-Signature=abc`;
      },
    } as Partial<BlobStore> as BlobStore;
    const warnings: string[] = [];
    const app = new OpenAPIHono();
    registerWeb(app, { blobs }, { warn: (message) => warnings.push(message), error: () => {} }, folder);
    const csp = async () => (await app.request('/')).headers.get('content-security-policy') ?? '';

    expect(await csp()).toContain("connect-src 'self';");
    expect(warnings).toHaveLength(1);
    expect(await csp()).toContain(`connect-src 'self' ${bucket};`);
    expect(await csp()).toContain(`connect-src 'self' ${bucket};`);
    expect(presigns).toBe(2);
  });
});

describe('the outcome labels', () => {
  it('are the same words on the page as in the CLI', async () => {
    const page = new URL('../../web/dom.js', import.meta.url).href; // a variable: tsc types the module any
    const { OUTCOME_LABELS } = await import(page);
    expect(OUTCOME_LABELS).toEqual(OUTCOMES);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageCsp, webFolder } from '#api/web.ts';

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
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  it('import only modules of their own folder, and the page loads nothing from elsewhere', () => {
    for (const name of scripts) {
      const imports = [...readFileSync(join(folder, name), 'utf8').matchAll(/^import .*?'([^']+)';$/gm)];
      for (const [, path] of imports) expect(scripts).toContain(path?.replace(/^\.\//, ''));
    }
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
  });
});

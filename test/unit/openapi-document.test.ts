import { describe, expect, it, vi } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';

/** The document needs no port: an app of none answers /openapi.json. */
const appOfNoPorts = () => createApp({} as Partial<ApiDeps> as ApiDeps);

describe('GET /openapi.json', () => {
  it('makes the document once per app and answers the same text every time', async () => {
    const app = appOfNoPorts();
    const make = vi.spyOn(app, 'getOpenAPI31Document');
    const first = await app.request('/openapi.json');
    const second = await app.request('/openapi.json');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    const text = await first.text();
    expect(await second.text()).toBe(text);
    expect(JSON.parse(text)).toMatchObject({ openapi: '3.1.0', info: { title: 'minutes-search' } });
    expect(make).toHaveBeenCalledTimes(1);
  });

  it("makes a document for each app, from that app's routes", async () => {
    const [one, other] = [appOfNoPorts(), appOfNoPorts()];
    const makeOther = vi.spyOn(other, 'getOpenAPI31Document');
    await one.request('/openapi.json');
    expect(makeOther).not.toHaveBeenCalled();
    const document = (await (await other.request('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths)).toContain('/search');
    expect(makeOther).toHaveBeenCalledTimes(1);
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, MeetingSummary, ParseQuality } from '#domain/document.ts';
import { createRegistryTable, DynamoRegistry } from '#storage/dynamo-registry.ts';
import { ClaimLostError, InvalidCursorError, StorageError } from '#storage/errors.ts';
import type { Page, ProcessingOutcome } from '#storage/registry.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';

let aws: LocalAws;
let registry: DynamoRegistry;
let tables = 0;

beforeAll(async () => {
  aws = await startLocalAws();
  registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
});
afterAll(() => aws.stop());

/** A registry on a table of its own, for lists that must not see other tests' documents. */
async function freshRegistry(): Promise<DynamoRegistry> {
  tables += 1;
  const table = `registry-${tables}`;
  await createRegistryTable(aws.dynamo, table);
  return new DynamoRegistry({ client: aws.dynamo, table });
}

function idOf(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** The n-th second of 2026, as an ISO timestamp. */
function at(second: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
}

const QUALITY: ParseQuality = {
  items: 3,
  closedItems: 1,
  decisions: 2,
  itemsWithoutDecision: ['3'],
  itemsWithoutSections: [],
  headerIncomplete: false,
  confidence: 0.85,
  needsReview: false,
  reasons: [{ code: 'items-without-text', message: 'open items without text: 3', items: ['3'] }],
};

function meeting(overrides: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    body: 'Byrådet',
    municipality: 'Aarhus Kommune',
    date: '2026-01-15',
    kind: 'minutes',
    ...overrides,
  };
}

function indexed(version: string, summary: MeetingSummary = meeting()): ProcessingOutcome {
  return { status: 'indexed', pages: 12, quality: QUALITY, meeting: summary, extractorVersion: version };
}

/** Receives, claims and completes a document in one go. */
async function recordDocument(
  target: DynamoRegistry,
  name: string,
  second: number,
  outcome: ProcessingOutcome = indexed('v1'),
): Promise<string> {
  const id = idOf(name);
  await target.receive({ id, key: `referater/${name}.pdf`, size: 100, at: at(second) });
  await target.claim(id, outcome.extractorVersion, at(second));
  await target.complete(id, outcome, at(second));
  return id;
}

async function allPages(read: (cursor?: string) => Promise<Page<DocumentRecord>>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await read(cursor);
    ids.push(...page.records.map((record) => record.id));
    if (page.cursor === null) return ids;
    cursor = page.cursor;
  }
}

describe('receive', () => {
  it('creates a record once, then only moves its key', async () => {
    const id = idOf('receive');
    expect(await registry.receive({ id, key: 'a/første.pdf', size: 10, at: at(1) })).toBe('created');
    expect(await registry.receive({ id, key: 'b/anden.pdf', size: 10, at: at(2) })).toBe('exists');

    expect(await registry.get(id)).toEqual({
      id,
      key: 'b/anden.pdf',
      size: 10,
      pages: null,
      status: 'received',
      reason: null,
      attempts: 0,
      extractorVersion: null,
      receivedAt: at(1),
      updatedAt: at(1),
      quality: null,
      meeting: null,
    });
  });

  it('answers null for an unknown document', async () => {
    expect(await registry.get(idOf('never received'))).toBeNull();
  });
});

describe('claim and complete', () => {
  it('claims a received document, and claims it again when a crashed run left it processing', async () => {
    const id = idOf('claim twice');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });

    const first = await registry.claim(id, 'v1', at(2));
    expect(first).toMatchObject({ id, status: 'processing', attempts: 1, updatedAt: at(2) });
    const second = await registry.claim(id, 'v1', at(3));
    expect(second).toMatchObject({ status: 'processing', attempts: 2, updatedAt: at(3) });
  });

  it('does not claim an indexed document again by the same extractor version, but by a new one', async () => {
    const id = idOf('indexed once');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
    await registry.claim(id, 'v1', at(2));
    await registry.complete(id, indexed('v1'), at(3));

    expect(await registry.get(id)).toMatchObject({
      status: 'indexed',
      pages: 12,
      reason: null,
      extractorVersion: 'v1',
      quality: QUALITY,
      meeting: meeting(),
      updatedAt: at(3),
    });
    expect(await registry.claim(id, 'v1', at(4))).toBeNull();
    expect(await registry.claim(id, 'v2', at(5))).toMatchObject({ status: 'processing', attempts: 2 });
  });

  it.each(['failed', 'needs-ocr'] as const)(
    'keeps a %s document refused until the extractor changes',
    async (status) => {
      const id = idOf(`refused ${status}`);
      await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
      await registry.claim(id, 'v1', at(2));
      await registry.complete(
        id,
        { status, reason: 'corrupt: no xref', pages: null, extractorVersion: 'v1' },
        at(3),
      );

      expect(await registry.get(id)).toMatchObject({ status, reason: 'corrupt: no xref', pages: null });
      expect(await registry.claim(id, 'v1', at(4))).toBeNull();
      expect(await registry.claim(id, 'v2', at(5))).toMatchObject({ status: 'processing', attempts: 2 });
    },
  );

  it('claims any recorded document when forced (a reindex), never an unknown one', async () => {
    const id = idOf('forced');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
    await registry.claim(id, 'v1', at(2));
    await registry.complete(id, indexed('v1'), at(3));

    expect(await registry.claim(id, 'v1', at(4), { force: true })).toMatchObject({
      status: 'processing',
      attempts: 2,
    });
    expect(await registry.claim(idOf('forced unknown'), 'v1', at(5), { force: true })).toBeNull();
  });

  it('does not claim an unknown document, nor create one', async () => {
    const id = idOf('unknown claim');
    expect(await registry.claim(id, 'v1', at(1))).toBeNull();
    expect(await registry.get(id)).toBeNull();
  });

  it('refuses the outcome of a run whose claim was overtaken, and keeps the first outcome', async () => {
    const id = idOf('stale run');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
    await registry.claim(id, 'v1', at(2));
    await registry.claim(id, 'v1', at(3));
    await registry.complete(id, indexed('v1'), at(4));

    const stale = { status: 'failed', reason: 'timeout', pages: null, extractorVersion: 'v1' } as const;
    await expect(registry.complete(id, stale, at(5))).rejects.toBeInstanceOf(ClaimLostError);
    expect(await registry.get(id)).toMatchObject({ status: 'indexed', updatedAt: at(4) });
  });

  it('ends indexed whichever of a completion and a repeated claim lands first', async () => {
    const id = idOf('race');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
    await registry.claim(id, 'v1', at(2));

    const [, claimed] = await Promise.all([
      registry.complete(id, indexed('v1'), at(3)),
      registry.claim(id, 'v1', at(3)),
    ]);
    // Claim first: the completion still holds a processing record and indexes it. Completion
    // first: the claim finds it indexed by this version and declines.
    expect(claimed === null || claimed.status === 'processing').toBe(true);
    expect(await registry.get(id)).toMatchObject({ status: 'indexed', extractorVersion: 'v1' });
  });

  it('does not record an outcome over a removal', async () => {
    const id = idOf('removed while processing');
    await registry.receive({ id, key: 'k.pdf', size: 1, at: at(1) });
    await registry.claim(id, 'v1', at(2));
    await registry.markRemoved(id, at(3));

    await expect(registry.complete(id, indexed('v1'), at(4))).rejects.toBeInstanceOf(ClaimLostError);
    expect(await registry.get(id)).toMatchObject({ status: 'removed', updatedAt: at(3) });
  });

  it('claims a removed document again (its object came back)', async () => {
    const id = await recordDocument(registry, 'removed then back', 1);
    await registry.markRemoved(id, at(2));
    expect(await registry.claim(id, 'v1', at(3))).toMatchObject({ status: 'processing', attempts: 2 });
  });

  it('does not create a record when removing an unknown document', async () => {
    const id = idOf('unknown removal');
    await registry.markRemoved(id, at(1));
    expect(await registry.get(id)).toBeNull();
  });
});

describe('keys', () => {
  it('points keys at documents and forgets them', async () => {
    const first = idOf('key doc 1');
    const second = idOf('key doc 2');
    const key = 'referater/Ærø byråd 2026 + bilag 100%.pdf';

    expect(await registry.setKey(key, first)).toBeNull();
    expect(await registry.setKey(key, first)).toBeNull();
    expect(await registry.documentAt(key)).toBe(first);
    expect(await registry.setKey(key, second)).toBe(first);
    expect(await registry.documentAt(key)).toBe(second);

    await registry.setKey('referater/kopi.pdf', second);
    expect(await registry.keysOf(second)).toEqual([key, 'referater/kopi.pdf'].sort());
    expect(await registry.keysOf(first)).toEqual([]);

    expect(await registry.removeKey(key)).toBe(second);
    expect(await registry.removeKey(key)).toBeNull();
    expect(await registry.documentAt(key)).toBeNull();
    expect(await registry.keysOf(second)).toEqual(['referater/kopi.pdf']);
  });

  it('keeps the ETag of the object a key was read from, and none when not given', async () => {
    const id = idOf('key with etag');
    const key = 'referater/med etag.pdf';
    expect(await registry.keyRecord(key)).toBeNull();
    await registry.setKey(key, id, '"0123abcd"');
    expect(await registry.keyRecord(key)).toEqual({ documentId: id, etag: '"0123abcd"' });
    await registry.setKey(key, id);
    expect(await registry.keyRecord(key)).toEqual({ documentId: id, etag: null });
  });

  it('keeps key items out of the document list', async () => {
    const own = await freshRegistry();
    const id = await recordDocument(own, 'with a key', 1);
    await own.setKey('referater/with a key.pdf', id);
    expect(await allPages((cursor) => own.list({ limit: 10, cursor }))).toEqual([id]);
  });
});

describe('list', () => {
  let own: DynamoRegistry;
  let ids: Record<string, string>;

  beforeAll(async () => {
    own = await freshRegistry();
    const failed = { status: 'failed', reason: 'corrupt', pages: null, extractorVersion: 'v1' } as const;
    ids = {
      oldest: await recordDocument(own, 'oldest', 1),
      failed: await recordDocument(own, 'failed', 2, failed),
      middle: await recordDocument(own, 'middle', 3),
      newest: await recordDocument(own, 'newest', 5),
    };
    ids.received = idOf('received');
    await own.receive({ id: ids.received, key: 'received.pdf', size: 1, at: at(4) });
  });

  it('lists documents newest change first', async () => {
    const page = await own.list({ limit: 10 });
    expect(page.records.map((record) => record.id)).toEqual([
      ids.newest,
      ids.received,
      ids.middle,
      ids.failed,
      ids.oldest,
    ]);
  });

  it('lists one status', async () => {
    expect(await allPages((cursor) => own.list({ status: 'indexed', limit: 10, cursor }))).toEqual([
      ids.newest,
      ids.middle,
      ids.oldest,
    ]);
    expect(await allPages((cursor) => own.list({ status: 'failed', limit: 10, cursor }))).toEqual([
      ids.failed,
    ]);
  });

  it('pages with a cursor, every document once and in order', async () => {
    const first = await own.list({ limit: 2 });
    expect(first.records).toHaveLength(2);
    expect(first.cursor).not.toBeNull();
    expect(await allPages((cursor) => own.list({ limit: 2, cursor }))).toEqual([
      ids.newest,
      ids.received,
      ids.middle,
      ids.failed,
      ids.oldest,
    ]);
  });

  it('pages through a status filter, though a page may hold fewer than the limit', async () => {
    expect(await allPages((cursor) => own.list({ status: 'indexed', limit: 2, cursor }))).toEqual([
      ids.newest,
      ids.middle,
      ids.oldest,
    ]);
  });
});

describe('meetings', () => {
  let own: DynamoRegistry;
  let ids: Record<string, string>;

  beforeAll(async () => {
    own = await freshRegistry();
    const at2 = (body: string, municipality: string, date: string | null) =>
      indexed('v1', meeting({ body, municipality, date }));
    ids = {
      january: await recordDocument(own, 'january', 1, at2('Byrådet', 'Aarhus Kommune', '2026-01-10')),
      februaryEconomy: await recordDocument(
        own,
        'feb economy',
        2,
        at2('Økonomiudvalget', 'Aarhus Kommune', '2026-02-05'),
      ),
      februaryChildren: await recordDocument(
        own,
        'feb children',
        3,
        at2('Børne- og Ungeudvalget', 'Ærø Kommune', '2026-02-05'),
      ),
      march: await recordDocument(own, 'march', 4, at2('Byrådet', 'Ærø Kommune', '2026-03-01')),
      undated: await recordDocument(own, 'undated', 5, indexed('v1', meeting({ date: null, body: null }))),
    };
    await recordDocument(own, 'refused', 6, {
      status: 'needs-ocr',
      reason: 'scan',
      pages: 3,
      extractorVersion: 'v1',
    });
  });

  /** The two meetings of 5 February, ordered as the index orders equal dates: by id, descending. */
  function february(): string[] {
    return [ids.februaryEconomy ?? '', ids.februaryChildren ?? ''].sort().reverse();
  }

  it('lists indexed documents newest meeting first, undated last', async () => {
    const page = await own.meetings({ limit: 10 });
    expect(page.records.map((record) => record.id)).toEqual([
      ids.march,
      ...february(),
      ids.january,
      ids.undated,
    ]);
    expect(page.records[0]?.meeting).toEqual(
      meeting({ body: 'Byrådet', municipality: 'Ærø Kommune', date: '2026-03-01' }),
    );
  });

  it('filters by a date range, both ends included', async () => {
    const range = (from?: string, to?: string) =>
      allPages((cursor) => own.meetings({ from, to, limit: 10, cursor }));
    expect(await range('2026-02-05', '2026-02-05')).toEqual(february());
    expect(await range('2026-02-05')).toEqual([ids.march, ...february()]);
    expect(await range(undefined, '2026-02-05')).toEqual([...february(), ids.january]);
    expect(await range('2026-02-06', '2026-02-28')).toEqual([]);
    expect(await range('2026-03-01', '2026-01-01')).toEqual([]);
  });

  it('filters by body however it is written, as search does', async () => {
    const byBody = (body: string) => allPages((cursor) => own.meetings({ body, limit: 10, cursor }));
    expect(await byBody('byrådet')).toEqual([ids.march, ids.january]);
    expect(await byBody('BYRÅDET')).toEqual([ids.march, ids.january]);
    expect(await byBody('økonomiudvalget')).toEqual([ids.februaryEconomy]);
    expect(await byBody('Byråd')).toEqual([ids.march, ids.january]);
    expect(await byBody('Byråd 2022-2025')).toEqual([ids.march, ids.january]);
    expect(await byBody('Byrådsudvalget')).toEqual([]);
  });

  it('filters by municipality together with body and dates', async () => {
    const filtered = (filter: { body?: string; municipality?: string; from?: string }) =>
      allPages((cursor) => own.meetings({ ...filter, limit: 10, cursor }));
    expect(await filtered({ municipality: 'ÆRØ KOMMUNE' })).toEqual([ids.march, ids.februaryChildren]);
    expect(await filtered({ municipality: 'ærø kommune', body: 'byrådet' })).toEqual([ids.march]);
    expect(await filtered({ municipality: 'Ærø' })).toEqual([ids.march, ids.februaryChildren]);
    expect(await filtered({ municipality: 'aarhus kommune', from: '2026-02-01' })).toEqual([
      ids.februaryEconomy,
    ]);
  });

  it('pages with a cursor, every meeting once and in order', async () => {
    expect(await allPages((cursor) => own.meetings({ limit: 2, cursor }))).toEqual([
      ids.march,
      ...february(),
      ids.january,
      ids.undated,
    ]);
    expect(await allPages((cursor) => own.meetings({ body: 'byrådet', limit: 1, cursor }))).toEqual([
      ids.march,
      ids.january,
    ]);
  });

  it('drops a document from the meetings when it is removed or fails a new extractor', async () => {
    const target = await freshRegistry();
    const removed = await recordDocument(target, 'to remove', 1);
    const refused = await recordDocument(target, 'to refuse', 2);
    await target.markRemoved(removed, at(3));
    await target.claim(refused, 'v2', at(4));
    await target.complete(
      refused,
      { status: 'failed', reason: 'corrupt', pages: null, extractorVersion: 'v2' },
      at(5),
    );

    expect(await allPages((cursor) => target.meetings({ limit: 10, cursor }))).toEqual([]);
    expect(await target.get(refused)).toMatchObject({ status: 'failed', meeting: null, quality: null });
  });
});

describe('failures', () => {
  it('wraps a failing call in a StorageError naming the operation', async () => {
    const missing = new DynamoRegistry({ client: aws.dynamo, table: 'no-such-table' });
    const failure = await missing.get(idOf('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).operation).toBe('registry.get');
    expect((failure as StorageError).cause).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('creates the table idempotently', async () => {
    await expect(createRegistryTable(aws.dynamo, aws.table)).resolves.toBeUndefined();
  });
});

describe('cursors', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['JSON of another shape', forged({ pk: 1 })],
    ['a key of another index', forged({ pk: 'doc#x', meetingPartition: 'meeting', meetingSort: '2026' })],
  ])('refuses %s with an InvalidCursorError', async (_, cursor) => {
    await expect(registry.list({ limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('refuses a document-list cursor on the meetings list', async () => {
    const own = await freshRegistry();
    await recordDocument(own, 'one', 1);
    await recordDocument(own, 'two', 2);
    const { cursor } = await own.list({ limit: 1 });
    expect(cursor).not.toBeNull();
    await expect(own.meetings({ limit: 5, cursor: cursor ?? '' })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

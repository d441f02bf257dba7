import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DocumentRecord, type DocumentStatus } from '#domain/document.ts';
import { IsoDate } from '#domain/meeting.ts';
import { bodyName, municipalityName } from '#search/names.ts';
import { ClaimLostError, InvalidCursorError, StorageError, storageCall } from './errors.ts';
import type { DocumentRegistry, KeyRecord, MeetingFilter, Page, ProcessingOutcome } from './registry.ts';
import { REGISTRY_TABLE } from './registry-table.ts';

const { partitionKey, indexes } = REGISTRY_TABLE;

/**
 * Creates the registry table as the CDK construct declares it (pay per request, the three
 * sparse GSIs projecting every attribute). For dynalite and scripts; a table that exists
 * already is left as it is.
 */
export async function createRegistryTable(client: DynamoDBDocumentClient, table: string): Promise<void> {
  const stringKeys = new Set<string>([partitionKey]);
  for (const index of Object.values(indexes)) {
    stringKeys.add(index.partitionKey);
    stringKeys.add(index.sortKey);
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }],
        AttributeDefinitions: [...stringKeys].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexes: Object.values(indexes).map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
  }
}

const DOCUMENT_KIND = 'document';
const MEETING_PARTITION = 'meeting';
/** Sorts before every real date, so undated meetings come last, newest first. */
const NO_DATE = '0000-00-00';
/** Sorts after every hex id: `${to}#~` is an upper bound that includes the whole day `to`. */
const AFTER_EVERY_ID = '~';
/** Attributes of indexed documents only; removed otherwise, which keeps the meetings index sparse. */
const MEETING_ATTRIBUTES = ['meetingPartition', 'meetingSort', 'bodyKey', 'municipalityKey'] as const;
const RECLAIMABLE: readonly DocumentStatus[] = ['received', 'processing', 'removed'];
const DONE_BY_A_VERSION: readonly DocumentStatus[] = ['failed', 'needs-ocr', 'indexed'];

const documentPk = (id: string) => `doc#${id}`;
const keyPk = (key: string) => `key#${key}`;

/**
 * A body's or municipality's key, as stored and as filtered on: the search's (shared/search/names.ts),
 * so /meetings?body=Byråd finds "Byrådet" as a search's body filter does. '' for a blank name.
 */
const bodyFilterKey = (value: string) => bodyName(value.normalize('NFC'))?.key ?? '';
const municipalityFilterKey = (value: string) => municipalityName(value.normalize('NFC'))?.key ?? '';

/**
 * The LastEvaluatedKey of each index, as a cursor must carry it back: every value checked, since
 * DynamoDB answers a start key it cannot use (an empty or oversized value) with an error.
 */
const DocumentPk = z.string().regex(/^doc#[0-9a-f]{64}$/);
const DocumentsCursor = z.strictObject({
  pk: DocumentPk,
  kind: z.literal(DOCUMENT_KIND),
  updatedAt: DocumentRecord.shape.updatedAt,
});
const MeetingsCursor = z
  .strictObject({
    pk: DocumentPk,
    meetingPartition: z.literal(MEETING_PARTITION),
    meetingSort: z.string().regex(/^[0-9-]{10}#[0-9a-f]{64}$/),
  })
  .refine(({ pk, meetingSort }) => {
    const [date = '', id] = meetingSort.split('#');
    return documentPk(id ?? '') === pk && (date === NO_DATE || IsoDate.safeParse(date).success);
  });

/**
 * The document registry in one DynamoDB table (see registry-table.ts). Lists read sparse GSIs
 * with a page limit applied before any filter, as DynamoDB does: a filtered page (status,
 * body, municipality) can hold fewer records than `limit`, even none, and still carry a cursor.
 * The last page can also carry a cursor whose next page is empty.
 */
export class DynamoRegistry implements DocumentRegistry {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor({ client, table }: { readonly client: DynamoDBDocumentClient; readonly table: string }) {
    this.#client = client;
    this.#table = table;
  }

  receive(doc: {
    readonly id: string;
    readonly key: string;
    readonly size: number;
    readonly at: string;
  }): Promise<'created' | 'exists'> {
    return storageCall('registry.receive', async () => {
      const record: DocumentRecord = {
        id: doc.id,
        key: doc.key,
        size: doc.size,
        pages: null,
        status: 'received',
        reason: null,
        attempts: 0,
        extractorVersion: null,
        receivedAt: doc.at,
        updatedAt: doc.at,
        quality: null,
        meeting: null,
      };
      const created = await whenConditionHolds(() =>
        this.#client.send(
          new PutCommand({
            TableName: this.#table,
            Item: { pk: documentPk(doc.id), kind: DOCUMENT_KIND, ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (created !== null) return 'created';
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: documentPk(doc.id) },
          UpdateExpression: 'SET #key = :key',
          ExpressionAttributeNames: { '#key': 'key' },
          ExpressionAttributeValues: { ':key': doc.key },
        }),
      );
      return 'exists';
    });
  }

  get(id: string): Promise<DocumentRecord | null> {
    return storageCall('registry.get', async () => {
      const { Item } = await this.#client.send(
        new GetCommand({ TableName: this.#table, Key: { pk: documentPk(id) }, ConsistentRead: true }),
      );
      return Item === undefined ? null : toRecord('registry.get', Item);
    });
  }

  claim(
    id: string,
    extractorVersion: string,
    at: string,
    options: { readonly force?: boolean } = {},
  ): Promise<DocumentRecord | null> {
    return storageCall('registry.claim', async () => {
      const guard = options.force ? { condition: '', values: {} } : notDoneBy(extractorVersion);
      const claimed = await whenConditionHolds(() =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: { pk: documentPk(id) },
            UpdateExpression: 'SET #status = :processing, attempts = attempts + :one, updatedAt = :at',
            ConditionExpression: `attribute_exists(pk)${guard.condition}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':processing': 'processing', ':one': 1, ':at': at, ...guard.values },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return claimed?.Attributes === undefined ? null : toRecord('registry.claim', claimed.Attributes);
    });
  }

  complete(id: string, outcome: ProcessingOutcome, at: string): Promise<void> {
    return storageCall('registry.complete', async () => {
      const set: Record<string, unknown> = {
        status: outcome.status,
        pages: outcome.pages,
        extractorVersion: outcome.extractorVersion,
        updatedAt: at,
      };
      const remove: string[] = [];
      if (outcome.status === 'indexed') {
        const { meeting } = outcome;
        Object.assign(set, {
          reason: null,
          quality: outcome.quality,
          meeting,
          meetingPartition: MEETING_PARTITION,
          meetingSort: `${meeting.date ?? NO_DATE}#${id}`,
        });
        if (meeting.body === null) remove.push('bodyKey');
        else set.bodyKey = bodyFilterKey(meeting.body);
        if (meeting.municipality === null) remove.push('municipalityKey');
        else set.municipalityKey = municipalityFilterKey(meeting.municipality);
      } else {
        Object.assign(set, { reason: outcome.reason, quality: null, meeting: null });
        remove.push(...MEETING_ATTRIBUTES);
      }
      const update = updateOf(set, remove);
      const completed = await whenConditionHolds(() =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: { pk: documentPk(id) },
            UpdateExpression: update.UpdateExpression,
            // Only the run holding the claim records its outcome: never over a removal or a newer outcome.
            ConditionExpression: '#status = :claimed',
            ExpressionAttributeNames: update.ExpressionAttributeNames,
            ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':claimed': 'processing' },
          }),
        ),
      );
      if (completed === null) throw new ClaimLostError(id);
    });
  }

  markRemoved(id: string, at: string): Promise<void> {
    return storageCall('registry.markRemoved', async () => {
      // Conditional so that removing an unknown document does not create a stub item.
      await whenConditionHolds(() =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: { pk: documentPk(id) },
            UpdateExpression: `SET #status = :removed, updatedAt = :at REMOVE ${MEETING_ATTRIBUTES.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':removed': 'removed', ':at': at },
          }),
        ),
      );
    });
  }

  setKey(key: string, id: string, etag: string | null = null): Promise<string | null> {
    return storageCall('registry.setKey', async () => {
      const { Attributes } = await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { pk: keyPk(key), documentId: id, ...(etag === null ? {} : { etag }) },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const previous = documentIdOf(Attributes);
      return previous === id ? null : previous;
    });
  }

  async documentAt(key: string): Promise<string | null> {
    return (await this.keyRecord(key))?.documentId ?? null;
  }

  keyRecord(key: string): Promise<KeyRecord | null> {
    return storageCall('registry.keyRecord', async () => {
      const { Item } = await this.#client.send(
        new GetCommand({ TableName: this.#table, Key: { pk: keyPk(key) }, ConsistentRead: true }),
      );
      const documentId = documentIdOf(Item);
      if (documentId === null) return null;
      return { documentId, etag: typeof Item?.etag === 'string' ? Item.etag : null };
    });
  }

  removeKey(key: string): Promise<string | null> {
    return storageCall('registry.removeKey', async () => {
      const { Attributes } = await this.#client.send(
        new DeleteCommand({ TableName: this.#table, Key: { pk: keyPk(key) }, ReturnValues: 'ALL_OLD' }),
      );
      return documentIdOf(Attributes);
    });
  }

  keysOf(id: string): Promise<string[]> {
    return storageCall('registry.keysOf', async () => {
      const index = indexes.keysByDocument;
      const keys: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: index.name,
            KeyConditionExpression: '#document = :id',
            ExpressionAttributeNames: { '#document': index.partitionKey },
            ExpressionAttributeValues: { ':id': id },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          if (typeof item.pk === 'string') keys.push(item.pk.slice(keyPk('').length));
        }
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      return keys;
    });
  }

  list(options: {
    readonly status?: DocumentStatus;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<DocumentRecord>> {
    return storageCall('registry.list', async () => {
      const index = indexes.documents;
      const conditions = filterOf(options.status === undefined ? {} : { status: options.status });
      return this.#page('registry.list', {
        IndexName: index.name,
        KeyConditionExpression: '#partition = :partition',
        ...conditions,
        ExpressionAttributeNames: {
          '#partition': index.partitionKey,
          ...conditions.ExpressionAttributeNames,
        },
        ExpressionAttributeValues: { ':partition': DOCUMENT_KIND, ...conditions.ExpressionAttributeValues },
        Limit: options.limit,
        ExclusiveStartKey: await this.#startKey(options.cursor, DocumentsCursor),
      });
    });
  }

  changedSince(options: {
    readonly since: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<DocumentRecord>> {
    return storageCall('registry.changedSince', async () => {
      const index = indexes.documents;
      const start = await this.#startKey(options.cursor, DocumentsCursor);
      // DynamoDB refuses a start key outside the key condition: a cursor of an earlier `since`.
      if (start !== undefined && start.updatedAt < options.since) {
        throw new InvalidCursorError('the cursor is not within the changes asked for');
      }
      return this.#page('registry.changedSince', {
        IndexName: index.name,
        KeyConditionExpression: '#partition = :partition AND #sort >= :since',
        ExpressionAttributeNames: { '#partition': index.partitionKey, '#sort': index.sortKey },
        ExpressionAttributeValues: { ':partition': DOCUMENT_KIND, ':since': options.since },
        Limit: options.limit,
        ExclusiveStartKey: start,
        ScanIndexForward: true,
      });
    });
  }

  meetings(
    filter: MeetingFilter & { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DocumentRecord>> {
    return storageCall('registry.meetings', async () => {
      const index = indexes.meetings;
      const start = await this.#startKey(filter.cursor, MeetingsCursor);
      const range = sortRange(filter.from, filter.to);
      if (range === 'empty') return { records: [], cursor: null };
      // DynamoDB refuses a start key outside the key condition: a cursor of another date range.
      if (start !== undefined && !range.holds(start.meetingSort)) {
        throw new InvalidCursorError('the cursor is not within the dates asked for');
      }
      const equal: Record<string, string> = {};
      if (filter.body !== undefined) equal.bodyKey = bodyFilterKey(filter.body);
      if (filter.municipality !== undefined)
        equal.municipalityKey = municipalityFilterKey(filter.municipality);
      const conditions = filterOf(equal);
      return this.#page('registry.meetings', {
        IndexName: index.name,
        KeyConditionExpression: `#partition = :partition${range.condition}`,
        ...conditions,
        ExpressionAttributeNames: {
          '#partition': index.partitionKey,
          ...(range.condition === '' ? {} : { '#sort': index.sortKey }),
          ...conditions.ExpressionAttributeNames,
        },
        ExpressionAttributeValues: {
          ':partition': MEETING_PARTITION,
          ...range.values,
          ...conditions.ExpressionAttributeValues,
        },
        Limit: filter.limit,
        ExclusiveStartKey: start,
      });
    });
  }

  /**
   * Where a page starts. Documents are never deleted from the registry, so a cursor naming one it
   * never had was not handed out by it.
   */
  async #startKey<T extends { readonly pk: string }>(
    cursor: string | undefined,
    shape: z.ZodType<T>,
  ): Promise<T | undefined> {
    const start = fromCursor(cursor, shape);
    if (start !== undefined && (await this.get(start.pk.slice(documentPk('').length))) === null) {
      throw new InvalidCursorError('the cursor names no document of this registry');
    }
    return start;
  }

  /** One Query of an index, newest first unless the query says otherwise, as a page of records. */
  async #page(operation: string, query: Omit<QueryCommandInput, 'TableName'>): Promise<Page<DocumentRecord>> {
    const result = await this.#client.send(
      new QueryCommand({ ScanIndexForward: false, ...query, TableName: this.#table }),
    );
    return {
      records: (result.Items ?? []).map((item) => toRecord(operation, item)),
      cursor: result.LastEvaluatedKey === undefined ? null : toCursor(result.LastEvaluatedKey),
    };
  }
}

/** Runs a conditional write: its result, or null when its condition did not hold. */
async function whenConditionHolds<T extends object>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return null;
    throw error;
  }
}

/**
 * The claim's guard: a document not yet done (received, left processing by a crashed run, or
 * removed), or done by another extractor version.
 */
function notDoneBy(extractorVersion: string) {
  const reclaimable = namedValues('reclaimable', RECLAIMABLE);
  const versioned = namedValues('versioned', DONE_BY_A_VERSION);
  return {
    condition:
      ` AND (#status IN (${reclaimable.names}) OR ` +
      `(#status IN (${versioned.names}) AND extractorVersion <> :version))`,
    values: { ':version': extractorVersion, ...reclaimable.values, ...versioned.values },
  };
}

/** Placeholders for a list of values, for `IN (...)`. */
function namedValues(prefix: string, list: readonly string[]) {
  const names = list.map((_, index) => `:${prefix}${index}`);
  return {
    names: names.join(', '),
    values: Object.fromEntries(names.map((name, index) => [name, list[index]])),
  };
}

/** `SET a = :a, ... REMOVE b, ...` with every attribute name escaped (`status`, `key` are reserved). */
function updateOf(set: Record<string, unknown>, remove: readonly string[]) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(set).map(([name, value]) => {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    return `#${name} = :${name}`;
  });
  for (const name of remove) names[`#${name}`] = name;
  const removal = remove.length === 0 ? '' : ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}`;
  return {
    UpdateExpression: `SET ${assignments.join(', ')}${removal}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A FilterExpression of equalities, or nothing when there are none. */
function filterOf(equal: Record<string, string>) {
  const entries = Object.entries(equal);
  if (entries.length === 0) return { ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
  return {
    FilterExpression: entries.map(([name]) => `#f_${name} = :f_${name}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#f_${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:f_${name}`, value])),
  };
}

/**
 * The key condition on `meetingSort` (`${date}#${id}`) for a date range, both ends included.
 * Any date bound leaves out undated meetings (sorted under 0000-00-00).
 */
function sortRange(from: string | undefined, to: string | undefined) {
  if (from !== undefined && to !== undefined && from > to) return 'empty' as const;
  if (to !== undefined) {
    const lower = from ?? `${NO_DATE}#${AFTER_EVERY_ID}`;
    const upper = `${to}#${AFTER_EVERY_ID}`;
    return {
      condition: ' AND #sort BETWEEN :from AND :to',
      values: { ':from': lower, ':to': upper },
      holds: (sort: string) => lower <= sort && sort <= upper,
    };
  }
  if (from !== undefined) {
    return {
      condition: ' AND #sort >= :from',
      values: { ':from': from },
      holds: (sort: string) => from <= sort,
    };
  }
  return { condition: '', values: {}, holds: () => true };
}

function toCursor(lastEvaluatedKey: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url');
}

function fromCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError('the cursor is not one this list handed out', { cause: error });
  }
  const parsed = shape.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError('the cursor is not one this list handed out');
  return parsed.data;
}

/** A document item as its DocumentRecord; the table's own attributes are stripped by the schema. */
function toRecord(operation: string, item: Record<string, unknown>): DocumentRecord {
  const parsed = DocumentRecord.safeParse(item);
  if (!parsed.success) {
    throw new StorageError(operation, `a registry item is not a document record: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function documentIdOf(item: Record<string, unknown> | undefined): string | null {
  return typeof item?.documentId === 'string' ? item.documentId : null;
}

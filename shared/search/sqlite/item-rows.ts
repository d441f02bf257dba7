import { type IndexedItem, IndexedItem as IndexedItemSchema } from '#domain/search.ts';
import { caseRefsOf } from '../../cases/references.ts';
import { analyzedFields, filterFields, searchFields } from '../fields.ts';
import { type ColumnSizes, FTS_COLUMNS, partiesColumn } from './schema.ts';
import { encodeItem } from './stored-item.ts';

/**
 * An item as the index writes it: its row's columns, its stored form, the cases it names and its
 * terms. Made without the database (checking, analysis and compression, most of a write's work),
 * so on any thread; plain data, so it can be posted from a worker.
 */
export interface ItemRow {
  /** The items table's columns, by the names its insert binds. */
  readonly columns: Readonly<Record<string, string | number | null>>;
  /** The item as item_json keeps it (stored-item.ts). */
  readonly stored: Uint8Array;
  readonly caseRefs: readonly string[];
  /** Each FTS column's terms between spaces, in FTS_COLUMNS order. */
  readonly terms: readonly string[];
  /** Terms in each FTS column, in FTS_COLUMNS order (field-totals.ts). */
  readonly sizes: ColumnSizes;
}

/** A document's items made ready to write: replaceDocument's work but the writing. */
export interface DocumentRows {
  readonly documentId: string;
  readonly rows: readonly ItemRow[];
}

export function documentRows(documentId: string, items: readonly IndexedItem[]): DocumentRows {
  return { documentId, rows: items.map((item) => itemRow(completed(item))) };
}

function itemRow(item: IndexedItem): ItemRow {
  const { caseRefs, ...fields } = filterFields(item);
  const analysed = analyzedFields(searchFields(item));
  return {
    columns: {
      id: item.id,
      ...fields,
      parties: partiesColumn(fields.parties),
      number: item.item.number,
      title: item.item.title,
      titleTerms: analysed.title.length,
      decisionTerms: analysed.decision.length,
      bodyTerms: analysed.body.length,
    },
    stored: encodeItem(item),
    caseRefs,
    terms: FTS_COLUMNS.map((col) => analysed[col].join(' ')),
    sizes: FTS_COLUMNS.map((col) => analysed[col].length),
  };
}

/**
 * An item as it is stored: checked, with the defaults of fields added since it was made, and the
 * cases its text names, so reading can trust it as it is and need not read its text for them.
 */
function completed(item: IndexedItem): IndexedItem {
  const checked = IndexedItemSchema.parse(item);
  return { ...checked, caseRefs: caseRefsOf(checked) };
}

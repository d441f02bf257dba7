import type Database from 'better-sqlite3';
import { ANALYSIS_VERSION } from '#language/analyze.ts';
import { decodeItem } from '#search/sqlite/stored-item.ts';

/**
 * An index file as versions before the stored forms made it: items as JSON text, and the file
 * marked with the analysis alone. Tests of upgrades make a file now, then this, then their part.
 */
export function storeAsEarlierVersions(db: Database.Database): void {
  const rows = db.prepare('SELECT rowid, json FROM item_json').raw().all() as [number, Uint8Array][];
  const update = db.prepare('UPDATE item_json SET json = ? WHERE rowid = ?');
  for (const [rowid, json] of rows) update.run(JSON.stringify(decodeItem(json)), rowid);
  db.prepare("UPDATE meta SET value = ? WHERE name = 'analysis'").run(ANALYSIS_VERSION);
}

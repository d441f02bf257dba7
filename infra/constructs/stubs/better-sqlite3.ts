/**
 * Stands in for better-sqlite3 in the Lambda bundles (house-bundling.ts aliases the package to
 * this file). Lambda searches with OpenSearch; the embedded SQLite engine is a native module for
 * local use, and esbuild hoists even a lazily imported external package to a top-level import,
 * which would fail the whole bundle at load. This keeps the bundle loadable and fails only if
 * something opens SQLite in Lambda.
 */
export default class Database {
  constructor() {
    throw new Error('SQLite is not in the Lambda bundle: set SEARCH_ENGINE=opensearch');
  }
}

import type { LocalConfig } from '#config/local.ts';
import { localConfigFromEnv } from '#config/local.ts';

/** The search mix every search benchmark times: words, compounds, phrases, filters, date sort, paging, browsing. */
export const QUERY_MIX: readonly Readonly<Record<string, string>>[] = [
  { q: 'sygefravær' },
  { q: 'fravær' },
  { q: 'lokalplan' },
  { q: 'budget' },
  { q: 'arbejdstidsregistrering' },
  { q: 'stress' },
  { q: 'klimatilpasning' },
  { q: 'forenkling af politikker' },
  { q: 'koncernledelsen seminar' },
  { q: 'ejendomssalg' },
  { q: 'sygefravær', from: '2020-01-01', to: '2021-12-31' },
  { q: 'lokalplan', body: 'Økonomiudvalget' },
  { q: 'budget', outcome: 'approved', sort: 'date' },
  { q: 'godkendt', municipality: 'Egholt Kommune', page: '3' },
  { q: '' },
  { q: '', body: 'Direktionen', from: '2024-01-01' },
];

/** The local service's configuration for a benchmark: its own data folder, free ports; `env` sets other variables. */
export function benchServiceConfig(dataDir: string, env: Record<string, string> = {}): LocalConfig {
  const loaded = localConfigFromEnv({
    ...env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    S3_PORT: '0',
    DYNAMODB_PORT: '0',
  });
  if (!loaded.ok) throw new Error(`configuration: ${loaded.error}`);
  return loaded.config;
}

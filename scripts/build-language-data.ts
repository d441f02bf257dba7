/**
 * Builds the language data that would otherwise be made from the 3.7 MB dictionary at run time:
 * the compound vocabulary in compact form (shared/language/generated/, not in git). Run by npm's
 * `prepare` on every `npm install`; run it again after changing the dictionary or DECOMPOUND.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPACT_VOCABULARY_FILE, compactVocabularyBytes } from '#language/compounds.ts';

const bytes = compactVocabularyBytes();
mkdirSync(new URL('.', COMPACT_VOCABULARY_FILE), { recursive: true });
writeFileSync(COMPACT_VOCABULARY_FILE, bytes);
console.log(
  `compound vocabulary: ${fileURLToPath(COMPACT_VOCABULARY_FILE)} (${Math.round(bytes.byteLength / 1024)} KB)`,
);

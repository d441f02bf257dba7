import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { IndexedItem } from '#domain/search.ts';

/**
 * What DEFLATE may refer back to before an item's first byte: what most stored items say, the
 * JSON of an item with its texts left out, and words and phrases of minutes. An item's own JSON
 * then need not spell its keys out again (about a fifth of a stored item). Never changed: every
 * item stored since is read with it (a new one is a new stored form, read as well as this one).
 */
const DICTIONARY = Buffer.from(
  [
    'Administrationen indstiller, at Forvaltningen indstiller, at Direktionen indstiller, at',
    'Kommunalbestyrelsen Byrådet Borgmesteren Økonomiudvalget Teknik- og Miljøudvalget Børne- og Ungdomsudvalget',
    'Social- og Sundhedsudvalget Kultur- og Fritidsudvalget Beskæftigelsesudvalget Plan- og Miljøudvalget',
    'lokalplan kommuneplantillæg budgetopfølgning anlægsbevilling tillægsbevilling kommunens borgere',
    'Sagsfremstilling Baggrund Beslutning Indstillingen blev godkendt. Godkendt. Taget til efterretning.',
    'Anbefales godkendt. Udsat. Bilag Økonomi Indstilling Høring Lovgrundlag Vurdering Kommunikation',
    '{"id":"","documentId":"","key":".pdf","meeting":{"id":"","body":"","municipality":" Kommune","date":"20',
    '","kind":"minutes","start":null,"end":null,"location":null},"item":{"number":1,"title":"","access":"open",',
    '"caseNumber":"","position":0},"decision":{"date":"20","text":"","outcome":"approved","votes":null,"page":1},',
    '"recommendation":null,"sections":[{"heading":"Sagsfremstilling","kind":"presentation","text":"","page":1,"pages":[1]},',
    '{"heading":"Økonomi","kind":"money","text":"","page":1,"pages":[1]},{"heading":"Indstilling","kind":"recommendation",',
    '"text":"","page":1,"pages":[1]}],"summary":[{"text":"","page":1,"section":"Sagsfremstilling"}],"pages":{"first":1,',
    '"last":1},"absent":[],"attachments":[],"format":"pdf","caseRefs":[]}',
  ].join(' '),
);

/**
 * An item as item_json keeps it: its JSON compressed with DEFLATE and the dictionary above.
 * Files made before keep JSON text, or DEFLATE without the dictionary, until they are stored
 * again (sqlite-index.ts STORED_FORM): both are read, since a stream made without it never
 * refers to it.
 */
export const encodeItem = (item: IndexedItem): Buffer =>
  deflateRawSync(JSON.stringify(item), { dictionary: DICTIONARY });

/** A stored item as it was stored (checked then): trusted, not checked again. */
export function decodeItem(stored: string | Uint8Array): IndexedItem {
  const json =
    typeof stored === 'string' ? stored : inflateRawSync(stored, { dictionary: DICTIONARY }).toString('utf8');
  return JSON.parse(json) as IndexedItem;
}

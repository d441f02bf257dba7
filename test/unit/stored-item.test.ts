import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeItem, encodeItem } from '#search/sqlite/stored-item.ts';
import { indexedItem } from '#test/support/indexed-items.ts';

describe('stored item', () => {
  const item = indexedItem({
    title: 'Lokalplan for Vesterlund',
    text: 'Administrationen indstiller, at lokalplanen godkendes.',
    decision: 'Godkendt.',
    caseNumber: '24/16905',
  });

  it('reads back what it stores', () => {
    expect(decodeItem(encodeItem(item))).toEqual(item);
  });

  it('reads items stored before: as JSON text, and as DEFLATE without the dictionary', () => {
    const json = JSON.stringify(item);
    expect(decodeItem(json)).toEqual(item);
    expect(decodeItem(deflateRawSync(json))).toEqual(item);
  });

  it('reads an item stored by the first version with the dictionary: the dictionary never changes', () => {
    // Recorded from encodeItem when stored form 6 was made; an edited dictionary reads it as garbage.
    const stored = Buffer.from(
      'gybalPxk3UQrA/S0DhaGJ3gwD0eqh6mEJn30IhEzK4SBS88cUKGAJVMYmeoaGOsamNAqb/jAS8G0/CIFhFsw8wxqljEy0Tc0szQwJS7rIPkCGuHwco2EvGRUq0PbrORIoAaFVxmpebDCNrVYj5iEjjXdQpOtEUnJthYA',
      'base64',
    );
    expect(decodeItem(stored)).toMatchObject({
      item: { title: 'Lokalplan for Vesterlund', caseNumber: '24/16905' },
      decision: { text: 'Godkendt.' },
      sections: [{ text: 'Administrationen indstiller, at lokalplanen godkendes.' }],
    });
  });

  it('stores an item in fewer bytes than DEFLATE alone', () => {
    expect(encodeItem(item).length).toBeLessThan(deflateRawSync(JSON.stringify(item)).length * 0.8);
  });
});

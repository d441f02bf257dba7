import { describe, expect, it } from 'vitest';
import { bodyName, FacetCounts, municipalityName } from '#search/names.ts';

/** Denmark's 98 municipalities, each as "<place> Kommune" (Bornholm's is a regionskommune). */
const MUNICIPALITIES =
  `Albertslund Allerød Assens Ballerup Billund Brøndby Brønderslev Dragør Egedal Esbjerg Fanø
  Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Faaborg-Midtfyn
  Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev
  Herning Hillerød Hjørring Holbæk Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj
  Jammerbugt Kalundborg Kerteminde Kolding Københavns Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk
  Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers
  Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive Slagelse
  Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen
  Vejle Vesthimmerlands Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus`
    .split(/\s+/)
    .map((place) => `${place} Kommune`)
    .concat('Bornholms Regionskommune');

const key = (name: string) => municipalityName(name)?.key;

describe('municipality names as people write them', () => {
  it('gives one key to a municipality with or without "Kommune", in any case', () => {
    for (const same of [
      ['Greve Kommune', 'greve kommune', 'GREVE', ' Greve  Kommune '],
      ['Københavns Kommune', 'København'],
      ['Aarhus Kommune', 'Århus Kommune', 'aarhus'],
      ['Høje-Taastrup Kommune', 'Høje Tåstrup'],
    ]) {
      expect(new Set(same.map(key)).size).toBe(1);
    }
  });

  it('keeps all 98 municipalities apart', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map(key)).size).toBe(98);
  });

  it('keeps the name as written, trimmed; a blank name is none', () => {
    expect(municipalityName('  Greve   Kommune ')).toEqual({ name: 'Greve Kommune', key: 'grev' });
    expect(municipalityName('Kommune')?.key).toBe('kommun');
    expect(municipalityName('  ')).toBeNull();
    expect(municipalityName(null)).toBeNull();
  });
});

describe('body names for filters and facets', () => {
  it('shows a body without its election term, with the key of every way of writing it', () => {
    expect(bodyName('Byråd 2022-2025')).toEqual({ name: 'Byråd', key: bodyName('Byrådet')?.key });
    expect(bodyName(' BYRÅDET ')?.key).toBe(bodyName('byråd')?.key);
    expect(bodyName('')).toBeNull();
  });

  it('gives the shown name the key of the written one, so a facet name finds what it counted', () => {
    for (const written of ['Byråd 2018-2021 2022-2025', 'Økonomiudvalget (2018-21)', 'Direktionen']) {
      const shown = bodyName(written);
      expect(bodyName(shown?.name)).toEqual(shown);
    }
  });
});

describe('facet counts', () => {
  it('counts each key under the name most of its items show, ties to the first name', () => {
    const counts = new FacetCounts();
    counts.add(bodyName('Byråd 2022-2025'), 2);
    counts.add(bodyName('Byrådet'));
    counts.add(bodyName('Direktionen'));
    counts.add(bodyName('direktionen'));
    counts.add(null);
    expect(counts.counts()).toEqual({ Byråd: 3, Direktionen: 2 });
  });
});

/** Page furniture that is no part of the minutes: web page chrome and the words of page marks. */

/** Links and buttons of publication portals, found inside the text of saved pages. */
export const WEB_CHROME = [
  'Til toppen',
  'Tilbage til toppen',
  'Gå til toppen',
  'Kopier link til punktet',
  'Kopier link',
  'Kopiér link',
  'Udskriv',
  'Udskriv punkt',
  'Print',
  'Del',
  'Del punkt',
  'Luk',
  'Luk alle',
  'Fold alle ud',
  'Fold ud',
  'Vis mere',
  'Læs mere',
  'Spring til indhold',
  'Gå til indhold',
  'Hent som PDF',
  'Download PDF',
  'Åbn PDF',
  'Abonnér',
  'Tilmeld nyhedsbrev',
] as const;

/** "Side 3 af 17", "Page 3", "s. 3": the words before a page number. */
export const PAGE_WORDS = ['side', 'page', 's.', 'sida'] as const;

/** Case metadata: the labels of case numbers and responsible officers, and bare number shapes. */

export const CASE_NUMBER_LABELS = [
  'Sagsnr.',
  'Sagsnr',
  'Sags nr.',
  'Sags-nr.',
  'Sagsnummer',
  'Sags ID',
  'Sags-id',
  'Sagsid.',
  'Sagsid',
  'Journalnr.',
  'Journalnummer',
  'J.nr.',
  'J. nr.',
  'Jnr.',
  'Akt-id',
  'Emnenr.',
] as const;

/** Document numbers that stand beside a case number and are not it. */
export const DOCUMENT_NUMBER_LABELS = ['Dok.nr.', 'Dok. nr.', 'Dokumentnr.', 'Dok.id'] as const;

/** Case numbers that may stand on a line of their own: 24/16905, EMN-2025-003383, KLE, eDoc, 25-002921. */
export const BARE_CASE_NUMBER =
  /^(\d{2}\/\d{3,6}|EMN-\d{4}-\d{3,7}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|20\d{2}-\d{3,6}|\d{2}-\d{6})$/;

export const RESPONSIBLE_LABELS = [
  'Sagsbehandler',
  'Sagsansvarlig',
  'Ansvarlig',
  'Ansvarlig leder',
  'Forvaltning',
  'Afdeling',
] as const;

/** Queries whose syntax is broken (unbalanced quotes, OR at an end, a lone - or *): read as "fravær". */
export const MALFORMED_FRAVÆR = [
  '"fravær',
  'fravær"',
  'OR fravær',
  'fravær OR',
  'fravær OR OR',
  '- fravær',
  'fravær *',
  '"" fravær',
  '""fravær',
] as const;

// A search hit's case as one line on its card: "Sagen er behandlet 3 gange", a link to the case
// page; for an item that names a case in its text without having its number, "Nævner sag 24/16905,
// behandlet 3 gange". Nothing for an item treated once, or for an umbrella number (many topics
// under one number, not one case: shared/cases/umbrella.ts).
import { h } from './dom.js';
import { caseUrl } from './nav.js';

/**
 * @param {{ municipality: string, caseNumber: string, treatments: number, umbrella: boolean, via?: string } | null | undefined} hitCase
 * @returns {HTMLElement | null}
 */
export function caseLine(hitCase) {
  if (!hitCase || hitCase.umbrella || hitCase.treatments < 2) return null;
  return h(
    'p',
    { class: 'case-line' },
    h(
      'a',
      { href: caseUrl(hitCase.municipality, hitCase.caseNumber), 'data-nav': true },
      hitCase.via === 'reference'
        ? `Nævner sag ${hitCase.caseNumber}, behandlet ${hitCase.treatments} gange`
        : `Sagen er behandlet ${hitCase.treatments} gange`,
    ),
  );
}

// The search's vote filters: how a decision was voted (`votes`) and a party on some side of its
// vote (`party`). The API counts neither (votes have no facets), so these are choices, not counts.
import { h } from './dom.js';

/** The `votes` values with their labels; '' is every decision, voted or not. */
export const VOTE_CHOICES = /** @type {const} */ ([
  ['', 'Alle'],
  ['split', 'Delt'],
  ['unanimous', 'Enstemmig'],
]);

/**
 * The national parties by letter (listebogstav), as minutes record votes. The API also takes a
 * party's name and a local list's letter (docs/api.md); a link with one of those keeps it as an
 * extra choice.
 */
const PARTIES = /** @type {const} */ ([
  ['A', 'Socialdemokratiet'],
  ['B', 'Radikale Venstre'],
  ['C', 'Konservative'],
  ['D', 'Nye Borgerlige'],
  ['F', 'SF'],
  ['I', 'Liberal Alliance'],
  ['K', 'Kristendemokraterne'],
  ['M', 'Moderaterne'],
  ['O', 'Dansk Folkeparti'],
  ['Q', 'Frie Grønne'],
  ['V', 'Venstre'],
  ['Æ', 'Danmarksdemokraterne'],
  ['Ø', 'Enhedslisten'],
  ['Å', 'Alternativet'],
]);

/**
 * »Parti i afstemningen«: a select of the parties' letters; choosing one searches at once, as the
 * sort does. `focus` is the data-focus key that brings the focus back after the results are shown.
 * @param {string} party the chosen letter or name, '' for none
 * @param {(party: string) => void} choose
 * @param {string} focus
 */
export function partySelect(party, choose, focus) {
  const known = PARTIES.some(([letter]) => letter === party.toLocaleUpperCase('da'));
  const options = [
    h('option', { value: '' }, 'Alle partier'),
    ...PARTIES.map(([letter, name]) => h('option', { value: letter }, `${letter} (${name})`)),
    party && !known ? h('option', { value: party }, party) : null,
  ];
  const select = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'party', name: 'party', 'data-focus': focus, 'aria-describedby': 'party-hint' },
      options,
    )
  );
  select.value = known ? party.toLocaleUpperCase('da') : party;
  select.addEventListener('change', () => choose(select.value));
  return h(
    'div',
    { class: 'party-filter' },
    h('label', { for: 'party' }, 'Parti'),
    select,
    h('p', { id: 'party-hint', class: 'hint' }, 'Stemte for, imod eller undlod'),
  );
}

import type { Outcome } from '#domain/meeting.ts';

/** Ordered from the most to the least specific: the first rule that matches decides. */
const OUTCOME_RULES: readonly [Outcome, RegExp][] = [
  [
    'rejected',
    /\b(ikke (blev )?(godkendt|vedtaget|imødekommet|anbefalet)|forkastet|afvist|afvises|afslået|faldt)\b/i,
  ],
  [
    'postponed',
    /\b(udsat|udsættes|udskudt|udskydes|sendes tilbage|tilbagesendt|genoptages|ikke behandlet)\b/i,
  ],
  [
    'recommended',
    /\b(anbefales|anbefalet|anbefaler|indstilles til (godkendelse|kommunalbestyrelsen|byrådet))\b/i,
  ],
  [
    'approved',
    /\b(godkendt|godkendes|godkendte|vedtaget|vedtages|vedtog|bevilget|bevilges|tiltrådt|tiltrædes|tiltrådte|imødekommet|besluttet|indstillingen (blev )?fulgt|som indstillet|indføres|gennemføres|igangsættes|iværksættes)\b/i,
  ],
  ['noted', /\b(til efterretning|til orientering|orienteringen)\b/i],
  [
    'discussed',
    /\b(drøftet|drøftede|drøftes|gennemgået|gennemgik|gennemgås|kvalificerede|kvitterede|behandlet|arbejdede videre|evaluerede)\b/i,
  ],
];

/** Referrals name no outcome of their own: "Fremsendes til Teknisk Udvalg til behandling …". */
const REFERRAL = /^(fremsendes|oversendes|videresendes)\b/i;

export function classifyOutcome(text: string): Outcome {
  if (REFERRAL.test(text.trim())) return 'other';
  for (const [outcome, pattern] of OUTCOME_RULES) if (pattern.test(text)) return outcome;
  return 'other';
}

import type { FirstAgendaMeeting } from '#extract/firstagenda.ts';
import { MUNICIPALITIES, NOT_MUNICIPAL_HOSTS } from '../vocabulary/municipalities.ts';

/** The portal a meeting was published on, and what told us. */
export interface Portal {
  /** `https://dagsordener.greve.dk`, or null when neither the key nor the JSON names the portal. */
  readonly origin: string | null;
  readonly host: string | null;
  readonly from: 'key' | 'links' | null;
}

/** `firstagenda/<host>/<meeting id>.json`: where the portal sync puts a meeting in the bucket. */
const SYNC_KEY = /(?:^|\/)firstagenda\/([a-z0-9.-]+\.[a-z]{2,})\/[^/]+$/i;

/**
 * The portal a meeting came from: the host in its object key (`firstagenda/<host>/<id>.json`),
 * else the host most of its links point to (each item's `Felter[].Link`).
 */
export function portalOf(agenda: FirstAgendaMeeting, file: string): Portal {
  const keyHost = SYNC_KEY.exec(file.replaceAll('\\', '/'))?.[1]?.toLowerCase();
  if (keyHost) return { origin: `https://${keyHost}`, host: keyHost, from: 'key' };
  const origins = new Map<string, number>();
  for (const point of agenda.Dagsordenpunkter) {
    for (const field of point.Felter ?? []) {
      const origin = originOf(field.Link);
      if (origin) origins.set(origin, (origins.get(origin) ?? 0) + 1);
    }
  }
  const [origin] = [...origins].sort((a, b) => b[1] - a[1])[0] ?? [];
  return origin
    ? { origin, host: new URL(origin).host, from: 'links' }
    : { origin: null, host: null, from: null };
}

function originOf(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** "Køge" -> "koege" and "koge": the two ways Danish letters are written in host names. */
function asciiForms(name: string): string[] {
  const lower = name.toLocaleLowerCase('da').replace(/[\s-]/g, '');
  const long = lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  const short = lower.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
  return [...new Set([long, short, lower])];
}

/** Each municipality under the ASCII forms of its name, with and without a genitive s ("Nordfyns"). */
const BY_HOST_NAME = new Map<string, string>();
for (const official of MUNICIPALITIES) {
  const name = official.replace(/\s+(Regions)?[Kk]ommune$/, '');
  for (const form of [name, name.replace(/s$/, '')]) {
    for (const ascii of asciiForms(form)) if (!BY_HOST_NAME.has(ascii)) BY_HOST_NAME.set(ascii, official);
  }
}
const NOT_MUNICIPAL = new Set<string>(NOT_MUNICIPAL_HOSTS);

/**
 * The municipality a Danish portal's host names: `dagsordener.greve.dk` -> "Greve Kommune",
 * `dagsordener.koege.dk` -> "Køge Kommune" (the official spelling), `nordfynskommune.dk` ->
 * "Nordfyns Kommune"; a name no municipality has is title-cased ("<Name> Kommune"). Null for a
 * host outside .dk or a vendor's own.
 */
export function municipalityOfHost(host: string | null): string | null {
  if (!host) return null;
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.');
  if (labels.length < 2 || labels.at(-1) !== 'dk') return null;
  const label = (labels.at(-2) ?? '').replace(/-?kommune$/, '');
  if (!/^[a-z][a-z-]{2,}$/.test(label) || NOT_MUNICIPAL.has(label)) return null;
  const known = BY_HOST_NAME.get(label.replace(/-/g, ''));
  if (known) return known;
  const name = label
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
  return `${name} Kommune`;
}

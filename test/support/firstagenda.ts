/**
 * FirstAgenda portal JSON built in tests: the shape of `/api/agenda/dagsorden/{id}` (the fields
 * the portal sends, nulls included), with invented content.
 */

export const PORTAL = 'https://dagsordener.egholt.dk';

export interface PointSpec {
  readonly number?: string | number | null;
  readonly title: string;
  readonly caseNumber?: string | null;
  readonly html?: string | null;
  /** The field's name (`Felter[].Navn`); empty in the portals seen. */
  readonly fieldName?: string;
  /** Plain text instead of HTML (`Felter[].Tekst`). */
  readonly text?: string | null;
  readonly attachments?: readonly {
    readonly name: string;
    readonly id?: string;
    readonly pdf?: boolean | string;
  }[];
  /** `ExternalAgendaItemAttendees`, as name and reason. */
  readonly attendees?: readonly (readonly [string, string])[];
  readonly isOpen?: boolean;
  /** No link in the item's field (a closed item's). */
  readonly noLink?: boolean;
}

export interface AgendaSpec {
  readonly body?: string | null;
  readonly date?: string | null;
  readonly begin?: string | null;
  readonly end?: string | null;
  readonly place?: string | null;
  readonly name?: string | null;
  readonly participants?: readonly {
    readonly name: string;
    readonly absent?: boolean;
    readonly cancelled?: boolean;
  }[];
  readonly items: readonly PointSpec[];
  readonly portal?: string;
}

const ZERO = '00000000-0000-0000-0000-000000000000';
const guid = (n: number) => `1e2d3c4b-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One `Dagsordenpunkter` entry. */
export function point(spec: PointSpec, n: number, portal = PORTAL): Record<string, unknown> {
  const documentId = guid(1000 + n);
  return {
    Lydfiler: null,
    Ressourcer: null,
    Felter: [
      {
        Navn: spec.fieldName ?? '',
        Html: spec.html === undefined ? '' : spec.html,
        Tekst: spec.text ?? null,
        Id: ZERO,
        Link: spec.noLink ? '' : `${portal}/Vis/Pdf/bilag/${documentId}`,
        DocumentId: spec.noLink ? ZERO : documentId,
      },
    ],
    Presentations: null,
    ItemDecision: null,
    SagsNummer: spec.caseNumber === undefined ? `25-0${String(n).padStart(5, '0')}` : spec.caseNumber,
    Navn: spec.title,
    Punktnummer: spec.number === undefined ? String(n) : spec.number,
    Bilag: (spec.attachments ?? []).map((a, i) => ({
      HarPdfVersion: a.pdf ?? 'true',
      Order: 0,
      Navn: a.name,
      Id: a.id ?? guid(2000 + n * 10 + i),
    })),
    Documents: null,
    Id: guid(n),
    IntegrationUid: ZERO,
    CorporationUid: ZERO,
    AgendaUid: guid(0),
    Number: spec.number === undefined ? String(n) : spec.number,
    Sorting: n,
    IsOpen: spec.isOpen ?? false,
    CaseNumber: spec.caseNumber === undefined ? `25-0${String(n).padStart(5, '0')}` : spec.caseNumber,
    SourceId: null,
    Caption: spec.title,
    CasePresentationUid: null,
    ExternalAgendaItemAttendees: (spec.attendees ?? []).map(([Name, Reason]) => ({
      Name,
      Email: null,
      AttendanceType: 2,
      Reason,
      AgendaItemUid: guid(n),
    })),
  };
}

/** A whole meeting as the portal serves it. */
export function agenda(spec: AgendaSpec): Record<string, unknown> {
  const date = spec.date === undefined ? '2025-03-27T17:00:00+01:00' : spec.date;
  return {
    Dagsordenpunkter: spec.items.map((item, i) => point(item, i + 1, spec.portal)),
    Udvalg: {
      Id: guid(9000),
      Navn: spec.body === undefined ? 'Byråd 2022-2025' : spec.body,
      Historisk: false,
    },
    Moede: {
      Id: ZERO,
      MeetingBeginUtc: spec.begin === undefined ? date : spec.begin,
      MeetingEndUtc: spec.end ?? null,
      ReleasedDate: null,
      Dato: date,
      Sted: spec.place === undefined ? 'Byrådssalen' : spec.place,
      Afsluttet: true,
      Moededeltagere: (spec.participants ?? [{ name: 'Anne Bak' }, { name: 'Ole Lund' }]).map((p) => ({
        Name: p.name,
        Absent: p.absent ?? false,
        ParticipationCancelled: p.cancelled ?? false,
        AttendanceType: 0,
      })),
      Navn: spec.name === undefined ? 'Dagsorden' : spec.name,
      Description: '',
      ElasticSearchResults: null,
      IsSupplementaryAgenda: false,
    },
    TillaegsDagsorden: false,
    Id: guid(0),
    Lydfiler: null,
  };
}

/**
 * An item's HTML as the portal writes it: the decision first under an `h3`, then "Fremstilling"
 * holding the case's sections under headings of the given level, then the history.
 */
export function itemHtml(spec: {
  readonly decision?: string;
  readonly sections?: readonly (readonly [string, string])[];
  readonly level?: 'h2' | 'h3' | 'h4';
  readonly history?: string;
}): string {
  const level = spec.level ?? 'h3';
  const decision =
    spec.decision === undefined
      ? ''
      : `<div><h3>Beslutning</h3>\r\n<span>${spec.decision}</span>\r\n</div>\r\n`;
  const sections = (spec.sections ?? [])
    .map(([heading, text]) => `<${level}><span>${heading}</span></${level}> <div>${text}</div> `)
    .join('');
  const history = spec.history
    ? `<h3>Sagens forløb</h3>\r\n<span class='sagsforloeb'>${spec.history}</span>\r\n`
    : '';
  return `<div><div id='sagsfremstillingContainer'>\r\n\r\n${decision}<h3>Fremstilling</h3>\r\n<span class='ukendt'>${sections}</span>\r\n\r\n${history}</div></div>`;
}

export const bytesOf = (json: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(json));

/**
 * CSV columns onto the incident schema: header auto-detection, an explicit mapping (what the
 * import UI's column-mapping step edits), and the pure row → feature conversion, including the
 * ACLED export's columns and its event types (table in data/README.md, "Importing CSV").
 *
 * Rows become GeoJSON-like features that go through the same validator as GeoJSON files, so a
 * CSV row is accepted or rejected for exactly the same reasons. Conversion never guesses a
 * value: a cell it cannot convert is passed on as written, and the validator says why it is wrong.
 */
import { parseDateText } from './parse-date';
import { isHttpUrl } from './safe-url';

/** Incident fields a CSV column can map onto (`sources` may take several columns). */
export const MAPPABLE_FIELDS = [
  'id',
  'date',
  'type',
  'latitude',
  'longitude',
  'date_note',
  'weapon',
  'target',
  'base_id',
  'country',
  'claimed_by',
  'claimed_by_group',
  'us_killed',
  'us_injured',
  'casualty_note',
  'other_casualties',
  'description',
  'confidence',
  'coord_precision',
  'sources',
  'source_names',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Fields without which no row can be valid. */
export const REQUIRED_FIELDS: readonly MappableField[] = ['date', 'latitude', 'longitude'];

/** Which header (as written in the file) feeds each field. */
export type ColumnMapping = Partial<Record<Exclude<MappableField, 'sources'>, string>> & {
  sources?: string[];
};

/** `acled`: an ACLED export (its columns and event types); `generic`: any other CSV. */
export type CsvFormat = 'acled' | 'generic';

/** What `detectColumns` found. */
export interface DetectedColumns {
  format: CsvFormat;
  mapping: ColumnMapping;
  /** Required fields no header was found for (the mapping step must ask for them). */
  missing: MappableField[];
}

/** Header spellings recognised per field, normalized (lower case, `_` for spaces and dashes). */
const SYNONYMS: Record<MappableField, string[]> = {
  id: ['id', 'incident_id', 'event_id_cnty', 'event_id', 'uid'],
  date: ['date', 'event_date', 'incident_date', 'day'],
  type: ['type', 'incident_type', 'attack_type'],
  latitude: ['latitude', 'lat', 'y'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
  date_note: ['date_note'],
  weapon: ['weapon', 'weapon_as_reported'],
  target: ['target', 'target_name', 'location'],
  base_id: ['base_id'],
  country: ['country'],
  claimed_by: ['claimed_by', 'actor1', 'perpetrator'],
  claimed_by_group: ['claimed_by_group', 'group'],
  us_killed: ['us_killed'],
  us_injured: ['us_injured'],
  casualty_note: ['casualty_note'],
  other_casualties: ['other_casualties', 'fatalities'],
  description: ['description', 'notes'],
  confidence: ['confidence'],
  coord_precision: ['coord_precision', 'geo_precision'],
  sources: ['sources', 'source', 'source_url', 'source_url_2', 'url', 'link', 'links'],
  source_names: ['source_names'],
};

/** Columns that mark an ACLED export. */
const ACLED_MARKERS = ['event_id_cnty', 'event_date', 'sub_event_type', 'actor1'];

/** Normalized header: trimmed, lower case, runs of spaces, dashes and dots as `_`. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

/** Finds the columns of each field from the headers (first match in synonym order wins). */
export function detectColumns(headers: string[]): DetectedColumns {
  const byName = new Map<string, string>();
  for (const h of headers) {
    const n = normalizeHeader(h);
    if (!byName.has(n)) byName.set(n, h);
  }
  const format: CsvFormat = ACLED_MARKERS.every((m) => byName.has(m)) ? 'acled' : 'generic';
  const mapping: ColumnMapping = {};
  for (const field of MAPPABLE_FIELDS) {
    if (field === 'sources') {
      const cols = SYNONYMS.sources.flatMap((s) => (byName.has(s) ? [byName.get(s)!] : []));
      if (cols.length) mapping.sources = cols;
      continue;
    }
    // ACLED's own fields are read by the ACLED conversion, not mapped as they stand.
    if (format === 'acled' && field === 'type') continue;
    const hit = SYNONYMS[field].find((s) => byName.has(s));
    if (hit) mapping[field] = byName.get(hit)!;
  }
  const missing = REQUIRED_FIELDS.filter(
    (f) => mapping[f as Exclude<MappableField, 'sources'>] === undefined,
  );
  return { format, mapping, missing };
}

/**
 * ACLED sub-event types onto incident types (data/README.md documents this table). Anything
 * else becomes `unknown`; the original is always kept in `weapon`.
 */
export const ACLED_SUB_EVENT_TYPES: Record<string, string> = {
  'air/drone strike': 'drone',
  'shelling/artillery/missile attack': 'rocket',
};

/**
 * ACLED's `actor1` for U.S. forces ("Military Forces of the United States (2021-)"): their events
 * are `us_strike`. Only the military: other actors that merely mention the country ("Protesters
 * (United States)", "Police Forces of the United States") are not strikes.
 */
export const US_MILITARY_ACTOR = /^military forces of the united states\b/i;

/** ACLED `geo_precision` (1 town, 2 near a town or a part of a region, 3 a region's capital). */
const ACLED_GEO_PRECISION: Record<string, string> = {
  '1': 'city',
  '2': 'approximate',
  '3': 'approximate',
};
/** ACLED `time_precision` (1 the day, 2 the week, 3 the month) as a date note. */
const ACLED_TIME_PRECISION: Record<string, string> = {
  '2': 'date known to the week (ACLED time_precision 2)',
  '3': 'date known to the month (ACLED time_precision 3)',
};

/** Incident type names as files write them: `US strike`, `u.s. strike`, `Drone`. */
function incidentType(text: string): string {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (t === '') return 'unknown';
  return t === 'u.s._strike' || t === 'us_strike' || t === 'u.s.strike' ? 'us_strike' : t;
}

/** A number cell: the number, null when empty, or the text itself (the validator explains). */
function numberCell(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  // Decimal commas, as `;`-separated European exports write them.
  const n = Number(/^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t);
  return Number.isFinite(n) ? n : t;
}

const emptyToNull = (text: string | undefined): string | null => {
  const t = text?.trim();
  return t ? t : null;
};

/** Splits source cells into links and names (outlets, kept as text in `source_names`). */
function splitSources(cells: string[]): { links: string[]; names: string[] } {
  const links: string[] = [];
  const names: string[] = [];
  for (const cell of cells) {
    for (const piece of cell.split(/\s*[;|]\s*|\s+(?=[a-z][a-z0-9+.-]*:)/i)) {
      const p = piece.trim();
      if (!p) continue;
      // Any scheme goes to the validator, which rejects every one but http(s).
      if (isHttpUrl(p) || /^[a-z][a-z0-9+.-]*:/i.test(p)) links.push(p);
      else names.push(p);
    }
  }
  return { links, names };
}

/** A mapping resolved to column positions, ready to convert rows fast. */
export interface CompiledMapping {
  format: CsvFormat;
  convert(cells: string[], row: number): unknown;
}

/**
 * Resolves a mapping against the file's headers. Fields whose header is not in the file are
 * left out (the validator then reports them as missing).
 */
export function compileMapping(
  headers: string[],
  mapping: ColumnMapping,
  format: CsvFormat,
): CompiledMapping {
  const pos = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!pos.has(h)) pos.set(h, i);
  });
  const col = (field: Exclude<MappableField, 'sources'>): number =>
    mapping[field] === undefined ? -1 : (pos.get(mapping[field]!) ?? -1);
  const named = (name: string): number => {
    const i = headers.findIndex((h) => normalizeHeader(h) === name);
    return i;
  };
  const cols = Object.fromEntries(
    MAPPABLE_FIELDS.filter((f) => f !== 'sources').map((f) => [f, col(f)]),
  ) as Record<Exclude<MappableField, 'sources'>, number>;
  const sourceCols = (mapping.sources ?? []).map((h) => pos.get(h) ?? -1).filter((i) => i >= 0);
  const acled =
    format === 'acled'
      ? {
          eventType: named('event_type'),
          subEventType: named('sub_event_type'),
          actor1: named('actor1'),
          timePrecision: named('time_precision'),
        }
      : null;

  const TEXT: Exclude<MappableField, 'sources'>[] = [
    'date_note',
    'weapon',
    'target',
    'base_id',
    'country',
    'claimed_by',
    'claimed_by_group',
    'casualty_note',
    'other_casualties',
    'description',
    'confidence',
    'coord_precision',
    'source_names',
  ];

  return {
    format,
    convert(cells, row) {
      const cell = (i: number): string | undefined => (i < 0 ? undefined : cells[i]);
      const props: Record<string, unknown> = {};
      for (const f of TEXT) props[f] = emptyToNull(cell(cols[f]));
      const idText = emptyToNull(cell(cols.id));
      props.id = idText ?? `row-${row}`;
      const dateText = cell(cols.date) ?? '';
      props.date = dateText.trim() === '' ? null : (parseDateText(dateText) ?? dateText.trim());
      props.type = cols.type < 0 ? 'unknown' : incidentType(cell(cols.type) ?? '');
      props.us_killed = numberCell(cell(cols.us_killed) ?? '');
      props.us_injured = numberCell(cell(cols.us_injured) ?? '');
      if (typeof props.confidence === 'string') props.confidence = props.confidence.toLowerCase();
      const { links, names } = splitSources(sourceCols.map((i) => cells[i] ?? ''));
      props.sources = links;

      if (acled) {
        const sub = emptyToNull(cell(acled.subEventType));
        const actor = emptyToNull(cell(acled.actor1));
        const mapped = sub ? ACLED_SUB_EVENT_TYPES[sub.toLowerCase()] : undefined;
        props.type = actor && US_MILITARY_ACTOR.test(actor) ? 'us_strike' : (mapped ?? 'unknown');
        props.weapon = sub ?? emptyToNull(cell(acled.eventType));
        props.claimed_by_group = actor;
        props.us_killed = null;
        props.us_injured = null;
        const fatalities = emptyToNull(cell(cols.other_casualties));
        props.other_casualties = fatalities === null ? null : `${fatalities} fatalities (ACLED)`;
        const precision = props.coord_precision as string | null;
        props.coord_precision =
          precision === null ? null : (ACLED_GEO_PRECISION[precision] ?? precision);
        const tp = emptyToNull(cell(acled.timePrecision));
        if (props.date_note === null && tp) props.date_note = ACLED_TIME_PRECISION[tp] ?? null;
      }
      if (names.length) {
        const named = [props.source_names as string | null, ...names].filter(Boolean);
        props.source_names = named.join('; ');
      }

      const lat = cell(cols.latitude) ?? '';
      const lng = cell(cols.longitude) ?? '';
      const geometry =
        lat.trim() === '' && lng.trim() === ''
          ? null
          : { type: 'Point', coordinates: [numberCell(lng) ?? '', numberCell(lat) ?? ''] };
      return { type: 'Feature', geometry, properties: props };
    },
  };
}

/** The column a reported field comes from, for the load report: `date (column "event_date")`. */
export function describeField(field: string | null, mapping: ColumnMapping): string | null {
  if (field === null) return null;
  const root = field.split('.')[0]!;
  let name: string | undefined;
  if (field === 'geometry.coordinates.0') name = mapping.longitude;
  else if (field === 'geometry.coordinates.1') name = mapping.latitude;
  else if (root === 'sources') name = mapping.sources?.join(', ');
  else if (root !== 'geometry') name = mapping[root as Exclude<MappableField, 'sources'>];
  const label =
    field === 'geometry.coordinates.0'
      ? 'longitude'
      : field === 'geometry.coordinates.1'
        ? 'latitude'
        : field;
  return name === undefined ? label : `${label} (column "${name}")`;
}

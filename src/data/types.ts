/** Types of the loaded, validated data. Field meanings are documented in data/README.md. */

/** Incident types, in legend order. `us_strike` is a U.S. strike; all others are attacks on U.S. forces. */
export const INCIDENT_TYPES = [
  'drone',
  'rocket',
  'missile',
  'mixed',
  'unknown',
  'us_strike',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const COORD_PRECISIONS = ['exact_site', 'city', 'approximate', 'none'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

/** One incident with its panel properties. `lng`/`lat` are null when the location is unknown. */
export interface Incident {
  id: string;
  date: string;
  day: number;
  date_note: string | null;
  type: IncidentType;
  weapon: string | null;
  target: string | null;
  base_id: string | null;
  country: string | null;
  claimed_by: string | null;
  claimed_by_group: string;
  us_killed: number | null;
  us_injured: number | null;
  casualty_note: string | null;
  other_casualties: string | null;
  description: string | null;
  confidence: Confidence | null;
  coord_precision: CoordPrecision | null;
  sources: string[];
  /** Sources named without a link (outlet names such as ACLED's), `; `-separated; shown as text. */
  source_names: string | null;
  lng: number | null;
  lat: number | null;
}

/** A base (site hosting U.S. or coalition forces). */
export interface Base {
  id: string;
  name: string;
  alt_names: string[];
  country: string | null;
  description: string | null;
  active_from: string | null;
  active_until: string | null;
  status_note: string | null;
  coord_precision: CoordPrecision | null;
  coord_source: string | null;
  sources: string[];
  lng: number;
  lat: number;
}

/** A dated troop figure: one step of a force-level series. */
export interface ForceFigure {
  as_of: string;
  value: number;
  figure_type: string | null;
  confidence: Confidence | null;
  source: string | null;
  note: string | null;
}

/** A figure that cannot be a step (undated, a range, no number): context only, never shaded. */
export interface ForceContext {
  as_of_text: string | null;
  value: number | null;
  value_text: string | null;
  figure_type: string | null;
  confidence: Confidence | null;
  source: string | null;
  note: string | null;
}

/** Force levels by country (ISO3), by site (base id) and by region. */
export interface ForceLevels {
  countries: { iso3: string; name: string; series: ForceFigure[]; context: ForceContext[] }[];
  sites: { base_id: string | null; name: string; series: ForceFigure[]; context: ForceContext[] }[];
  regions: { name: string; context: ForceContext[] }[];
}

/** An official cumulative count of attacks, for reference against the documented sample. */
export interface OfficialCount {
  as_of: string;
  attacks: number;
  injured: number | null;
  note: string | null;
  source: string | null;
  url: string | null;
}

/** Dataset metadata shown in the About panel, the legend caveat and exports. */
export interface DatasetInfo {
  title: string;
  description: string | null;
  as_of: string | null;
  caveat: string | null;
  attribution: string[];
  sources: { label: string; url: string | null }[];
  official_counts: OfficialCount[];
}

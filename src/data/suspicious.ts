/**
 * Warnings for values that are valid but suspicious: no location, `coord_precision` missing, a
 * date in the future, a point far outside the data's region. Features with warnings are kept.
 *
 * Mass warnings are aggregated: a kind of warning that hits more than WARNINGS_LISTED features
 * becomes one entry ("coord_precision missing in 999,998 features (first: 0, 1, 2 …)") instead
 * of one per feature, so a file where most rows lack a value neither floods the report nor costs
 * an object per row. The validators only count per row (and keep the first few indexes).
 *
 * The data's region (see `regionOf`) is derived from the points themselves, robustly (Tukey's
 * "far out" fences): from the lower to the upper quartile of longitudes and of latitudes, padded on
 * every side by the larger of 10 degrees and three times that interquartile range. A point outside
 * the padded box is "far outside the data's region"; up to a quarter of the points can be strays
 * without moving the box.
 * With fewer than REGION_MIN_POINTS located points there is no region and no such warning.
 */
import { issue, type LoadIssue } from './load-report';

/** Up to this many warnings of one kind are listed one by one; more are aggregated. */
export const WARNINGS_LISTED = 20;
/** Indexes quoted in an aggregated warning. */
const QUOTED = 10;
/** Fewer located points than this: no region is derived. */
export const REGION_MIN_POINTS = 10;
const REGION_MIN_PAD = 10;
const REGION_IQR_PAD = 3;

/** The kinds of warning, with their field and wording. */
export const WARNING_KINDS = {
  noLocation: {
    field: 'geometry',
    reason: () => 'no location: counted in totals, not drawn',
    summary: 'no location (counted in totals, not drawn)',
  },
  noPrecision: {
    field: 'coord_precision',
    reason: () => 'coord_precision missing: how exact the location is is unknown',
    summary: 'coord_precision missing',
  },
  futureDate: {
    field: 'date',
    reason: (detail: string) => `${detail} is in the future`,
    summary: 'date in the future',
  },
  futureActiveFrom: {
    field: 'active_from',
    reason: (detail: string) => `${detail} is in the future`,
    summary: 'active_from in the future',
  },
  farOutside: {
    field: 'geometry',
    reason: (detail: string) => detail,
    summary: "far outside the data's region",
  },
} as const;
export type WarningKind = keyof typeof WARNING_KINDS;

interface Tally {
  count: number;
  items: { index: number; detail: string }[];
}

/** A tally's counts and first items per kind (structured-cloneable, for the loader's workers). */
export type TallyState = { kind: WarningKind; count: number; items: Tally['items'] }[];

/** Counts warnings per kind; `finish` lists or aggregates them (see the module comment). */
export class WarningTally {
  private readonly tallies = new Map<WarningKind, Tally>();

  /**
   * @param file the file name for the report
   * @param noun what an index counts ("feature", or "row" for CSV)
   */
  constructor(
    private readonly file: string,
    private readonly noun = 'feature',
  ) {}

  /** Records one warning of `kind` at `index` (`detail` goes into its reason). */
  add(kind: WarningKind, index: number, detail = ''): void {
    let t = this.tallies.get(kind);
    if (!t) this.tallies.set(kind, (t = { count: 0, items: [] }));
    if (t.count++ < WARNINGS_LISTED) t.items.push({ index, detail });
  }

  /** The counts and first items per kind, to hand a part's warnings to another thread. */
  state(): TallyState {
    return [...this.tallies].map(([kind, t]) => ({ kind, count: t.count, items: t.items }));
  }

  /**
   * Adds another part's warnings, whose indexes are `shift` less than in the whole file (the
   * other part comes after every index counted here). Rows of that part left out of the whole
   * file (`dropped`) take their warnings with them.
   */
  absorb(other: TallyState, shift: number, dropped: ReadonlyMap<number, WarningKind[]>): void {
    for (const { kind, count, items } of other) {
      let t = this.tallies.get(kind);
      if (!t) this.tallies.set(kind, (t = { count: 0, items: [] }));
      t.count += count;
      for (const it of items) {
        if (t.items.length < WARNINGS_LISTED) t.items.push({ ...it, index: it.index + shift });
      }
    }
    for (const [index, kinds] of dropped) {
      for (const kind of kinds) {
        const t = this.tallies.get(kind);
        if (!t) continue;
        t.count--;
        t.items = t.items.filter((it) => it.index !== index);
      }
    }
  }

  /** How many warnings of `kind` so far. */
  count(kind: WarningKind): number {
    return this.tallies.get(kind)?.count ?? 0;
  }

  /** The warnings: one per feature for rare kinds, one aggregate for mass ones. */
  finish(): LoadIssue[] {
    const out: LoadIssue[] = [];
    for (const [kind, t] of this.tallies) {
      const k = WARNING_KINDS[kind];
      if (t.count <= WARNINGS_LISTED) {
        for (const it of t.items)
          out.push(issue(this.file, it.index, k.field, k.reason(it.detail), 'warning'));
        continue;
      }
      const first = t.items.slice(0, QUOTED).map((it) => it.index);
      out.push(
        issue(
          this.file,
          first[0]!,
          k.field,
          `${k.summary} in ${t.count.toLocaleString('en-US')} ${this.noun}s (first: ${first.join(', ')} …)`,
          'warning',
        ),
      );
    }
    return out;
  }
}

/** A box in degrees. */
export interface Region {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Bins per degree of the percentile histograms. */
const BINS_PER_DEGREE = 10;

/** The value below which `fraction` of the values lie, from a histogram over [min, min + bins). */
function percentile(hist: Int32Array, total: number, fraction: number, min: number): number {
  const target = Math.max(1, Math.ceil(total * fraction));
  let seen = 0;
  for (let b = 0; b < hist.length; b++) {
    seen += hist[b]!;
    if (seen >= target) return min + b / BINS_PER_DEGREE;
  }
  return min + hist.length / BINS_PER_DEGREE;
}

/**
 * The data's region from interleaved [lng, lat] positions (NaN = no location), or null with
 * fewer than REGION_MIN_POINTS located points. O(n): percentiles come from 0.1° histograms.
 */
export function regionOf(position: ArrayLike<number>, n: number): Region | null {
  const lngHist = new Int32Array(360 * BINS_PER_DEGREE + 1);
  const latHist = new Int32Array(180 * BINS_PER_DEGREE + 1);
  let located = 0;
  for (let i = 0; i < n; i++) {
    const lng = position[2 * i]!;
    const lat = position[2 * i + 1]!;
    if (!(lng === lng) || !(lat === lat)) continue;
    lngHist[Math.floor((lng + 180) * BINS_PER_DEGREE)]!++;
    latHist[Math.floor((lat + 90) * BINS_PER_DEGREE)]!++;
    located++;
  }
  if (located < REGION_MIN_POINTS) return null;
  const west = percentile(lngHist, located, 0.25, -180);
  const east = percentile(lngHist, located, 0.75, -180) + 1 / BINS_PER_DEGREE;
  const south = percentile(latHist, located, 0.25, -90);
  const north = percentile(latHist, located, 0.75, -90) + 1 / BINS_PER_DEGREE;
  const padLng = Math.max(REGION_MIN_PAD, REGION_IQR_PAD * (east - west));
  const padLat = Math.max(REGION_MIN_PAD, REGION_IQR_PAD * (north - south));
  return {
    west: Math.max(-180, west - padLng),
    east: Math.min(180, east + padLng),
    south: Math.max(-90, south - padLat),
    north: Math.min(90, north + padLat),
  };
}

const inside = (r: Region, lng: number, lat: number) =>
  lng >= r.west && lng <= r.east && lat >= r.south && lat <= r.north;

const round = (v: number) => Math.round(v * 10) / 10;

/** Describes the region for a message: "lng 25.3 to 60.1, lat 15 to 47.2". */
export function describeRegion(r: Region): string {
  return `lng ${round(r.west)} to ${round(r.east)}, lat ${round(r.south)} to ${round(r.north)}`;
}

/**
 * Adds a farOutside warning to `tally` for every located point outside the data's region
 * (`indexOf(row)` gives the file index of a row), flagging those that fit when swapped.
 */
export function warnFarOutside(
  position: ArrayLike<number>,
  n: number,
  indexOf: (row: number) => number,
  tally: WarningTally,
): void {
  const region = regionOf(position, n);
  if (!region) return;
  const where = describeRegion(region);
  for (let i = 0; i < n; i++) {
    const lng = position[2 * i]!;
    const lat = position[2 * i + 1]!;
    if (!(lng === lng) || inside(region, lng, lat)) continue;
    const detail =
      tally.count('farOutside') < WARNINGS_LISTED
        ? `far outside the data's region (${where}): [${round(lng)}, ${round(lat)}]` +
          (inside(region, lat, lng)
            ? '; latitude and longitude look swapped (GeoJSON is [longitude, latitude])'
            : '')
        : '';
    tally.add('farOutside', indexOf(i), detail);
  }
}

/** Today as an epoch day (UTC), the reference for "in the future". */
export function todayDay(): number {
  return Math.floor(Date.now() / 86_400_000);
}

/** Sorts issues by feature index (file-level issues first), keeping the order within an index. */
export function sortIssues(issues: LoadIssue[]): LoadIssue[] {
  return issues.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

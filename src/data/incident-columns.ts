/**
 * Validation straight into columns: each parsed feature is checked and written into growable
 * typed arrays and the string table, without building an object per incident. A fast path
 * handles rows it is sure are valid using local variables only; anything else (a missing or odd
 * value, `geometry: null`, a non-http source, a duplicate id) goes through the zod schemas, the
 * source of truth and of the error messages. Tests check that both paths give the same table.
 */
import { isoToDay } from '../time/days';
import { issue, type LoadIssue } from './load-report';
import { isHttpUrl } from './safe-url';
import { incidentProperties } from './schemas';
import { sortIssues, todayDay, warnFarOutside, WarningTally, type WarningKind } from './suspicious';
import {
  assertFeatureCollection,
  noteSuspicious,
  validateFeature,
  type FeatureRules,
} from './validate-features';
import {
  INTERNED_FIELDS,
  NONE,
  packedAt,
  SOURCE_SEPARATOR,
  type IncidentTable,
} from './incident-table';
import { IncidentColumnStore, type IncidentPart } from './incident-column-store';
import { IdSet, idHash } from './id-set';
import {
  CONFIDENCE_INDEX,
  count,
  member,
  PRECISION_INDEX,
  SLOW,
  text,
  TYPE_INDEX,
} from './fast-validate';
import type { z } from 'zod';

type IncidentProps = z.output<typeof incidentProperties>;

/** Free-text fields the record path writes (ids and sources are written on their own). */
const NOTE_FIELDS = [
  'date_note',
  'casualty_note',
  'other_casualties',
  'description',
  'source_names',
] as const;

/** Dates remembered by a builder (more than 27 years of days). */
const MAX_CACHED_DAYS = 10_000;

/** Options of the incident validator. */
export interface IncidentValidationOptions {
  /** "Today" as an epoch day, for the future-date warning (tests fix it; default: now). */
  today?: number;
  /** What an index counts in aggregated warnings: "feature" (GeoJSON) or "row" (CSV). */
  noun?: string;
}

/** Builds an IncidentTable from features added one at a time, in file order. */
export class IncidentColumnsBuilder {
  private readonly cols: IncidentColumnStore;
  private readonly ids: IdSet;
  /** Epoch days of the dates seen (a file has a few thousand distinct dates for a million rows). */
  private readonly days = new Map<string, number>();
  /** Set by `absorb`: the other part's ids are not in `ids`, so no row may follow. */
  private absorbed = false;
  private readonly tally: WarningTally;
  private readonly today: number;
  private readonly rules: FeatureRules;
  readonly issues: LoadIssue[] = [];
  /** Rows that took the fast path (for tests). */
  fastRows = 0;

  /**
   * @param file the file name used in the load report
   * @param capacityHint expected number of features (the arrays grow as needed)
   * @param useFastPath false sends every row through zod (tests compare both paths)
   */
  constructor(
    private readonly file: string,
    capacityHint = 1024,
    private readonly useFastPath = true,
    options: IncidentValidationOptions = {},
  ) {
    this.today = options.today ?? todayDay();
    this.tally = new WarningTally(file, options.noun);
    this.rules = {
      allowNullGeometry: true,
      futureField: { name: 'date', kind: 'futureDate' },
      today: this.today,
    };
    this.cols = new IncidentColumnStore(capacityHint);
    this.ids = new IdSet((ref) => this.cols.plainAt(ref), capacityHint);
  }

  /** Number of valid rows so far. */
  get length(): number {
    return this.cols.n;
  }

  /** Validates one feature (its index in the file for the report) and keeps it if valid. */
  add(raw: unknown, index: number): void {
    if (this.absorbed) throw new Error('no rows can be added after absorb');
    if (this.useFastPath && this.addFast(raw, index)) return;
    this.addSlow(raw, index);
  }

  /** Adds every feature of a parsed FeatureCollection (throws FileShapeError for another shape). */
  addCollection(json: unknown): void {
    const { features } = assertFeatureCollection(json);
    for (let i = 0; i < features.length; i++) this.add(features[i], i);
  }

  /** Adds features parsed from one batch; `firstIndex` is the file index of the first. */
  addBatch(features: unknown[], firstIndex: number): void {
    for (let i = 0; i < features.length; i++) this.add(features[i], firstIndex + i);
  }

  /**
   * What was built so far, unsorted, for another thread to absorb (see `absorb`): the part of a
   * file split between two loader workers. `features` is how many features it was given.
   */
  part(features: number): IncidentPart {
    const { issues, fastRows } = this;
    return this.cols.part({ features, issues, tally: this.tally.state(), fastRows });
  }

  /**
   * Appends the rows of the file's next part, validated by another builder whose indexes start at
   * 0 where this one's end (`shift`). Ids already taken here make the part's rows duplicates,
   * reported as the one-builder path would; the result of `finish` is then the same as if one
   * builder had read the whole file.
   */
  absorb(part: IncidentPart, shift: number): void {
    // Duplicates across the parts, found by hash; an id string is rebuilt only on a hash match.
    let keep: Uint8Array | null = null;
    const dropped = new Map<number, WarningKind[]>();
    for (let r = 0; r < part.n; r++) {
      const h = part.idHash[r]!;
      if (!this.ids.mayHave(h)) continue;
      const id = packedAt(part.packed, part.text.id[r]!);
      if (!this.ids.has(id, h)) continue;
      keep ??= new Uint8Array(part.n).fill(1);
      keep[r] = 0;
      const index = part.fileIndex[r]! + shift;
      this.issues.push(issue(this.file, index, 'id', `duplicate id "${id}"`));
      dropped.set(index, this.warningsOf(part, r));
    }
    this.cols.appendPart(part, shift, keep);
    this.absorbed = true;
    for (const it of part.issues)
      this.issues.push(it.index === null ? it : { ...it, index: it.index + shift });
    this.tally.absorb(part.tally, shift, dropped);
    this.fastRows += part.fastRows;
  }

  /** The warnings a part's row was counted for (to take back when the row is left out). */
  private warningsOf(part: IncidentPart, r: number): WarningKind[] {
    const kinds: WarningKind[] = [];
    if (!(part.position[2 * r]! === part.position[2 * r]!)) kinds.push('noLocation');
    else if (part.precision[r] === NONE) kinds.push('noPrecision');
    if (part.day[r]! > this.today) kinds.push('futureDate');
    return kinds;
  }

  /** The finished table, sorted by day (stable), and the load issues sorted by index. */
  finish(): { table: IncidentTable; issues: LoadIssue[] } {
    const c = this.cols;
    const fileIndex = c.fileIndex;
    warnFarOutside(c.position, c.n, (row) => fileIndex[row]!, this.tally);
    const issues = sortIssues(this.issues.concat(this.tally.finish()));
    return { table: c.table(), issues };
  }

  /** The epoch day of an ISO date, or null when it is not one (cached). */
  private dayOf(iso: string): number | null {
    const cached = this.days.get(iso);
    if (cached !== undefined) return cached;
    const day = isoToDay(iso);
    if (day !== null && this.days.size < MAX_CACHED_DAYS) this.days.set(iso, day);
    return day;
  }

  /** Writes a row the fast path is sure about; false (nothing written) to take the slow path. */
  private addFast(raw: unknown, index: number): boolean {
    const f = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') return false;
    const p = f.properties as Record<string, unknown> | null;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;

    const rawId = p.id ?? f.id;
    const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
    if (typeof id !== 'string' || id === '') return false;
    if (typeof p.date !== 'string') return false;
    const day = this.dayOf(p.date);
    if (day === null) return false;
    const type = TYPE_INDEX.get(p.type);
    if (type === undefined) return false;

    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (g === null || typeof g !== 'object' || g.type !== 'Point') return false;
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3) return false;
    const lng = c[0] as unknown;
    const lat = c[1] as unknown;
    if (typeof lng !== 'number' || typeof lat !== 'number') return false;
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return false;
    if (c.length === 3 && !(typeof c[2] === 'number' && Number.isFinite(c[2]))) return false;

    const sources = p.sources ?? [];
    if (!Array.isArray(sources)) return false;
    for (let k = 0; k < sources.length; k++) {
      const s = sources[k] as unknown;
      if (typeof s !== 'string' || !isHttpUrl(s)) return false;
    }

    const usKilled = count(p.us_killed);
    const usInjured = count(p.us_injured);
    const confidence = member(p.confidence, CONFIDENCE_INDEX);
    const precision = member(p.coord_precision, PRECISION_INDEX);
    if (usKilled === SLOW || usInjured === SLOW || confidence === SLOW || precision === SLOW)
      return false;
    const weapon = text(p.weapon);
    const target = text(p.target);
    const baseId = text(p.base_id);
    const country = text(p.country);
    const claimedBy = text(p.claimed_by);
    const group = text(p.claimed_by_group);
    const dateNote = text(p.date_note);
    const casualtyNote = text(p.casualty_note);
    const other = text(p.other_casualties);
    const description = text(p.description);
    const sourceNames = text(p.source_names);
    if (
      weapon === SLOW ||
      target === SLOW ||
      baseId === SLOW ||
      country === SLOW ||
      claimedBy === SLOW ||
      group === SLOW ||
      dateNote === SLOW ||
      casualtyNote === SLOW ||
      other === SLOW ||
      description === SLOW ||
      sourceNames === SLOW
    )
      return false;

    // Last, so a row refused for another reason never claims its id.
    const h = idHash(id);
    if (this.ids.has(id, h)) return false;
    this.fastRows++;
    if (precision === NONE) this.tally.add('noPrecision', index);
    if (day > this.today) this.tally.add('futureDate', index, p.date);
    const row = this.cols.nextRow();
    this.cols.fileIndex[row] = index;
    this.cols.idHash[row] = h;
    this.cols.day[row] = day;
    this.cols.typeIndex[row] = type;
    this.cols.position[2 * row] = lng;
    this.cols.position[2 * row + 1] = lat;
    this.cols.usKilled[row] = usKilled;
    this.cols.usInjured[row] = usInjured;
    this.cols.confidence[row] = confidence;
    this.cols.precision[row] = precision;
    const t = this.cols.text;
    t.id[row] = this.cols.plain(id);
    this.ids.insert(h, t.id[row]!);
    t.weapon[row] = this.cols.intern(weapon);
    t.target[row] = this.cols.intern(target);
    t.base_id[row] = this.cols.intern(baseId);
    t.country[row] = this.cols.intern(country);
    t.claimed_by[row] = this.cols.intern(claimedBy);
    t.claimed_by_group[row] = this.cols.intern(group ?? 'unclaimed');
    t.date_note[row] = this.cols.plain(dateNote);
    t.casualty_note[row] = this.cols.plain(casualtyNote);
    t.other_casualties[row] = this.cols.plain(other);
    t.description[row] = this.cols.plain(description);
    t.source_names[row] = this.cols.plain(sourceNames);
    t.sources[row] = sources.length ? this.cols.plain(sources.join(SOURCE_SEPARATOR)) : -1;
    return true;
  }

  /** The zod path: reports every problem and counts the warnings. */
  private addSlow(raw: unknown, index: number): void {
    const valid = validateFeature(
      raw,
      index,
      this.file,
      incidentProperties,
      this.rules,
      this.issues,
    );
    if (!valid) return;
    const r = valid.properties;
    const h = idHash(r.id);
    if (this.ids.has(r.id, h)) {
      this.issues.push(issue(this.file, index, 'id', `duplicate id "${r.id}"`));
      return;
    }
    noteSuspicious(valid, this.rules, this.today, this.tally);
    const row = this.writeRecord(r, valid.position, r.sources);
    this.cols.fileIndex[row] = index;
    this.cols.idHash[row] = h;
    this.ids.insert(h, this.cols.text.id[row]!);
  }

  private writeRecord(
    r: IncidentProps,
    position: [number, number] | null,
    sources: string[],
  ): number {
    const row = this.cols.nextRow();
    this.cols.day[row] = isoToDay(r.date)!;
    this.cols.typeIndex[row] = TYPE_INDEX.get(r.type)!;
    this.cols.position[2 * row] = position ? position[0] : NaN;
    this.cols.position[2 * row + 1] = position ? position[1] : NaN;
    this.cols.usKilled[row] = r.us_killed ?? -1;
    this.cols.usInjured[row] = r.us_injured ?? -1;
    this.cols.confidence[row] = r.confidence ? CONFIDENCE_INDEX.get(r.confidence)! : NONE;
    this.cols.precision[row] = r.coord_precision ? PRECISION_INDEX.get(r.coord_precision)! : NONE;
    const t = this.cols.text;
    t.id[row] = this.cols.plain(r.id);
    for (const f of INTERNED_FIELDS) t[f][row] = this.cols.intern(r[f]);
    for (const f of NOTE_FIELDS) t[f][row] = this.cols.plain(r[f]);
    t.sources[row] = sources.length ? this.cols.plain(sources.join(SOURCE_SEPARATOR)) : -1;
    return row;
  }
}

/** Validates a parsed incidents FeatureCollection and normalizes the valid features. */
export function buildIncidentTable(
  json: unknown,
  file: string,
  options: IncidentValidationOptions = {},
): { table: IncidentTable; issues: LoadIssue[] } {
  const builder = new IncidentColumnsBuilder(
    file,
    (json as { features?: unknown[] })?.features?.length,
    true,
    options,
  );
  builder.addCollection(json);
  return builder.finish();
}

/** A table with no incidents. */
export function emptyIncidentTable(): IncidentTable {
  return new IncidentColumnsBuilder('', 0).finish().table;
}

/**
 * The CSV column-mapping step: what was detected (CSV or ACLED export, the separator), the first
 * rows as a table (text only), and one select per incident field, prefilled from the detection.
 * Required fields are marked and a required field with no column is flagged.
 */
import { useId } from 'react';
import {
  MAPPABLE_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type CsvFormat,
  type MappableField,
} from '../../data/csv-columns';
import type { CsvInfo } from '../../data/csv-import';

/** The start of a CSV as `previewCsv` read it. */
export type CsvPreview = CsvInfo & { sample: string[][] };

type SingleField = Exclude<MappableField, 'sources'>;

const LABELS: Record<MappableField, string> = {
  id: 'Id',
  date: 'Date',
  type: 'Type',
  latitude: 'Latitude',
  longitude: 'Longitude',
  date_note: 'Date note',
  weapon: 'Weapon',
  target: 'Target',
  base_id: 'Base id',
  country: 'Country',
  claimed_by: 'Claimed by',
  claimed_by_group: 'Claimed-by group',
  us_killed: 'U.S. killed',
  us_injured: 'U.S. injured',
  casualty_note: 'Casualty note',
  other_casualties: 'Other casualties',
  description: 'Description',
  confidence: 'Confidence',
  coord_precision: 'Location precision',
  sources: 'Sources (links)',
  source_names: 'Source names (text)',
};

/** Fields shown up front; the rest are under "More fields". */
const MAIN_FIELDS: MappableField[] = ['date', 'latitude', 'longitude', 'id', 'type', 'sources'];

const SEPARATORS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar',
};

/** Required fields with no column in `mapping`. */
export function missingFields(mapping: ColumnMapping): MappableField[] {
  return REQUIRED_FIELDS.filter((f) => !mapping[f as SingleField]);
}

/** Longest cell text shown in the preview (the whole value is in the cell's title). */
const MAX_CELL = 60;
const clip = (t: string) => (t.length > MAX_CELL ? `${t.slice(0, MAX_CELL - 1)}…` : t);

/** The mapping step. */
export function MappingStep({
  preview,
  fileName,
  mapping,
  format,
  onChange,
  disabled,
}: {
  preview: CsvPreview;
  fileName: string;
  mapping: ColumnMapping;
  format: CsvFormat;
  onChange(mapping: ColumnMapping, format: CsvFormat): void;
  disabled?: boolean;
}) {
  const id = useId();
  const missing = new Set(missingFields(mapping));
  const headers = preview.headers;
  const more = MAPPABLE_FIELDS.filter((f) => !MAIN_FIELDS.includes(f));
  const moreMapped = more.filter((f) => f !== 'sources' && mapping[f as SingleField]).length;

  const setField = (field: SingleField, header: string) => {
    const next = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    onChange(next, format);
  };

  const fieldRow = (field: MappableField) => {
    const required = REQUIRED_FIELDS.includes(field);
    const flagged = missing.has(field);
    const selectId = `${id}-${field}`;
    const noteId = `${selectId}-note`;
    if (field === 'type' && format === 'acled') {
      return (
        <div className="import-field" key={field}>
          <span className="import-field-label">{LABELS[field]}</span>
          <span className="import-hint">
            From ACLED&apos;s sub_event_type and actor1 (see the README&apos;s ACLED table)
          </span>
        </div>
      );
    }
    if (field === 'sources') {
      return (
        <div className="import-field" key={field}>
          <label htmlFor={selectId} className="import-field-label">
            {LABELS[field]}
          </label>
          <select
            id={selectId}
            multiple
            size={Math.min(4, Math.max(2, headers.length))}
            value={mapping.sources ?? []}
            disabled={disabled}
            aria-describedby={noteId}
            onChange={(e) => {
              const chosen = [...e.target.selectedOptions].map((o) => o.value);
              const next = { ...mapping };
              if (chosen.length) next.sources = chosen;
              else delete next.sources;
              onChange(next, format);
            }}
          >
            {headers.map((h, i) => (
              <option key={i} value={h}>
                {h}
              </option>
            ))}
          </select>
          <span id={noteId} className="import-hint">
            Several columns allowed (Ctrl or ⌘ click); only http(s) links are kept.
          </span>
        </div>
      );
    }
    return (
      <div className={flagged ? 'import-field missing' : 'import-field'} key={field}>
        <label htmlFor={selectId} className="import-field-label">
          {LABELS[field]}
          {required && ' '}
          {required && <span className="import-required">(required)</span>}
        </label>
        <select
          id={selectId}
          value={mapping[field as SingleField] ?? ''}
          disabled={disabled}
          required={required}
          aria-invalid={flagged || undefined}
          aria-describedby={flagged ? noteId : undefined}
          onChange={(e) => setField(field as SingleField, e.target.value)}
        >
          <option value="">— no column —</option>
          {headers.map((h, i) => (
            <option key={i} value={h}>
              {h}
            </option>
          ))}
        </select>
        {flagged && (
          <span id={noteId} className="import-missing">
            Missing: no column found. Choose the column that holds the {LABELS[field].toLowerCase()}
            .
          </span>
        )}
      </div>
    );
  };

  return (
    <section className="import-mapping" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Columns</h3>
      <p className="import-detected">
        Detected: <strong>{preview.format === 'acled' ? 'ACLED export' : 'CSV'}</strong>, separated
        by {SEPARATORS[preview.delimiter] ?? `“${preview.delimiter}”`}, {headers.length}{' '}
        {headers.length === 1 ? 'column' : 'columns'}.
      </p>
      <label className="import-field import-format">
        <span className="import-field-label">Read as</span>
        <select
          value={format}
          disabled={disabled}
          onChange={(e) => onChange(mapping, e.target.value as CsvFormat)}
        >
          <option value="generic">CSV (columns as mapped below)</option>
          <option value="acled">ACLED export (event types mapped)</option>
        </select>
      </label>
      <div
        className="import-preview"
        tabIndex={0}
        role="region"
        aria-label={`First rows of ${fileName}`}
      >
        <table className="small-table">
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i} scope="col" title={h}>
                  {clip(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, r) => (
              <tr key={r}>
                {headers.map((_, c) => (
                  <td key={c} title={row[c] ?? ''}>
                    {clip(row[c] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import-fields">{MAIN_FIELDS.map(fieldRow)}</div>
      <details className="import-more">
        <summary>
          More fields ({moreMapped} of {more.length} mapped)
        </summary>
        <div className="import-fields">{more.map(fieldRow)}</div>
      </details>
    </section>
  );
}

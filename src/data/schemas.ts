/** zod schemas for the data files (see data/README.md for every field). */
import { z } from './zod-setup';
import { isoToDay, partialDateRange } from '../time/days';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES } from './types';
import { shown } from './point-check';
import { isHttpUrl } from './safe-url';

/** Optional text: missing, null or blank all become null; other strings are trimmed. */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));

/** A `YYYY-MM-DD` calendar date. */
export const isoDay = z
  .string({
    error: (iss) =>
      iss.input == null
        ? 'is required: a calendar date YYYY-MM-DD'
        : `must be a calendar date YYYY-MM-DD, not ${shown(iss.input)}`,
  })
  .refine((s) => isoToDay(s) !== null, {
    error: (iss) => `must be a calendar date YYYY-MM-DD, not ${shown(iss.input)}`,
  });

/** A partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null. */
export const optionalPartialDate = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? null : v.trim()))
  .refine((v) => v === null || partialDateRange(v) !== null, {
    message: 'must be YYYY, YYYY-MM or YYYY-MM-DD',
  });

const count = z
  .number({ error: (iss) => `must be a whole number or empty (unknown), not ${shown(iss.input)}` })
  .int({ error: (iss) => `must be a whole number, not ${shown(iss.input)}` })
  .min(0, { error: (iss) => `must not be negative: ${shown(iss.input)}` })
  .nullish()
  .transform((v) => v ?? null);

/** Strings list; non-strings are rejected. */
const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** Source links: only absolute http(s) URLs (a `javascript:` or `data:` link makes the row invalid). */
const linkList = z
  .array(
    z.string().refine(isHttpUrl, {
      error: (iss) => `not an http(s) link: ${shown(iss.input)}`,
    }),
  )
  .nullish()
  .transform((v) => v ?? []);

const lngLat = z.tuple([
  z.number().min(-180, 'longitude out of range').max(180, 'longitude out of range'),
  z.number().min(-90, 'latitude out of range').max(90, 'latitude out of range'),
]);

/** A Point geometry with finite [lng, lat] (extra elements such as altitude are allowed). */
export const pointGeometry = z.object({
  type: z.literal('Point'),
  coordinates: z
    .array(z.number())
    .min(2, 'needs [longitude, latitude]')
    .max(3, 'at most [longitude, latitude, altitude]')
    .transform((c) => [c[0]!, c[1]!] as [number, number])
    .pipe(lngLat),
});

/** Incident properties. Only `id`, `date` and `type` are required. */
const requiredId = z
  .union([z.string().min(1), z.number()], { error: 'id is required (a string or number)' })
  .transform(String);

export const incidentProperties = z.object({
  id: requiredId,
  date: isoDay,
  date_note: optionalText,
  type: z.enum(INCIDENT_TYPES, {
    error: (iss) =>
      iss.input == null
        ? `is required: one of ${INCIDENT_TYPES.join(', ')}`
        : `unknown incident type ${shown(iss.input)}: must be one of ${INCIDENT_TYPES.join(', ')}`,
  }),
  weapon: optionalText,
  target: optionalText,
  base_id: optionalText,
  country: optionalText,
  claimed_by: optionalText,
  claimed_by_group: optionalText.transform((v) => v ?? 'unclaimed'),
  us_killed: count,
  us_injured: count,
  casualty_note: optionalText,
  other_casualties: optionalText,
  description: optionalText,
  confidence: z
    .enum(CONFIDENCE_LEVELS)
    .nullish()
    .transform((v) => v ?? null),
  coord_precision: z
    .enum(COORD_PRECISIONS)
    .nullish()
    .transform((v) => v ?? null),
  sources: linkList,
  // Outlet names (an ACLED export's `source`): text, never a link.
  source_names: optionalText,
});

/** Base properties. */
export const baseProperties = z.object({
  id: requiredId,
  name: z.string().trim().min(1, 'name is required'),
  alt_names: stringList,
  country: optionalText,
  description: optionalText,
  active_from: optionalPartialDate,
  active_until: optionalPartialDate,
  status_note: optionalText,
  coord_precision: z
    .enum(COORD_PRECISIONS)
    .nullish()
    .transform((v) => v ?? null),
  coord_source: optionalText,
  sources: linkList,
});

const confidence = z
  .enum(CONFIDENCE_LEVELS)
  .nullish()
  .transform((v) => v ?? null);

export const forceFigure = z.object({
  as_of: z
    .string()
    .refine((s) => partialDateRange(s) !== null, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  value: z.number().min(0),
  figure_type: optionalText,
  confidence,
  source: optionalText,
  note: optionalText,
});

export const forceContext = z.object({
  as_of_text: optionalText,
  value: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  value_text: optionalText,
  figure_type: optionalText,
  confidence,
  source: optionalText,
  note: optionalText,
});

/** The force-levels file. */
export const forceLevelsFile = z.object({
  countries: z
    .array(
      z.object({
        iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code'),
        name: z.string(),
        series: z.array(forceFigure).default([]),
        context: z.array(forceContext).default([]),
      }),
    )
    .default([]),
  sites: z
    .array(
      z.object({
        base_id: optionalText,
        name: z.string(),
        series: z.array(forceFigure).default([]),
        context: z.array(forceContext).default([]),
      }),
    )
    .default([]),
  regions: z
    .array(z.object({ name: z.string(), context: z.array(forceContext).default([]) }))
    .default([]),
});

/** The dataset metadata file. */
export const datasetFile = z.object({
  title: z.string().min(1),
  description: optionalText,
  as_of: optionalText,
  caveat: optionalText,
  attribution: z.array(z.string()).default([]),
  sources: z.array(z.object({ label: z.string(), url: optionalText })).default([]),
  official_counts: z
    .array(
      z.object({
        as_of: isoDay,
        attacks: z.number().min(0),
        injured: z
          .number()
          .nullish()
          .transform((v) => v ?? null),
        note: optionalText,
        source: optionalText,
        url: optionalText,
      }),
    )
    .default([]),
});

/**
 * The postMessage API between an embedded map and its host page (pure: no DOM, no store).
 * Commands come from the host, events go to it; every event carries `source: 'incident-map'`.
 * Commands are checked with zod; origins are compared exactly after normalization.
 */
import { z } from '../data/zod-setup';
import { CONFIDENCE_LEVELS, INCIDENT_TYPES } from '../data/types';
import { isoToDay } from '../time/days';
import { parseOrigin } from '../state/url-view';

/** Version of this message API, sent in the `ready` event. */
export const API_VERSION = 1;

/** Marks every event so hosts can tell the map's messages from others. */
export const EVENT_SOURCE = 'incident-map';

/** Limits on what a command may carry (as for the URL). */
const MAX_LIST = 50;
const MAX_ITEM = 100;

const isoDay = z.string().refine((s) => isoToDay(s) !== null, 'expected a date YYYY-MM-DD');
const text = z
  .string()
  .min(1)
  .max(MAX_ITEM)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'contains control characters');

/** `base:<id>`, `incident:<id>`, `country:<ISO3>` or null (clears the selection). */
const target = z
  .string()
  .max(200)
  .regex(/^(base|incident|country):.+$/, 'expected base:<id>, incident:<id> or country:<ISO3>')
  .nullable();

const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setWindow'), from: isoDay, to: isoDay }),
  z.strictObject({ type: z.literal('select'), target }),
  z.strictObject({ type: z.literal('play') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({
    type: z.literal('setFilters'),
    filters: z.strictObject({
      types: z.array(z.enum(INCIDENT_TYPES)).max(MAX_LIST).optional(),
      groups: z.array(text).max(MAX_LIST).optional(),
      confidence: z.array(z.enum(CONFIDENCE_LEVELS)).max(MAX_LIST).optional(),
      countries: z.array(text).max(MAX_LIST).optional(),
      casualties: z.boolean().optional(),
      q: z.string().max(MAX_ITEM).optional(),
    }),
  }),
]);

/** A command a host page may send. */
export type Command = z.infer<typeof commandSchema>;

/** An event the map sends to its host page. */
export type MapEvent =
  | { source: typeof EVENT_SOURCE; type: 'ready'; version: number }
  | { source: typeof EVENT_SOURCE; type: 'windowchange'; from: string; to: string }
  | { source: typeof EVENT_SOURCE; type: 'select'; target: string | null }
  | { source: typeof EVENT_SOURCE; type: 'error'; reason: string };

/** Distributive Omit, so each event keeps its own fields. */
type WithoutSource<T> = T extends unknown ? Omit<T, 'source'> : never;

/** Stamps an event with its source. */
export function mapEvent(event: WithoutSource<MapEvent>): MapEvent {
  return { source: EVENT_SOURCE, ...event } as MapEvent;
}

/** Checks a message's data: the command, or a short reason it is not one. */
export function parseCommand(
  data: unknown,
): { ok: true; command: Command } | { ok: false; reason: string } {
  const result = commandSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `invalid command: ${where}${issue.message}`.slice(0, 300) };
  }
  const command = result.data;
  if (command.type === 'setWindow' && command.from > command.to)
    return { ok: false, reason: 'invalid command: from is after to' };
  return { ok: true, command };
}

/** Whether a message's `event.origin` is one of the allowed origins (`"null"` never is). */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  const normalized = parseOrigin(origin);
  return normalized !== null && allowed.includes(normalized);
}

/** The configured origins of `embed-config.json` (`{ "embedOrigins": [...] }`); malformed ones are left out. */
export function parseEmbedConfig(json: unknown): string[] {
  const result = z.object({ embedOrigins: z.array(z.string()) }).safeParse(json);
  if (!result.success) return [];
  const out: string[] = [];
  for (const item of result.data.embedOrigins) {
    const origin = parseOrigin(item);
    if (origin && !out.includes(origin)) out.push(origin);
  }
  return out;
}

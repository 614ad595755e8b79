/**
 * Stories (presentation mode): a titled list of steps, each a view of the map (window, mode,
 * filters, selection, camera) with a caption and its sources. The file (data/story.json) is
 * fetched lazily, only when a story is opened. A broken step is skipped with a notice naming the
 * file, the step and the field; a broken file gives one notice and no story, never a broken app.
 */
import { z } from './zod-setup';
import { isoToDay } from '../time/days';
import { WINDOW_MODES } from '../time/window-modes';
import { fetchJson, type FetchLike } from './fetch-json';
import { isHttpUrl } from './safe-url';
import { CONFIDENCE_LEVELS, INCIDENT_TYPES } from './types';
import { STORY_ID } from '../state/url-schema';

/** Where the default story lives (copied with the other data files at build). */
export const STORY_URL = 'data/story.json';
/** The id of the story in data/story.json (what the header's Story button opens). */
export const DEFAULT_STORY_ID = 'campaign';
/** Limits that keep a story file from flooding the card. */
export const MAX_STEPS = 99;
const MAX_TITLE = 120;
const MAX_CAPTION = 600;

const day = z.string().refine((s) => isoToDay(s) !== null, 'must be a date YYYY-MM-DD');
const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** A camera: a centre `[lng, lat]` with a zoom, or a box `[west, south, east, north]`. */
export const cameraSchema = z.union([
  z.strictObject({ center: z.tuple([lng, lat]), zoom: z.number().min(0).max(22) }),
  z.strictObject({ bounds: z.tuple([lng, lat, lng, lat]) }),
]);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** One step of a story. */
export const stepSchema = z
  .object({
    title: text(MAX_TITLE),
    from: day,
    to: day,
    mode: z.enum(WINDOW_MODES).optional(),
    camera: cameraSchema,
    select: z
      .string()
      .regex(/^(base|incident):[^\s]{1,100}$/, 'must be base:<id> or incident:<id>')
      .optional(),
    filters: z
      .strictObject({
        types: z.array(z.enum(INCIDENT_TYPES)).max(20).optional(),
        groups: z.array(text(100)).max(50).optional(),
        confidence: z.array(z.enum(CONFIDENCE_LEVELS)).max(3).optional(),
        countries: z.array(text(100)).max(50).optional(),
        casualties: z.boolean().optional(),
        q: z.string().max(100).optional(),
      })
      .optional(),
    caption: text(MAX_CAPTION),
    sources: z
      .array(
        z.object({
          title: text(200),
          url: z.string().refine(isHttpUrl, 'must be an http(s) URL'),
        }),
      )
      .min(1, 'needs at least one source'),
  })
  .refine((s) => s.from <= s.to, { message: 'from must not be after to', path: ['to'] });

export type StoryStep = z.infer<typeof stepSchema>;
export type StoryCamera = z.infer<typeof cameraSchema>;

/** A story with its valid steps. */
export interface Story {
  id: string;
  title: string;
  steps: StoryStep[];
}

const headSchema = z.object({
  id: z.string().regex(STORY_ID, 'must be a-z, 0-9 and -, at most 40 characters'),
  title: text(MAX_TITLE),
  steps: z.array(z.unknown()).min(1, 'needs at least one step').max(MAX_STEPS),
});

/** The first problem of a zod error as "field `a.b`: reason". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  return path ? `field \`${path}\`: ${issue.message}` : issue.message;
}

/**
 * Validates a parsed story file. Bad steps are skipped, each with a notice
 * ("data/story.json, step 3: field `camera`: …; step skipped").
 */
export function parseStory(raw: unknown, file: string): { story: Story | null; notices: string[] } {
  const head = headSchema.safeParse(raw);
  if (!head.success) {
    return { story: null, notices: [`${file}: ${firstIssue(head.error)}; no story shown.`] };
  }
  const notices: string[] = [];
  const steps: StoryStep[] = [];
  head.data.steps.forEach((rawStep, i) => {
    const r = stepSchema.safeParse(rawStep);
    if (r.success) steps.push(r.data);
    else notices.push(`${file}, step ${i + 1}: ${firstIssue(r.error)}; step skipped.`);
  });
  if (steps.length === 0) {
    notices.push(`${file}: no valid step; no story shown.`);
    return { story: null, notices };
  }
  return { story: { id: head.data.id, title: head.data.title, steps }, notices };
}

/** Fetches and validates a story file; failures become a notice, never an exception. */
export async function loadStory(
  url: string,
  fetchFn: FetchLike,
): Promise<{ story: Story | null; notices: string[] }> {
  try {
    return parseStory(await fetchJson(url, fetchFn), url);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { story: null, notices: [`The story ${url} could not be loaded: it ${why}.`] };
  }
}

/** The story as a file (same schema, so a downloaded story loads back). */
export function storyToJson(story: Story): string {
  return `${JSON.stringify(story, null, 2)}\n`;
}

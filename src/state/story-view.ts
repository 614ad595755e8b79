/**
 * Story steps ↔ view state. A step sets the window (with its mode), the filters (every criterion
 * it does not name is cleared), the selection and the camera; "add current view as step" captures
 * the same fields back from the store.
 */
import type { Story, StoryCamera, StoryStep } from '../data/story';
import { dayToIso, isoToDay } from '../time/days';
import { NO_FILTERS, normalizeQuery, type Filters } from './filters';
import type { StoryView } from './story-actions';
import type { AppState } from './store';
import type { Selection } from './url-schema';

/** The view a step asks for. */
export function stepToView(step: StoryStep): StoryView {
  const m = step.select ? /^(base|incident):(.+)$/.exec(step.select) : null;
  const selection: Selection | null = m ? { kind: m[1] as 'base' | 'incident', id: m[2]! } : null;
  const f = step.filters ?? {};
  const filters: Filters = {
    ...NO_FILTERS,
    types: f.types ?? [],
    groups: f.groups ?? [],
    confidence: f.confidence ?? [],
    countries: f.countries ?? [],
    casualties: f.casualties ?? false,
    q: f.q ?? '',
  };
  return {
    window: { start: isoToDay(step.from)!, end: isoToDay(step.to)! },
    mode: step.mode ?? 'range',
    filters,
    selection,
    camera: step.camera,
  };
}

/** A step from the current view (window, mode, filters, selection, camera) and the author's text. */
export function viewToStep(
  s: AppState,
  camera: StoryCamera,
  text: { title: string; caption: string; sources: StoryStep['sources'] },
): StoryStep | null {
  if (!s.window) return null;
  const f = s.filters;
  const filters: NonNullable<StoryStep['filters']> = {};
  if (f.types.length) filters.types = [...f.types];
  if (f.groups.length) filters.groups = [...f.groups];
  if (f.confidence.length) filters.confidence = [...f.confidence];
  if (f.countries.length) filters.countries = [...f.countries];
  if (f.casualties) filters.casualties = true;
  if (normalizeQuery(f.q)) filters.q = normalizeQuery(f.q);
  // Country selections are not part of the story format (its `select` names bases and incidents).
  const sel = s.selection && s.selection.kind !== 'country' ? s.selection : null;
  return {
    title: text.title.trim(),
    from: dayToIso(s.window.start),
    to: dayToIso(s.window.end),
    ...(s.mode === 'range' ? {} : { mode: s.mode }),
    camera,
    ...(sel ? { select: `${sel.kind}:${sel.id}` } : {}),
    ...(Object.keys(filters).length ? { filters } : {}),
    caption: text.caption.trim(),
    sources: text.sources,
  };
}

/** The story with `step` inserted after step `after` (1-based; 0 puts it first). */
export function insertStep(story: Story, after: number, step: StoryStep): Story {
  const steps = [...story.steps];
  steps.splice(Math.max(0, Math.min(after, steps.length)), 0, step);
  return { ...story, steps };
}

/** A step number kept inside the story (1..steps). */
export function clampStep(story: Story, step: number): number {
  return Math.max(1, Math.min(story.steps.length, Math.round(step) || 1));
}

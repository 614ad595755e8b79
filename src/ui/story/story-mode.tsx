/**
 * Presentation mode: loads the story lazily (only once a story is open, after the data is ready),
 * applies the current step to the store (window, mode, filters, selection, camera), moves with
 * ←/→ (not while typing, on a slider or a select, or on the map, which pans with arrows) and
 * leaves with Escape. Authoring edits live in memory until downloaded.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  DEFAULT_STORY_ID,
  loadStory,
  STORY_URL,
  storyToJson,
  type Story,
  type StoryCamera,
} from '../../data/story';
import type { FetchLike } from '../../data/fetch-json';
import { clampStep, insertStep, stepToView, viewToStep } from '../../state/story-view';
import { permalink } from '../../state/url-sync';
import { useAppStore, useAppStoreApi } from '../store-context';
import { download } from '../table/download';
import { StoryCard } from './story-card';
import { StepForm, type StepText } from './step-form';

/** Arrows typed here belong to the control (or the map, which pans with them), never to the story. */
const ARROW_OWNERS =
  'input, textarea, select, [role="slider"], [contenteditable="true"], [role="dialog"], dialog, .maplibregl-map';
/** Escape typed here closes the control first. */
const ESCAPE_OWNERS =
  'input, textarea, select, [contenteditable="true"], [role="dialog"], dialog, form';

/** The browser's fetch (a stable function, so the loading effect runs once). */
const browserFetch: FetchLike = (url, init) => fetch(url, init);

/** The header's "Story" button. */
export function StoryButton() {
  const open = useAppStore((s) => s.story !== null);
  const openStory = useAppStore((s) => s.openStory);
  const leaveStory = useAppStore((s) => s.leaveStory);
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={() => (open ? leaveStory() : openStory(DEFAULT_STORY_ID))}
    >
      Story
    </button>
  );
}

/** The story's card and keys, while a story is open. */
export function StoryMode({
  getCamera,
  fetchFn = browserFetch,
  authoring = true,
}: {
  /** The map's current camera (for "add current view as step"); null without a map. */
  getCamera(): StoryCamera | null;
  fetchFn?: FetchLike;
  /** Offer "Add current view as step" and "Download story" (not in an embed). */
  authoring?: boolean;
}) {
  const store = useAppStoreApi();
  const storyId = useAppStore((s) => s.story);
  const step = useAppStore((s) => s.storyStep);
  const ready = useAppStore((s) => s.status === 'ready');
  const [story, setStory] = useState<Story | null>(null);
  const [edited, setEdited] = useState(false);
  const [adding, setAdding] = useState(false);

  // Fetched on first use only; later openings reuse it (with the session's edits).
  useEffect(() => {
    if (!storyId || !ready || story) return;
    let cancelled = false;
    void loadStory(STORY_URL, fetchFn).then((r) => {
      if (cancelled) return;
      const notices = [...r.notices];
      if (r.story && r.story.id !== storyId)
        notices.push(`There is no story "${storyId}" (the story file holds "${r.story.id}").`);
      if (notices.length) store.setState((s) => ({ notices: [...s.notices, ...notices] }));
      if (r.story) setStory(r.story);
      if (!r.story || r.story.id !== storyId) store.getState().leaveStory();
    });
    return () => {
      cancelled = true;
    };
  }, [storyId, ready, story, fetchFn, store]);

  const active = story && storyId === story.id ? story : null;
  // A story link with `#map` keeps its camera for the step it opens (DESIGN.md: `#map` first).
  const hashCamera = useRef(store.getState().story !== null && /(^#|&)map=/.test(location.hash));

  // In the commit that shows the card, so its caption never appears over the previous view.
  useLayoutEffect(() => {
    if (!active) return;
    const n = clampStep(active, step);
    if (n !== step) return store.getState().setStoryStep(n);
    const keepCamera = hashCamera.current;
    hashCamera.current = false;
    store.getState().applyStoryView(stepToView(active.steps[n - 1]!), { keepCamera });
  }, [active, step, store]);

  const move = useCallback(
    (by: number) => {
      if (!active) return;
      const n = clampStep(active, store.getState().storyStep + by);
      if (n !== store.getState().storyStep) store.getState().setStoryStep(n);
    },
    [active, store],
  );
  const leave = useCallback(() => {
    setAdding(false);
    store.getState().leaveStory();
  }, [store]);

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target instanceof Element ? e.target : null;
      const arrow = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
      if (arrow && !target?.closest(ARROW_OWNERS)) move(e.key === 'ArrowRight' ? 1 : -1);
      else if (e.key === 'Escape' && !target?.closest(ESCAPE_OWNERS) && !store.getState().chooser)
        leave();
      else return;
      // Handled: the side panel (which also closes on Escape) leaves its selection alone.
      e.preventDefault();
    };
    // Capture phase: the story sees Escape before the side panel's window listener.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, move, leave, store]);

  if (!active) return null;

  const add = (text: StepText) => {
    const s = store.getState();
    const n = clampStep(active, step);
    const camera = getCamera() ?? active.steps[n - 1]!.camera;
    const sources = text.source
      ? [{ title: text.source, url: text.source }]
      : [{ title: 'This view on the map', url: permalink(s) }];
    const added = viewToStep(s, camera, { title: text.title, caption: text.caption, sources });
    if (!added) return;
    setStory(insertStep(active, n, added));
    setEdited(true);
    setAdding(false);
    s.setStoryStep(n + 1);
  };

  return (
    <StoryCard
      story={active}
      step={clampStep(active, step)}
      edited={edited}
      onPrevious={() => move(-1)}
      onNext={() => move(1)}
      onLeave={leave}
      onAddStep={authoring ? () => setAdding(true) : undefined}
      onDownload={
        authoring
          ? () =>
              download(
                new Blob([storyToJson(active)], { type: 'application/json' }),
                `story-${active.id}.json`,
              )
          : undefined
      }
    >
      {adding && <StepForm onAdd={add} onCancel={() => setAdding(false)} />}
    </StoryCard>
  );
}

/**
 * Video export: plays a chosen window back frame by frame, as the timeline's playback would (the
 * end moves, the window mode decides the start), draws each frame's composition with its date
 * burned in and hands it to the encoder. Frames are stepped, not recorded in real time: each one
 * waits for the offscreen map to finish drawing, so a slow machine still gives an even video.
 * The map drawn is the offscreen one (its own copy of the state): the user's window, the URL and
 * the map on screen stay as they are.
 */
import type { AppState } from '../../state/store';
import type { DayWindow } from '../../time/window';
import { windowEndingAt } from '../../time/window-modes';
import { drawComposition, planComposition } from './composition';
import { legendSections } from './legend-model';
import { VIDEO_SIZE } from './presets';
import { frameText, openPlanMap, outputCanvas, type OpenMap } from './render';
import { createFrameSink } from './video-encoder';

/** Days the window's end moves per frame. */
export const STEP_CHOICES = [1, 7] as const;
/** Frames per second. */
export const FPS_CHOICES = [5, 10, 15, 24] as const;
/** Longest video, in frames (about 3 minutes at 10 fps). */
export const MAX_FRAMES = 1800;

/** What to record. */
export interface VideoRequest {
  from: number;
  to: number;
  stepDays: number;
  fps: number;
  title: string;
}

/** Number of frames for a request: ends `from`, `from + step`, … below `to`, then `to`. */
export function videoFrameCount(req: Pick<VideoRequest, 'from' | 'to' | 'stepDays'>): number {
  const days = Math.abs(req.to - req.from);
  return Math.ceil(days / Math.max(1, Math.floor(req.stepDays))) + 1;
}

/**
 * The window of each frame: ends at `from`, `from + step`, … and finally `to` (always the last
 * frame); each window's start follows the mode as playback does: range mode keeps `from` as the
 * start (the window grows), cumulative starts at the data's first day, a moving window keeps its
 * length.
 */
export function videoWindows(
  state: Pick<AppState, 'mode' | 'spanDays'>,
  span: DayWindow,
  req: Pick<VideoRequest, 'from' | 'to' | 'stepDays'>,
): DayWindow[] {
  const from = Math.min(req.from, req.to);
  const to = Math.max(req.from, req.to);
  const step = Math.max(1, Math.floor(req.stepDays));
  const settings = { mode: state.mode, spanDays: state.spanDays };
  if (videoFrameCount(req) > MAX_FRAMES) throw new Error(`More than ${MAX_FRAMES} frames.`);
  const out: DayWindow[] = [];
  for (let end = from; end < to; end += step) {
    out.push(windowEndingAt(end, from, settings, span));
  }
  out.push(windowEndingAt(to, from, settings, span));
  return out;
}

/** Progress of a recording: frames drawn, then (fallback only) frames replayed to the recorder. */
export interface VideoProgress {
  phase: 'drawing' | 'encoding';
  done: number;
  total: number;
}

/**
 * Records the frames into a WebM file. Rejects with an AbortError when `signal` fires, and
 * releases the offscreen map and the encoder in every case.
 */
export async function recordVideo(
  openMap: OpenMap,
  state: AppState,
  req: VideoRequest,
  onProgress: (p: VideoProgress) => void,
  signal: AbortSignal,
  prefer?: 'webcodecs' | 'mediarecorder',
): Promise<{ blob: Blob; frames: number; encoder: 'webcodecs' | 'mediarecorder' }> {
  const span = state.data?.incidents.span;
  if (!span) throw new Error('There are no dated incidents to play.');
  const windows = videoWindows(state, span, req);
  const aborted = () => {
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
  };
  const sink = await createFrameSink(VIDEO_SIZE.width, VIDEO_SIZE.height, req.fps, prefer);
  if (!sink) throw new Error('This browser cannot record video (no WebCodecs or MediaRecorder).');
  const { canvas, ctx } = outputCanvas(VIDEO_SIZE);
  // One layout for the whole video (from the longest window's words), so the map keeps its box.
  const plan = planComposition(ctx, VIDEO_SIZE, frameText(state, req.title, windows.at(-1)!, true));
  let map: Awaited<ReturnType<OpenMap>> | null = null;
  try {
    aborted();
    map = await openPlanMap(openMap, { ...state, window: windows[0]! }, plan);
    for (let i = 0; i < windows.length; i++) {
      aborted();
      const w = windows[i]!;
      const image = await map.draw(w);
      drawComposition(
        ctx,
        plan,
        frameText(state, req.title, w, true),
        legendSections(state.layers, w.end),
        image,
      );
      await sink.add(canvas, i);
      onProgress({ phase: 'drawing', done: i + 1, total: windows.length });
    }
    map.close();
    map = null;
    aborted();
    const blob = await sink.finish(
      (done, total) => onProgress({ phase: 'encoding', done, total }),
      signal,
    );
    return { blob, frames: windows.length, encoder: sink.kind };
  } finally {
    map?.close();
    sink.close();
  }
}

/**
 * The dialog's video part: the window to play (defaults to the current one), days per frame,
 * frames per second, then Record with a progress bar and Cancel.
 */
import { useId, useState } from 'react';
import { dayToIso, isoToDay } from '../../time/days';
import { useAppStore, useAppStoreApi } from '../store-context';
import { exportFileName } from './captions';
import type { Job } from './export-dialog';
import { downloadBlob, type OpenMap } from './render';
import {
  FPS_CHOICES,
  MAX_FRAMES,
  recordVideo,
  STEP_CHOICES,
  videoFrameCount,
  type VideoProgress,
} from './video';

/** The video controls. */
export function VideoSection({
  openMap,
  title,
  job,
  run,
  setStatus,
}: {
  openMap: OpenMap;
  title: string;
  job: Job | null;
  run(kind: Job['kind'], work: (signal: AbortSignal) => Promise<string>): Promise<void>;
  setStatus(text: string): void;
}) {
  const id = useId();
  const store = useAppStoreApi();
  const span = useAppStore((s) => s.data?.incidents.span ?? null);
  const [from, setFrom] = useState(() => dayToIso(store.getState().window?.start ?? 0));
  const [to, setTo] = useState(() => dayToIso(store.getState().window?.end ?? 0));
  const [step, setStep] = useState<number>(1);
  const [fps, setFps] = useState<number>(10);
  const [progress, setProgress] = useState<VideoProgress | null>(null);

  const fromDay = isoToDay(from);
  const toDay = isoToDay(to);
  const error = !span
    ? 'There are no dated incidents to play.'
    : fromDay === null || toDay === null
      ? 'Enter both dates.'
      : fromDay < span.start || toDay > span.end
        ? `Dates must lie between ${dayToIso(span.start)} and ${dayToIso(span.end)}.`
        : fromDay > toDay
          ? 'The start must not be after the end.'
          : null;
  const frames =
    !error && fromDay !== null && toDay !== null
      ? videoFrameCount({ from: fromDay, to: toDay, stepDays: step })
      : 0;
  const tooLong = frames > MAX_FRAMES;

  const record = () =>
    run('video', async (signal) => {
      setStatus('Recording: drawing the first frame…');
      const state = store.getState();
      const result = await recordVideo(
        openMap,
        state,
        { from: fromDay!, to: toDay!, stepDays: step, fps, title },
        (p) => {
          setProgress(p);
          setStatus(
            p.phase === 'drawing'
              ? `Frame ${p.done} of ${p.total} drawn.`
              : `Encoding: frame ${p.done} of ${p.total}.`,
          );
        },
        signal,
      ).finally(() => setProgress(null));
      const name = exportFileName({ start: fromDay!, end: toDay! }, `${fps}fps`, 'webm');
      downloadBlob(result.blob, name);
      return `Saved ${name} (${result.frames} frames, ${(result.frames / fps).toFixed(1)} s).`;
    });

  const busy = job !== null;
  const recording = job?.kind === 'video';
  return (
    <section className="export-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Video (WebM, 1280 × 720)</h3>
      <p className="export-hint">
        Plays the window back with its date burned in, one frame per step, as the timeline's
        playback would in the current mode.
      </p>
      <div className="export-row">
        <label className="export-field">
          <span>From</span>
          <input
            type="date"
            value={from}
            min={span ? dayToIso(span.start) : undefined}
            max={span ? dayToIso(span.end) : undefined}
            onChange={(e) => setFrom(e.target.value)}
            disabled={busy}
          />
        </label>
        <label className="export-field">
          <span>To</span>
          <input
            type="date"
            value={to}
            min={span ? dayToIso(span.start) : undefined}
            max={span ? dayToIso(span.end) : undefined}
            onChange={(e) => setTo(e.target.value)}
            disabled={busy}
          />
        </label>
        <label className="export-field">
          <span>Each frame</span>
          <select value={step} onChange={(e) => setStep(Number(e.target.value))} disabled={busy}>
            {STEP_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? '1 day' : d === 7 ? '1 week' : `${d} days`}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field">
          <span>Frame rate</span>
          <select value={fps} onChange={(e) => setFps(Number(e.target.value))} disabled={busy}>
            {FPS_CHOICES.map((f) => (
              <option key={f} value={f}>
                {f} fps
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="export-hint" id={`${id}-info`}>
        {error ??
          (tooLong
            ? `${frames} frames is more than ${MAX_FRAMES}: choose a shorter window or 1 week per frame.`
            : `${frames} frames, ${(frames / fps).toFixed(1)} s of video.`)}
      </p>
      {recording && progress && (
        <div className="export-progress">
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={progress.phase === 'drawing' ? 'Frames drawn' : 'Frames encoded'}
          />
          <span>
            {progress.done} / {progress.total}
          </span>
        </div>
      )}
      <div className="export-row">
        {recording ? (
          <button type="button" className="export-action" onClick={() => job.controller.abort()}>
            Cancel recording
          </button>
        ) : (
          <button
            type="button"
            className="export-action"
            onClick={record}
            disabled={busy || error !== null || tooLong}
            aria-describedby={`${id}-info`}
          >
            Record video
          </button>
        )}
      </div>
    </section>
  );
}

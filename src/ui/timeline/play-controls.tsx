/** Play/pause, steps of a day and a week both ways, speed and loop. */
import { memo } from 'react';
import { useAppStore } from '../store-context';
import { SPEEDS, isSpeed, speedLabel } from '../../time/playback';
import { markScrubStart } from '../scrub-marks';

/** The transport controls. */
export const PlayControls = memo(function PlayControls() {
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const loop = useAppStore((s) => s.loop);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const stepWindow = useAppStore((s) => s.stepWindow);
  const pause = useAppStore((s) => s.pause);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const setLoop = useAppStore((s) => s.setLoop);

  const step = (days: number) => () => {
    pause();
    markScrubStart();
    stepWindow(days);
  };
  const stepButton = (days: number, text: string, label: string) => (
    <button type="button" className="step-button" onClick={step(days)} title={label}>
      {/* The name is the words; the short form is only what sighted users read. */}
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );

  return (
    <div className="play-controls" role="group" aria-label="Playback">
      {stepButton(-7, '−7d', 'Back a week')}
      {stepButton(-1, '−1d', 'Back a day')}
      <button
        type="button"
        className="play-button"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-playing={playing}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      {stepButton(1, '+1d', 'Forward a day')}
      {stepButton(7, '+7d', 'Forward a week')}
      <label className="control-label">
        <span className="visually-hidden">Speed</span>
        <select
          value={speed}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (isSpeed(n)) setSpeed(n);
          }}
          aria-label="Speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="control-check">
        <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
        Loop
      </label>
    </div>
  );
});

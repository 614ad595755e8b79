import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAll } from '../../src/data/load-all';
import { createAppStore } from '../../src/state/store';
import type { UrlState } from '../../src/state/url-schema';
import { isoToDay } from '../../src/time/days';
import { StoreContext } from '../../src/ui/store-context';
import { Timeline } from '../../src/ui/timeline';
import { ALL_FILES, datasetFile, fakeFetch, URLS } from '../fixtures/sample-data';

const d = (iso: string) => isoToDay(iso)!;
const label = () => screen.getByTestId('window-label').textContent;

const annotationsFile = {
  annotations: [
    { date: '2023-10-17', label: 'First attack', incident_id: 'I1', source: 'https://a.example/1' },
    { date: '2024-01-28', label: 'Tower 22', incident_id: 'I3', source: 'https://a.example/t22' },
    { date: '2024-02-02', label: 'Strikes', incident_id: null, source: 'javascript:alert(1)' },
  ],
};

/** The timeline over the sample data (17 Oct 2023 – 2 Feb 2024) with three key events. */
async function renderTimeline(url: UrlState = {}, dataset: object = datasetFile) {
  const store = createAppStore(url);
  const files = { ...ALL_FILES, 'd.json': dataset, 'a.json': annotationsFile };
  store
    .getState()
    .setData(await loadAll({ ...URLS, annotations: 'a.json' }, fakeFetch(files)), url);
  render(
    <StoreContext.Provider value={store}>
      <Timeline />
    </StoreContext.Provider>,
  );
  return store;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('timeline: playback controls', () => {
  it('Play advances the window end on animation frames; Pause stops it', async () => {
    await renderTimeline({ to: d('2023-11-01') });
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    expect(label()).toBe('17 Oct 2023 – 1 Nov 2023');
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => vi.advanceTimersByTime(2000));
    expect(label()).not.toBe('17 Oct 2023 – 1 Nov 2023');
    const end = Number(
      screen.getByRole('slider', { name: 'End date' }).getAttribute('aria-valuenow'),
    );
    expect(end).toBeGreaterThan(d('2023-11-01'));
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = label();
    act(() => vi.advanceTimersByTime(2000));
    expect(label()).toBe(paused);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('stops at the last day unless Loop is on', async () => {
    const store = await renderTimeline({ to: d('2024-01-31') });
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '30' } });
    expect(store.getState().speed).toBe(30);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => vi.advanceTimersByTime(1000));
    expect(label()).toBe('17 Oct 2023 – 2 Feb 2024');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Loop' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    // At the last day Play starts over from the start handle.
    expect(label()).toBe('17 Oct 2023');
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('steps the end by a day and by a week both ways', async () => {
    await renderTimeline({ from: d('2024-01-01'), to: d('2024-01-20') });
    fireEvent.click(screen.getByRole('button', { name: 'Forward a week' }));
    expect(label()).toBe('1 Jan 2024 – 27 Jan 2024');
    fireEvent.click(screen.getByRole('button', { name: 'Forward a day' }));
    expect(label()).toBe('1 Jan 2024 – 28 Jan 2024');
    expect(screen.getByTestId('window-counts').textContent).toMatch(
      /^2 attacks · 0 U\.S\. strikes/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back a day' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back a week' }));
    expect(label()).toBe('1 Jan 2024 – 20 Jan 2024');
  });
});

describe('timeline: window modes', () => {
  it('cumulative pins the start; moving keeps a chosen length', async () => {
    await renderTimeline({ from: d('2024-01-10'), to: d('2024-01-28') });
    fireEvent.click(screen.getByRole('radio', { name: 'Cumulative' }));
    expect(label()).toBe('17 Oct 2023 – 28 Jan 2024');
    const start = screen.getByRole('slider', { name: 'Start date' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Moving' }));
    expect(label()).toBe('30 Dec 2023 – 28 Jan 2024');
    fireEvent.change(screen.getByRole('combobox', { name: 'Window length' }), {
      target: { value: '7' },
    });
    expect(label()).toBe('22 Jan 2024 – 28 Jan 2024');
    // Stepping moves the whole window.
    fireEvent.click(screen.getByRole('button', { name: 'Back a week' }));
    expect(label()).toBe('15 Jan 2024 – 21 Jan 2024');
  });

  it('a custom length is typed; an invalid one is refused with a message', async () => {
    const store = await renderTimeline({ mode: 'window', span: 7, to: d('2024-01-28') });
    fireEvent.change(screen.getByRole('combobox', { name: 'Window length' }), {
      target: { value: 'custom' },
    });
    const days = screen.getByRole('spinbutton', { name: 'Window length in days' });
    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.keyDown(days, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/whole days from 1/);
    expect(store.getState().spanDays).toBe(7);
    fireEvent.change(days, { target: { value: '10' } });
    fireEvent.keyDown(days, { key: 'Enter' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(label()).toBe('19 Jan 2024 – 28 Jan 2024');
  });
});

describe('timeline: exact dates', () => {
  it('typed dates move the window; invalid ones are refused with a message', async () => {
    const store = await renderTimeline();
    const to = screen.getByLabelText('To') as HTMLInputElement;
    fireEvent.change(to, { target: { value: '2024-01-28' } });
    expect(label()).toBe('17 Oct 2023 – 28 Jan 2024');

    fireEvent.change(to, { target: { value: '2022-01-01' } });
    fireEvent.blur(to);
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose a date from 17 Oct 2023 to 2 Feb 2024.',
    );
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().window!.end).toBe(d('2024-01-28'));

    const from = screen.getByLabelText('From') as HTMLInputElement;
    fireEvent.change(from, { target: { value: '2024-02-01' } });
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'The start must be on or before the end (28 Jan 2024).',
    );
    expect(store.getState().window!.start).toBe(d('2023-10-17'));

    fireEvent.change(from, { target: { value: '' } });
    fireEvent.blur(from);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'Enter a complete, real date.',
    );
    // Moving the window elsewhere clears what was typed.
    fireEvent.click(screen.getByRole('button', { name: 'Back a day' }));
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(to.value).toBe('2024-01-27');
  });
});

describe('timeline: typing while playing', () => {
  it('typing a date pauses playback and applies the date', async () => {
    const store = await renderTimeline({ to: d('2023-11-01') });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().playing).toBe(true);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-01-28' } });
    expect(store.getState().playing).toBe(false);
    expect(label()).toBe('17 Oct 2023 – 28 Jan 2024');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });
});

describe('timeline: keyboard', () => {
  it('arrows step a day, Shift a week, Home/End jump, Space plays and pauses', async () => {
    const store = await renderTimeline({ from: d('2024-01-01'), to: d('2024-01-20') });
    const timeline = screen.getByRole('group', { name: 'Timeline' });
    expect(timeline.tabIndex).toBe(0);
    timeline.focus();
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    expect(label()).toBe('1 Jan 2024 – 21 Jan 2024');
    fireEvent.keyDown(timeline, { key: 'ArrowLeft', shiftKey: true });
    expect(label()).toBe('1 Jan 2024 – 14 Jan 2024');
    fireEvent.keyDown(timeline, { key: 'End' });
    expect(label()).toBe('1 Jan 2024 – 2 Feb 2024');
    fireEvent.keyDown(timeline, { key: 'Home' });
    expect(label()).toBe('17 Oct 2023');
    fireEvent.keyDown(timeline, { key: ' ' });
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    fireEvent.keyDown(timeline, { key: ' ' });
    expect(store.getState().playing).toBe(false);
  });

  it('leaves fields and slider handles their own keys', async () => {
    await renderTimeline({ from: d('2024-01-01'), to: d('2024-01-20') });
    fireEvent.keyDown(screen.getByLabelText('To'), { key: 'ArrowLeft' });
    expect(label()).toBe('1 Jan 2024 – 20 Jan 2024');
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Start date' }), { key: 'ArrowRight' });
    expect(label()).toBe('2 Jan 2024 – 20 Jan 2024');
  });

  it('every control is a real, labelled button or field reachable with Tab', async () => {
    await renderTimeline();
    for (const name of ['Back a week', 'Back a day', 'Play', 'Forward a day', 'Forward a week']) {
      expect(screen.getByRole('button', { name }).tabIndex).toBe(0);
    }
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Range' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Incidents' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const marks = within(screen.getByRole('group', { name: 'Key events' })).getAllByRole('button');
    expect(marks.map((m) => m.getAttribute('aria-label'))).toEqual([
      '17 Oct 2023: First attack',
      '28 Jan 2024: Tower 22',
      '2 Feb 2024: Strikes',
    ]);
  });
});

describe('timeline: the bar read-out for keyboard users', () => {
  const readout = () => screen.getByTestId('histogram').querySelector('.histogram-tooltip');
  /** The read-out shows once the keys rest (about 150 ms), with `text`. */
  const shows = (text: string) => waitFor(() => expect(readout()?.textContent).toContain(text));

  it('shows the dates and counts by type of the bar holding the end the keys moved', async () => {
    const store = await renderTimeline({ from: d('2024-01-01'), to: d('2024-01-27') });
    expect(readout()).toBeNull();
    const timeline = screen.getByRole('group', { name: 'Timeline' });
    timeline.focus();
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    // Not in the step itself: it waits for the keys to rest.
    expect(readout()).toBeNull();
    // The end is on Sunday 28 Jan 2024: the week of Tower 22.
    await shows('22 Jan 2024 – 28 Jan 2024');
    await shows('1 attack · 0 U.S. strikes');
    await shows('Drone: 1');
    // It follows the end into the next bar, cut at the span's last day.
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    await shows('29 Jan 2024 – 2 Feb 2024');
    await shows('0 attacks · 2 U.S. strikes');
    await shows('U.S. strike: 2');

    // A handle's keys read out the bar of the end that handle moves.
    const start = screen.getByRole('slider', { name: 'Start date' });
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight', shiftKey: true });
    expect(store.getState().window!.start).toBe(d('2024-01-08'));
    await shows('8 Jan 2024 – 14 Jan 2024');
    // The incident of 10 Jan has no location: it counts here all the same.
    await shows('1 attack · 0 U.S. strikes');
    const end = screen.getByRole('slider', { name: 'End date' });
    fireEvent.keyDown(end, { key: 'Home' });
    await shows('8 Jan 2024 – 14 Jan 2024');
    fireEvent.keyDown(end, { key: 'End' });
    await shows('29 Jan 2024 – 2 Feb 2024');
  });

  it('goes away when the pointer, playback or Escape takes over, or focus moves', async () => {
    await renderTimeline({ from: d('2024-01-01'), to: d('2024-01-20') });
    const timeline = screen.getByRole('group', { name: 'Timeline' });
    const step = () => fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    timeline.focus();
    step();
    await shows('15 Jan 2024 – 21 Jan 2024');
    fireEvent.pointerDown(timeline);
    expect(readout()).toBeNull();

    step();
    fireEvent.keyDown(timeline, { key: 'Escape' });
    expect(readout()).toBeNull();

    step();
    fireEvent.keyDown(timeline, { key: ' ' });
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(readout()).toBeNull();
    fireEvent.keyDown(timeline, { key: ' ' });

    // Focus moving (within the timeline or out of it) hides it until the next key.
    const end = screen.getByRole('slider', { name: 'End date' });
    step();
    act(() => end.focus());
    expect(readout()).toBeNull();
    fireEvent.keyDown(end, { key: 'ArrowRight' });
    await waitFor(() => expect(readout()).not.toBeNull());
    act(() => end.blur());
    expect(readout()).toBeNull();
  });
});

describe('timeline: histogram and marks', () => {
  it('draws stacked bars by type; the weighting toggle switches to casualties', async () => {
    const store = await renderTimeline();
    const hist = screen.getByTestId('histogram');
    const types = [...hist.querySelectorAll('path.bar')].map((p) => p.getAttribute('data-type'));
    expect(types).toEqual(['drone', 'rocket', 'unknown', 'us_strike']);
    expect(hist.getAttribute('aria-hidden')).toBe('true');
    expect(hist.textContent).toMatch(/2 incidents a week/);
    fireEvent.click(screen.getByRole('button', { name: 'U.S. casualties' }));
    expect(store.getState().weight).toBe('casualties');
    expect(
      screen.getByRole('button', { name: 'U.S. casualties' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(hist.textContent).toMatch(/43 U\.S\. casualties a week/);
    expect([...hist.querySelectorAll('path.bar')].map((p) => p.getAttribute('data-type'))).toEqual([
      'drone',
      'rocket',
    ]);
  });

  it('hovering a bar shows its dates and counts', async () => {
    await renderTimeline();
    const hist = screen.getByTestId('histogram');
    vi.spyOn(hist, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 600,
      height: 56,
      right: 600,
      bottom: 56,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    // The last week of the span: Monday 29 Jan – Friday 2 Feb 2024.
    fireEvent.pointerMove(hist, { clientX: 598 });
    expect(hist.textContent).toContain('29 Jan 2024 – 2 Feb 2024');
    expect(hist.textContent).toContain('0 attacks · 2 U.S. strikes');
    fireEvent.pointerLeave(hist);
    expect(hist.textContent).not.toContain('29 Jan 2024 – 2 Feb 2024');
  });

  it('a mark moves the window to its date and selects its incident', async () => {
    const store = await renderTimeline({ mode: 'window', span: 7 });
    fireEvent.click(screen.getByRole('button', { name: '28 Jan 2024: Tower 22' }));
    expect(label()).toBe('22 Jan 2024 – 28 Jan 2024');
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I3' });
    const note = screen.getByTestId('event-note');
    expect(note.textContent).toContain('Tower 22');
    expect(within(note).getByRole('link', { name: 'source' }).getAttribute('href')).toBe(
      'https://a.example/t22',
    );
    // A mark without an incident moves the window only; a non-http(s) source is not a link.
    fireEvent.click(screen.getByRole('button', { name: '2 Feb 2024: Strikes' }));
    expect(label()).toBe('27 Jan 2024 – 2 Feb 2024');
    expect(store.getState().selection).toEqual({ kind: 'incident', id: 'I3' });
    expect(within(screen.getByTestId('event-note')).queryByRole('link')).toBeNull();
  });

  it('explains official counts against the sample, at the window end', async () => {
    await renderTimeline(
      { to: d('2023-12-01') },
      {
        ...datasetFile,
        official_counts: [
          { as_of: '2023-10-27', attacks: 19, injured: null, note: null, source: null, url: null },
          { as_of: '2024-01-31', attacks: 165, injured: null, note: null, source: null, url: null },
        ],
      },
    );
    expect(screen.getByTestId('official-note').textContent).toMatch(
      /Official count: 19 attacks by 27 Oct 2023 ·\s+this sample: 2\./,
    );
    expect(screen.getByTestId('reference-lines')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Official counts' }));
    expect(screen.queryByTestId('official-note')).toBeNull();
    expect(screen.queryByTestId('reference-lines')).toBeNull();
  });
});

describe('timeline: announcements and reduced motion', () => {
  it('announces the window and its counts once a change settles, not on every step', async () => {
    await renderTimeline({ to: d('2024-01-28') });
    const live = screen.getByTestId('window-announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(live.textContent).toMatch(/^17 Oct 2023 – 28 Jan 2024/));
    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Back a day' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back a day' }));
    expect(live.textContent).toBe(
      '17 Oct 2023 – 28 Jan 2024: 4 attacks, 0 U.S. strikes, 3 U.S. killed, 46 injured.',
    );
    act(() => vi.advanceTimersByTime(1000));
    expect(live.textContent).toBe(
      '17 Oct 2023 – 26 Jan 2024: 3 attacks, 0 U.S. strikes, 0 U.S. killed, 6 injured.',
    );
  });

  it('follows prefers-reduced-motion: no automatic playback', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('reduce'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const store = await renderTimeline();
    expect(store.getState().reducedMotion).toBe(true);
    act(() => store.getState().play({ auto: true }));
    expect(store.getState().playing).toBe(false);
  });
});

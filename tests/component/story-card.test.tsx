/** The story card and presentation mode: caption, sources, counter, buttons, keys, authoring. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Story, StoryStep } from '../../src/data/story';
import { StoryCard } from '../../src/ui/story/story-card';
import { StoryMode } from '../../src/ui/story/story-mode';
import { fakeFetch } from '../fixtures/sample-data';
import { renderWithData } from './render';

const step = (title: string, from: string, extra: Partial<StoryStep> = {}): StoryStep => ({
  title,
  from,
  to: from,
  camera: { center: [40, 33], zoom: 6 },
  caption: `Caption of ${title}.`,
  sources: [
    { title: `Source of ${title}`, url: 'https://example.org/s' },
    { title: 'Second source', url: 'http://example.org/x' },
  ],
  ...extra,
});
const story: Story = {
  id: 'campaign',
  title: 'Test story',
  steps: [step('One', '2023-10-17'), step('Two', '2024-01-28'), step('Three', '2024-02-02')],
};

describe('StoryCard', () => {
  it('shows the step as a labelled region with its caption, counter and safe source links', () => {
    const onNext = vi.fn();
    render(
      <StoryCard
        story={story}
        step={2}
        edited={false}
        onPrevious={() => {}}
        onNext={onNext}
        onLeave={() => {}}
        onAddStep={() => {}}
        onDownload={() => {}}
      />,
    );
    const card = screen.getByRole('region', { name: 'Two' });
    expect(within(card).getByText('Step 2 of 3')).toBeTruthy();
    expect(within(card).getByText('Caption of Two.')).toBeTruthy();
    const link = within(card).getByRole('link', { name: 'Source of Two' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.querySelector('[aria-live="polite"]')).not.toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Next →' }));
    expect(onNext).toHaveBeenCalled();
    expect(within(card).getByText(/Download to keep your changes/)).toBeTruthy();
  });

  it('disables Previous on the first step and Next on the last', () => {
    const props = {
      story,
      edited: false,
      onPrevious() {},
      onNext() {},
      onLeave() {},
      onAddStep() {},
      onDownload() {},
    };
    const { rerender } = render(<StoryCard {...props} step={1} />);
    expect(screen.getByRole('button', { name: '← Previous' }).hasAttribute('disabled')).toBe(true);
    rerender(<StoryCard {...props} step={3} />);
    expect(screen.getByRole('button', { name: 'Next →' }).hasAttribute('disabled')).toBe(true);
  });
});

/** The story loads through fetch and zod: generous waits on a busy machine. */
const SLOW = { timeout: 8000 };

describe('StoryMode', { timeout: 30_000 }, () => {
  const fetchFn = fakeFetch({ 'data/story.json': story });

  it('opens the URL step, moves with the arrow keys (not in a text field) and leaves with Escape', async () => {
    const { store } = await renderWithData(
      <>
        <input aria-label="A text field" />
        <StoryMode getCamera={() => null} fetchFn={fetchFn} />
      </>,
      { story: 'campaign', step: 2 },
    );
    await screen.findByRole('region', { name: 'Two' }, SLOW);
    expect(store.getState().window?.start).toBe(store.getState().window?.end);
    expect(store.getState().cameraRequest?.target).toEqual(story.steps[1]!.camera);

    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    await screen.findByRole('region', { name: 'Three' }, SLOW);
    expect(store.getState().storyStep).toBe(3);

    fireEvent.keyDown(screen.getByLabelText('A text field'), { key: 'ArrowLeft' });
    expect(store.getState().storyStep).toBe(3);

    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowLeft' }));
    expect(store.getState().storyStep).toBe(2);

    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }));
    expect(store.getState().story).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('story-card')).toBeNull(), SLOW);
  });

  it('adds the current view as a step after the current one', async () => {
    const { store } = await renderWithData(
      <StoryMode getCamera={() => ({ center: [41, 34], zoom: 5 })} fetchFn={fetchFn} />,
      { story: 'campaign', step: 1 },
    );
    await screen.findByRole('region', { name: 'One' }, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Add current view as step' }));
    fireEvent.change(screen.getByLabelText('Step title'), { target: { value: 'Mine' } });
    fireEvent.change(screen.getByLabelText('Caption'), { target: { value: 'My caption.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    const card = await screen.findByRole('region', { name: 'Mine' }, SLOW);
    expect(within(card).getByText('Step 2 of 4')).toBeTruthy();
    expect(store.getState().storyStep).toBe(2);
    expect(within(card).getByText(/unsaved changes/)).toBeTruthy();
  });

  it('an unknown story id leaves the story with a notice', async () => {
    const { store } = await renderWithData(<StoryMode getCamera={() => null} fetchFn={fetchFn} />, {
      story: 'other',
    });
    await waitFor(() => expect(store.getState().story).toBeNull(), SLOW);
    expect(store.getState().notices.join(' ')).toMatch(/no story "other"/);
  });
});

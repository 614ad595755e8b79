/**
 * The story's caption card: title, caption, sources (http(s) links only, new tab, no referrer),
 * "Step 2 of 6", Previous/Next, leave, and the authoring buttons. Presentational: the
 * controller (story-mode.tsx) owns the story and the step.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Story } from '../../data/story';
import { SourceLink } from '../sources-list';

/** Props of the card. */
export interface StoryCardProps {
  story: Story;
  /** 1-based. */
  step: number;
  /** The story was changed in this session (authoring). */
  edited: boolean;
  onPrevious(): void;
  onNext(): void;
  onLeave(): void;
  /** Authoring actions; without them (an embed) the card has no "Edit story" part. */
  onAddStep?(): void;
  onDownload?(): void;
  /** Shown under the buttons (the "add step" form). */
  children?: ReactNode;
}

/** The caption card of the current step. */
export function StoryCard(props: StoryCardProps) {
  const { story, step, edited } = props;
  const current = story.steps[step - 1]!;
  const total = story.steps.length;
  const titleId = useId();
  // A step with a selection opens the side panel, which takes focus: a keyboard user who pressed
  // Previous/Next keeps their place on the card's buttons instead.
  const nav = useRef<HTMLDivElement>(null);
  const refocus = useRef<'previous' | 'next' | null>(null);
  useEffect(() => {
    const which = refocus.current;
    if (!which) return;
    const frame = requestAnimationFrame(() => {
      refocus.current = null;
      const buttons = nav.current?.querySelectorAll<HTMLButtonElement>('button');
      const wanted = buttons?.[which === 'previous' ? 0 : 1];
      const other = buttons?.[which === 'previous' ? 1 : 0];
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [step]);
  return (
    <section
      className="story-card"
      role="region"
      aria-labelledby={titleId}
      data-testid="story-card"
    >
      <p className="story-name">{story.title}</p>
      <div className="story-nav" ref={nav}>
        <button
          type="button"
          onClick={() => {
            refocus.current = 'previous';
            props.onPrevious();
          }}
          disabled={step <= 1}
        >
          ← Previous
        </button>
        <button
          type="button"
          onClick={() => {
            refocus.current = 'next';
            props.onNext();
          }}
          disabled={step >= total}
        >
          Next →
        </button>
        <button type="button" className="story-leave" onClick={props.onLeave}>
          Leave story
        </button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        <p className="story-counter" data-testid="story-counter">
          Step {step} of {total}
        </p>
        <h2 id={titleId} className="story-title">
          {current.title}
        </h2>
        <p className="story-caption" data-testid="story-caption">
          {current.caption}
        </p>
      </div>
      <p className="story-sources">
        Sources:{' '}
        {current.sources.map((s, i) => (
          <span key={`${s.url}-${i}`}>
            {i > 0 && ' · '}
            <SourceLink url={s.url} label={s.title} />
          </span>
        ))}
      </p>
      {props.onAddStep && props.onDownload && (
        <details className="story-authoring">
          <summary>Edit story</summary>
          <div className="story-edit-buttons">
            <button type="button" onClick={props.onAddStep}>
              Add current view as step
            </button>
            <button type="button" onClick={props.onDownload}>
              Download story
            </button>
          </div>
          <p className="story-note">
            {edited ? 'This story has unsaved changes. ' : ''}Edits stay in this tab only: Download
            to keep your changes.
          </p>
        </details>
      )}
      {props.children}
    </section>
  );
}

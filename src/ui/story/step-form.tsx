/** The small form of "Add current view as step": a title, a caption and an optional source. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isHttpUrl } from '../../data/safe-url';

/** What the author typed; `source` is empty or an http(s) URL. */
export interface StepText {
  title: string;
  caption: string;
  source: string;
}

/** The form; Escape or Cancel closes it without adding. */
export function StepForm({ onAdd, onCancel }: { onAdd(text: StepText): void; onCancel(): void }) {
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => first.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !caption.trim()) return setError('A title and a caption are needed.');
    if (source.trim() && !isHttpUrl(source.trim()))
      return setError('The source must be an http(s) address.');
    onAdd({ title, caption, source: source.trim() });
  };

  return (
    <form
      className="story-form"
      aria-label="New story step"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-t`}>Step title</label>
      <input
        id={`${id}-t`}
        ref={first}
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-c`}>Caption</label>
      <textarea
        id={`${id}-c`}
        value={caption}
        maxLength={600}
        rows={3}
        onChange={(e) => setCaption(e.target.value)}
      />
      <label htmlFor={`${id}-s`}>Source URL (optional; the view&apos;s own link otherwise)</label>
      <input id={`${id}-s`} type="url" value={source} onChange={(e) => setSource(e.target.value)} />
      {error && (
        <p className="story-form-error" role="alert">
          {error}
        </p>
      )}
      <div className="story-nav">
        <button type="submit">Add step</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The text search: typed text is applied after a pause (the description scan runs once per
 * search, not per key); Enter applies at once. Follows the store when filters are cleared.
 */
import { useEffect, useRef, useState } from 'react';
import { normalizeQuery } from '../../state/filters';
import { MAX_QUERY_LENGTH } from '../../state/url-schema';
import { useAppStore } from '../store-context';

/** Pause after the last key before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The search field. */
export function SearchBox() {
  const q = useAppStore((s) => s.filters.q);
  const setFilters = useAppStore((s) => s.setFilters);
  const [text, setText] = useState(q);
  const [seen, setSeen] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Cleared or changed elsewhere (Clear all, a retry): show the store's query.
  if (q !== seen) {
    setSeen(q);
    if (normalizeQuery(text) !== normalizeQuery(q)) setText(q);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (value: string) => {
    clearTimeout(timer.current);
    setFilters({ q: normalizeQuery(value) });
  };
  return (
    <div className="search-box">
      <label htmlFor="filter-search">Search</label>
      <input
        id="filter-search"
        type="search"
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="target, claimed by, description"
        aria-describedby="filter-search-hint"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(value), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(text);
        }}
      />
      <p id="filter-search-hint" className="fine-print">
        Words as written, any case, in the target, the claim or the description.
      </p>
    </div>
  );
}

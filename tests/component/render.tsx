/** Renders a component tree with a store loaded from the sample data. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { loadAll } from '../../src/data/load-all';
import { createAppStore } from '../../src/state/store';
import type { UrlState } from '../../src/state/url-schema';
import { StoreContext } from '../../src/ui/store-context';
import { ALL_FILES, fakeFetch, URLS } from '../fixtures/sample-data';

/** A store with the sample data loaded, and the tree rendered against it. */
export async function renderWithData(
  ui: ReactNode,
  url: UrlState = {},
  files: Record<string, unknown> = ALL_FILES,
) {
  const store = createAppStore(url);
  store.getState().setData(await loadAll(URLS, fakeFetch(files)), url);
  const view = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { store, ...view };
}

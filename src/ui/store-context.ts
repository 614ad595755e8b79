/** React access to the app store: a context holding the vanilla store, read through selectors. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state/store';

/** The store for the component tree (provided by the app shell, or by a test). */
export const StoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the store; re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreContext.Provider>');
  return useStore(store, selector);
}

/** The store itself, for reading state inside handlers or deriving text without subscribing. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi needs a <StoreContext.Provider>');
  return store;
}

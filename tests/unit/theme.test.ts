import { describe, expect, it } from 'vitest';
import { createThemeStore, resolveTheme } from '../../src/state/theme';

/** A stand-in for matchMedia('(prefers-color-scheme: dark)') whose answer can change. */
function fakeMedia(matches: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  return {
    media: {
      matches,
      addEventListener: (_: string, cb: (e: { matches: boolean }) => void) => listeners.push(cb),
    } as unknown as MediaQueryList,
    set(dark: boolean) {
      for (const cb of listeners) cb({ matches: dark });
    },
  };
}

describe('theme', () => {
  it('resolves a preference against the system setting', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
  });

  it('auto follows the system setting live; a fixed choice does not', () => {
    const system = fakeMedia(false);
    const store = createThemeStore('auto', system.media);
    expect(store.getState().resolved).toBe('light');
    system.set(true);
    expect(store.getState().resolved).toBe('dark');
    store.getState().setPreference('light');
    expect(store.getState().resolved).toBe('light');
    system.set(false);
    system.set(true);
    expect(store.getState().resolved).toBe('light');
    store.getState().setPreference('auto');
    expect(store.getState().resolved).toBe('dark');
  });

  it('works without matchMedia (light for auto)', () => {
    expect(createThemeStore('auto', null).getState().resolved).toBe('light');
    expect(createThemeStore('dark').getState().resolved).toBe('dark');
  });
});

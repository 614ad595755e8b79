/** The header's Light / Dark / Auto switch: a radio group, so screen readers say which is on. */
import { useStore } from 'zustand';
import { themeStore } from '../../state/theme';
import { THEMES, type ThemePreference } from '../../state/url-view';

const LABELS: Record<ThemePreference, string> = { light: 'Light', dark: 'Dark', auto: 'Auto' };

/** The theme switch. */
export function ThemeSwitch() {
  const store = themeStore();
  const preference = useStore(store, (s) => s.preference);
  const setPreference = useStore(store, (s) => s.setPreference);
  return (
    <fieldset className="theme-switch" data-testid="theme-switch">
      <legend className="visually-hidden">Colour theme</legend>
      {THEMES.map((t) => (
        <label
          key={t}
          className={preference === t ? 'on' : undefined}
          title={t === 'auto' ? 'Follow the system setting' : undefined}
        >
          <input
            type="radio"
            name="theme"
            value={t}
            checked={preference === t}
            onChange={() => setPreference(t)}
          />
          {LABELS[t]}
        </label>
      ))}
    </fieldset>
  );
}

/** The resolved theme, for canvases that draw with theme colours. */
export function useResolvedTheme(): 'light' | 'dark' {
  return useStore(themeStore(), (s) => s.resolved);
}

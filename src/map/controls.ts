/** A "reset view" map control: fits the camera to the data again. */
import type { IControl } from 'maplibre-gl';

/** Button control calling `onReset`. */
export class ResetViewControl implements IControl {
  private container: HTMLDivElement | null = null;

  constructor(private readonly onReset: () => void) {}

  onAdd(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reset-view-button';
    button.title = 'Reset view to the data';
    button.setAttribute('aria-label', 'Reset view to the data');
    button.textContent = '⤢';
    button.addEventListener('click', () => this.onReset());
    div.append(button);
    this.container = div;
    return div;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}

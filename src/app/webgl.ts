/** Whether this browser can create a WebGL2 context (MapLibre 6 and deck.gl need it). */
export function hasWebGl2(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

/**
 * The density view: a deck.gl HeatmapLayer under the same time window as the points.
 *
 * deck.gl's DataFilterExtension does not reach the heatmap's weight pass (its vertex shader has
 * no filter hooks, and a filter change does not redo the weight map), so this subclass filters
 * there itself: it reads the same per-point filter values as the point layer (day offset, kind)
 * and drops points outside the window in the weight shader. A window change re-runs the GPU
 * weight pass over the uploaded points; nothing is re-uploaded or re-laid out.
 */
import { HeatmapLayer, type HeatmapLayerProps } from '@deck.gl/aggregation-layers';
import type { UpdateParameters } from '@deck.gl/core';

/** [first day offset, last day offset, lowest kind, highest kind], inclusive, as float32. */
export type DensityWindow = [number, number, number, number];

const windowUniforms = {
  name: 'densityWindow',
  vs: `\
layout(std140) uniform densityWindowUniforms {
  vec4 range;
} densityWindow;
`,
  uniformTypes: { range: 'vec4<f32>' },
} as const;

const WEIGHTS_OUTPUT = 'out vec4 weightsTexture;';

/** Adds the window test to the heatmap's weight vertex shader. */
function filterWeightsShader(vs: string): string {
  return vs.replace(WEIGHTS_OUTPUT, `${WEIGHTS_OUTPUT}\nin vec2 filterValues;`).replace(
    /}\s*$/,
    `  vec4 r = densityWindow.range;
  if (filterValues.x < r.x || filterValues.x > r.y || filterValues.y < r.z || filterValues.y > r.w) {
    // Outside the window: no weight, and the point lands off the weight texture.
    weightsTexture = vec4(0.);
    gl_PointSize = 0.;
    gl_Position = vec4(2., 2., 0., 1.);
  }
}
`,
  );
}

/** Heatmap props plus the window. */
export type WindowedHeatmapProps<D> = HeatmapLayerProps<D> & {
  densityWindow: DensityWindow;
  /** Per point [day offset, kind]: the point layer's `getFilterValue` attribute. */
  getFilterValue?: unknown;
};

/** A HeatmapLayer whose weights count only points inside `densityWindow`. */
export class WindowedHeatmapLayer<D = unknown> extends HeatmapLayer<D, WindowedHeatmapProps<D>> {
  static layerName = 'WindowedHeatmapLayer';

  initializeState(): void {
    super.initializeState();
    this.getAttributeManager()!.add({
      filterValues: { size: 2, accessor: 'getFilterValue', defaultValue: [0, 0] },
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- deck.gl types shaders as any
  getShaders(shaders: any): any {
    const s = super.getShaders(shaders);
    if (typeof s.vs !== 'string' || !s.vs.includes(WEIGHTS_OUTPUT)) return s;
    return { ...s, vs: filterWeightsShader(s.vs), modules: [...s.modules, windowUniforms] };
  }

  updateState(opts: UpdateParameters<this>): void {
    super.updateState(opts);
    const next = opts.props.densityWindow;
    const prev = opts.oldProps.densityWindow;
    const moved = prev !== undefined && next.some((v, i) => v !== prev[i]);
    // The weight map was just redone if the data or the view changed; else redo it for the window.
    if (moved && !this.state.isWeightMapDirty && this.state.weightsTransform) {
      this._updateWeightmap();
    }
  }

  _updateWeightmap(): void {
    this.state.weightsTransform?.model.shaderInputs.setProps({
      densityWindow: { range: this.props.densityWindow },
    });
    super._updateWeightmap();
  }
}

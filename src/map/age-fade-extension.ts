/**
 * The age fade on the GPU: a deck.gl layer extension that scales each incident's colour alpha by
 * its strength under an AgeFade (src/time/age-fade.ts), computed in the vertex shader from the
 * day the DataFilterExtension already uploads (`filterValues.x`). A new fade is three uniforms:
 * nothing is re-uploaded when the window moves.
 *
 * Why not the filter's own soft range: it fades to zero opacity at the range's edge (the oldest
 * incidents would vanish), and the time filter and the fade could not be set apart.
 *
 * Use it after a DataFilterExtension whose first filter channel is the day offset.
 */
import { LayerExtension, type Layer } from '@deck.gl/core';
import { NO_FADE, type AgeFade } from '../time/age-fade';

/** The layer prop this extension reads: a fade in day offsets (the filter values' unit). */
export interface AgeFadeProps {
  ageFade?: AgeFade;
}

const ageFadeModule = {
  name: 'ageFade',
  vs: `\
layout(std140) uniform ageFadeUniforms {
  float oldest;
  float full;
  float floorAlpha;
} ageFade;

float ageFade_strength(float day) {
  if (day >= ageFade.full) return 1.0;
  float t = clamp((day - ageFade.oldest) / max(ageFade.full - ageFade.oldest, 1e-6), 0.0, 1.0);
  return mix(ageFade.floorAlpha, 1.0, t);
}
`,
  inject: {
    // The vertex stage: once per point and colour (fill, line), not per fragment.
    'vs:DECKGL_FILTER_COLOR': `
    color.a *= ageFade_strength(filterValues.x);
  `,
  },
  getUniforms: (props?: { fade?: AgeFade }) => {
    const f = props?.fade ?? NO_FADE;
    return { oldest: f.oldest, full: f.full, floorAlpha: f.floor };
  },
  uniformTypes: { oldest: 'f32', full: 'f32', floorAlpha: 'f32' },
} as const;

/** Fades a filtered layer's objects by age (see the module comment). */
export class AgeFadeExtension extends LayerExtension {
  static extensionName = 'AgeFadeExtension';
  static defaultProps = { ageFade: { type: 'object', value: NO_FADE, compare: true } };

  getShaders(): unknown {
    return { modules: [ageFadeModule] };
  }

  draw(this: Layer<AgeFadeProps>): void {
    this.setShaderModuleProps({ ageFade: { fade: this.props.ageFade } });
  }
}

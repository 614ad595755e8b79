/**
 * What the exported legend shows, as data: the same entries as the legend on screen
 * (src/ui/legend.tsx) for the layers that are switched on, with the same colours (palette.ts).
 * The composition draws it onto the canvas.
 */
import { INCIDENT_TYPES } from '../../data/types';
import {
  BASE_COLORS,
  DENSITY_COLORS,
  FORCE_CLASSES,
  forceClassLabel,
  TYPE_LABELS,
  typeCss,
} from '../../state/palette';
import type { LayerId } from '../../state/url-schema';
import { formatDay } from '../../time/days';

/** How an entry's mark is drawn. */
export type Swatch =
  | { kind: 'dot'; color: string }
  | { kind: 'ring'; color: string }
  | { kind: 'faint'; color: string }
  | { kind: 'box'; color: string }
  | { kind: 'box-none' }
  | { kind: 'box-stale'; color: string }
  | { kind: 'base'; color: string; opacity: number }
  | { kind: 'ramp'; colors: string[] };

/** A legend block: a heading, its entries and an optional note. */
export interface LegendSection {
  title: string;
  items: { swatch: Swatch; label: string }[];
  note?: string;
}

const ATTACK_TYPES = INCIDENT_TYPES.filter((t) => t !== 'us_strike');

/** The legend for these layers; `endDay` is the window's end (the date force levels are for). */
export function legendSections(
  layers: Record<LayerId, boolean>,
  endDay: number | null,
): LegendSection[] {
  const sections: LegendSection[] = [];
  if (layers.attacks) {
    sections.push({
      title: 'Attacks on U.S. forces',
      items: ATTACK_TYPES.map((t) => ({
        swatch: { kind: 'dot', color: typeCss(t) },
        label: TYPE_LABELS[t],
      })),
    });
  }
  if (layers.strikes) {
    sections.push({
      title: 'U.S. strikes',
      items: [{ swatch: { kind: 'dot', color: typeCss('us_strike') }, label: 'U.S. strike' }],
    });
  }
  if (layers.attacks || layers.strikes) {
    sections.push(
      layers.density
        ? {
            title: 'Incident density',
            items: [
              {
                swatch: { kind: 'ramp', colors: DENSITY_COLORS.map((c) => `rgb(${c.join(',')})`) },
                label: 'fewer → more incidents',
              },
            ],
            note: "Relative to the densest spot in the window's incidents.",
          }
        : {
            title: 'Location and confidence',
            items: [
              { swatch: { kind: 'dot', color: '#555' }, label: 'exact site' },
              { swatch: { kind: 'ring', color: '#555' }, label: 'town-level or approximate' },
              { swatch: { kind: 'faint', color: '#555' }, label: 'low confidence' },
            ],
          },
    );
  }
  if (layers.bases) {
    sections.push({
      title: 'Bases',
      items: [
        { swatch: { kind: 'base', color: BASE_COLORS.active, opacity: 1 }, label: 'active' },
        {
          swatch: { kind: 'base', color: BASE_COLORS.active, opacity: 0.35 },
          label: "inactive at the window's end",
        },
      ],
    });
  }
  if (layers.forces) {
    sections.push({
      title: 'U.S. troops per country',
      items: [
        ...FORCE_CLASSES.map((c, i) => ({
          swatch: { kind: 'box', color: c.color } as Swatch,
          label: forceClassLabel(i),
        })),
        { swatch: { kind: 'box-none' }, label: 'no dated figure' },
        {
          swatch: { kind: 'box-stale', color: FORCE_CLASSES[0]!.color },
          label: 'figure over a year old',
        },
      ],
      note: `Figure in force on ${endDay === null ? "the window's end" : formatDay(endDay)}.`,
    });
  }
  return sections;
}

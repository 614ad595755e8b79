// @ts-check
// The model behind the synthetic incidents: their time profile, places, shares and wording, and
// small weighted-choice helpers.

/** The six incident types of data/README.md. */
export const TYPES = /** @type {const} */ ([
  'drone',
  'rocket',
  'missile',
  'mixed',
  'unknown',
  'us_strike',
]);

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2023, 9, 1);

/** The synthetic data's span: day 0 is 2023-10-01, the last day 2025-09-30. */
export const SPAN = {
  first: '2023-10-01',
  last: '2025-09-30',
  days: Math.round((Date.UTC(2025, 8, 30) - START_MS) / DAY_MS) + 1,
  /** `YYYY-MM-DD` of day `i` of the span. */
  isoOf: (/** @type {number} */ i) => new Date(START_MS + i * DAY_MS).toISOString().slice(0, 10),
};

/**
 * Relative intensity per day: a low background, the main campaign from 17 Oct 2023 (peaking in
 * December, fading after the February 2024 strikes), a smaller summer-2024 wave and a third, smaller
 * one in spring 2025.
 */
export function intensity(/** @type {number} */ day) {
  const bump = (/** @type {number} */ c, /** @type {number} */ w) =>
    Math.exp(-0.5 * ((day - c) / w) ** 2);
  const campaign = day >= 16 ? 1.0 * bump(75, 40) : 0;
  return 0.03 + campaign + 0.4 * bump(324, 35) + 0.2 * bump(531, 45);
}

/**
 * `n` day indexes drawn from `intensity`, sorted; the first and last days of the span are always
 * present (so the data's span is the whole SPAN).
 * @param {() => number} rand
 * @param {number} n
 */
export function waveDays(rand, n) {
  const cdf = new Float64Array(SPAN.days);
  let total = 0;
  for (let d = 0; d < SPAN.days; d++) cdf[d] = total += intensity(d);
  const days = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const u = rand() * total;
    let lo = 0;
    let hi = SPAN.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (/** @type {number} */ (cdf[mid]) < u) lo = mid + 1;
      else hi = mid;
    }
    days[i] = lo;
  }
  days.sort();
  if (n > 0) days[0] = 0;
  if (n > 1) days[n - 1] = SPAN.days - 1;
  return days;
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(/** @type {number} */ seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal deviate (Box-Muller). */
export function gauss(/** @type {() => number} */ rand) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * One of `items`, by their `weight`.
 * @template {{ weight: number }} T
 * @param {() => number} rand
 * @param {readonly T[]} items
 * @returns {T}
 */
export function pick(rand, items) {
  let total = 0;
  for (const it of items) total += it.weight;
  let u = rand() * total;
  for (const it of items) if ((u -= it.weight) < 0) return it;
  return /** @type {T} */ (items[items.length - 1]);
}

/**
 * A key of `weights`, chosen with those weights.
 * @template {string} K
 * @param {() => number} rand
 * @param {Record<K, number>} weights
 * @returns {K}
 */
export function pickWeighted(rand, weights) {
  const keys = /** @type {K[]} */ (Object.keys(weights));
  return pick(
    rand,
    keys.map((k) => ({ k, weight: weights[k] })),
  ).k;
}

/**
 * One of `items`, uniformly.
 * @template T
 * @param {() => number} rand
 * @param {readonly T[]} items
 * @returns {T}
 */
export function oneOf(rand, items) {
  return /** @type {T} */ (items[Math.floor(rand() * items.length)]);
}

// How often each base was attacked in the real sample (data/incidents.geojson), plus one.
export const BASE_WEIGHT = /** @type {Record<string, number>} */ ({
  ain_al_asad: 23,
  conoco: 17,
  erbil_ab: 15,
  al_omar: 14,
  shaddadi: 12,
  harir: 9,
  al_tanf: 9,
  rumalyn: 7,
  kharab_al_jir: 6,
  malikiyah: 3,
  tal_baydar: 3,
  victory_bdsc: 3,
});

/** Militia areas hit by U.S. strikes (approximate town locations). */
export const STRIKE_SITES = [
  { name: 'Abu Kamal (al-Bukamal) area', country: 'Syria', lng: 40.9367, lat: 34.4536, weight: 5 },
  { name: 'Mayadin area', country: 'Syria', lng: 40.4533, lat: 35.0183, weight: 3 },
  { name: 'Deir ez-Zor area', country: 'Syria', lng: 40.1408, lat: 35.3359, weight: 2 },
  { name: 'Al-Qaim area', country: 'Iraq', lng: 41.0292, lat: 34.3689, weight: 3 },
  { name: 'Jurf al-Sakhar', country: 'Iraq', lng: 44.2139, lat: 32.8667, weight: 2 },
  { name: 'Baghdad', country: 'Iraq', lng: 44.3661, lat: 33.3152, weight: 1 },
];
/** Boxes for background noise, weighted roughly by area. */
export const COUNTRY_BOXES = [
  { country: 'Iraq', box: [39.5, 30.0, 48.0, 37.0], weight: 45 },
  { country: 'Syria', box: [36.0, 32.5, 42.2, 37.2], weight: 40 },
  { country: 'Jordan', box: [35.5, 29.5, 39.0, 33.3], weight: 15 },
];
export const TYPE_SHARE = { drone: 53, rocket: 27, missile: 6, mixed: 8, unknown: 6 };
export const WEAPONS = /** @type {Record<string, (string | null)[]>} */ ({
  drone: ['one-way attack drone', 'drone', 'two drones', 'suicide drone'],
  rocket: ['Katyusha rockets', '122mm rockets', 'rockets', 'single rocket'],
  missile: ['ballistic missile', 'close-range ballistic missiles'],
  mixed: ['rockets and drones', 'rocket and drone attack'],
  unknown: [null],
  us_strike: ['airstrikes', 'precision strikes', 'F-15E strike'],
});
export const CLAIMS = [
  { by: 'Islamic Resistance in Iraq', group: 'Islamic Resistance in Iraq', weight: 42 },
  { by: 'Kataib Hezbollah', group: 'Kataib Hezbollah', weight: 3 },
  { by: 'pro-Iran fighters (SOHR)', group: 'other', weight: 3 },
  { by: 'none claimed', group: 'unclaimed', weight: 4 },
  { by: null, group: 'unclaimed', weight: 48 },
];

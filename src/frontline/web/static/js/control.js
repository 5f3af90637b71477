// Territorial control on the map: a replay bar (date slider and play) that redraws, for the
// chosen day, who holds each place according to the events, the reference map's polygons
// (a toggled layer) and the events up to that day; plus the offline context a reader needs at
// every zoom (admin-1 boundaries, town labels by population) and areas for events placed only
// at a region or a country. All text from the API reaches the page through dom.js (text nodes).

import {clear, h} from './dom.js';
import {denseRange} from './timeline.js';

const L = window.L;
const DAY = 86400000;

const SIDE_COLORS = {Russia: '#c62828', Ukraine: '#1565c0', contested: '#8e24aa', unknown: '#757575'};
const OTHER_COLORS = ['#2e7d32', '#ef6c00', '#00838f', '#6d4c41'];
export const VERDICTS = [
  ['consistent', 'consistent', 'the reference map agrees on the day'],
  ['ahead_of_map', 'ahead of map', 'the map agrees only later'],
  ['contradicted', 'contradicted', 'the map does not agree within 120 days'],
  ['outside_reference', 'outside reference', 'the map does not cover it'],
];

export function sideColor(party) {
  if (SIDE_COLORS[party]) return SIDE_COLORS[party];
  let x = 0;
  for (const c of String(party)) x = (x * 31 + c.charCodeAt(0)) | 0;
  return OTHER_COLORS[Math.abs(x) % OTHER_COLORS.length];
}

const slug = (s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-');
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const parse = (s) => Date.parse(`${s}T00:00:00Z`);

async function getJSON(url) {
  const r = await fetch(url, {headers: {Accept: 'application/json'}});
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(`${r.status}: ${(body && body.detail) || r.statusText}`);
  return body;
}

/** Admin-1 boundary lines (vendored Natural Earth), town and region labels, region areas. */
export class ContextLayers {
  constructor(map, renderer) {
    this.map = map;
    this.lines = L.layerGroup().addTo(map);
    this.labels = L.layerGroup().addTo(map);
    this.renderer = renderer;
    this.seq = 0;
    this.hidden = new Set(); // names the events' own place labels already show
    this.items = [];
    map.on('moveend', () => this.updateLabels());
  }

  async load() {
    const r = await fetch('/static/vendor/natural-earth/admin1-lines.json');
    const feature = await r.json();
    L.geoJSON(feature, {
      renderer: this.renderer, interactive: false,
      style: {color: '#a08f7a', weight: 0.8, dashArray: '3 3', opacity: 0.9},
    }).addTo(this.lines);
    this.updateLabels();
  }

  async updateLabels() {
    const id = ++this.seq;
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(3)).join(',');
    let items;
    try {
      items = await getJSON(`/api/basemap/labels?bbox=${bbox}&zoom=${this.map.getZoom()}`);
    } catch {
      return; // labels are context: the map stays usable without them
    }
    if (id !== this.seq) return;
    this.items = items;
    this.draw();
  }

  /** Names of places the map already labels (event places, from zoom 7): not drawn twice. */
  hideNames(names) {
    this.hidden = new Set(names);
    this.draw();
  }

  draw() {
    this.labels.clearLayers();
    const eventLabels = this.map.getZoom() >= 7;
    for (const p of this.items) {
      if (eventLabels && p.kind !== 'admin1' && this.hidden.has(p.name)) continue;
      const big = p.population >= 500000 || p.capital;
      const cls = p.kind === 'admin1' ? 'region-label' : big ? 'town-label town-big' : 'town-label';
      if (p.kind !== 'admin1') {
        L.circleMarker([p.lat, p.lon], {radius: big ? 3 : 2, weight: 1, color: '#555', fillColor: '#fff',
          fillOpacity: 1, interactive: false, renderer: this.renderer}).addTo(this.labels);
      }
      this.labels.addLayer(L.tooltip({permanent: true, direction: p.kind === 'admin1' ? 'center' : 'right',
        offset: p.kind === 'admin1' ? [0, 0] : [4, 0], className: cls, interactive: false})
        .setLatLng([p.lat, p.lon]).setContent(h('span', {}, p.name)));
    }
  }
}

/** Events placed only at a region or a country: a dashed circle as large as the area, so it
 * reads as "somewhere here", not as a pin on the region's centre. */
export class AreaLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    this.areas = new Map();
  }

  async load() {
    try {
      const items = await getJSON('/api/basemap/areas');
      this.areas = new Map(items.map((a) => [`${a.lat}|${a.lon}`, a]));
    } catch {
      this.areas = new Map();
    }
  }

  isArea(ev) {
    return this.areas.has(`${ev.lat}|${ev.lon}`);
  }

  setEvents(events) {
    this.layer.clearLayers();
    const seen = new Set();
    for (const ev of events) {
      const a = this.areas.get(`${ev.lat}|${ev.lon}`);
      if (!a || seen.has(a.place)) continue;
      seen.add(a.place);
      L.circle([a.lat, a.lon], {radius: a.radius_km * 1000, className: `ev-area ev-area-${a.precision}`,
        color: '#6b5b45', weight: 1.5, dashArray: '6 5', fillColor: '#b59f7b', fillOpacity: 0.12, interactive: false})
        .addTo(this.layer);
    }
  }
}

/** Who holds each place on the chosen day (from /api/control), as coloured rings. */
export class ControlLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    this.cache = new Map();
    this.data = null;
    // Rings grow with the zoom: at country scale they must not bury the event clusters.
    map.on('zoomend', () => this.data && this.draw(this.data));
  }

  ringRadius(precision) {
    const z = this.map.getZoom();
    const base = z < 5 ? 7 : z < 7 ? 11 : 17;
    return precision === 'place' ? base : base + 7;
  }

  async show(day) {
    const key = day || 'latest';
    let data = this.cache.get(key);
    if (!data) {
      data = await getJSON(day ? `/api/control?date=${day}` : '/api/control');
      if (this.cache.size > 400) this.cache.clear();
      this.cache.set(key, data);
    }
    this.data = data;
    this.draw(data);
    return data;
  }

  draw(data) {
    this.layer.clearLayers();
    for (const s of data.items) {
      const p = s.place;
      // A whole country "held" is no map fact (the CLI and API still list it).
      if (p.lat === null || p.lat === undefined || p.precision === 'country') continue;
      const color = sideColor(s.controller);
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: this.ringRadius(p.precision), color, weight: 3.5, fillColor: color, fillOpacity: 0.25,
        dashArray: s.status === 'claimed' ? '4 3' : null,
        className: `ctl ctl-${slug(s.controller)} ctl-${s.status} ctl-at-${slug(p.gazetteer_id || p.name)}`,
      });
      marker.bindTooltip(() => h('div', {class: 'ev-tooltip'},
        h('strong', {}, p.name), h('div', {}, `${s.controller === 'contested' ? 'contested' : `held by ${s.controller}`}`
          + ` (${s.status}) since ${s.since}`),
        h('div', {class: 'muted'}, `${s.events.length} event${s.events.length === 1 ? '' : 's'}`)),
      {direction: 'top', offset: [0, -10]});
      marker.on('click', () => { location.hash = `#/event/${encodeURIComponent(s.events[s.events.length - 1])}`; });
      this.layer.addLayer(marker);
    }
  }
}

/** The reference map's polygons for the chosen day (simplified server-side), toggled. */
export class ReferenceLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup();
    this.cache = new Map();
    this.ref = null;
  }

  async init() {
    const refs = await getJSON('/api/reference').catch(() => []);
    this.ref = refs.find((r) => r.snapshots > 0) || null;
    return this.ref;
  }

  async show(day) {
    if (!this.ref) return null;
    const key = day || 'latest';
    let feature = this.cache.get(key);
    if (!feature) {
      const q = day ? `?date=${day}` : '';
      feature = await getJSON(`/api/reference/${encodeURIComponent(this.ref.name)}${q}`);
      if (this.cache.size > 60) this.cache.clear();
      this.cache.set(key, feature);
    }
    this.layer.clearLayers();
    if (feature.geometry) {
      const color = sideColor(this.ref.held_by);
      L.geoJSON(feature, {interactive: false,
        style: {color, weight: 1, fillColor: color, fillOpacity: 0.16, className: 'ref-area'}}).addTo(this.layer);
    }
    return feature.properties;
  }
}

/** The bar over the map: slider and play for the day, reference toggle, claim-check filter. */
export class ReplayBar {
  constructor(mapElement, {onDate, onVerdict}) {
    this.onDate = onDate;
    this.onVerdict = onVerdict;
    this.lo = NaN;
    this.hi = NaN;
    this.timer = null;
    this.slider = h('input', {type: 'range', class: 'replay-slider', min: '0', max: '0', step: '1', value: '0',
      'aria-label': 'Day shown on the map', oninput: () => this.changed()});
    this.play = h('button', {type: 'button', class: 'replay-play', title: 'Replay day by day',
      'aria-label': 'Play', onclick: () => this.toggle()}, '▶');
    this.day = h('output', {class: 'replay-day'}, 'latest');
    this.refToggle = h('input', {type: 'checkbox', class: 'replay-ref', onchange: () => this.changed(true)});
    this.refLabel = h('label', {class: 'replay-ref-label', hidden: ''}, this.refToggle, ' ', h('span', {}, 'reference'));
    this.refCaption = h('span', {class: 'replay-ref-caption muted'});
    this.verdict = h('select', {class: 'replay-verdict', 'aria-label': 'Claims checked against the reference map',
      onchange: () => this.onVerdict(this.verdict.value)},
    h('option', {value: ''}, 'all events'),
    VERDICTS.map(([v, label, help]) => h('option', {value: v, title: help}, `claims ${label}`)));
    this.verdict.hidden = true;
    this.legend = h('span', {class: 'replay-legend'},
      ['Russia', 'Ukraine', 'contested'].map((s) => h('span', {class: 'replay-key'},
        h('span', {class: `replay-dot ctl-key-${slug(s)}`}), s)),
      h('span', {class: 'replay-key', title: 'an event placed only at a region or a country: somewhere in the dashed circle'},
        h('span', {class: 'replay-dot area-key'}), 'region-wide'));
    this.el = h('div', {class: 'replay', role: 'group', 'aria-label': 'Replay control by date'},
      this.play, this.slider, this.day, this.legend, this.refLabel, this.refCaption, this.verdict);
    L.DomEvent.disableClickPropagation(this.el);
    L.DomEvent.disableScrollPropagation(this.el);
    mapElement.append(this.el);
  }

  enableReference(ref) {
    this.refLabel.hidden = !ref;
    this.verdict.hidden = !ref;
    if (ref) {
      this.refLabel.title = `${ref.name}: areas held by ${ref.held_by}${ref.covers ? ` in ${ref.covers}` : ''}, `
        + `${ref.snapshots} maps ${ref.first} – ${ref.last}`;
      this.refToggle.checked = true;
    }
  }

  /** The slider's range: the dense bulk of the events' dates (as the timeline opens on). */
  setRange(events) {
    const [lo, hi] = denseRange(events);
    const keep = Number.isFinite(this.lo) && this.atEnd === false ? this.value() : null;
    this.lo = lo;
    this.hi = hi - DAY;
    const days = Number.isFinite(lo) ? Math.max(0, Math.round((this.hi - this.lo) / DAY)) : 0;
    this.slider.max = String(days + 1); // the last position is "latest": every event, control after all of them
    this.slider.disabled = !Number.isFinite(lo);
    this.slider.dataset.first = Number.isFinite(lo) ? iso(lo) : '';
    if (keep && parse(keep) >= this.lo && parse(keep) <= this.hi) this.slider.value = String(Math.round((parse(keep) - this.lo) / DAY));
    else this.slider.value = this.slider.max;
    this.render();
  }

  get atEnd() {
    return this.slider.value === this.slider.max;
  }

  /** The chosen day as YYYY-MM-DD, or null for "latest". */
  value() {
    if (!Number.isFinite(this.lo) || this.atEnd) return null;
    return iso(this.lo + Number(this.slider.value) * DAY);
  }

  setDay(day) {
    const i = Math.round((parse(day) - this.lo) / DAY);
    this.slider.value = String(Math.max(0, Math.min(Number(this.slider.max), i)));
    this.changed();
  }

  render() {
    clear(this.day).append(this.value() || 'latest');
  }

  changed(now = false) {
    this.render();
    clearTimeout(this.debounce);
    const fire = () => this.onDate(this.value(), this.refToggle.checked);
    if (now || this.timer) fire();
    else this.debounce = setTimeout(fire, 90);
  }

  toggle() {
    if (this.timer) {
      this.stop();
      return;
    }
    if (this.atEnd) this.slider.value = '0';
    this.play.textContent = '❚❚';
    this.play.setAttribute('aria-label', 'Pause');
    const steps = Number(this.slider.max);
    const stride = Math.max(1, Math.ceil(steps / 150)); // a long range replays in ~150 steps
    this.timer = setInterval(() => {
      const next = Math.min(steps, Number(this.slider.value) + stride);
      this.slider.value = String(next);
      this.changed();
      if (next >= steps) this.stop();
    }, 350);
    this.changed();
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.play.textContent = '▶';
    this.play.setAttribute('aria-label', 'Play');
  }

  setCaption(props) {
    clear(this.refCaption).append(props && props.date ? `map of ${props.date}` : props ? 'no map yet on this day' : '');
  }
}

/** The event panel's "checked against the reference map" box and the place's control history. */
export async function addControlFacts(panel, ev) {
  if (!ev || !ev.type || !ev.type.startsWith('territory.') || !ev.location) return;
  const article = panel.querySelector('#event-view');
  if (!article) return;
  const box = h('section', {class: 'control-facts'});
  const anchor = article.querySelector('h3');
  article.insertBefore(box, anchor);
  const refs = await getJSON('/api/reference').catch(() => []);
  if (refs.some((r) => r.snapshots > 0)) {
    try {
      const check = await getJSON(`/api/check?event=${encodeURIComponent(ev.id)}`);
      const v = check.items[0];
      if (v) {
        box.append(h('h3', {}, `Checked against ${check.reference}`),
          h('p', {class: `verdict verdict-${v.verdict}`, dataset: {verdict: v.verdict}},
            h('span', {class: 'verdict-chip'}, v.verdict.replace(/_/g, ' ')), ' ', v.sentence));
      }
    } catch {
      // the check failed: the panel simply says nothing about the reference map
    }
  }
  if (ev.date && ev.date.start) {
    try {
      const where = ev.location.gazetteer_id || ev.location.name;
      const hist = await getJSON(`/api/control/history?place=${encodeURIComponent(where)}`);
      box.append(h('h3', {}, `Control of ${hist.place.name}`),
        h('ol', {class: 'control-history'}, hist.changes.map((c) => h('li', {class: c.counts ? '' : 'muted'},
          h('span', {class: 'ctl-chip', dataset: {side: c.controller_after}}, c.controller_after), ' ',
          `${c.date}: `, h('a', {href: `#/event/${encodeURIComponent(c.event)}`}, c.summary),
          c.counts ? '' : ` (${c.event_status}: not counted)`))));
    } catch {
      // a place no dated capture or withdrawal speaks of
    }
  }
}

/** The panel's list of claims with one verdict (the claim-check filter). */
export function renderVerdicts(panel, data, verdict, {onBack}) {
  clear(panel).append(h('div', {class: 'panel-nav'}, h('button', {type: 'button', class: 'back', onclick: onBack}, '← All events')),
    h('h2', {}, `${data.items.length} claim${data.items.length === 1 ? '' : 's'} ${verdict.replace(/_/g, ' ')}`),
    h('p', {class: 'muted'}, `Captures and withdrawals checked against ${data.reference} (areas held by ${data.held_by}`
      + `${data.covers ? ` in ${data.covers}` : ''}).`),
    h('ol', {class: 'verdict-list'}, data.items.map((v) => h('li', {dataset: {verdict: v.verdict}},
      h('a', {href: `#/event/${encodeURIComponent(v.event)}`}, `${v.date} · ${v.place}`),
      h('div', {}, v.sentence)))));
}

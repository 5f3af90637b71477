// The timeline: the same events as the map, one lane per type, zoomable from decades to
// hours (wheel or buttons) and draggable. Long events (a month-long offensive) are drawn as
// shaded periods behind the lanes. A histogram counts every matching event per day, even
// those beyond the page of events loaded. Drawn in SVG so each event is a focusable element.

import {h, svg, clear} from './dom.js';
import {TYPES, markClasses, typeInfo} from './style.js';

const HOUR = 3600e3;
const DAY = 24 * HOUR;
const MIN_SPAN = 3 * HOUR;
const MAX_SPAN = 60 * 365.25 * DAY;
const GUTTER = 118;
const AXIS_H = 22;
const HIST_H = 26;
const PERIOD_H = 18;
const LANE_H = 17;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STEPS = [
  ['hour', 1], ['hour', 3], ['hour', 6], ['hour', 12], ['day', 1], ['day', 2], ['week', 1], ['month', 1],
  ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 20],
];
const APPROX = {hour: HOUR, day: DAY, week: 7 * DAY, month: 30.44 * DAY, year: 365.25 * DAY};

export const parseDay = (iso) => (iso ? Date.parse(`${iso}T00:00:00Z`) : NaN);
const fmtDay = (t, year = true) => {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year ? ' ' + d.getUTCFullYear() : ''}`;
};
export const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

function floorTo(t, unit, n) {
  const d = new Date(t);
  if (unit === 'hour') return Math.floor(t / (n * HOUR)) * n * HOUR;
  if (unit === 'day') return Math.floor(t / (n * DAY)) * n * DAY;
  if (unit === 'week') return Math.floor((t - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY; // Mondays
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % n), 1);
  return Date.UTC(d.getUTCFullYear() - (d.getUTCFullYear() % n), 0, 1);
}

function addStep(t, unit, n) {
  const d = new Date(t);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() + n, 0, 1);
  return t + n * APPROX[unit];
}

function tickLabel(t, unit, first) {
  const d = new Date(t);
  if (unit === 'hour') {
    const hh = String(d.getUTCHours()).padStart(2, '0');
    return d.getUTCHours() === 0 || first ? `${fmtDay(t, false)} ${hh}:00` : `${hh}:00`;
  }
  if (unit === 'day' || unit === 'week') return fmtDay(t, first || (d.getUTCMonth() === 0 && d.getUTCDate() <= 7));
  if (unit === 'month') return d.getUTCMonth() === 0 || first ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()];
  return String(d.getUTCFullYear());
}

function hash(s) {
  let x = 0;
  for (let i = 0; i < s.length; i++) x = (x * 31 + s.charCodeAt(i)) | 0;
  return x;
}

/** Events that span a week or more, or are dated only to a month or year: drawn as periods. */
export function isPeriod(ev) {
  const start = parseDay(ev.date_start);
  const end = parseDay(ev.date_end || ev.date_start);
  return end - start >= 6 * DAY;
}

export class Timeline {
  constructor(element, {onSelect, onRange} = {}) {
    this.el = element;
    this.onSelect = onSelect || (() => {});
    this.onRange = onRange || (() => {});
    this.events = [];
    this.byDay = {};
    this.selected = null;
    this.t0 = Date.UTC(2025, 0, 1);
    this.t1 = Date.UTC(2026, 0, 1);
    this.caption = h('span', {class: 'tl-caption'});
    const button = (label, title, fn) => h('button', {type: 'button', class: 'tl-btn', title, onclick: fn}, label);
    this.toolbar = h('div', {class: 'tl-toolbar'},
      h('strong', {}, 'Timeline'),
      button('−', 'Zoom out', () => this.zoom(2)),
      button('+', 'Zoom in', () => this.zoom(0.5)),
      button('Fit', 'Show every event', () => this.fit()),
      button('Filter to this range', 'Use the visible dates as the date filter', () => this.onRange(isoDay(this.t0), isoDay(this.t1 - 1))),
      this.caption,
      h('span', {class: 'tl-hint'}, 'wheel to zoom, drag to pan'));
    this.svg = svg('svg', {class: 'tl-svg', tabindex: '0', role: 'img', 'aria-label': 'Timeline of events'});
    this.scroller = h('div', {class: 'tl-scroll'}, this.svg);
    element.append(this.toolbar, this.scroller);
    this.bindInput();
    this.pending = false;
    new ResizeObserver(() => this.render()).observe(this.scroller);
  }

  get width() {
    return Math.max(300, this.scroller.clientWidth);
  }

  x(t) {
    return GUTTER + ((t - this.t0) / (this.t1 - this.t0)) * (this.width - GUTTER - 8);
  }

  tAt(px) {
    return this.t0 + ((px - GUTTER) / (this.width - GUTTER - 8)) * (this.t1 - this.t0);
  }

  setEvents(events, byDay = null) {
    this.events = events.filter((e) => e.date_start);
    this.byDay = byDay || {};
    this.render();
  }

  fit() {
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of this.events) {
      lo = Math.min(lo, parseDay(e.date_start));
      hi = Math.max(hi, parseDay(e.date_end || e.date_start) + DAY);
    }
    if (!Number.isFinite(lo)) {
      for (const iso of Object.keys(this.byDay)) {
        lo = Math.min(lo, parseDay(iso));
        hi = Math.max(hi, parseDay(iso) + DAY);
      }
    }
    if (!Number.isFinite(lo)) return this.render();
    const pad = Math.max((hi - lo) * 0.06, 12 * HOUR);
    this.setRange(lo - pad, hi + pad);
  }

  setRange(t0, t1) {
    let span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, t1 - t0));
    const mid = (t0 + t1) / 2;
    if (!Number.isFinite(mid)) return;
    this.t0 = mid - span / 2;
    this.t1 = mid + span / 2;
    this.schedule();
  }

  zoom(factor, atPx = null) {
    const pivot = atPx === null ? (this.t0 + this.t1) / 2 : this.tAt(atPx);
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (this.t1 - this.t0) * factor));
    const ratio = (pivot - this.t0) / (this.t1 - this.t0);
    this.t0 = pivot - ratio * span;
    this.t1 = this.t0 + span;
    this.schedule();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  select(id) {
    this.selected = id;
    const ev = this.events.find((e) => e.id === id);
    if (ev) {
      const t = parseDay(ev.date_start) + DAY / 2;
      if (t < this.t0 || t > this.t1) {
        const span = this.t1 - this.t0;
        this.t0 = t - span / 2;
        this.t1 = t + span / 2;
      }
    }
    this.render();
  }

  bindInput() {
    this.svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const box = this.svg.getBoundingClientRect();
      this.zoom(Math.exp(e.deltaY * 0.0015), e.clientX - box.left);
    }, {passive: false});
    let drag = null;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      drag = {x: e.clientX, t0: this.t0, t1: this.t1, moved: false};
    });
    window.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (!drag.moved) return;
      const shift = (dx / (this.width - GUTTER - 8)) * (drag.t1 - drag.t0);
      this.t0 = drag.t0 - shift;
      this.t1 = drag.t1 - shift;
      this.svg.classList.add('dragging');
      this.schedule();
    });
    window.addEventListener('pointerup', () => {
      if (drag && drag.moved) this.suppressClick = true;
      drag = null;
      this.svg.classList.remove('dragging');
    });
    this.svg.addEventListener('click', (e) => {
      if (this.suppressClick) {
        this.suppressClick = false;
        return;
      }
      const target = e.target.closest('[data-id]');
      if (target) this.onSelect(target.dataset.id, 'timeline');
    });
    this.svg.addEventListener('keydown', (e) => {
      const span = this.t1 - this.t0;
      if (e.key === '+' || e.key === '=') this.zoom(0.5);
      else if (e.key === '-') this.zoom(2);
      else if (e.key === 'ArrowLeft') this.setRange(this.t0 - span / 5, this.t1 - span / 5);
      else if (e.key === 'ArrowRight') this.setRange(this.t0 + span / 5, this.t1 + span / 5);
      else if ((e.key === 'Enter' || e.key === ' ') && e.target.dataset && e.target.dataset.id) {
        this.onSelect(e.target.dataset.id, 'timeline');
      } else return;
      e.preventDefault();
    });
  }

  render() {
    const W = this.width;
    const points = [];
    const periods = [];
    for (const ev of this.events) (isPeriod(ev) ? periods : points).push(ev);
    const present = new Set(points.map((e) => typeInfo(e.type).id));
    const lanes = TYPES.filter((t) => present.has(t.id));
    const top = AXIS_H + HIST_H;
    const lanesTop = top + PERIOD_H;
    const H = lanesTop + Math.max(1, lanes.length) * LANE_H + 6;
    clear(this.svg);
    this.svg.setAttribute('width', String(W));
    this.svg.setAttribute('height', String(H));
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    const span = this.t1 - this.t0;
    const msPerPx = span / (W - GUTTER - 8);
    this.caption.textContent = `${fmtDay(this.t0)} – ${fmtDay(this.t1)}`;

    const clip = svg('clipPath', {id: 'tl-clip'}, svg('rect', {x: GUTTER, y: 0, width: W - GUTTER, height: H}));
    const grid = svg('g', {class: 'tl-grid'});
    const plot = svg('g', {'clip-path': 'url(#tl-clip)'});
    this.svg.append(svg('defs', {}, clip), grid, plot);

    // Lane labels and stripes.
    grid.append(svg('text', {x: 6, y: top + 13, class: 'tl-lane-label'}, 'Periods'));
    grid.append(svg('text', {x: 6, y: AXIS_H + 16, class: 'tl-lane-label muted'}, 'Events / day'));
    lanes.forEach((t, i) => {
      const y = lanesTop + i * LANE_H;
      if (i % 2 === 0) grid.append(svg('rect', {x: GUTTER, y, width: W - GUTTER, height: LANE_H, class: 'tl-stripe'}));
      grid.append(svg('text', {x: 6, y: y + 12, class: 'tl-lane-label'}, t.label));
    });

    // Axis ticks.
    const [unit, n] = STEPS.find(([u, k]) => (APPROX[u] * k) / msPerPx >= 80) || STEPS[STEPS.length - 1];
    let tick = floorTo(this.t0, unit, n);
    let first = true;
    for (let guard = 0; tick <= this.t1 && guard < 400; guard++) {
      const x = this.x(tick);
      if (x >= GUTTER) {
        plot.append(svg('line', {x1: x, x2: x, y1: AXIS_H - 4, y2: H, class: 'tl-tick'}));
        plot.append(svg('text', {x: x + 3, y: 13, class: 'tl-tick-label'}, tickLabel(tick, unit, first)));
        first = false;
      }
      tick = addStep(tick, unit, n);
    }

    // Histogram of every matching event per day (aggregated so bars stay >= 2px wide).
    const bucketDays = Math.max(1, Math.ceil((2 * msPerPx) / DAY));
    const buckets = new Map();
    for (const [iso, count] of Object.entries(this.byDay)) {
      const t = parseDay(iso);
      if (!Number.isFinite(t)) continue;
      const b = Math.floor(t / (bucketDays * DAY));
      buckets.set(b, (buckets.get(b) || 0) + count);
    }
    let max = 1;
    for (const [b, c] of buckets) {
      const t = b * bucketDays * DAY;
      if (t + bucketDays * DAY >= this.t0 && t <= this.t1) max = Math.max(max, c);
    }
    for (const [b, c] of buckets) {
      const t = b * bucketDays * DAY;
      if (t + bucketDays * DAY < this.t0 || t > this.t1) continue;
      const x = this.x(t);
      const w = Math.max(1, this.x(t + bucketDays * DAY) - x - 0.5);
      const bh = Math.max(1.5, (c / max) * (HIST_H - 6));
      plot.append(svg('rect', {x, y: AXIS_H + HIST_H - 3 - bh, width: w, height: bh, class: 'tl-hist'},
        svg('title', {}, `${isoDay(t)}${bucketDays > 1 ? ` (+${bucketDays - 1} days)` : ''}: ${c} events`)));
    }

    // Periods: shaded behind the lanes, with a bar and label in their own row.
    for (const ev of periods) {
      const s = parseDay(ev.date_start);
      const e = parseDay(ev.date_end || ev.date_start) + DAY;
      if (e < this.t0 || s > this.t1) continue;
      const x = this.x(s);
      const w = Math.max(3, this.x(e) - x);
      const sel = ev.id === this.selected ? ' selected' : '';
      plot.append(svg('rect', {x, y: lanesTop, width: w, height: H - lanesTop, class: `tl-period-bg ${markClasses(ev)}${sel}`}));
      const bar = svg('g', {class: `tl-event tl-period ${markClasses(ev)}${sel}`, dataset: {id: ev.id}, tabindex: '0', role: 'button'},
        svg('title', {}, `${ev.summary} (${ev.date_start} – ${ev.date_end})`),
        svg('rect', {x, y: top + 2, width: w, height: PERIOD_H - 4, rx: 3}),
        svg('text', {x: Math.max(x, GUTTER) + 4, y: top + 12.5, class: 'tl-period-label'}, ev.summary));
      plot.append(bar);
    }

    // Point events (and short ranges) in their type's lane.
    const laneIndex = new Map(lanes.map((t, i) => [t.id, i]));
    const selectedNodes = [];
    for (const ev of points) {
      const s = parseDay(ev.date_start);
      const e = parseDay(ev.date_end || ev.date_start) + DAY;
      if (e < this.t0 || s > this.t1) continue;
      const lane = laneIndex.get(typeInfo(ev.type).id);
      const cy = lanesTop + lane * LANE_H + LANE_H / 2 + ((hash(ev.id) % 5) * 0.9);
      const sel = ev.id === this.selected;
      const g = svg('g', {class: `tl-event ${markClasses(ev)}${sel ? ' selected' : ''}`, dataset: {id: ev.id}, tabindex: '0', role: 'button'},
        svg('title', {}, `${ev.summary} (${ev.date_start}${ev.place ? ', ' + ev.place : ''})`));
      const dayW = this.x(e) - this.x(s);
      if (e - s > DAY || dayW > 24) {
        g.append(svg('rect', {x: this.x(s), y: cy - 4, width: Math.max(2, dayW), height: 8, rx: 3, class: 'tl-range'}));
      }
      g.append(svg('circle', {cx: this.x(s + DAY / 2), cy, r: sel ? 7 : 5}));
      if (sel) selectedNodes.push(g);
      else plot.append(g);
    }
    plot.append(...selectedNodes); // drawn last, on top
    if (!this.events.length) {
      this.svg.append(svg('text', {x: GUTTER + 10, y: lanesTop + 13, class: 'tl-empty'}, 'No dated events in this selection.'));
    }
  }
}

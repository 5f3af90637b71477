// The timeline: the same events as the map, one lane per type, zoomable from decades to
// hours (wheel or buttons) and draggable. Events lasting a week or more (a month-long
// offensive) are bars in a "Periods" band, the selected one shaded across every lane. A
// histogram counts every matching event per day, even those beyond the page loaded.
// SVG elements are built once per selection; zooming and panning only move them.

import {h, svg, clear} from './dom.js';
import {TYPES, markClasses, typeInfo} from './style.js';

const HOUR = 3600e3;
const DAY = 24 * HOUR;
const MIN_SPAN = 3 * HOUR;
const MAX_SPAN = 60 * 365.25 * DAY;
const GUTTER = 118;
const RIGHT = 8;
const AXIS_H = 22;
const HIST_H = 26;
const PERIOD_ROW = 15;
const MAX_PERIOD_ROWS = 3;
const LANE_H = 15;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STEPS = [
  ['hour', 1], ['hour', 3], ['hour', 6], ['hour', 12], ['day', 1], ['day', 2], ['week', 1], ['month', 1],
  ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 20],
];
const APPROX = {hour: HOUR, day: DAY, week: 7 * DAY, month: 30.44 * DAY, year: 365.25 * DAY};

export const parseDay = (iso) => (iso ? Date.parse(`${iso}T00:00:00Z`) : NaN);
export const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
const fmtDay = (t, year = true) => {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year ? ' ' + d.getUTCFullYear() : ''}`;
};

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
  return Math.abs(x);
}

/** Events that span a week or more (or are dated only to a month or a year): drawn as periods. */
export function isPeriod(ev) {
  return parseDay(ev.date_end || ev.date_start) - parseDay(ev.date_start) >= 6 * DAY;
}

/** The window that opens on the news: the 5th to 95th percentile of the events' start days
 * (dated points first; long background periods such as "since 1955" are clipped at the edge,
 * not allowed to set it). Fewer than 20 events: all of them. */
export function denseRange(events, byDay = {}) {
  if (events.length && events.length < 20) {
    // A handful of events: show every one of them, periods included.
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of events) {
      lo = Math.min(lo, parseDay(e.date_start));
      hi = Math.max(hi, parseDay(e.date_end || e.date_start) + DAY);
    }
    if (Number.isFinite(lo)) return [lo, hi];
  }
  const points = events.filter((e) => !isPeriod(e));
  let days = (points.length ? points : events).map((e) => parseDay(e.date_start)).filter(Number.isFinite);
  if (!days.length) days = Object.keys(byDay).map(parseDay).filter(Number.isFinite);
  if (!days.length) return [NaN, NaN];
  days.sort((a, b) => a - b);
  const q = (p) => days[Math.min(days.length - 1, Math.max(0, Math.round(p * (days.length - 1))))];
  return [q(0.05), q(0.95) + DAY];
}

export class Timeline {
  constructor(element, {onSelect, onRange} = {}) {
    this.el = element;
    this.onSelect = onSelect || (() => {});
    this.onRange = onRange || (() => {});
    this.events = [];
    this.byDay = {};
    this.items = []; // {ev, start, end, period, row|lane, nodes: [...]}
    this.selected = null;
    this.t0 = Date.UTC(2025, 0, 1);
    this.t1 = Date.UTC(2026, 0, 1);
    this.caption = h('span', {class: 'tl-caption'});
    const button = (label, title, fn) => h('button', {type: 'button', class: 'tl-btn', title, onclick: fn}, label);
    this.toolbar = h('div', {class: 'tl-toolbar'},
      h('strong', {}, 'Timeline'),
      button('−', 'Zoom out', () => this.zoom(2)),
      button('+', 'Zoom in', () => this.zoom(0.5)),
      button('Fit', 'Show the bulk of the events (5th–95th percentile of their dates)', () => this.fit()),
      button('Filter to this range', 'Use the visible dates as the date filter',
        () => this.onRange(isoDay(this.t0), isoDay(this.t1 - 1))),
      this.caption,
      h('span', {class: 'tl-hint'}, 'wheel to zoom, drag to pan'));
    this.svg = svg('svg', {class: 'tl-svg', tabindex: '0', role: 'group', 'aria-label': 'Timeline of events'});
    this.tip = h('div', {class: 'tl-tip', hidden: ''});
    this.scroller = h('div', {class: 'tl-scroll'}, this.svg, this.tip);
    element.append(this.toolbar, this.scroller);
    this.pending = false;
    this.bindInput();
    this.build();
    new ResizeObserver(() => this.build()).observe(this.scroller);
  }

  get width() {
    return Math.max(300, this.scroller.clientWidth);
  }

  x(t) {
    return GUTTER + ((t - this.t0) / (this.t1 - this.t0)) * (this.width - GUTTER - RIGHT);
  }

  tAt(px) {
    return this.t0 + ((px - GUTTER) / (this.width - GUTTER - RIGHT)) * (this.t1 - this.t0);
  }

  setEvents(events, byDay = null, {fit = false} = {}) {
    this.events = events.filter((e) => e.date_start && Number.isFinite(parseDay(e.date_start)));
    this.byDay = byDay || {};
    if (fit) this.fitRange();
    this.build();
  }

  fitRange() {
    const [lo, hi] = denseRange(this.events, this.byDay);
    if (!Number.isFinite(lo)) return;
    const pad = Math.max((hi - lo) * 0.04, 12 * HOUR);
    this.clampRange(lo - pad, hi + pad);
  }

  fit() {
    this.fitRange();
    this.schedule();
  }

  clampRange(t0, t1) {
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, t1 - t0));
    const mid = (t0 + t1) / 2;
    if (!Number.isFinite(mid)) return;
    this.t0 = mid - span / 2;
    this.t1 = mid + span / 2;
  }

  zoom(factor, atPx = null) {
    const pivot = atPx === null ? (this.t0 + this.t1) / 2 : this.tAt(atPx);
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (this.t1 - this.t0) * factor));
    const ratio = (pivot - this.t0) / (this.t1 - this.t0);
    this.t0 = pivot - ratio * span;
    this.t1 = this.t0 + span;
    this.schedule();
  }

  pan(fraction) {
    const shift = (this.t1 - this.t0) * fraction;
    this.t0 += shift;
    this.t1 += shift;
    this.schedule();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.layout();
    });
  }

  select(id) {
    this.selected = id;
    for (const el of this.svg.querySelectorAll('.selected')) el.classList.remove('selected');
    const item = this.items.find((it) => it.ev.id === id);
    if (item) {
      for (const node of item.nodes) {
        node.classList.add('selected');
        node.parentNode.append(node); // on top of its neighbours
      }
      const t = item.period ? item.start : item.start + DAY / 2;
      if (t < this.t0 || t > this.t1) {
        const span = this.t1 - this.t0;
        this.t0 = t - span / 2;
        this.t1 = t + span / 2;
      }
    }
    this.layout();
  }

  bindInput() {
    this.svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const box = this.svg.getBoundingClientRect();
      this.zoom(Math.exp(e.deltaY * 0.0015), e.clientX - box.left);
    }, {passive: false});
    let drag = null;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.button === 0) drag = {x: e.clientX, t0: this.t0, t1: this.t1, moved: false};
    });
    window.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (!drag.moved) return;
      const shift = (dx / (this.width - GUTTER - RIGHT)) * (drag.t1 - drag.t0);
      this.t0 = drag.t0 - shift;
      this.t1 = drag.t1 - shift;
      this.svg.classList.add('dragging');
      this.tip.hidden = true;
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
      if (e.key === '+' || e.key === '=') this.zoom(0.5);
      else if (e.key === '-') this.zoom(2);
      else if (e.key === 'ArrowLeft') this.pan(-0.2);
      else if (e.key === 'ArrowRight') this.pan(0.2);
      else if ((e.key === 'Enter' || e.key === ' ') && e.target.dataset && e.target.dataset.id) {
        this.onSelect(e.target.dataset.id, 'timeline');
      } else return;
      e.preventDefault();
    });
    // One tooltip for all marks: text only, positioned beside the pointer.
    this.svg.addEventListener('pointerover', (e) => {
      const target = e.target.closest('[data-id]');
      const item = target && this.items.find((it) => it.ev.id === target.dataset.id);
      if (!item) return;
      const ev = item.ev;
      const dates = ev.date_end && ev.date_end !== ev.date_start ? `${ev.date_start} – ${ev.date_end}` : ev.date_start;
      this.tip.textContent = '';
      this.tip.append(h('strong', {}, ev.summary), h('br'), [dates, ev.place].filter(Boolean).join(' · '));
      const box = this.scroller.getBoundingClientRect();
      this.tip.style.left = `${Math.min(e.clientX - box.left + 12, box.width - 270)}px`;
      this.tip.style.top = `${e.clientY - box.top + this.scroller.scrollTop + 12}px`;
      this.tip.hidden = false;
    });
    this.svg.addEventListener('pointerout', (e) => {
      if (e.target.closest('[data-id]')) this.tip.hidden = true;
    });
  }

  /** Create the lanes and one element per event; positions are set by layout(). */
  build() {
    const points = [];
    const periods = [];
    for (const ev of this.events) {
      const item = {ev, start: parseDay(ev.date_start), end: parseDay(ev.date_end || ev.date_start) + DAY, nodes: []};
      item.period = isPeriod(ev);
      (item.period ? periods : points).push(item);
    }
    // Periods packed into rows in time order (independent of zoom), overflow in the last row.
    periods.sort((a, b) => a.start - b.start);
    const rowEnds = [];
    for (const it of periods) {
      let row = rowEnds.findIndex((end) => end <= it.start);
      if (row < 0 && rowEnds.length < MAX_PERIOD_ROWS) row = rowEnds.length;
      if (row < 0) { // no free row: overlap in the last one, unlabelled
        row = MAX_PERIOD_ROWS - 1;
        it.crowded = true;
      }
      rowEnds[row] = Math.max(rowEnds[row] || 0, it.end);
      it.row = row;
    }
    const periodRows = Math.max(1, rowEnds.length);
    const present = new Set(points.map((it) => typeInfo(it.ev.type).id));
    const lanes = TYPES.filter((t) => present.has(t.id));
    const laneIndex = new Map(lanes.map((t, i) => [t.id, i]));
    this.top = AXIS_H + HIST_H;
    this.lanesTop = this.top + periodRows * PERIOD_ROW + 4;
    this.height = this.lanesTop + Math.max(1, lanes.length) * LANE_H + 6;
    const W = this.width;

    clear(this.svg);
    this.svg.setAttribute('width', String(W));
    this.svg.setAttribute('height', String(this.height));
    const grid = svg('g', {class: 'tl-grid'});
    grid.append(svg('text', {x: 6, y: AXIS_H + 16, class: 'tl-lane-label muted'}, 'Events / day'));
    grid.append(svg('text', {x: 6, y: this.top + 11, class: 'tl-lane-label'}, 'Periods'));
    lanes.forEach((t, i) => {
      const y = this.lanesTop + i * LANE_H;
      if (i % 2 === 0) grid.append(svg('rect', {x: GUTTER, y, width: W - GUTTER, height: LANE_H, class: 'tl-stripe'}));
      grid.append(svg('text', {x: 6, y: y + 11, class: 'tl-lane-label'}, t.label));
    });
    this.ticks = svg('g', {class: 'tl-ticks'});
    this.hist = svg('g', {class: 'tl-hists'});
    this.shade = svg('g', {class: 'tl-shades'});
    this.periodLayer = svg('g', {class: 'tl-periods'});
    this.pointLayer = svg('g', {class: 'tl-points'});
    const clipId = 'tl-clip';
    this.svg.append(
      svg('defs', {}, svg('clipPath', {id: clipId}, svg('rect', {x: GUTTER, y: 0, width: W - GUTTER, height: this.height}))),
      grid,
      svg('g', {'clip-path': `url(#${clipId})`}, this.ticks, this.hist, this.shade, this.periodLayer, this.pointLayer));

    for (const it of periods) {
      const cls = `tl-event tl-period ${markClasses(it.ev)}`;
      const label = svg('text', {class: 'tl-period-label'}, it.ev.summary);
      const bar = svg('rect', {height: PERIOD_ROW - 3, rx: 3});
      const g = svg('g', {class: cls, dataset: {id: it.ev.id}, tabindex: '0', role: 'button', 'aria-label': it.ev.summary}, bar, label);
      it.bar = bar;
      it.label = label;
      it.nodes.push(g);
      this.periodLayer.append(g);
      if (periods.length <= 3) {
        it.bg = svg('rect', {class: `tl-period-bg ${markClasses(it.ev)}`});
        this.shade.append(it.bg);
      }
    }
    for (const it of points) {
      const cls = `tl-event ${markClasses(it.ev)}`;
      it.cy = this.lanesTop + laneIndex.get(typeInfo(it.ev.type).id) * LANE_H + LANE_H / 2 + ((hash(it.ev.id) % 5) - 2) * 0.8;
      if (it.end - it.start > DAY) {
        it.range = svg('rect', {class: `${cls} tl-range`, dataset: {id: it.ev.id}, y: it.cy - 4, height: 8, rx: 3});
        it.nodes.push(it.range);
        this.pointLayer.append(it.range);
      }
      it.dot = svg('circle', {class: cls, dataset: {id: it.ev.id}, cy: it.cy, r: 4.5, tabindex: '0', role: 'button',
        'aria-label': it.ev.summary});
      it.nodes.push(it.dot);
      this.pointLayer.append(it.dot);
    }
    this.selectedShade = svg('rect', {class: 'tl-period-bg selected', visibility: 'hidden'});
    this.shade.append(this.selectedShade);
    this.items = [...periods, ...points];
    if (!this.events.length) {
      this.svg.append(svg('text', {x: GUTTER + 10, y: this.lanesTop + 12, class: 'tl-empty'}, 'No dated events in this selection.'));
    }
    if (this.selected) {
      const sel = this.items.find((it) => it.ev.id === this.selected);
      if (sel) for (const node of sel.nodes) { node.classList.add('selected'); node.parentNode.append(node); }
    }
    this.layout();
  }

  /** Place everything for the current time range: axis, histogram, events. */
  layout() {
    const W = this.width;
    const span = this.t1 - this.t0;
    const msPerPx = span / (W - GUTTER - RIGHT);
    this.caption.textContent = `${fmtDay(this.t0)} – ${fmtDay(this.t1)}`;

    clear(this.ticks);
    const [unit, n] = STEPS.find(([u, k]) => (APPROX[u] * k) / msPerPx >= 80) || STEPS[STEPS.length - 1];
    let tick = floorTo(this.t0, unit, n);
    let first = true;
    for (let guard = 0; tick <= this.t1 && guard < 400; guard++) {
      const x = this.x(tick);
      if (x >= GUTTER) {
        this.ticks.append(svg('line', {x1: x, x2: x, y1: AXIS_H - 4, y2: this.height, class: 'tl-tick'}),
          svg('text', {x: x + 3, y: 13, class: 'tl-tick-label'}, tickLabel(tick, unit, first)));
        first = false;
      }
      tick = addStep(tick, unit, n);
    }

    // Histogram: every matching event per day, aggregated so that bars stay at least 2px wide.
    clear(this.hist);
    const bucketDays = Math.max(1, Math.ceil((2 * msPerPx) / DAY));
    const buckets = new Map();
    for (const [iso, count] of Object.entries(this.byDay)) {
      const t = parseDay(iso);
      if (!Number.isFinite(t) || t + bucketDays * DAY < this.t0 - bucketDays * DAY || t > this.t1) continue;
      const b = Math.floor(t / (bucketDays * DAY));
      buckets.set(b, (buckets.get(b) || 0) + count);
    }
    const max = Math.max(1, ...buckets.values());
    for (const [b, c] of buckets) {
      const t = b * bucketDays * DAY;
      const x = this.x(t);
      const w = Math.max(1, this.x(t + bucketDays * DAY) - x - 0.5);
      const bh = Math.max(1.5, (c / max) * (HIST_H - 6));
      this.hist.append(svg('rect', {x, y: AXIS_H + HIST_H - 3 - bh, width: w, height: bh, class: 'tl-hist'},
        svg('title', {}, `${isoDay(t)}${bucketDays > 1 ? ` (+${bucketDays - 1} days)` : ''}: ${c} events`)));
    }

    const visible = (it) => it.end >= this.t0 && it.start <= this.t1;
    this.selectedShade.setAttribute('visibility', 'hidden');
    for (const it of this.items) {
      const show = visible(it);
      for (const node of it.nodes) node.setAttribute('display', show ? 'inline' : 'none');
      if (it.bg) it.bg.setAttribute('display', show ? 'inline' : 'none');
      if (!show) continue;
      const x0 = this.x(it.start);
      const x1 = this.x(it.end);
      if (it.period) {
        const w = Math.max(3, x1 - x0);
        const y = this.top + it.row * PERIOD_ROW + 1;
        it.bar.setAttribute('x', x0);
        it.bar.setAttribute('y', y);
        it.bar.setAttribute('width', w);
        const left = Math.max(x0, GUTTER);
        it.label.setAttribute('x', left + 4);
        it.label.setAttribute('y', y + 9.5);
        // A label shows only where it fits inside its bar (about 6px a character).
        const fits = !it.crowded && it.ev.summary.length * 6 < x0 + w - left - 8;
        it.label.setAttribute('display', fits ? 'inline' : 'none');
        const shade = [x0, this.lanesTop, w, this.height - this.lanesTop];
        if (it.bg) ['x', 'y', 'width', 'height'].forEach((k, i) => it.bg.setAttribute(k, shade[i]));
        if (it.ev.id === this.selected) {
          ['x', 'y', 'width', 'height'].forEach((k, i) => this.selectedShade.setAttribute(k, shade[i]));
          this.selectedShade.setAttribute('visibility', 'visible');
        }
      } else {
        if (it.range) {
          it.range.setAttribute('x', x0);
          it.range.setAttribute('width', Math.max(2, x1 - x0));
        }
        it.dot.setAttribute('cx', it.end - it.start > DAY ? x0 : this.x(it.start + DAY / 2));
      }
    }
  }
}

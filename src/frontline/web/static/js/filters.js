// The filter bar: type, status, date range, place, actor, source, free text, map area.
// It owns the inputs and reports a plain filter object on every change.

import {h, clear, debounce} from './dom.js';
import {STATUSES, TYPES, markClasses} from './style.js';
import {exportUrl} from './api.js';

function checkboxMenu(id, label, options, selected, onChange) {
  const summary = h('summary', {}, label);
  const counts = new Map();
  const boxes = options.map((o) => {
    const box = h('input', {type: 'checkbox', value: o.id, name: id});
    box.checked = selected.includes(o.id);
    box.addEventListener('change', onChange);
    const count = h('span', {class: 'count muted'});
    counts.set(o.id, count);
    return h('label', {class: 'check', title: o.help || ''}, box, h('span', {class: `ev-marker legend-mark ${o.mark}`}), o.label, count);
  });
  const clearBtn = h('button', {type: 'button', class: 'link', onclick: () => {
    boxes.forEach((b) => { b.querySelector('input').checked = false; });
    onChange();
  }}, 'clear');
  const menu = h('details', {class: 'dropdown', id}, summary, h('div', {class: 'menu'}, boxes, clearBtn));
  return {
    el: menu,
    values: () => boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value),
    set: (values) => boxes.forEach((b) => { const i = b.querySelector('input'); i.checked = values.includes(i.value); }),
    update(counts_) {
      const n = this.values().length;
      summary.textContent = n ? `${label} (${n})` : label;
      for (const [key, span] of counts) span.textContent = counts_ && counts_[key] ? ` ${counts_[key]}` : '';
    },
  };
}

export class FilterBar {
  constructor(form, initial, {onChange, onAreaToggle}) {
    this.form = form;
    this.onChange = onChange;
    this.onAreaToggle = onAreaToggle;
    const fire = () => this.changed();
    const later = debounce(fire, 350);
    this.types = checkboxMenu('f-type', 'Type', TYPES.map((t) => ({...t, mark: markClasses({type: t.id, status: 'reported'})})),
      initial.type || [], fire);
    this.statuses = checkboxMenu('f-status', 'Status', STATUSES.map((s) => ({...s, mark: markClasses({type: 'other', status: s.id})})),
      initial.status || [], fire);
    const input = (id, name, props) => {
      const el = h('input', {id, name, ...props});
      el.value = initial[name] || '';
      el.addEventListener(props.type === 'date' ? 'change' : 'input', props.type === 'date' ? fire : later);
      return el;
    };
    this.inputs = {
      q: input('f-q', 'q', {type: 'search', placeholder: 'Search text…', 'aria-label': 'Free text', size: '16'}),
      date_from: input('f-from', 'date_from', {type: 'date', 'aria-label': 'From date', title: 'From'}),
      date_to: input('f-to', 'date_to', {type: 'date', 'aria-label': 'To date', title: 'To'}),
      place: input('f-place', 'place', {type: 'text', placeholder: 'Place', 'aria-label': 'Place', size: '10', list: 'places'}),
      actor: input('f-actor', 'actor', {type: 'text', placeholder: 'Actor', 'aria-label': 'Actor', size: '10'}),
      source: input('f-source', 'source', {type: 'text', placeholder: 'Source', 'aria-label': 'Who asserts or denies', size: '10'}),
    };
    this.area = h('input', {type: 'checkbox', id: 'f-area'});
    this.area.checked = Boolean(initial.bbox);
    this.area.addEventListener('change', () => this.onAreaToggle(this.area.checked));
    this.places = h('datalist', {id: 'places'});
    this.exports = ['jsonl', 'csv', 'geojson', 'kml'].map((fmt) => h('a', {class: 'export', id: `export-${fmt}`, href: '#', download: ''}, fmt.toUpperCase()));
    form.addEventListener('submit', (e) => { e.preventDefault(); fire(); });
    clear(form).append(
      this.inputs.q, this.types.el, this.statuses.el,
      h('span', {class: 'dates'}, this.inputs.date_from, '–', this.inputs.date_to),
      this.inputs.place, this.inputs.actor, this.inputs.source,
      h('label', {class: 'check area', title: 'Only events inside the visible map'}, this.area, 'map area'),
      h('button', {type: 'button', id: 'f-reset', onclick: () => this.reset()}, 'Reset'),
      h('span', {class: 'exports'}, 'Export:', this.exports),
      this.places);
    this.bbox = initial.bbox || null;
  }

  values() {
    const out = {type: this.types.values(), status: this.statuses.values()};
    for (const [key, el] of Object.entries(this.inputs)) if (el.value.trim()) out[key] = el.value.trim();
    if (this.area.checked && this.bbox) out.bbox = this.bbox;
    return out;
  }

  changed() {
    this.onChange(this.values());
  }

  setDates(from, to) {
    this.inputs.date_from.value = from || '';
    this.inputs.date_to.value = to || '';
    this.changed();
  }

  reset() {
    this.types.set([]);
    this.statuses.set([]);
    for (const el of Object.values(this.inputs)) el.value = '';
    this.area.checked = false;
    this.changed();
  }

  /** Show counts per type and status of the current selection, and point the export links at it. */
  update(filters, stats) {
    this.types.update(stats ? stats.by_type : null);
    this.statuses.update(stats ? stats.by_status : null);
    for (const a of this.exports) {
      const fmt = a.id.replace('export-', '');
      a.setAttribute('href', exportUrl(filters, fmt));
    }
    if (stats) {
      clear(this.places).append(...Object.keys(stats.top_places || {}).map((p) => h('option', {value: p})));
    }
  }
}

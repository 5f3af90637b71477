// frontline web app: wires the filter bar, map, timeline and side panel together.
// Views live in the URL hash (#/event/ID, #/document/ID, #/documents); filters in the query
// string, so any view of any selection can be bookmarked or shared.

import * as api from './api.js';
import {h, clear} from './dom.js';
import {EventMap} from './map.js';
import {Timeline} from './timeline.js';
import {FilterBar} from './filters.js';
import {renderDocument, renderDocuments, renderEvent, renderList} from './panel.js';
import {AreaLayer, ContextLayers, ControlLayer, ReferenceLayer, ReplayBar, addControlFacts, renderVerdicts} from './control.js';
import {decorateDocument, decorateEvent, startLive} from './live.js';

const MAP_LIMIT = 2000; // events drawn on the map and timeline at once
const PAGE = 50; // events per page in the list

const state = {
  filters: api.filtersFromSearch(location.search),
  loaded: [],
  total: 0,
  stats: null,
  listOffset: 0,
  selected: null,
  firstLoad: true,
  refreshId: 0,
  day: null, // the replay bar's day (null: latest)
  verdictIds: null, // the claim-check filter's events (null: no filter)
  verdict: '',
};

const $ = (sel) => document.querySelector(sel);
const panel = $('#panel');
const statusLine = $('#status');

function setStatus(message, isError = false) {
  statusLine.textContent = message || '';
  statusLine.classList.toggle('error', Boolean(isError));
}

const map = new EventMap($('#map'), {
  onSelect: (id) => openEvent(id),
  onMove: (bbox) => {
    if (!filterBar.area.checked) return;
    filterBar.bbox = bbox;
    applyFilters(filterBar.values(), {keepView: true});
  },
});
// Control layer: context at every zoom, areas for region-level events, who holds what on the
// replay bar's day and the reference map's polygons for that day.
const context = new ContextLayers(map.map, map.basemapRenderer);
const areas = new AreaLayer(map.map);
const reference = new ReferenceLayer(map.map);
const control = new ControlLayer(map.map);
if (map.layersControl) {
  map.layersControl.addOverlay(context.lines, 'Admin-1 boundaries');
  map.layersControl.addOverlay(context.labels, 'Towns and regions');
  map.layersControl.addOverlay(control.layer, 'Control (from events)');
  map.layersControl.addOverlay(reference.layer, 'Reference map');
}
// The Leaflet map, for tests and the browser console (read-only use: set a view, read the zoom).
window.__frontlineMap = map.map;
const replay = new ReplayBar($('#map'), {
  onDate: (day, showRef) => showDay(day, showRef),
  onVerdict: (verdict) => applyVerdict(verdict),
});

/** The loaded events the map shows: those of the claim-check filter, up to the replay day. */
function visibleEvents({byDay = true} = {}) {
  let items = state.loaded;
  if (state.verdictIds) items = items.filter((e) => state.verdictIds.has(e.id));
  if (byDay && state.day) items = items.filter((e) => e.date_start && e.date_start <= state.day);
  return items;
}

async function showDay(day, showRef = replay.refToggle.checked) {
  state.day = day;
  const items = visibleEvents();
  map.setEvents(items);
  areas.setEvents(items);
  for (const ev of items) {
    // A region- or country-level event's marker is marked as approximate (dashed halo).
    const marker = areas.isArea(ev) ? map.markers.get(ev.id) : null;
    if (!marker) continue;
    const mark = () => { const el = marker.getElement(); if (el) el.classList.add('ev-at-area'); };
    marker.on('add', mark);
    mark();
  }
  context.hideNames(items.filter((e) => e.lat !== null && e.lat !== undefined).map((e) => e.place));
  try {
    await control.show(day);
    if (showRef && reference.ref) {
      if (!map.map.hasLayer(reference.layer)) reference.layer.addTo(map.map);
      const hi = Number.isFinite(replay.hi) ? new Date(replay.hi).toISOString().slice(0, 10) : null;
      replay.setCaption(await reference.show(day || hi));
    } else {
      if (map.map.hasLayer(reference.layer)) map.map.removeLayer(reference.layer);
      replay.setCaption(null);
    }
    document.body.dataset.day = day || 'latest';
  } catch (err) {
    setStatus(`Could not load control: ${err.message}`, true);
  }
}

async function applyVerdict(verdict) {
  state.verdict = verdict;
  if (!verdict) {
    state.verdictIds = null;
    timeline.setEvents(state.loaded, state.stats ? state.stats.by_day : null);
    await showDay(state.day);
    if (!location.hash || location.hash === '#/') showList();
    else location.hash = '#/';
    return;
  }
  try {
    const data = await fetch(`/api/check?verdict=${encodeURIComponent(verdict)}`).then((r) => r.json());
    state.verdictIds = new Set((data.items || []).map((v) => v.event));
    timeline.setEvents(visibleEvents({byDay: false}), null);
    await showDay(state.day);
    if (location.hash && location.hash !== '#/') history.pushState(null, '', '#/');
    renderVerdicts(panel, data, verdict, {onBack: () => { replay.verdict.value = ''; applyVerdict(''); }});
  } catch (err) {
    setStatus(`Could not check claims: ${err.message}`, true);
  }
}

const timeline = new Timeline($('#timeline'), {
  onSelect: (id) => openEvent(id),
  onRange: (from, to) => filterBar.setDates(from, to),
});
const filterBar = new FilterBar($('#filters'), state.filters, {
  onChange: (filters) => applyFilters(filters),
  onAreaToggle: (on) => {
    filterBar.bbox = on ? map.bbox() : null;
    applyFilters(filterBar.values(), {keepView: true});
  },
});

function openEvent(id) {
  const target = `#/event/${encodeURIComponent(id)}`;
  if (location.hash === target) route();
  else location.hash = target;
}

function syncUrl() {
  const params = api.filterParams(state.filters).toString();
  history.replaceState(null, '', `${location.pathname}${params ? '?' + params : ''}${location.hash}`);
}

async function applyFilters(filters, {keepView = false} = {}) {
  state.filters = filters;
  state.listOffset = 0;
  syncUrl();
  await refresh({fit: !keepView});
}

async function refresh({fit = false} = {}) {
  const id = ++state.refreshId;
  document.body.classList.add('loading');
  setStatus('Loading…');
  try {
    const [page, stats] = await Promise.all([
      api.listEvents(state.filters, {limit: MAP_LIMIT}),
      api.getStats(state.filters),
    ]);
    if (id !== state.refreshId) return; // a newer request superseded this one
    state.loaded = page.items;
    state.total = page.total;
    state.stats = stats;
    const fitting = fit || state.firstLoad;
    replay.setRange(page.items);
    state.day = replay.value();
    showDay(state.day);
    timeline.setEvents(page.items, stats.by_day, {fit: fitting});
    map.invalidate();
    if (fitting) map.fit();
    state.firstLoad = false;
    filterBar.update(state.filters, stats);
    renderCounts();
    const unlocated = page.items.filter((e) => e.lat === null).length;
    setStatus(page.total > page.items.length
      ? `Map and timeline show the ${page.items.length.toLocaleString()} most recent of ${page.total.toLocaleString()} matching events.`
      : unlocated ? `${unlocated} of these events have no place and appear on the timeline and list only.` : '');
    if (!location.hash || location.hash === '#/' || location.hash === '#') await showList();
    else if (state.selected) {
      map.select(state.selected, {reveal: false});
      timeline.select(state.selected);
    }
  } catch (err) {
    if (id === state.refreshId) setStatus(`Could not load events: ${err.message}`, true);
  } finally {
    if (id === state.refreshId) document.body.classList.remove('loading');
  }
}

function renderCounts() {
  const s = state.stats;
  const counts = $('#counts');
  clear(counts).append(s
    ? `${s.total.toLocaleString()} of ${s.store.events.toLocaleString()} events · ${s.store.documents.toLocaleString()} documents · ${s.store.posts.toLocaleString()} posts`
    : '');
}

async function showList() {
  state.selected = null;
  map.select(null, {reveal: false});
  timeline.select(null);
  try {
    const page = state.listOffset === 0 && state.loaded.length
      ? {total: state.total, items: state.loaded.slice(0, PAGE), offset: 0, limit: PAGE}
      : await api.listEvents(state.filters, {limit: PAGE, offset: state.listOffset});
    renderList(panel, page, {
      onOpen: openEvent, selected: state.selected, loaded: state.loaded.length,
      storeEmpty: Boolean(state.stats && state.stats.store.events === 0),
      onPage: (offset) => { state.listOffset = offset; showList(); panel.scrollTop = 0; },
    });
  } catch (err) {
    clear(panel).append(h('p', {class: 'error'}, `Could not load events: ${err.message}`));
  }
}

async function showEvent(id) {
  state.selected = id;
  map.select(id);
  timeline.select(id);
  clear(panel).append(h('p', {class: 'muted'}, 'Loading event…'));
  try {
    const ev = await api.getEvent(id);
    if (state.selected !== id) return;
    renderEvent(panel, ev, {
      onBack: () => { location.hash = '#/'; },
      onShowOnMap: () => {
        if (ev.location) map.zoomTo(id, [ev.location.lat, ev.location.lon]);
      },
    });
    addControlFacts(panel, ev);
    panel.scrollTop = 0;
    decorateEvent(panel, ev);
  } catch (err) {
    clear(panel).append(h('p', {class: 'error'}, `Could not load event: ${err.message}`),
      h('a', {href: '#/'}, '← All events'));
  }
}

async function showDocuments() {
  try {
    const page = await api.listDocuments({limit: 200});
    renderDocuments(panel, page, {onBack: () => { location.hash = '#/'; }});
  } catch (err) {
    clear(panel).append(h('p', {class: 'error'}, `Could not load documents: ${err.message}`));
  }
}

async function showDocument(id, post) {
  clear(panel).append(h('p', {class: 'muted'}, 'Loading document…'));
  try {
    const doc = await api.getDocument(id);
    renderDocument(panel, doc, {post, onBack: () => history.back()});
    decorateDocument(panel, doc);
    if (!post) panel.scrollTop = 0;
  } catch (err) {
    clear(panel).append(h('p', {class: 'error'}, `Could not load document: ${err.message}`),
      h('a', {href: '#/'}, '← All events'));
  }
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const [view, ...rest] = path.split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  document.body.dataset.view = view || 'list';
  if (view === 'event' && arg) return showEvent(arg);
  if (view === 'document' && arg) return showDocument(arg, new URLSearchParams(query || '').get('post'));
  if (view === 'documents') return showDocuments();
  return showList();
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && location.hash && !e.target.closest('input')) location.hash = '#/';
});

map.loadBasemap().catch((err) => setStatus(`Basemap unavailable: ${err.message}`, true));
context.load().catch(() => {});
const controlReady = Promise.all([
  areas.load(),
  reference.init().then((ref) => replay.enableReference(ref)),
]);
refresh({fit: true}).then(async () => {
  await controlReady;
  await showDay(state.day);
  if (location.hash && location.hash !== '#/') route();
  document.body.dataset.ready = 'true';
  startLive({onChange: () => refresh()});
});

// The map: an offline Natural Earth basemap drawn as vector shapes, event markers coloured
// by type and outlined by status, clustered when dense. Leaflet and the cluster plugin are
// vendored (window.L); the country shapes come from the vendored world-atlas TopoJSON.

import {clear, h} from './dom.js';
import {STATUSES, TYPES, markClasses, typeInfo} from './style.js';

const L = window.L;

function clusterIcon(cluster) {
  const markers = cluster.getAllChildMarkers();
  const counts = new Map();
  for (const m of markers) {
    const type = typeInfo(m.options.event.type).id;
    counts.set(type, (counts.get(type) || 0) + 1);
  }
  // A pie of the types inside: colours come from our palette, never from data.
  let at = 0;
  const stops = [];
  for (const t of TYPES) {
    const n = counts.get(t.id);
    if (!n) continue;
    const end = at + (n / markers.length) * 360;
    stops.push(`${t.color} ${at.toFixed(1)}deg ${end.toFixed(1)}deg`);
    at = end;
  }
  const ring = h('div', {class: 'ev-cluster-ring'});
  ring.style.background = `conic-gradient(${stops.join(', ')})`;
  const count = markers.length;
  const el = h('div', {class: 'ev-cluster-inner'}, ring, h('span', {class: 'ev-cluster-count'}, String(count)));
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({html: el, className: 'ev-cluster', iconSize: L.point(size, size)});
}

export class EventMap {
  constructor(element, {onSelect, onMove} = {}) {
    this.onSelect = onSelect || (() => {});
    this.onMove = onMove || (() => {});
    this.markers = new Map();
    this.selected = null;
    this.map = L.map(element, {
      zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: false,
      attributionControl: true,
    }).setView([49, 32], 5);
    this.map.attributionControl.setPrefix('');
    this.basemapRenderer = L.canvas({padding: 0.5});
    this.countries = L.layerGroup().addTo(this.map);
    this.labels = L.layerGroup();
    this.smallLabels = L.layerGroup();
    this.labelsWanted = true;
    this.placeLabels = L.layerGroup();
    this.online = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 14, attribution: '© OpenStreetMap contributors',
    });
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 11, iconCreateFunction: clusterIcon, chunkedLoading: true,
    }).addTo(this.map);
    this.layersControl = L.control.layers(
      {'Countries (offline)': this.countries, 'OpenStreetMap (online)': this.online},
      {'Country names': this.labels, Events: this.cluster},
      {position: 'topright', collapsed: true},
    ).addTo(this.map);
    this.map.on('baselayerchange', (e) => {
      // The offline shapes stay under the tiles as a fallback when there is no network.
      if (e.layer === this.online) this.countries.addTo(this.map);
    });
    this.map.on('zoomend', () => this.updateLabels());
    this.cluster.on('animationend spiderfied unspiderfied', () => this.highlight(this.selected));
    this.map.on('zoomend moveend', () => this.highlight(this.selected));
    this.map.on('overlayadd overlayremove', (e) => {
      if (e.layer === this.labels && !this.adjusting) this.labelsWanted = e.type === 'overlayadd';
    });
    this.map.on('moveend', () => this.onMove(this.bbox()));
    this.addLegend();
  }

  async loadBasemap() {
    const response = await fetch('/basemap/countries.json');
    const topo = await response.json();
    const shapes = window.topojson.feature(topo, topo.objects.countries);
    for (const f of shapes.features) unwrapAntimeridian(f.geometry);
    L.geoJSON(shapes, {
      renderer: this.basemapRenderer, interactive: false,
      style: {color: '#9a9a9a', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1},
    }).addTo(this.countries);
    for (const f of shapes.features) {
      const name = f.properties && f.properties.name;
      const at = labelPoint(f.geometry);
      if (!name || !at) continue;
      // Big countries are named from zoom 4, small ones only from zoom 6, so names don't pile up.
      const group = at.area > 12 ? this.labels : this.smallLabels;
      group.addLayer(L.tooltip({permanent: true, direction: 'center', className: 'country-label', interactive: false})
        .setLatLng([at.lat, at.lon]).setContent(h('span', {}, name)));
    }
    this.updateLabels();
  }

  updateLabels() {
    const show = (layer, want) => {
      if (want && !this.map.hasLayer(layer)) layer.addTo(this.map);
      if (!want && this.map.hasLayer(layer)) this.map.removeLayer(layer);
    };
    this.adjusting = true; // our own add/remove is not the user's choice in the layers control
    show(this.labels, this.map.getZoom() >= 4 && this.labelsWanted);
    show(this.smallLabels, this.map.getZoom() >= 6 && this.labelsWanted);
    show(this.placeLabels, this.map.getZoom() >= 7);
    this.adjusting = false;
  }

  addLegend() {
    const legend = L.control({position: 'bottomleft'});
    this.legendTypes = h('div', {});
    this.updateLegend(new Set());
    legend.onAdd = () => {
      const box = h('details', {class: 'legend', open: ''},
        h('summary', {}, 'Legend'),
        h('div', {class: 'legend-cols'},
          h('div', {},
            h('div', {class: 'legend-title'}, 'Type (fill)'),
            this.legendTypes),
          h('div', {},
            h('div', {class: 'legend-title'}, 'Status (outline)'),
            STATUSES.map((s) => h('div', {class: 'legend-row', title: s.help},
              h('span', {class: `ev-marker legend-mark ${markClasses({type: 'other', status: s.id})}`}), s.label)))));
      this.legend = box;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    legend.addTo(this.map);
  }

  /** The legend lists the types on the map (all of them when the map is empty). */
  updateLegend(present) {
    const shown = TYPES.filter((t) => !present.size || present.has(t.id));
    clear(this.legendTypes).append(...shown.map((t) => h('div', {class: 'legend-row'},
      h('span', {class: `ev-marker legend-mark ${markClasses({type: t.id, status: 'reported'})}`}), t.label)));
  }

  /** Names of the events' places, shown next to the markers once zoomed in. */
  updatePlaceLabels(events) {
    this.placeLabels.clearLayers();
    const seen = new Set();
    for (const ev of events) {
      if (!ev.place || ev.lat === null || ev.lat === undefined) continue;
      const key = `${ev.place}|${ev.lat}|${ev.lon}`;
      if (seen.has(key) || seen.size >= 400) continue;
      seen.add(key);
      this.placeLabels.addLayer(L.tooltip({permanent: true, direction: 'right', offset: [9, 0], className: 'place-label',
        interactive: false}).setLatLng([ev.lat, ev.lon]).setContent(h('span', {}, ev.place)));
    }
  }

  setEvents(events) {
    this.cluster.clearLayers();
    this.markers.clear();
    this.updateLegend(new Set(events.map((e) => typeInfo(e.type).id)));
    this.updatePlaceLabels(events);
    const layers = [];
    for (const ev of events) {
      if (ev.lat === null || ev.lon === null || ev.lat === undefined) continue;
      const marker = L.marker([ev.lat, ev.lon], {
        event: ev, keyboard: true, title: ev.summary, alt: ev.summary, riseOnHover: true,
        icon: L.divIcon({className: `ev-marker ${markClasses(ev)}`, iconSize: L.point(16, 16)}),
      });
      marker.on('add', () => this.decorate(marker));
      marker.on('click', () => this.onSelect(ev.id, 'map'));
      marker.bindTooltip(() => h('div', {class: 'ev-tooltip'},
        h('strong', {}, ev.summary), h('div', {}, [ev.date_start, ev.place].filter(Boolean).join(' · '))),
      {direction: 'top', offset: [0, -8]});
      this.markers.set(ev.id, marker);
      layers.push(marker);
    }
    this.cluster.addLayers(layers);
    if (this.selected) this.highlight(this.selected);
  }

  decorate(marker) {
    const el = marker.getElement();
    if (!el) return;
    el.dataset.id = marker.options.event.id;
    el.classList.toggle('selected', marker.options.event.id === this.selected);
  }

  fit() {
    const bounds = this.cluster.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.2), {maxZoom: 8, animate: false});
  }

  /** Ring the selected event's marker, or the cluster that holds it at this zoom. */
  highlight(id) {
    for (const el of this.map.getContainer().querySelectorAll('.selected')) el.classList.remove('selected');
    const marker = id ? this.markers.get(id) : null;
    if (!marker) return;
    const shown = this.cluster.getVisibleParent(marker);
    const el = shown && shown.getElement ? shown.getElement() : null;
    if (el) el.classList.add('selected');
  }

  /** Select an event: highlight it where it is drawn, panning (not zooming) to it if out of view. */
  select(id, {reveal = true} = {}) {
    this.selected = id;
    const marker = id ? this.markers.get(id) : null;
    if (marker && reveal && !this.map.getBounds().contains(marker.getLatLng())) {
      this.map.panTo(marker.getLatLng(), {animate: false});
    }
    this.highlight(id);
  }

  /** Zoom in on an event (the panel's "Show on map"), opening its cluster if need be. */
  zoomTo(id, latlng) {
    const marker = this.markers.get(id);
    if (marker) {
      this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 7), {animate: false});
      this.selected = id;
      this.cluster.zoomToShowLayer(marker, () => this.highlight(id));
    } else if (latlng) {
      this.map.setView(latlng, Math.max(this.map.getZoom(), 7), {animate: false});
    }
  }

  /** The view as west,south,east,north, for the "only what the map shows" filter. */
  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const west = b.getWest();
    const east = b.getEast();
    if (east - west >= 360) return `-180,${clamp(b.getSouth(), -90, 90).toFixed(3)},180,${clamp(b.getNorth(), -90, 90).toFixed(3)}`;
    return [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(3)).join(',');
  }

  /** Call when the layout around the map changed (the timeline grew or shrank). */
  invalidate() {
    this.map.invalidateSize({pan: false});
    if (!this.legendSized && this.legend) {
      this.legendSized = true; // a short map starts with its legend folded, so it hides no markers
      if (this.map.getSize().y < 520) this.legend.open = false;
    }
  }
}

/** Rings cut at ±180° (Russia's Chukotka, Fiji) would be drawn with a line across the whole
 * map; shifting longitudes by 360° where they jump keeps each ring continuous. */
function unwrapAntimeridian(geometry) {
  if (!geometry) return;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      let shift = 0;
      for (let i = 1; i < ring.length; i++) {
        const jump = ring[i][0] + shift - ring[i - 1][0];
        if (jump > 180) shift -= 360;
        else if (jump < -180) shift += 360;
        if (shift) ring[i] = [ring[i][0] + shift, ring[i][1]];
      }
    }
  }
}

/** A label point for a country: the centroid of its largest polygon, and that polygon's area
 * (square degrees). Rings cut at the antimeridian (Russia, Fiji) are unwrapped first. */
function labelPoint(geometry) {
  if (!geometry) return null;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best = null;
  for (const poly of polys) {
    let ring = poly[0];
    const xs = ring.map((p) => p[0]);
    if (Math.max(...xs) - Math.min(...xs) > 180) ring = ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (!area) continue;
    const point = {lon: cx / (3 * area), lat: cy / (3 * area), area: Math.abs(area / 2)};
    if (!best || point.area > best.area) best = point;
  }
  if (best && best.lon > 180) best.lon -= 360;
  return best;
}

// The side panel: the list of matching events, one event with its evidence, the list of
// documents, and one document with its posts. Every article string goes in as text.

import {clear, externalUrl, h, highlighted} from './dom.js';
import {markClasses, statusInfo, typeInfo} from './style.js';

const HIGHLIGHT_TITLES = {
  claim: 'the claim', source: 'who says so', place: 'where', date: 'when', quantity: 'how many', actor: 'who',
};

export const eventHref = (id) => `#/event/${encodeURIComponent(id)}`;
export const documentHref = (id, post = null) =>
  `#/document/${encodeURIComponent(id)}${post ? `?post=${encodeURIComponent(post)}` : ''}`;

function typeChip(type) {
  return h('span', {class: `chip type-chip ${markClasses({type, status: 'reported'})}`},
    h('span', {class: 'swatch'}), typeInfo(type).label);
}

function statusChip(status) {
  const info = statusInfo(status);
  return h('span', {class: `chip status-chip status-${info.id}`, title: info.help},
    h('span', {class: `ev-marker legend-mark ${markClasses({type: 'other', status})}`}), info.label);
}

function fmtDate(date) {
  if (!date || !date.start) return 'date unknown';
  const range = date.end && date.end !== date.start ? `${date.start} – ${date.end}` : date.start;
  return `${range} (${date.precision || 'day'}${date.basis ? ', ' + date.basis : ''})`;
}

function fmtStamp(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').slice(0, 16);
}

function eventRow(ev, onOpen, selected) {
  return h('li', {class: `event-row${ev.id === selected ? ' selected' : ''}`, dataset: {id: ev.id}},
    h('a', {href: eventHref(ev.id), class: 'event-link', onclick: (e) => { e.preventDefault(); onOpen(ev.id); }},
      h('span', {class: `ev-marker row-mark ${markClasses(ev)}`}),
      h('span', {class: 'event-row-text'},
        h('span', {class: 'event-summary'}, ev.summary),
        h('span', {class: 'event-meta'},
          [ev.date_start || 'undated', ev.place || 'no place', statusInfo(ev.status).label].join(' · ')))));
}

export function renderList(el, page, {onOpen, onPage, selected, loaded, storeEmpty}) {
  clear(el);
  if (storeEmpty) {
    el.append(h('div', {class: 'empty-store'},
      h('h2', {}, 'No events yet'),
      h('p', {}, 'The database is empty. Ingest some live blogs, then reload this page:'),
      h('pre', {}, 'frontline ingest PATH... --published YYYY-MM-DD'),
      h('p', {class: 'muted'}, 'PATH may be text files, HTML pages, RSS/Atom feeds or JSON Lines; see frontline ingest --help.')));
    return;
  }
  const {total, items, offset, limit} = page;
  const head = h('div', {class: 'panel-head'},
    h('h2', {}, `${total.toLocaleString()} event${total === 1 ? '' : 's'}`),
    loaded < total ? h('p', {class: 'muted'},
      `The map and timeline show the ${loaded.toLocaleString()} most recent; narrow the filters to see the rest.`) : null);
  const list = h('ol', {class: 'event-list', start: String(offset + 1)}, items.map((ev) => eventRow(ev, onOpen, selected)));
  const pager = h('div', {class: 'pager'},
    h('button', {type: 'button', disabled: offset === 0 ? '' : null, onclick: () => onPage(Math.max(0, offset - limit))}, '← Newer'),
    h('span', {class: 'muted'}, total ? `${offset + 1}–${Math.min(total, offset + limit)} of ${total.toLocaleString()}` : ''),
    h('button', {type: 'button', disabled: offset + limit >= total ? '' : null, onclick: () => onPage(offset + limit)}, 'Older →'));
  el.append(head, items.length ? list : h('p', {class: 'empty'}, 'No event matches these filters.'), pager);
}

function whoSays(sources, status) {
  const asserts = sources.filter((s) => s.stance !== 'denies');
  const denies = sources.filter((s) => s.stance === 'denies');
  const list = (items, cls) => items.length
    ? h('ul', {class: `who ${cls}`}, items.map((s) => h('li', {}, s.name)))
    : h('p', {class: 'muted'}, 'nobody named');
  return h('div', {class: 'who-says'},
    h('div', {}, h('h4', {}, 'Who asserts'), asserts.length || status !== 'reported'
      ? list(asserts, 'asserts') : h('p', {class: 'muted'}, 'the publisher, as fact')),
    h('div', {}, h('h4', {}, 'Who denies'), list(denies, 'denies')));
}

function evidenceItem(x, i) {
  const spans = (x.highlights || []).map((s) => ({...s, title: HIGHLIGHT_TITLES[s.kind] || s.kind}));
  const original = externalUrl(x.url);
  return h('li', {class: 'evidence'},
    h('blockquote', {class: 'evidence-text'}, highlighted(x.text, spans)),
    h('div', {class: 'evidence-meta'},
      h('span', {class: 'muted'}, `#${i + 1} `),
      h('a', {href: documentHref(x.document, x.post), class: 'post-link'}, x.post_headline ? `Post: ${x.post_headline}` : 'Post'),
      x.post_published ? h('span', {class: 'muted'}, ` · ${fmtStamp(x.post_published)}`) : null,
      x.post_deleted ? h('span', {class: 'badge'}, 'deleted later') : null,
      h('br'),
      h('a', {href: documentHref(x.document), class: 'doc-link'}, x.document_title || x.document),
      x.publisher ? h('span', {class: 'muted'}, ` · ${x.publisher}`) : null,
      x.document_published ? h('span', {class: 'muted'}, ` · ${fmtStamp(x.document_published)}`) : null,
      original ? h('span', {}, ' · ', h('a', {href: original, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'original-link'}, 'original ↗')) : null));
}

export function renderEvent(el, ev, {onBack, onShowOnMap}) {
  clear(el);
  const loc = ev.location;
  const status = statusInfo(ev.status);
  el.append(h('article', {id: 'event-view', class: 'event-view', dataset: {id: ev.id}},
    h('div', {class: 'panel-nav'},
      h('button', {type: 'button', class: 'back', onclick: onBack}, '← All events'),
      loc ? h('button', {type: 'button', onclick: () => onShowOnMap(ev.id)}, 'Show on map') : null),
    h('div', {class: 'chips'}, typeChip(ev.type), statusChip(ev.status)),
    h('h2', {class: 'event-title'}, ev.summary),
    h('p', {class: 'status-help'}, `${status.label}: ${status.help}.`),
    h('dl', {class: 'facts'},
      h('dt', {}, 'When'), h('dd', {}, fmtDate(ev.date)),
      h('dt', {}, 'Where'), h('dd', {}, loc
        ? `${[loc.name, loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(', ')} (${loc.precision}; ${Number(loc.lat).toFixed(3)}, ${Number(loc.lon).toFixed(3)})`
        : 'no place'),
      ev.actors && ev.actors.length ? [h('dt', {}, 'Actors'), h('dd', {}, ev.actors.map((a) => `${a.name}${a.role ? ` (${a.role})` : ''}`).join('; '))] : null,
      ev.quantities && ev.quantities.length ? [h('dt', {}, 'Figures'), h('dd', {}, ev.quantities.map((q) => q.text || `${q.value} ${q.unit}`).join('; '))] : null),
    whoSays(ev.sources || [], ev.status),
    h('h3', {}, `Evidence (${ev.evidence.length} sentence${ev.evidence.length === 1 ? '' : 's'})`),
    h('p', {class: 'legend-inline muted'}, 'Marked: ',
      Object.entries(HIGHLIGHT_TITLES).map(([k, v]) => h('mark', {class: `hl hl-${k}`}, v)).flatMap((m) => [m, ' '])),
    h('ol', {class: 'evidence-list'}, ev.evidence.map(evidenceItem))));
}

export function renderDocuments(el, page, {onBack}) {
  clear(el);
  el.append(h('div', {class: 'panel-nav'}, h('button', {type: 'button', class: 'back', onclick: onBack}, '← All events')),
    h('h2', {}, `${page.total} document${page.total === 1 ? '' : 's'}`),
    h('ul', {class: 'doc-list'}, page.items.map((d) => h('li', {},
      h('a', {href: documentHref(d.id), class: 'doc-link'}, d.title || d.id),
      h('div', {class: 'muted'}, [d.source, fmtStamp(d.published), `${d.posts} posts`, `${d.events} events`].filter(Boolean).join(' · '))))));
}

function postBody(post) {
  // Mark each evidence sentence in the post's text; a click opens its event.
  const frag = document.createDocumentFragment();
  for (const para of post.text.split('\n')) {
    const spans = [];
    for (const x of post.evidence) {
      const at = para.indexOf(x.text);
      if (at >= 0) spans.push({start: at, end: at + x.text.length, kind: 'evidence', event: x.event, title: x.summary});
    }
    const unique = spans.sort((a, b) => a.start - b.start).filter((s, i, all) => i === 0 || s.start >= all[i - 1].end);
    frag.append(h('p', {}, highlighted(para, unique, (s) => ({
      dataset: {event: s.event}, tabindex: '0', role: 'link',
      onclick: () => { location.hash = `#/event/${encodeURIComponent(s.event)}`; },
    }))));
  }
  return frag;
}

export function renderDocument(el, doc, {onBack, post}) {
  clear(el);
  const original = externalUrl(doc.url);
  const posts = doc.posts.map((p) => {
    const seen = new Set();
    const events = p.evidence.filter((x) => !seen.has(x.event) && seen.add(x.event));
    return h('section', {class: `post kind-${p.kind === 'summary' || p.kind === 'teaser' ? p.kind : 'post'}${p.deleted ? ' deleted' : ''}${p.off_topic ? ' off-topic' : ''}`,
      dataset: {post: p.post}},
    h('header', {},
      h('h3', {class: 'post-headline'}, p.headline || '(no headline)'),
      h('div', {class: 'post-meta muted'},
        p.published ? fmtStamp(p.published) : null,
        p.kind !== 'post' ? h('span', {class: 'badge'}, p.kind) : null,
        p.off_topic ? h('span', {class: 'badge'}, 'off topic') : null,
        p.duplicate_of ? h('span', {class: 'badge'}, 'repeats an earlier post') : null,
        p.deleted ? h('span', {class: 'badge warn'}, 'deleted in a later snapshot') : null)),
    h('div', {class: 'post-text'}, postBody(p)),
    events.length ? h('ul', {class: 'post-events'}, events.map((x) => h('li', {},
      h('a', {href: eventHref(x.event), class: 'event-link'},
        h('span', {class: `ev-marker row-mark ${markClasses(x)}`}), x.summary)))) : null,
    p.removed.length ? h('div', {class: 'removed'},
      h('span', {class: 'muted'}, 'Removed as boilerplate:'),
      h('ul', {}, p.removed.map((r) => h('li', {}, h('del', {}, r))))) : null);
  });
  el.append(h('article', {id: 'document-view', class: 'document-view'},
    h('div', {class: 'panel-nav'},
      h('button', {type: 'button', class: 'back', onclick: onBack}, '← Back'),
      h('a', {href: '#/documents'}, 'All documents')),
    h('h2', {class: 'doc-title'}, doc.title),
    h('p', {class: 'muted'}, [doc.source, fmtStamp(doc.published), `${doc.posts.length} posts`,
      `${doc.events} events`, `${doc.snapshots} snapshot${doc.snapshots === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
    original ? h('span', {}, ' · ', h('a', {href: original, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'original-link'}, 'original ↗')) : null),
    doc.standfirst ? h('p', {class: 'standfirst'}, doc.standfirst) : null,
    posts));
  if (post) {
    const target = [...el.querySelectorAll('section.post')].find((s) => s.dataset.post === post);
    if (target) {
      target.classList.add('focused');
      requestAnimationFrame(() => target.scrollIntoView({block: 'start'}));
    }
  }
}

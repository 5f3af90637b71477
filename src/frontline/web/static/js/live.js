// Following live blogs in the page: a Server-Sent Events stream announces new, updated and
// retracted events ("N new" badge, the list refreshes without a reload); the document view
// marks edited posts and shows a word-level diff of each revision; events resting on an edited
// sentence say so and link to that diff; retracted events are listed where they were reported.

import {h, clear} from './dom.js';

const documentHref = (doc, post, diff = false) =>
  `#/document/${encodeURIComponent(doc)}${post ? `?post=${encodeURIComponent(post)}${diff ? '&diff=1' : ''}` : ''}`;

async function getJSON(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

const history = (doc, post) => {
  const params = new URLSearchParams({document: doc});
  if (post) params.set('post', post);
  return getJSON(`/api/history?${params}`);
};

/** Listen to /api/stream; show "N new" in the header and call onChange (debounced) per batch. */
export function startLive({onChange}) {
  if (!window.EventSource) return null;
  const header = document.querySelector('header.top');
  const badge = h('button', {type: 'button', id: 'live-badge', class: 'live-badge', hidden: 'hidden',
    title: 'Events added or changed since you opened the page'});
  header.insertBefore(badge, header.querySelector('nav'));
  let count = 0;
  let timer = null;
  badge.addEventListener('click', () => {
    count = 0;
    badge.hidden = true;
    location.hash = '#/';
    onChange();
  });
  const source = new EventSource('/api/stream');
  source.addEventListener('change', (msg) => {
    let change = null;
    try { change = JSON.parse(msg.data); } catch { return; }
    if (change.change === 'new') count += 1;
    if (count) {
      badge.hidden = false;
      clear(badge).append(`${count} new`);
    }
    clearTimeout(timer);
    timer = setTimeout(onChange, 300);
  });
  return source;
}

function diffView(diff) {
  return h('p', {class: 'diff'}, diff.map(([op, text]) => op === 'equal' ? text
    : h(op === 'insert' ? 'ins' : 'del', {}, text)));
}

/** Add edit marks, revision diffs and retracted events to a rendered document view. */
export async function decorateDocument(el, doc) {
  let data;
  try { data = await history(doc.id); } catch { return; }
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  for (const section of el.querySelectorAll('section.post')) {
    const info = data.edited_posts[section.dataset.post];
    if (!info) continue;
    section.classList.add('edited');
    const edits = info.revisions.filter((r) => r.change === 'edited');
    const details = h('details', {class: 'revisions'},
      h('summary', {}, `Edited ${edits.length} time${edits.length === 1 ? '' : 's'}: show the changes`),
      edits.map((r) => h('div', {class: 'revision'},
        h('div', {class: 'muted'}, `Edit recorded ${r.at.replace('T', ' ').slice(0, 16)} UTC`), diffView(r.diff))));
    const meta = section.querySelector('.post-meta');
    if (meta) meta.append(h('span', {class: 'badge warn edited-badge'}, 'edited'));
    section.querySelector('header').after(details);
    const changed = new Set(info.edited_sentences);
    const post = doc.posts.find((p) => p.post === section.dataset.post);
    const onEdited = new Set((post ? post.evidence : []).filter((x) => changed.has(x.text)).map((x) => x.event));
    for (const a of section.querySelectorAll('.post-events a.event-link')) {
      const id = decodeURIComponent((a.getAttribute('href') || '').replace(/^#\/event\//, ''));
      if (onEdited.has(id)) {
        a.after(' ', h('a', {href: documentHref(doc.id, section.dataset.post, true), class: 'badge warn edited-sentence'},
          'built on an edited sentence'));
      }
    }
    if (params.get('diff') === '1' && params.get('post') === section.dataset.post) details.open = true;
  }
  if (data.retracted.length) {
    el.querySelector('#document-view').append(h('section', {class: 'retracted'},
      h('h3', {}, `Retracted events (${data.retracted.length})`),
      h('p', {class: 'muted'}, 'Every sentence that reported these is gone from the live blog.'),
      h('ul', {}, data.retracted.map((r) => h('li', {class: 'retracted-event'},
        h('del', {}, r.summary), ` · ${r.type} · was ${r.status}`)))));
  }
}

/** In an event view, say which evidence sentences come from an edit, with a link to the diff. */
export async function decorateEvent(el, ev) {
  const posts = new Map();
  for (const x of ev.evidence || []) posts.set(`${x.document}\u001f${x.post}`, x);
  const items = [...el.querySelectorAll('li.evidence')];
  await Promise.all([...posts.values()].map(async (x) => {
    let data;
    try { data = await history(x.document, x.post); } catch { return; }
    const info = data.edited_posts[x.post];
    if (!info) return;
    const changed = new Set(info.edited_sentences);
    ev.evidence.forEach((e, i) => {
      if (e.document !== x.document || e.post !== x.post || !items[i]) return;
      const edited = changed.has(e.text);
      items[i].querySelector('.evidence-meta').append(' ', h('a', {
        href: documentHref(e.document, e.post, true), class: `badge warn ${edited ? 'edited-sentence' : 'edited-post'}`,
      }, edited ? 'built on an edited sentence: see the diff' : 'post edited: see the diff'));
    });
  }));
}

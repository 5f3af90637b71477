// Safe DOM building. Text from articles only ever reaches the page as text nodes or
// attribute values set through the DOM API: nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'href') el.setAttribute('href', safeHref(value));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (/^[a-z][a-z0-9-]*$/i.test(key) && !key.toLowerCase().startsWith('on')) el.setAttribute(key, String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** h('a', {href: '#/x', class: 'y'}, 'text', childNode) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

export function svg(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** In-app links ("#/...", "/api/...") pass; anything else becomes a harmless "#". */
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s;
  return externalUrl(s) || '#';
}

/** An article's own URL, only if it is plain http(s): never javascript:, data: or the like. */
export function externalUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(String(value));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Text with some spans wrapped in <mark class="hl-KIND">: spans are {start, end, kind}. */
export function highlighted(text, spans, markProps = () => ({})) {
  const frag = document.createDocumentFragment();
  let at = 0;
  const sorted = [...(spans || [])].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    if (span.start > at) frag.append(document.createTextNode(text.slice(at, span.start)));
    const props = {class: `hl hl-${span.kind}`, title: span.title || span.kind, ...markProps(span)};
    frag.append(h('mark', props, text.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

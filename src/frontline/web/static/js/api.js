// The JSON API, and the filter state <-> query string mapping shared by every call.

export const FILTER_KEYS = ['type', 'status', 'date_from', 'date_to', 'place', 'actor', 'source', 'q', 'bbox'];

export function filterParams(filters) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else if (value) {
      params.set(key, value);
    }
  }
  return params;
}

export function filtersFromSearch(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    filters[key] = key === 'type' || key === 'status' ? value.split(',').filter(Boolean) : value;
  }
  return filters;
}

export class ApiError extends Error {}

async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && body.detail ? (typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail)) : '';
    throw new ApiError(`${response.status}: ${detail || response.statusText}`);
  }
  return body;
}

export function listEvents(filters, {limit = 100, offset = 0, sort = '-date'} = {}) {
  const params = filterParams(filters);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  params.set('sort', sort);
  return getJSON('/api/events', params);
}

export const getEvent = (id) => getJSON(`/api/events/${encodeURIComponent(id)}`);
export const getStats = (filters) => getJSON('/api/stats', filterParams(filters));
export function listDocuments({limit = 100, offset = 0} = {}) {
  return getJSON('/api/documents', new URLSearchParams({limit: String(limit), offset: String(offset)}));
}
export const getDocument = (id) => getJSON(`/api/documents/${encodeURIComponent(id)}`);

export function exportUrl(filters, format) {
  const params = filterParams(filters);
  params.set('format', format);
  return `/api/export?${params}`;
}

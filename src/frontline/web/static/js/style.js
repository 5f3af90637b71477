// Event types and statuses (SPEC sections 2 and 3): labels, colours and the CSS classes
// that the map markers, timeline marks and legend share.

export const TYPES = [
  ['territory.capture', 'Territory captured', '#d7191c'],
  ['territory.withdrawal', 'Withdrawal', '#f781bf'],
  ['offensive', 'Offensive', '#8c2d04'],
  ['clash', 'Clash', '#ff7f00'],
  ['strike', 'Strike', '#7b3294'],
  ['casualties', 'Casualties', '#252525'],
  ['prisoners', 'Prisoners', '#8c8c8c'],
  ['meeting', 'Meeting', '#2b83ba'],
  ['call', 'Call', '#74add1'],
  ['statement', 'Statement', '#b2abd2'],
  ['agreement', 'Agreement', '#1a9641'],
  ['aid', 'Aid', '#e6ab02'],
  ['sanctions', 'Sanctions', '#5e3c99'],
  ['mobilization', 'Mobilization', '#80802b'],
  ['other', 'Other', '#bdbdbd'],
].map(([id, label, color]) => ({id, label, color}));

export const STATUSES = [
  ['reported', 'Reported', 'the publisher states it as fact'],
  ['confirmed', 'Confirmed', 'the party it concerns acknowledges it, or opposing sides agree'],
  ['claimed', 'Claimed', 'a party asserts it; the text does not confirm it'],
  ['contested', 'Contested', 'one source asserts it and another denies it'],
  ['denied', 'Denied', 'the only attributed source denies it'],
  ['expected', 'Expected', 'planned, scheduled or predicted'],
  ['cancelled', 'Cancelled', 'a planned event called off'],
].map(([id, label, help]) => ({id, label, help}));

const TYPE_BY_ID = new Map(TYPES.map((t) => [t.id, t]));
const STATUS_BY_ID = new Map(STATUSES.map((s) => [s.id, s]));

export const typeInfo = (id) => TYPE_BY_ID.get(id) || TYPE_BY_ID.get('other');
export const statusInfo = (id) => STATUS_BY_ID.get(id) || {id: 'reported', label: String(id), help: ''};

/** CSS classes from a fixed list only: a type or status string never becomes markup. */
export function typeClass(id) {
  return 't-' + typeInfo(id).id.replace('.', '-');
}
export function statusClass(id) {
  return 's-' + (STATUS_BY_ID.has(id) ? id : 'reported');
}
export function markClasses(ev) {
  return `${typeClass(ev.type)} ${statusClass(ev.status)}`;
}

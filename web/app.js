// The sitrep page: filters, the map, the timeline and the panels. Plain ES modules; d3-geo and topojson-client
// are loaded as classic scripts from /vendor/ (npm packages pinned by package-lock.json, served by sitrep serve).
import { EventMap, typeColor, TYPE_COLORS } from './map.js';
import { Timeline } from './timeline.js';
import { showEvent, showPlace } from './panels.js';

const MAP_LIMIT = 2000;  // events drawn at once (newest first); the status line says when there are more
// The first paint draws this many newest events from a small answer (index.html preloads it while the scripts
// load); the map's MAP_LIMIT follow. On a large store the full answer is ~1 MB of JSON to build, send and parse.
const FIRST_PAGE = 200;

const $ = (id) => document.getElementById(id);
const state = { type: '', country: '', actor: '', source: '', from: '', to: '' };
let loadSeq = 0;

export async function getJson(url) {
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: `bad response from ${url}` }));
  if (!r.ok) throw new Error(body.error || `${r.status} from ${url}`);
  return body;
}

function query(extra = {}, withDates = true) {
  const q = new URLSearchParams();
  for (const k of ['type', 'country', 'actor', 'source']) if (state[k]) q.set(k, state[k]);
  if (withDates) {
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', state.to);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

function setStatus(text) { $('status').textContent = text; }

const map = new EventMap($('map'), {
  onEvent: (id) => openEvent(id),
});
const timeline = new Timeline($('timeline'), {
  onRange: (from, to) => {
    state.from = from || '';
    state.to = to || '';
    $('range-label').textContent = from ? `${from} to ${to}` : 'all dates';
    $('range-clear').hidden = !from;
    loadEvents();
  },
});

async function openEvent(id) {
  map.select(id);
  history.replaceState(null, '', `#event=${id}`);
  $('panel-empty').hidden = true;
  $('place-panel').hidden = true;
  const el = $('event-panel');
  el.hidden = false;
  try {
    await showEvent(el, id, { getJson, openPlace });
  } catch (e) {
    el.textContent = `Cannot load event ${id}: ${e.message}`;
  }
}

async function openPlace(id) {
  history.replaceState(null, '', `#place=${id}`);
  $('panel-empty').hidden = true;
  $('event-panel').hidden = true;
  const el = $('place-panel');
  el.hidden = false;
  try {
    await showPlace(el, id, { getJson, openEvent });
  } catch (e) {
    el.textContent = `Cannot load place ${id}: ${e.message}`;
  }
}

async function loadEvents(limit = MAP_LIMIT) {
  const seq = ++loadSeq;
  if (limit === MAP_LIMIT) setStatus('loading…');
  try {
    const r = await getJson(`/api/events?${query({ limit })}`);
    if (seq !== loadSeq) return;
    map.setEvents(r.events);
    const located = r.events.filter((e) => e.lat != null).length;
    setStatus(`${r.events.length}${r.more ? '+ (newest shown)' : ''} events, ${located} on the map`);
    document.body.dataset.loaded = String(seq);
  } catch (e) {
    if (seq === loadSeq) setStatus(`error: ${e.message}`);
  }
}

async function loadSummary() {
  // The timeline shows every date for the current filters; the brush then narrows the map.
  const s = await getJson(`/api/summary?${query({}, false)}`);
  timeline.setData(s.by_day);
  return s;
}

function fillSelect(sel, pairs, current, label) {
  sel.replaceChildren();
  const all = new Option(label, '');
  sel.add(all);
  for (const [name, n] of pairs) sel.add(new Option(`${name} (${n})`, name));
  sel.value = current;
}

async function reload() {
  await Promise.all([loadSummary().catch((e) => setStatus(`error: ${e.message}`)), loadEvents()]);
}

function legend(types) {
  const el = $('legend');
  el.replaceChildren();
  for (const [t] of types.slice(0, 7)) {
    const s = document.createElement('span');
    const i = document.createElement('i');
    i.style.background = typeColor(t);
    s.append(i, t);
    el.append(s);
  }
}

async function init() {
  // Everything starts at once: the world, the first events, and the counts for the timeline and the filter
  // lists (grouped in the database, cheap). The map is drawn as soon as the world and the first events are in.
  const worldLoaded = getJson('/vendor/countries-110m.json').then((world) => map.setWorld(world));
  const summary = getJson('/api/summary');
  const stats = getJson('/api/stats');
  await Promise.all([worldLoaded, loadEvents(FIRST_PAGE)]);
  map.fit();
  // Let the browser paint the map before the rest of the work (the full events, the timeline's bars). The mark
  // (just before that frame) is what bench/first_render.mjs reports as the page's own first-render time.
  await new Promise((resolve) => requestAnimationFrame(() => {
    performance.mark('sitrep-map-drawn');
    setTimeout(resolve, 0);
  }));
  const allEvents = loadEvents().then(() => {
    // The newest MAP_LIMIT events may reach further than the first ones: fit them, unless the user has moved.
    if (!map.moved() && !map.allVisible()) map.fit();
  });
  const [base, totals] = await Promise.all([summary, stats]);
  fillSelect($('f-type'), base.by_type, state.type, 'all types');
  fillSelect($('f-country'), base.by_country, state.country, 'all countries');
  const dl = $('actors');
  for (const [name] of base.by_actor) dl.append(new Option(name));
  legend(base.by_type.length ? base.by_type : Object.entries(TYPE_COLORS));
  $('totals').textContent = `${totals.events} events from ${totals.documents} articles, ${totals.claims} claims.`;
  timeline.setData(base.by_day);
  await allEvents;
  document.body.dataset.ready = '1';
}

// ---- filters
for (const id of ['f-type', 'f-country']) {
  $(id).addEventListener('change', (e) => {
    state[e.target.name] = e.target.value;
    reload();
  });
}
for (const id of ['f-actor', 'f-source']) {
  $(id).addEventListener('change', (e) => {
    state[e.target.name] = e.target.value.trim();
    reload();
  });
}
$('filters').addEventListener('submit', (e) => e.preventDefault());
$('f-clear').addEventListener('click', () => {
  for (const k of Object.keys(state)) state[k] = '';
  for (const id of ['f-type', 'f-country', 'f-actor', 'f-source']) $(id).value = '';
  timeline.clear();
  $('range-label').textContent = 'all dates';
  $('range-clear').hidden = true;
  reload();
});
$('range-clear').addEventListener('click', () => timeline.clear(true));

// ---- place search
let placeTimer = 0;
$('place-q').addEventListener('input', (e) => {
  clearTimeout(placeTimer);
  const q = e.target.value.trim();
  const ul = $('place-results');
  if (!q) {
    ul.hidden = true;
    return;
  }
  placeTimer = setTimeout(async () => {
    try {
      const r = await getJson(`/api/places?q=${encodeURIComponent(q)}&limit=10`);
      ul.replaceChildren();
      for (const p of r.places) {
        const li = document.createElement('li');
        li.tabIndex = 0;
        li.dataset.placeId = p.id;
        li.textContent = `${p.name}${p.admin1 ? ', ' + p.admin1 : ''}${p.country ? ' [' + p.country + ']' : ''} — ${p.events} events`;
        const pick = () => {
          ul.hidden = true;
          openPlace(p.id);
          if (p.lat != null) map.zoomTo(p.lon, p.lat, 8);
        };
        li.addEventListener('click', pick);
        li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') pick(); });
        ul.append(li);
      }
      if (!r.places.length) {
        const li = document.createElement('li');
        li.textContent = 'no such place';
        ul.append(li);
      }
      ul.hidden = false;
    } catch (err) {
      setStatus(`error: ${err.message}`);
    }
  }, 150);
});
document.addEventListener('click', (e) => {
  if (!$('place-results').contains(e.target) && e.target !== $('place-q')) $('place-results').hidden = true;
});

$('zoom-in').addEventListener('click', () => map.zoomBy(2));
$('zoom-out').addEventListener('click', () => map.zoomBy(0.5));
$('zoom-fit').addEventListener('click', () => map.fit());

// Deep links: #event=ID and #place=ID open their panel.
function followHash() {
  const m = /^#(event|place)=(\d+)$/.exec(location.hash);
  if (!m) return;
  if (m[1] === 'event') openEvent(Number(m[2]));
  else openPlace(Number(m[2]));
}
window.addEventListener('hashchange', followHash);

init().then(followHash).catch((e) => setStatus(`error: ${e.message}`));

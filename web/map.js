// The map: country shapes (world-atlas TopoJSON) drawn with d3-geo in SVG, events as dots coloured by type and
// sized by fatalities, grouped into numbered clusters where they overlap on screen. Pan by dragging, zoom with
// the wheel, a pinch or the buttons; clicking a cluster zooms into it.
const d3 = window.d3;
const topojson = window.topojson;
const SVG = 'http://www.w3.org/2000/svg';

export const TYPE_COLORS = {
  'Battles': '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  'Protests': '#2ca02c',
  'Riots': '#8c564b',
  'Strategic developments': '#1f77b4',
};
const OTHER = ['#17becf', '#bcbd22', '#e377c2', '#7f7f7f'];

export function typeColor(t) {
  if (TYPE_COLORS[t]) return TYPE_COLORS[t];
  let h = 0;
  for (const c of t || '') h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return OTHER[h % OTHER.length];
}

const CELL = 34;  // px: events closer than this on screen form a cluster

function el(name, attrs = {}) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export class EventMap {
  constructor(svg, { onEvent }) {
    this.svg = svg;
    this.onEvent = onEvent;
    this.events = [];
    this.selected = null;
    this.projection = d3.geoMercator();
    this.k = 1;  // zoom relative to the base projection
    this.tx = 0;
    this.ty = 0;
    this.gCountries = el('g');
    this.gEvents = el('g');
    svg.append(this.gCountries, this.gEvents);
    this.resize();
    new ResizeObserver(() => { this.resize(); this.draw(); }).observe(svg);
    this.interact();
  }

  resize() {
    const r = this.svg.getBoundingClientRect();
    this.w = Math.max(100, r.width);
    this.h = Math.max(100, r.height);
    this.svg.setAttribute('viewBox', `0 0 ${this.w} ${this.h}`);
  }

  setWorld(world) {
    this.countries = topojson.feature(world, world.objects.countries).features;
    this.path = d3.geoPath(this.projection);
    this.gCountries.replaceChildren();
    this.countryPaths = this.countries.map((f) => {
      const p = el('path', { class: 'country' });
      p.__feature = f;
      this.gCountries.append(p);
      return p;
    });
    // Projected by the next fit() (the caller's, once the first events are in): each fit projects every shape.
  }

  setEvents(events) {
    this.events = events.filter((e) => e.lat != null && e.lon != null);
    this.draw();
  }

  // The base projection shows every located event (or the world when there are none).
  fit() {
    let bounds = null;
    if (this.events.length) {
      const lons = this.events.map((e) => e.lon), lats = this.events.map((e) => e.lat);
      let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      const pad = Math.max(1.5, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
      bounds = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[
        [x0 - pad, y0 - pad], [x0 - pad, y1 + pad], [x1 + pad, y1 + pad], [x1 + pad, y0 - pad], [x0 - pad, y0 - pad]]] } };
    }
    const target = bounds || { type: 'Sphere' };
    this.projection.scale(1).translate([0, 0]).clipExtent(null);
    if (bounds) this.projection.fitExtent([[20, 20], [this.w - 20, this.h - 20]], target);
    else this.projection.fitExtent([[10, 10], [this.w - 10, this.h - 10]], { type: 'Sphere' });
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.drawCountries();
    this.draw();
  }

  // Whether the view is other than fit() left it (the user panned or zoomed).
  moved() {
    return this.k !== 1 || this.tx !== 0 || this.ty !== 0;
  }

  // Whether every located event is on screen (then a fit() would only cost the projection of every country).
  allVisible() {
    return this.events.every((e) => {
      const [x, y] = this.screen(e.lon, e.lat);
      return x >= 0 && y >= 0 && x <= this.w && y <= this.h;
    });
  }

  drawCountries() {
    if (!this.countryPaths) return;
    for (const p of this.countryPaths) p.setAttribute('d', this.path(p.__feature) || '');
    this.applyTransform();
  }

  applyTransform() {
    this.gCountries.setAttribute('transform', `translate(${this.tx},${this.ty}) scale(${this.k})`);
  }

  screen(lon, lat) {
    const [x, y] = this.projection([lon, lat]);
    return [x * this.k + this.tx, y * this.k + this.ty];
  }

  radius(e) {
    const k = e.killed ? e.killed.max : 0;
    return 4 + Math.min(16, Math.sqrt(k) * 2);
  }

  draw() {
    const g = this.gEvents;
    g.replaceChildren();
    // Grid clustering in screen space: one cell, one mark.
    const cells = new Map();
    for (const e of this.events) {
      const [x, y] = this.screen(e.lon, e.lat);
      if (x < -50 || y < -50 || x > this.w + 50 || y > this.h + 50) continue;
      const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { x: 0, y: 0, list: [] }));
      c.x += x;
      c.y += y;
      c.list.push(e);
    }
    const frag = document.createDocumentFragment();
    const singles = [];
    for (const c of cells.values()) {
      const x = c.x / c.list.length, y = c.y / c.list.length;
      // Events at one spot (same place) stay a cluster at any zoom; click lists them.
      if (c.list.length === 1) {
        singles.push([c.list[0], x, y]);
        continue;
      }
      const types = new Map();
      for (const e of c.list) types.set(e.type.display, (types.get(e.type.display) || 0) + 1);
      const top = [...types.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const grp = el('g', { class: 'cluster', transform: `translate(${x},${y})`, 'data-count': c.list.length });
      const r = 10 + Math.min(16, Math.log2(c.list.length) * 3);
      const circle = el('circle', { r, fill: typeColor(top) });
      const title = el('title');
      title.textContent = `${c.list.length} events (mostly ${top}); click to zoom in`;
      circle.append(title);
      const text = el('text');
      text.textContent = c.list.length;
      grp.append(circle, text);
      grp.addEventListener('click', (ev) => {
        ev.stopPropagation();
        const same = c.list.every((e) => e.lat === c.list[0].lat && e.lon === c.list[0].lon);
        if (same || this.k > 2000) this.onEvent(c.list[0].id);
        else this.zoomAt(x, y, 3);
      });
      frag.append(grp);
    }
    singles.sort((a, b) => this.radius(b[0]) - this.radius(a[0]));
    for (const [e, x, y] of singles) {
      const dot = el('circle', { class: 'event', cx: x, cy: y, r: this.radius(e), fill: typeColor(e.type.display),
        'data-event-id': e.id });
      if (e.id === this.selected) dot.classList.add('selected');
      const title = el('title');
      const place = e.place ? e.place.name : '';
      title.textContent = `${e.type.acled_sub || e.type.display} — ${place} ${e.date.start || ''}` +
        (e.killed ? ` — ${e.killed.min === e.killed.max ? e.killed.min : e.killed.min + '–' + e.killed.max} killed` : '');
      dot.append(title);
      dot.addEventListener('click', (ev) => {
        ev.stopPropagation();
        this.onEvent(e.id);
      });
      frag.append(dot);
    }
    g.append(frag);
  }

  select(id) {
    this.selected = id;
    for (const d of this.gEvents.querySelectorAll('.event')) d.classList.toggle('selected', Number(d.dataset.eventId) === id);
  }

  zoomAt(x, y, factor) {
    const k = Math.max(0.5, Math.min(5000, this.k * factor));
    const f = k / this.k;
    this.tx = x - (x - this.tx) * f;
    this.ty = y - (y - this.ty) * f;
    this.k = k;
    this.applyTransform();
    this.draw();
  }

  zoomBy(factor) { this.zoomAt(this.w / 2, this.h / 2, factor); }

  zoomTo(lon, lat, k) {
    const [x, y] = this.projection([lon, lat]);
    this.k = Math.max(this.k, k);
    this.tx = this.w / 2 - x * this.k;
    this.ty = this.h / 2 - y * this.k;
    this.applyTransform();
    this.draw();
  }

  interact() {
    const svg = this.svg;
    const pointers = new Map();
    let last = null, pinch = 0;
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      this.zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * 0.002));
    }, { passive: false });
    svg.addEventListener('pointerdown', (e) => {
      if (e.target.closest('.event, .cluster')) return;
      svg.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, [e.clientX, e.clientY]);
      last = [e.clientX, e.clientY];
    });
    svg.addEventListener('pointermove', (e) => {
      if (!pointers.has(e.pointerId)) return;
      pointers.set(e.pointerId, [e.clientX, e.clientY]);
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
        if (pinch) {
          const r = svg.getBoundingClientRect();
          this.zoomAt((a[0] + b[0]) / 2 - r.left, (a[1] + b[1]) / 2 - r.top, d / pinch);
        }
        pinch = d;
        return;
      }
      this.tx += e.clientX - last[0];
      this.ty += e.clientY - last[1];
      last = [e.clientX, e.clientY];
      this.applyTransform();
      this.scheduleDraw();
    });
    const up = (e) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = 0;
      if (pointers.size === 1) last = [...pointers.values()][0];
    };
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);
  }

  scheduleDraw() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }
}

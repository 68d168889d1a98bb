// The timeline: events per day as a histogram (SVG); dragging across it chooses a date range (the brush), which
// filters the map. A click without a drag clears it.
const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

function el(name, attrs = {}) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
const iso = (t) => new Date(t).toISOString().slice(0, 10);

export class Timeline {
  constructor(svg, { onRange }) {
    this.svg = svg;
    this.onRange = onRange;
    this.days = [];
    this.range = null;  // [t0, t1] in ms, inclusive days
    new ResizeObserver(() => this.draw()).observe(svg);
    this.interact();
  }

  setData(byDay) {
    this.days = byDay.map(([d, n]) => [Date.parse(d), n]).filter(([t]) => !Number.isNaN(t));
    this.draw();
  }

  clear(notify = false) {
    this.range = null;
    this.draw();
    if (notify) this.onRange(null, null);
  }

  draw() {
    const svg = this.svg;
    const r = svg.getBoundingClientRect();
    const w = Math.max(100, r.width), h = Math.max(40, r.height);
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.replaceChildren();
    this.w = w;
    if (!this.days.length) {
      const t = el('text', { x: 8, y: h / 2, class: 'axis' });
      t.textContent = 'no dated events';
      svg.append(t);
      return;
    }
    const t0 = this.days[0][0], t1 = this.days[this.days.length - 1][0] + DAY;
    const span = Math.max(DAY, t1 - t0);
    // Bars per day, or per week/month when the range is long.
    const nDays = span / DAY;
    const bin = nDays > 3 * w ? 30 * DAY : nDays > w / 2 ? 7 * DAY : DAY;
    const bins = new Map();
    for (const [t, n] of this.days) {
      const b = t0 + Math.floor((t - t0) / bin) * bin;
      bins.set(b, (bins.get(b) || 0) + n);
    }
    const max = Math.max(...bins.values());
    const pad = 4, axis = 14, ph = h - axis - pad;
    this.x = (t) => pad + ((t - t0) / span) * (w - 2 * pad);
    this.t = (x) => t0 + ((x - pad) / (w - 2 * pad)) * span;
    const frag = document.createDocumentFragment();
    for (const [b, n] of bins) {
      const x = this.x(b), bw = Math.max(1, this.x(b + bin) - x - 1);
      const bh = Math.max(1, (n / max) * ph);
      const inRange = this.range && b + bin > this.range[0] && b <= this.range[1];
      const rect = el('rect', { class: `bar${inRange ? ' in' : ''}`, x, y: pad + ph - bh, width: bw, height: bh,
        'data-day': iso(b), 'data-count': n });
      const title = el('title');
      title.textContent = `${iso(b)}${bin > DAY ? ' (' + Math.round(bin / DAY) + ' days)' : ''}: ${n} events`;
      rect.append(title);
      frag.append(rect);
    }
    // A few date labels.
    const labels = Math.max(2, Math.floor(w / 110));
    for (let i = 0; i <= labels; i++) {
      const t = t0 + (span * i) / labels;
      const x = Math.min(w - 60, Math.max(0, this.x(t) - 28));
      const tx = el('text', { x, y: h - 2, class: 'axis' });
      tx.textContent = iso(t);
      frag.append(tx);
    }
    if (this.range) {
      const x0 = this.x(this.range[0]), x1 = this.x(this.range[1] + DAY);
      frag.append(el('rect', { class: 'brush', x: x0, y: pad, width: Math.max(2, x1 - x0), height: ph }));
    }
    svg.append(frag);
  }

  interact() {
    const svg = this.svg;
    let start = null;
    const pos = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener('pointerdown', (e) => {
      if (!this.days.length) return;
      svg.setPointerCapture(e.pointerId);
      start = pos(e);
    });
    svg.addEventListener('pointermove', (e) => {
      if (start == null) return;
      const a = Math.min(start, pos(e)), b = Math.max(start, pos(e));
      if (b - a < 3) return;
      this.range = [this.dayOf(this.t(a)), this.dayOf(this.t(b))];
      this.draw();
    });
    svg.addEventListener('pointerup', (e) => {
      if (start == null) return;
      const moved = Math.abs(pos(e) - start) >= 3;
      start = null;
      if (!moved) {
        if (this.range) this.clear(true);
        return;
      }
      this.onRange(iso(this.range[0]), iso(this.range[1]));
    });
  }

  dayOf(t) { return Math.floor(t / DAY) * DAY; }
}

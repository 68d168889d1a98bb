// The side panels: one event (every source's claim, where they disagree, the evidence sentence highlighted in its
// article) and one place (who controlled it, since when, according to whom). Text from the store is always set
// with textContent, never parsed as HTML.
import { typeColor } from './map.js';

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null && c !== false) e.append(c);
  return e;
}

function kv(pairs) {
  const dl = h('dl', { class: 'kv' });
  for (const [k, v] of pairs) if (v != null && v !== '') dl.append(h('dt', {}, k), h('dd', {}, v));
  return dl;
}

const killedText = (k) => (k ? (k.min === k.max ? `${k.min}` : `${k.min}–${k.max}`) : null);
const actorText = (a) => (a ? a.name : null);

// The evidence sentence with its trigger word in bold.
function evidenceMark(text, trigger) {
  const mark = h('mark', { class: 'evidence' });
  const i = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (i < 0) mark.textContent = text;
  else mark.append(text.slice(0, i), h('b', {}, text.slice(i, i + trigger.length)), text.slice(i + trigger.length));
  return mark;
}

async function showArticle(box, claim, getJson) {
  box.replaceChildren(h('p', { class: 'meta' }, 'loading the article…'));
  const d = await getJson(`/api/documents/${encodeURIComponent(claim.doc.id)}`);
  const head = h('div', { class: 'meta' },
    d.title ? h('strong', {}, d.title) : d.id, d.source ? ` — ${d.source}` : '', d.published ? `, ${d.published}` : '');
  if (d.url && /^https?:\/\//.test(d.url)) head.append(' ', h('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer' }, 'original'));
  const body = h('div', { class: 'article', dataset: { doc: d.id } });
  let prev = -1;
  for (const s of d.sentences) {
    if (s.idx > prev + 1) body.append(h('p', { class: 'gap' }, '…'));
    const p = h('p', { dataset: { idx: s.idx } });
    if (s.idx === claim.sentence) p.append(evidenceMark(s.text, claim.trigger));
    else p.textContent = s.text;
    body.append(p);
    prev = s.idx;
  }
  if (d.sentence_count > prev + 1) body.append(h('p', { class: 'gap' }, '…'));
  box.replaceChildren(head, body,
    h('p', { class: 'meta' }, `The store keeps the sentences that carry events (${d.sentences.length} of ${d.sentence_count}); the highlighted one is this claim's evidence.`));
  box.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
}

export async function showEvent(el, id, { getJson, openPlace }) {
  el.replaceChildren(h('p', { class: 'meta' }, `loading event ${id}…`));
  const e = await getJson(`/api/events/${id}`);
  const type = e.type.acled_sub || e.type.plover || e.type.display;
  const title = h('h2', {}, h('span', { style: `color:${typeColor(e.type.display)}` }, '● '), type);
  const place = e.place
    ? h('button', { class: 'linklike', type: 'button', onclick: () => openPlace(e.place.id) },
        `${e.place.name}${e.place.country ? ' [' + e.place.country + ']' : ''}`)
    : 'unknown';
  const dates = e.date.start ? (e.date.end && e.date.end !== e.date.start ? `${e.date.start} to ${e.date.end}` : e.date.start) : 'unknown';
  const facts = kv([
    ['Event', `#${e.id}`],
    ['Type', e.type.acled ? `${e.type.acled} / ${e.type.acled_sub || '-'}` : e.type.display],
    ['Where', place],
    ['When', dates],
    ['Actors', [actorText(e.actor1), actorText(e.actor2)].filter(Boolean).join(' → ') || '-'],
    ['Killed', killedText(e.killed)],
    ['Sources', `${e.claim_count} claims from ${e.source_count} articles; confidence ${e.confidence.toFixed(2)}`],
  ]);
  const parts = [title, facts];
  if (e.disagreements.length) {
    const box = h('div', { class: 'disagree', id: 'disagreements' }, h('strong', {}, 'The sources disagree'));
    for (const d of e.disagreements) {
      const ul = h('ul');
      for (const v of d.values) ul.append(h('li', {}, `${v.value} — ${v.says.join(', ')}`));
      box.append(h('div', {}, `${d.field}:`), ul);
    }
    parts.push(box);
  }
  parts.push(h('h3', {}, 'Every claim'));
  const article = h('div', { id: 'article' });
  const cards = [];
  for (const c of e.claims) {
    const card = h('div', { class: 'claim', dataset: { claimId: c.id }, tabindex: 0 },
      h('div', {}, h('span', { class: 'says' }, c.says), ' ',
        h('span', { class: 'meta' }, `${c.modality}${c.negated ? ', negated' : ''} · ${c.type.acled_sub || c.type.plover || ''}` +
          `${c.killed != null ? ' · ' + c.killed + ' killed' : ''}${c.date.start ? ' · ' + c.date.start : ''}`)),
      h('div', { class: 'meta' }, `${c.doc.title || c.doc.id}${c.doc.source ? ' — ' + c.doc.source : ''}${c.doc.published ? ', ' + c.doc.published : ''}`),
      h('blockquote', { class: 'evidence-sentence' }, evidenceMark(c.evidence, c.trigger)),
      h('div', { class: 'meta' }, `linked: ${c.link.rule}`));
    const pick = () => {
      for (const k of cards) k.classList.toggle('active', k === card);
      showArticle(article, c, getJson).catch((err) => { article.textContent = `Cannot load the article: ${err.message}`; });
    };
    card.addEventListener('click', pick);
    card.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') pick(); });
    cards.push(card);
    parts.push(card);
  }
  parts.push(h('h3', {}, 'In its article'), article);
  el.replaceChildren(...parts);
  el.dataset.eventId = e.id;
  if (cards.length) cards[0].click();
}

const HOLDER_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2'];

export async function showPlace(el, id, { getJson, openEvent }) {
  el.replaceChildren(h('p', { class: 'meta' }, 'loading…'));
  const c = await getJson(`/api/places/${id}/control`);
  const p = c.place;
  const colors = new Map();
  const colorOf = (holder) => {
    const k = holder ? holder.name : '(nobody)';
    if (!colors.has(k)) colors.set(k, holder ? HOLDER_COLORS[colors.size % HOLDER_COLORS.length] : '#bbb');
    return colors.get(k);
  };
  const parts = [
    h('h2', {}, p.name),
    kv([
      ['Where', [p.admin1, p.country].filter(Boolean).join(', ')],
      ['Events', `${p.events}`],
      ['Held by', c.holder ? `${c.holder.name} (since ${c.since})` : c.changes.length ? 'nobody (vacated)' : 'no control claims'],
    ]),
  ];
  if (c.changes.length) {
    parts.push(h('h3', {}, 'Who controlled it'));
    const strip = h('div', { class: 'strip', 'aria-hidden': 'true' });
    for (const ch of c.changes) strip.append(h('div', { style: `flex:1;background:${colorOf(ch.holder)}`, title: `${ch.date}: ${ch.holder ? ch.holder.name : 'nobody'}` }));
    parts.push(strip);
    const list = h('div', { id: 'control-changes' });
    for (const ch of c.changes) {
      const box = h('div', { class: 'change', style: `border-left-color:${colorOf(ch.holder)}`, dataset: { date: ch.date } },
        h('div', {}, h('span', { class: 'when' }, ch.date + (ch.date_end && ch.date_end !== ch.date ? '…' + ch.date_end : '')), ' ',
          ch.holder ? `held by ${ch.holder.name}` : 'nobody holds it', ch.contested ? h('span', { class: 'contested' }, 'contested') : null));
      const ul = h('ul');
      for (const r of ch.claims) {
        const li = h('li', {}, `${r.reading} — ${r.says} (${r.modality}): `,
          h('button', { class: 'linklike', type: 'button', onclick: () => openEvent(r.event_id) }, `event #${r.event_id}`),
          h('div', { class: 'meta' }, r.evidence));
        ul.append(li);
      }
      box.append(ul);
      list.append(box);
    }
    parts.push(list);
  }
  el.replaceChildren(...parts);
  el.dataset.placeId = p.id;
}

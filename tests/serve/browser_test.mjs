// The page of `sitrep serve` in a real browser (issue 5): Debian's Chromium driven by playwright-core.
//   node tests/serve/browser_test.mjs --sitrep build/tools/sitrep --source . --out build/test-artifacts
// Builds a store from real articles with `sitrep ingest`, serves it, and checks that the map shows the events,
// that a filter changes what is shown, that clicking an event shows its evidence, and that Palmyra's control
// timeline shows its changes. Screenshots go to --out. Exit 77 (CTest: skipped) only when Chromium is absent.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const SKIP = 77;
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const source = path.resolve(args.source || '.');
const sitrep = path.resolve(args.sitrep || 'build/tools/sitrep');
const out = path.resolve(args.out || 'build/test-artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

if (!fs.existsSync(chromiumPath)) {
  console.log(`browser test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);
  process.exit(SKIP);
}
let chromium;
try {
  chromium = createRequire(path.join(source, 'package.json'))('playwright-core').chromium;
} catch (e) {
  console.error(`browser test: playwright-core is not installed in ${source}/node_modules (run npm ci): ${e.message}`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-browser-'));
const db = path.join(tmp, 'store.db');
let server = null;
let browser = null;
let failed = false;

function check(cond, what) {
  if (!cond) throw new Error(`FAILED: ${what}`);
  console.log(`ok: ${what}`);
}

async function startServer() {
  const golden = path.join(source, 'tests/golden/articles');
  const inputs = [path.join(source, 'tests/store/data/palmyra_douma.jsonl')];
  if (fs.existsSync(golden)) inputs.push(golden);
  const ing = spawnSync(sitrep, ['ingest', ...inputs, '--db', db, '-j', '2'], {
    env: { ...process.env, SITREP_DATA: path.join(source, 'data') }, encoding: 'utf8' });
  if (ing.status !== 0) throw new Error(`sitrep ingest failed (${ing.status}): ${ing.stderr}`);
  console.log(ing.stderr.trim().split('\n').pop());
  server = spawn(sitrep, ['serve', '--db', db, '--port', '0', '--web', path.join(source, 'web')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`sitrep serve did not start: ${err}`)), 30000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    server.on('exit', (code) => reject(new Error(`sitrep serve exited ${code}: ${err}`)));
  });
}

async function loadedAfter(page, action) {
  const before = await page.evaluate(() => document.body.dataset.loaded || '0');
  await action();
  await page.waitForFunction((b) => (document.body.dataset.loaded || '0') !== b, before, { timeout: 15000 });
}

async function shown(page) {
  return page.evaluate(() => {
    const dots = document.querySelectorAll('#map .event').length;
    let inClusters = 0;
    for (const c of document.querySelectorAll('#map .cluster')) inClusters += Number(c.dataset.count);
    return { dots, clusters: document.querySelectorAll('#map .cluster').length, total: dots + inClusters,
      status: document.getElementById('status').textContent };
  });
}

async function main() {
  const base = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, args: [
    '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const eventRequests = [];
  page.on('request', (r) => { if (r.url().includes('/api/events?')) eventRequests.push(r.url().replace(base, '')); });

  // 1. The page loads and the map shows the events.
  const t0 = Date.now();
  await page.goto(base + '/');
  await page.waitForFunction(() => document.body.dataset.loaded, null, { timeout: 20000 });
  console.log(`first render (map with events): ${Date.now() - t0} ms`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 20000 });
  await page.waitForSelector('#map path.country');
  const all = await shown(page);
  check(all.total > 5, `the map shows the events (${all.total}: ${all.dots} dots, ${all.clusters} clusters; ${all.status})`);
  // The first paint comes from a small answer, fetched once (index.html's preload is what app.js uses), then the
  // map's full page.
  check(eventRequests[0] === '/api/events?limit=200' && eventRequests[1] === '/api/events?limit=2000' &&
        eventRequests.filter((u) => u === '/api/events?limit=200').length === 1,
        `the first events come from one small request, then the full page (${eventRequests.join(' ')})`);
  await page.screenshot({ path: path.join(out, 'serve-1-map.png') });

  // 2. A filter changes what is shown.
  const types = await page.$$eval('#f-type option', (os) => os.map((o) => o.value).filter(Boolean));
  check(types.length >= 2, `the type filter offers the stored types (${types.join(', ')})`);
  await loadedAfter(page, () => page.selectOption('#f-type', types[types.length - 1]));
  const filtered = await shown(page);
  check(filtered.total > 0 && filtered.total < all.total, `the type filter changes the map (${all.total} -> ${filtered.total})`);
  await page.screenshot({ path: path.join(out, 'serve-2-filtered.png') });
  await loadedAfter(page, () => page.click('#f-clear'));
  check((await shown(page)).total === all.total, 'clearing the filters shows every event again');

  // The timeline brush narrows the map by date.
  const box = await page.locator('#timeline').boundingBox();
  await loadedAfter(page, async () => {
    await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  });
  const brushed = await shown(page);
  const label = await page.textContent('#range-label');
  check(brushed.total < all.total && /\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/.test(label),
    `brushing the timeline filters the map (${label}: ${brushed.total} events)`);
  await page.screenshot({ path: path.join(out, 'serve-3-brushed.png') });
  await loadedAfter(page, () => page.click('#range-clear'));

  // 3. Clicking an event shows its evidence (zooming into clusters until a single dot is there).
  for (let i = 0; i < 8 && (await page.locator('#map .event').count()) === 0; i++) {
    await page.locator('#map .cluster').first().click();
  }
  check((await page.locator('#map .event').count()) > 0, 'single events are shown as dots');
  await page.locator('#map .event').first().click({ force: true });
  await page.waitForSelector('#event-panel .claim blockquote mark.evidence');
  await page.waitForSelector('#article mark.evidence');
  const evidence = await page.textContent('#event-panel .claim blockquote');
  const inArticle = await page.textContent('#article mark.evidence');
  check(evidence.length > 20 && inArticle === evidence, `the event panel shows the evidence sentence, highlighted in its article ("${evidence.slice(0, 60)}…")`);
  await page.screenshot({ path: path.join(out, 'serve-4-event.png') });

  // Douma's event (a deep link): two sources that disagree on the dead, both shown.
  const douma = await page.evaluate(async () => (await (await fetch('/api/events?place=Douma')).json()).events[0].id);
  await page.evaluate((id) => { location.hash = `#event=${id}`; }, douma);
  await page.waitForSelector(`#event-panel[data-event-id="${douma}"] #disagreements`);
  const dis = await page.textContent('#disagreements');
  check(/killed/.test(dis) && /24/.test(dis) && /12/.test(dis), `the disagreement between sources is shown (${dis.replace(/\s+/g, ' ').slice(0, 120)})`);
  check((await page.locator('#event-panel .claim').count()) === 2, 'every source\'s claim is listed');
  await page.screenshot({ path: path.join(out, 'serve-4b-disagreement.png') });

  // 4. The control timeline of Palmyra shows its changes.
  await page.fill('#place-q', 'Palmyra');
  await page.waitForSelector('#place-results li[data-place-id]');
  await page.locator('#place-results li[data-place-id]').first().click();
  await page.waitForSelector('#control-changes .change');
  const changes = await page.$$eval('#control-changes .change', (cs) => cs.map((c) => c.textContent));
  check(changes.length >= 3, `Palmyra's control timeline shows ${changes.length} changes`);
  check(changes.some((c) => c.includes('Islamic State')) && changes.some((c) => c.includes('Military Forces of Syria')),
    'the changes name the government and the Islamic State');
  await page.screenshot({ path: path.join(out, 'serve-5-palmyra.png') });

  // Readable on a phone: the map and the panel stack.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const mapBox = await page.locator('#map').boundingBox();
  check(mapBox.width <= 390 && mapBox.height > 200, `on a phone the map fills the width (${Math.round(mapBox.width)}x${Math.round(mapBox.height)})`);
  await page.screenshot({ path: path.join(out, 'serve-6-phone.png'), fullPage: true });

  check(errors.length === 0, `no errors in the page console${errors.length ? ': ' + errors.join('; ') : ''}`);
}

try {
  await main();
  console.log(`browser test passed; screenshots in ${out}`);
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode != null ? r() : server.on('exit', r)));
    if (server.exitCode) console.error(`sitrep serve exited with ${server.exitCode}`), (failed = true);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

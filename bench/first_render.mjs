// The page's first render on a served store, in headless Chromium: from navigation until the map has drawn the
// events (body[data-loaded]), and until the timeline and filter lists are filled (body[data-ready]); also the
// page's own clock at the frame that first shows the map (the performance mark 'sitrep-map-drawn', from the
// navigation's start: without the new browser process and the round trips to this script, which a loaded
// machine stretches). Usage: node bench/first_render.mjs URL   (median of 5 cold loads)
import { createRequire } from 'node:module';
import path from 'node:path';

const { chromium } = createRequire(path.resolve('package.json'))('playwright-core');
const url = process.argv[2] || 'http://127.0.0.1:18080/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'] });
const times = [], ready = [], drawn = [];
let shown = '';
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.loaded && document.querySelector('#map path.country[d]'), null, { timeout: 30000 });
  times.push(Date.now() - t0);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30000 });
  ready.push(Date.now() - t0);
  drawn.push(await page.evaluate(() => {
    const m = performance.getEntriesByName('sitrep-map-drawn')[0];
    return m ? Math.round(m.startTime) : NaN;
  }));
  shown = await page.textContent('#status');
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
ready.sort((a, b) => a - b);
drawn.sort((a, b) => a - b);
console.log(`first render (map with events): median ${times[2]} ms (min ${times[0]}, max ${times[4]}) over 5 cold loads; ${shown}`);
console.log(`map drawn by the page's clock (navigation start to the frame showing it): median ${drawn[2]} ms (min ${drawn[0]}, max ${drawn[4]})`);
console.log(`timeline and filter lists filled: median ${ready[2]} ms (min ${ready[0]}, max ${ready[4]})`);

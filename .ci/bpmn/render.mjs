#!/usr/bin/env node
// Renders BPMN diagrams to SVG and PNG with the bpmn-js viewer in headless Chromium.
//
//   node .ci/bpmn/render.mjs                      # every processes/*.bpmn -> docs/images/<name>.{svg,png}
//   node .ci/bpmn/render.mjs a.bpmn b.bpmn        # only these files
//   node .ci/bpmn/render.mjs --out-dir DIR [...]  # write the images elsewhere
//   node .ci/bpmn/render.mjs --check [...]        # render into a temporary directory and exit 1 if
//                                                 # an image in docs/images (or --out-dir) is missing
//                                                 # or differs from its BPMN (npm run render:check)
//
// The output is deterministic: bpmn-js gives every arrow marker a random id, so the SVG's marker ids
// are renumbered (marker-<name>-1, -2, ... in document order); then two renders of the same BPMN are
// byte-identical, SVG and PNG (headless Chromium, same version and fonts). --check compares the SVG
// text (marker ids renumbered on both sides, so images written before the renumbering compare by
// their drawing) and the PNG bytes; `npm run render` always writes both.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium, Debian's `chromium` package).
// Nothing is fetched from the network: bpmn-js is loaded from node_modules.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCALE = 2;

function parseArgs(argv) {
  const files = [];
  let outDir = path.join(ROOT, 'docs', 'images');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out-dir') {
      outDir = path.resolve(argv[++i]);
    } else if (argv[i] === '--check') {
      check = true;
    } else {
      files.push(path.resolve(argv[i]));
    }
  }
  if (files.length === 0) {
    const dir = path.join(ROOT, 'processes');
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.bpmn')) files.push(path.join(dir, f));
    }
  }
  return { files, outDir, check };
}

// bpmn-js names each arrow marker marker-<random>: number them in document order instead
function normaliseSvg(svg, name) {
  const ids = new Map();
  for (const m of svg.matchAll(/<marker\b[^>]*?\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `marker-${name}-${ids.size + 1}`);
  }
  return svg.replace(/marker-[0-9A-Za-z_-]+/g, (id) => ids.get(id) ?? id);
}

function rel(file) {
  return path.relative(ROOT, file) || file;
}

function bpmnJsAsset(rel) {
  return path.join(path.dirname(require.resolve('bpmn-js/package.json')), 'dist', rel);
}

async function main() {
  const { files, outDir: targetDir, check } = parseArgs(process.argv.slice(2));
  const outDir = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'bpmn-render-check-')) : targetDir;
  let ok;
  try {
    ok = await render(files, outDir, check) && (!check || compare(files, outDir, targetDir));
  } finally {
    if (check) fs.rmSync(outDir, { recursive: true, force: true });
  }
  if (!ok) process.exit(1);
}

// --check: every image of `files` rendered into `renderedDir` must be in `targetDir`, the same
function compare(files, renderedDir, targetDir) {
  const stale = [];
  for (const file of files) {
    const name = path.basename(file, '.bpmn');
    const svg = { fresh: path.join(renderedDir, `${name}.svg`), committed: path.join(targetDir, `${name}.svg`) };
    const png = { fresh: path.join(renderedDir, `${name}.png`), committed: path.join(targetDir, `${name}.png`) };
    let svgOk = false;
    if (!fs.existsSync(svg.committed)) {
      stale.push(`${rel(svg.committed)} is missing (${rel(file)}): run npm run render`);
    } else if (normaliseSvg(fs.readFileSync(svg.committed, 'utf8'), name) !== fs.readFileSync(svg.fresh, 'utf8')) {
      stale.push(`${rel(svg.committed)} is out of date with ${rel(file)}: run npm run render`);
    } else {
      svgOk = true;
    }
    if (!fs.existsSync(png.committed)) {
      stale.push(`${rel(png.committed)} is missing (${rel(file)}): run npm run render`);
    } else if (!fs.readFileSync(png.committed).equals(fs.readFileSync(png.fresh))) {
      stale.push(`${rel(png.committed)} is out of date with ${rel(file)}: run npm run render` +
        (svgOk ? ' (its SVG is up to date: the PNG was changed by hand, or this Chromium/fonts draw other pixels)' : ''));
    }
  }
  if (stale.length) {
    console.error(`render --check: ${stale.length} image(s) out of date:`);
    for (const s of stale) console.error(`  ${s}`);
    return false;
  }
  console.log(`render --check: ${files.length * 2} image(s) in ${rel(targetDir)} up to date`);
  return true;
}

// renders `files` into `outDir`; false if a file does not import cleanly
async function render(files, outDir, quiet) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  fs.mkdirSync(outDir, { recursive: true });

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpmn-render-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'
    ],
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: SCALE,
    offline: true
  });

  let failed = false;
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    // No network: refuse anything the page might try to fetch.
    await page.route('**/*', (route) => route.abort());

    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8">
      <style>html, body { margin: 0; padding: 0; background: #fff; }
        #canvas { width: 1600px; height: 1000px; }
        #png { position: absolute; left: 0; top: 0; z-index: 1000; background: #fff; line-height: 0; }</style>
      </head><body><div id="canvas"></div><div id="png"></div></body></html>`);
    await page.addStyleTag({ path: bpmnJsAsset('assets/diagram-js.css') });
    await page.addStyleTag({ path: bpmnJsAsset('assets/bpmn-js.css') });
    await page.addScriptTag({ path: bpmnJsAsset('bpmn-viewer.production.min.js') });

    for (const file of files) {
      const name = path.basename(file, '.bpmn');
      const xml = fs.readFileSync(file, 'utf8');
      const result = await page.evaluate(async (xml) => {
        document.getElementById('png').innerHTML = '';
        if (window.viewer) window.viewer.destroy();
        window.viewer = new window.BpmnJS({ container: '#canvas' });
        try {
          const { warnings } = await window.viewer.importXML(xml);
          window.viewer.get('canvas').zoom('fit-viewport');
          const { svg } = await window.viewer.saveSVG();
          return { svg, warnings: warnings.map((w) => w.message) };
        } catch (err) {
          return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
        }
      }, xml);

      for (const w of result.warnings) console.warn(`${name}: import warning: ${w}`);
      if (result.error) {
        console.error(`${name}: import failed: ${result.error}`);
        failed = true;
        continue;
      }
      if (result.warnings.length) failed = true;

      const svg = normaliseSvg(result.svg, name);
      const svgFile = path.join(outDir, `${name}.svg`);
      fs.writeFileSync(svgFile, svg.endsWith('\n') ? svg : svg + '\n');

      // Draw the exported SVG at 1:1 on a white box and screenshot just that box
      // (deviceScaleFactor gives the PNG its resolution).
      const size = await page.evaluate(async (svg) => {
        const box = document.getElementById('png');
        const img = new Image();
        img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
        await img.decode();
        box.appendChild(img);
        return { width: img.naturalWidth, height: img.naturalHeight };
      }, svg);
      await page.setViewportSize({
        width: Math.max(1600, Math.ceil(size.width)),
        height: Math.max(1000, Math.ceil(size.height))
      });
      const pngFile = path.join(outDir, `${name}.png`);
      await page.locator('#png img').screenshot({ path: pngFile, omitBackground: false });
      if (!quiet) {
        console.log(`${rel(file)} -> ${rel(svgFile)}, ${rel(pngFile)} (${Math.round(size.width)}x${Math.round(size.height)} @${SCALE}x)`);
      }
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return !failed;
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});

#!/usr/bin/env node
// Renders BPMN diagrams to SVG and PNG with the bpmn-js viewer in headless Chromium.
//
//   node .ci/bpmn/render.mjs                      # every processes/*.bpmn -> docs/images/<name>.{svg,png}
//   node .ci/bpmn/render.mjs a.bpmn b.bpmn        # only these files
//   node .ci/bpmn/render.mjs --out-dir DIR [...]  # write the images elsewhere
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
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out-dir') {
      outDir = path.resolve(argv[++i]);
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
  return { files, outDir };
}

function bpmnJsAsset(rel) {
  return path.join(path.dirname(require.resolve('bpmn-js/package.json')), 'dist', rel);
}

async function main() {
  const { files, outDir } = parseArgs(process.argv.slice(2));
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

      const svgFile = path.join(outDir, `${name}.svg`);
      fs.writeFileSync(svgFile, result.svg.endsWith('\n') ? result.svg : result.svg + '\n');

      // Draw the exported SVG at 1:1 on a white box and screenshot just that box
      // (deviceScaleFactor gives the PNG its resolution).
      const size = await page.evaluate(async (svg) => {
        const box = document.getElementById('png');
        const img = new Image();
        img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
        await img.decode();
        box.appendChild(img);
        return { width: img.naturalWidth, height: img.naturalHeight };
      }, result.svg);
      await page.setViewportSize({
        width: Math.max(1600, Math.ceil(size.width)),
        height: Math.max(1000, Math.ceil(size.height))
      });
      const pngFile = path.join(outDir, `${name}.png`);
      await page.locator('#png img').screenshot({ path: pngFile, omitBackground: false });
      console.log(`${path.relative(ROOT, file)} -> ${path.relative(ROOT, svgFile)}, ${path.relative(ROOT, pngFile)} (${Math.round(size.width)}x${Math.round(size.height)} @${SCALE}x)`);
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});

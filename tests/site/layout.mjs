// Screenshots of pages at a phone's and a laptop's width, and the words that break inside
// table cells at every width asked, as JSON on standard output.
//
//   node tests/site/layout.mjs layout.json
//
// layout.json: {chromium, origin, screenshots, shots: [width...], widths: [width...],
// pages: [{name, path}]}. A word "breaks" when its letters land on two lines: each run of
// letters and digits ("plānošanas", "2022") is measured with a DOM Range, and more than one
// line top means the browser cut it (punctuation between runs may end a line). Each page
// is also printed to A4, and its number of pages reported. Text in <code> (IRIs,
// which may wrap anywhere) and text hidden by the language switch are left out.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await chromium.launch({
  executablePath: config.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

function brokenWords() {
  const found = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (!cell.getClientRects().length) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest("code, svg") || !parent.getClientRects().length) continue;
      const pieces = /[\p{L}\p{N}]+/gu;
      for (let m = pieces.exec(node.data); m; m = pieces.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) found.push(m[0]);
      }
    }
  }
  return found;
}

const report = [];
for (const item of config.pages) {
  const entry = { name: item.name, path: item.path, broken: {}, screenshots: [] };
  report.push(entry);
  for (const width of config.widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(config.origin + item.path, { waitUntil: "load" });
    entry.broken[width] = await page.evaluate(brokenWords);
    if (config.shots.includes(width)) {
      const shot = join(config.screenshots, `${item.name}-${width}px.png`);
      await page.screenshot({ path: shot, fullPage: true });
      entry.screenshots.push(shot);
    }
  }
  // Printed on A4 as the print stylesheet lays it out: the number of pages.
  const pdf = await page.pdf({ format: "A4" });
  entry.printedPages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}
await browser.close();
process.stdout.write(JSON.stringify(report, null, 1) + "\n");

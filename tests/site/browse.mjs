// Walks a served site in Debian's chromium (driven by playwright-core, which never downloads
// a browser) and reports what each page did, as JSON on standard output.
//
//   node tests/site/browse.mjs journey.json
//
// journey.json: {chromium, profile, origin, axe, screenshots, steps: [step...]}, where a step
// is {name, goto: "/path"} or {name, follow: "regex on the link's absolute URL"}. For each
// step the report has the URL reached, HTTP status, title, console messages, page errors,
// every request URL, axe-core violations, the page's width at a 320-pixel viewport, the
// screenshots' paths, and on a page with a search form the search results shown. Checks
// are the caller's.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const journey = JSON.parse(readFileSync(process.argv[2], "utf8"));
const axeSource = readFileSync(journey.axe, "utf8");

const context = await chromium.launchPersistentContext(journey.profile, {
  executablePath: journey.chromium,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
  locale: "lv-LV",
});

let current = null;
const page = context.pages()[0] ?? (await context.newPage());
page.on("console", (message) => {
  if (current && ["error", "warning", "assert"].includes(message.type())) {
    current.console.push({ type: message.type(), text: message.text(), url: message.location().url });
  }
});
page.on("pageerror", (error) => current?.errors.push(String(error)));
page.on("request", (request) => current?.requests.push(request.url()));
page.on("requestfailed", (request) =>
  current?.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
);

const report = [];
for (const [index, step] of journey.steps.entries()) {
  current = { name: step.name, console: [], errors: [], requests: [], violations: [] };
  report.push(current);
  let response = null;
  if (step.goto !== undefined) {
    response = await page.goto(journey.origin + step.goto, { waitUntil: "load" });
  } else {
    const pattern = new RegExp(step.follow);
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => a.href));
    const position = hrefs.findIndex((href) => pattern.test(href));
    if (position < 0) {
      current.errors.push(`no link matching ${step.follow} on ${page.url()}`);
      break;
    }
    const link = page.locator("a[href]").nth(position);
    [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      link.click(),
    ]);
  }
  current.url = page.url();
  current.status = response ? response.status() : null;
  current.title = await page.title();
  current.lang = await page.getAttribute("html", "lang");
  current.searchInputs = await page.locator("input[type=search]").count();
  if (await page.locator("#search-results").count()) {
    // A search may load its index after the page: wait until the network is quiet.
    await page.waitForLoadState("networkidle");
    current.results = await page.$$eval("#search-results li:not([hidden]) a", (links) =>
      links.map((a) => ({ text: a.textContent, href: a.href })),
    );
    current.pagerShown = await page.$$eval("#search-pager nav", (navs) =>
      navs.some((nav) => nav.offsetParent !== null),
    );
  }
  current.copyButtons = await page.locator("p.iri button.copy").count();
  current.iris = await page.locator("p.iri code").count();
  await page.evaluate(axeSource);
  const axe = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }),
  );
  current.violations = axe.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
  current.screenshot = join(journey.screenshots, `${String(index + 1).padStart(2, "0")}-${step.name}.png`);
  await page.screenshot({ path: current.screenshot, fullPage: true });
  // WCAG 1.4.10 Reflow: at 320 CSS pixels the page must not scroll sideways (a wide table
  // may scroll inside its own region).
  await page.setViewportSize({ width: 320, height: 900 });
  current.reflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  await page.screenshot({ path: current.screenshot.replace(/\.png$/, "-320px.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
current = null;
await context.close();
process.stdout.write(JSON.stringify(report, null, 1) + "\n");

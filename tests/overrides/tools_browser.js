// Drives the gate's own Chromium (Puppeteer from .venv/gate/node_modules, given as GATE_NODE_MODULES) through the
// tools on pages (overrides/assets/javascripts/tools/), as a reader would, and prints what it saw as JSON.
//   node tools_browser.js keyboard URL WORKDIR   fill the employer standards self-assessment with the keyboard only,
//                                                check, download, reload, print to WORKDIR/printed.pdf and clear
//   node tools_browser.js separate URL_A URL_B URL_C   fill tools on 2 pages (and a page with 3 tools): kept apart
//   node tools_browser.js changed URL            reopen a tool over answers saved for an older or broken definition
//   node tools_browser.js blank URL WORKDIR      print a tool page nobody has filled in to WORKDIR/blank.pdf
// Every mode reports "external": any request that left the machine (anything but file:, data:, blob: and the
// loopback server a test gave). Chromium gets its own profile in WORKDIR or a temporary folder.
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require(require.resolve("puppeteer", { paths: [process.env.GATE_NODE_MODULES] }));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(profile) {
  const args = ["--disable-gpu", "--no-first-run", "--disable-background-networking"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  return puppeteer.launch({ executablePath: process.env.CHROME_PATH, args, userDataDir: profile });
}

function watch(page, report) {
  report.external = [];
  report.errors = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(file|data|blob):/.test(url) && !/^http:\/\/127\.0\.0\.1:/.test(url)) report.external.push(url);
  });
  page.on("pageerror", (error) => report.errors.push(error.message));
}

// Press Tab (and nothing else) until the focused element matches; return how many presses it took.
async function tabTo(page, selector, max = 1500) {
  for (let presses = 0; presses < max; presses += 1) {
    const there = await page.evaluate((s) => Boolean(document.activeElement && document.activeElement.matches(s)), selector);
    if (there) return presses;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return element ? (element.id || element.getAttribute("data-app-tool-action") || String(element.className).split(" ")[0] || element.tagName) : null;
});

async function state(page, tool) {
  return page.evaluate((toolId) => {
    const prefix = `tool-${toolId}--`;
    const values = {};
    document.querySelectorAll(`[name^="${prefix}"]`).forEach((control) => {
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) values[control.name] = control.value;
      } else if (control.value) {
        values[control.name] = control.value;
      }
    });
    const status = document.querySelector(`[data-app-tool="${toolId}"] [data-app-tool-status]`);
    return {
      values,
      saved: localStorage.getItem(`swwr-tool:${toolId}:v1`),
      status: status ? status.textContent : null,
      rows: document.querySelectorAll(`[data-app-tool="${toolId}"] [data-app-tool-row]`).length,
      notice: (document.querySelector(`[data-app-tool="${toolId}"] .app-tool__restored`) || {}).textContent || null,
    };
  }, tool);
}

async function waitForFile(folder, suffix, timeout = 15000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const found = fs.readdirSync(folder).filter((name) => name.endsWith(suffix));
    if (found.length) return path.join(folder, found[0]);
    await sleep(100);
  }
  throw new Error(`no ${suffix} file appeared in ${folder}`);
}

// axe on the page as it is now (errors shown, summary filled): WCAG 2.0 to 2.2 A and AA.
async function axe(page) {
  const source = require.resolve("axe-core/axe.min.js", { paths: [process.env.GATE_NODE_MODULES] });
  await page.addScriptTag({ path: source });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function keyboard(browser, url, workdir) {
  const report = {};
  const page = await browser.newPage();
  watch(page, report);
  const downloads = path.join(workdir, "downloads");
  fs.mkdirSync(downloads, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  const tool = "employer-standards";
  const base = `tool-${tool}--`;

  // The first area: Tab in from the top of the page, an arrow key to choose "Partly", then type in each box.
  report.tabsToFirstQuestion = await tabTo(page, `#${base}s1-purpose--rating--not-yet`);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  report.afterRating = await focused(page);
  await page.keyboard.type('Statement agreed in March, "signed off", ünïcödé – and more');
  await page.keyboard.press("Tab");
  await page.keyboard.type("=SUM(A1:A9) then share it");
  // The action plan: one whole action, then "Add another action" and a second that is only half written.
  await tabTo(page, `#${base}action-plan-1--change`);
  await page.keyboard.type("Publish the practice model");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Write it with staff");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Alex Smith");
  await tabTo(page, `#${base}action-plan-1--due--day`);
  for (const part of ["31", "3", "2027"]) {
    await page.keyboard.type(part);
    await page.keyboard.press("Tab");
  }
  await tabTo(page, "[data-app-tool-action=add]");
  await page.keyboard.press("Enter");
  report.afterAdd = await focused(page);
  await page.keyboard.type("Standard 3");
  await sleep(600);

  // Check my answers: the error summary takes focus and lists what the half-written action lacks.
  await tabTo(page, "[data-app-tool-action=check]");
  await page.keyboard.press("Enter");
  await sleep(200);
  report.afterCheck = await focused(page);
  report.errorSummary = await page.$$eval(".app-tool__error-summary a", (links) => links.map((a) => a.textContent));
  report.axeWithErrors = await axe(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  report.afterErrorLink = await focused(page);

  // Download: a CSV file in the download folder.
  await tabTo(page, "[data-app-tool-action=export]");
  await page.keyboard.press("Enter");
  report.csv = await waitForFile(downloads, ".csv");
  await sleep(300);
  report.statusAfterDownload = (await state(page, tool)).status;
  report.summary = await page.$eval("[data-app-tool-summary]", (node) => node.innerText);
  await page.setViewport({ width: 320, height: 800 });
  report.overflowAt320 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewport({ width: 1280, height: 900 });

  // Reopen the page: the answers come back.
  report.beforeReload = await state(page, tool);
  await page.reload({ waitUntil: "load" });
  await sleep(200);
  report.afterReload = await state(page, tool);

  // Print: the printed page shows the answers, and none of the buttons.
  await page.pdf({ path: path.join(workdir, "printed.pdf"), format: "A4" });

  // Clear, first changing our mind, then for real.
  await tabTo(page, "[data-app-tool-action=clear]");
  await page.keyboard.press("Enter");
  report.afterClearAsked = await focused(page);
  await tabTo(page, "[data-app-tool-action=clear-cancelled]");
  await page.keyboard.press("Enter");
  await sleep(300);
  report.afterCancel = await state(page, tool);
  await tabTo(page, "[data-app-tool-action=clear]");
  await page.keyboard.press("Enter");
  await tabTo(page, "[data-app-tool-action=clear-confirmed]");
  await page.keyboard.press("Enter");
  await sleep(300);
  report.afterClear = await state(page, tool);
  report.focusAfterClear = await focused(page);
  await page.reload({ waitUntil: "load" });
  report.afterClearReload = await state(page, tool);
  return report;
}

async function fill(page, values) {
  await page.evaluate((entries) => {
    for (const [name, value] of entries) {
      const controls = document.getElementsByName(name);
      controls.forEach((control) => {
        if (control.type === "radio" || control.type === "checkbox") {
          if (control.value === value) control.checked = true;
        } else {
          control.value = value;
        }
        control.dispatchEvent(new Event("input", { bubbles: true }));
        control.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
  }, Object.entries(values));
  await sleep(600);
}

async function separate(browser, urls) {
  const [first, second, third] = urls;
  const report = {};
  const page = await browser.newPage();
  watch(page, report);
  await page.goto(first, { waitUntil: "load" });
  await fill(page, { "tool-employer-standards--s1-purpose--rating": "fully", "tool-employer-standards--s1-purpose--evidence": "First tool" });
  await page.goto(second, { waitUntil: "load" });
  await fill(page, { "tool-hybrid-team-check--office-days--rating": "not-yet", "tool-hybrid-team-check--office-days--evidence": "Second tool" });
  await page.goto(third, { waitUntil: "load" });
  await fill(page, { "tool-leavers-summary--workload--leavers": "3" });
  report.keys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("swwr-tool:")).sort());
  report.thirdPage = { leavers: await state(page, "leavers-summary"), workforce: await state(page, "workforce-data"), career: await state(page, "career-pathway") };
  await page.goto(first, { waitUntil: "load" });
  report.first = await state(page, "employer-standards");
  await page.goto(second, { waitUntil: "load" });
  report.second = await state(page, "hybrid-team-check");
  return report;
}

async function changed(browser, url) {
  const report = {};
  const page = await browser.newPage();
  watch(page, report);
  await page.goto(url, { waitUntil: "load" });
  const base = "tool-employer-standards--";
  await page.evaluate((prefix) => {
    localStorage.setItem("swwr-tool:employer-standards:v1", JSON.stringify({
      format: 1, tool: "employer-standards", version: 0, saved: "2025-06-30T09:15:00Z",
      answers: {
        [`${prefix}s1-purpose--rating`]: "partly",
        [`${prefix}s1-purpose--evidence`]: "Kept from the old version",
        [`${prefix}a-question-since-removed--rating`]: "fully",
        [`${prefix}s1-practice-model--rating`]: "excellent",
        [`${prefix}s1-leaders-accountable--evidence`]: 42,
        "tool-another-tool--q--rating": "fully",
      },
      rows: { "action-plan": "999" },
    }));
    localStorage.setItem("swwr-tool:hybrid-team-check:v1", "{not json");
  }, base);
  await page.reload({ waitUntil: "load" });
  await sleep(300);
  report.restored = await state(page, "employer-standards");
  report.summaryShown = await page.$eval("[data-app-tool-part=summary]", (node) => !node.hidden);
  // A record that is not an object at all, then one whose answers are a list: the tool starts blank.
  for (const junk of ["[1, 2, 3]", JSON.stringify({ format: 1, tool: "employer-standards", answers: ["x"] }), "null"]) {
    await page.evaluate((value) => localStorage.setItem("swwr-tool:employer-standards:v1", value), junk);
    await page.reload({ waitUntil: "load" });
  }
  report.afterJunk = await state(page, "employer-standards");
  return report;
}

async function blank(browser, url, workdir) {
  const report = {};
  const page = await browser.newPage();
  watch(page, report);
  await page.goto(url, { waitUntil: "load" });
  await page.pdf({ path: path.join(workdir, "blank.pdf"), format: "A4" });
  return report;
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const workdir = mode === "keyboard" || mode === "blank" ? args[1] : fs.mkdtempSync(path.join(os.tmpdir(), "tools-"));
  const browser = await launch(path.join(workdir, "profile"));
  try {
    let report;
    if (mode === "keyboard") report = await keyboard(browser, args[0], workdir);
    else if (mode === "separate") report = await separate(browser, args);
    else if (mode === "changed") report = await changed(browser, args[0]);
    else if (mode === "blank") report = await blank(browser, args[0], workdir);
    else throw new Error(`unknown mode ${mode}`);
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
}
main().catch((error) => { console.error(error); process.exit(1); });

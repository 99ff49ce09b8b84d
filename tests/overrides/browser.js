// Drives the gate's own Chromium (via Puppeteer from .venv/gate/node_modules, given as GATE_NODE_MODULES:
// the nodeenv node shim resets NODE_PATH)
// to check what only a browser can: reflow at a given width, search from the file system, and Material's toggles.
//   node browser.js reflow WIDTH FILE...   -> {"FILE": overflowing CSS pixels, ...}
//   node browser.js search FILE QUERY      -> {"results": N, "external": [URLs requested off the machine]}
//   node browser.js charts WIDTH TEXT MEDIA FILE...
//                                          -> {"FILE": {"viewport": px, "overflow": px, "charts": [{"left", "right",
//                                              "label": value label size in px}]}}; TEXT is the root font size
//                                              ("" keeps the theme's, "150%" is text-only zoom), MEDIA screen or print
//   node browser.js toggles FILE           -> the state of a sidebar section, search and the drawer after each step
const puppeteer = require(require.resolve("puppeteer", { paths: [process.env.GATE_NODE_MODULES] }));

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const launchArgs = ["--disable-gpu", "--no-first-run", "--disable-background-networking"];
  if (process.getuid && process.getuid() === 0) launchArgs.push("--no-sandbox");
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, args: launchArgs });
  try {
    const page = await browser.newPage();
    if (mode === "reflow") {
      const [width, ...files] = args;
      await page.setViewport({ width: Number(width), height: 800 });
      const result = {};
      for (const file of files) {
        await page.goto("file://" + file, { waitUntil: "load" });
        result[file] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      }
      console.log(JSON.stringify(result));
    } else if (mode === "charts") {
      const [width, text, media, ...files] = args;
      await page.setViewport({ width: Number(width), height: 800 });
      await page.emulateMediaType(media);
      const result = {};
      for (const file of files) {
        await page.goto("file://" + file, { waitUntil: "load" });
        result[file] = await page.evaluate((rootSize) => {
          if (rootSize) document.documentElement.style.fontSize = rootSize;
          const charts = [...document.querySelectorAll(".app-chart__svg")].map((svg) => {
            const box = svg.getBoundingClientRect();
            const scale = box.width / svg.viewBox.baseVal.width;  // CSS px per viewBox unit
            const size = parseFloat(svg.querySelector("g[font-size]").getAttribute("font-size"));  // viewBox units
            return { left: box.left, right: box.right, label: size * scale };
          });
          return { viewport: window.innerWidth, overflow: document.documentElement.scrollWidth - window.innerWidth, charts };
        }, text);
      }
      console.log(JSON.stringify(result));
    } else if (mode === "search") {
      const [file, query] = args;
      const external = [];
      page.on("request", (r) => { if (!/^(file|data|blob):/.test(r.url())) external.push(r.url()); });
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto("file://" + file, { waitUntil: "load" });
      await page.type(".md-search__input", query);
      await page.waitForSelector(".md-search-result__item", { timeout: 15000 }).catch(() => {});
      const results = await page.$$eval(".md-search-result__item", (items) => items.length);
      console.log(JSON.stringify({ results, external }));
    } else if (mode === "toggles") {
      // Material's drawer, search and sidebar sections, whose labels overrides/hooks.py replaced.
      const [file] = args;
      const state = () => page.evaluate(() => ({
        drawer: document.getElementById("__drawer").checked,
        search: document.getElementById("__search").checked,
      }));
      const result = {};
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto("file://" + file, { waitUntil: "load" });
      const section = await page.$eval("button[data-app-for^=__nav_]", (b) => b.id);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 600)); // Material animates the height
      const sectionState = async () => { await settle(); return page.evaluate((id) => {
        const button = document.getElementById(id);
        const nav = document.querySelector(`[aria-labelledby="${id}"]`);
        return { checked: document.getElementById(button.dataset.appFor).checked, expanded: button.getAttribute("aria-expanded"),
                 navExpanded: nav.getAttribute("aria-expanded"), shown: nav.querySelector("a").checkVisibility({ visibilityProperty: true, opacityProperty: true }) };
      }, section); };
      result.sectionBefore = await sectionState();
      await page.click("#" + section);
      result.sectionAfterClick = await sectionState();
      await page.focus("#" + section);
      await page.keyboard.press("Space");
      result.sectionAfterSpace = await sectionState();
      await page.keyboard.press("Enter");
      result.sectionAfterEnter = await sectionState();
      await page.click(".md-search__input");
      await page.waitForFunction(() => document.getElementById("__search").checked, { timeout: 5000 }).catch(() => {});
      result.searchOpened = (await state()).search;
      await page.mouse.click(640, 800); // the overlay behind the search dialog
      await settle();
      result.searchAfterOverlay = (await state()).search;
      await page.setViewport({ width: 375, height: 800 });
      await page.click("label[for=__drawer]");
      result.drawerOpened = (await state()).drawer;
      await settle(); // the drawer slides in
      await page.mouse.click(360, 400); // the overlay beside the open drawer
      await settle();
      result.drawerAfterOverlay = (await state()).drawer;
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
}
main().catch((error) => { console.error(error); process.exit(1); });

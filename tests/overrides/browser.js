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
//   node browser.js keyboard WIDTH FILE    -> with the keyboard alone: where each Tab lands, and the menu and search
//                                              opened and closed with Enter and Escape
//   node browser.js screens FILE...        -> a hash of each page's pixels at 1280 and 375 pixels, and with the drawer open
//   node browser.js toc FILE               -> where a click on a table of contents link goes, and what is marked active
//   node browser.js search-style FILE QUERY -> how search results are styled
//   node browser.js first-use WIDTH FILE USE [QUERY]
//                                          -> what the page fetched and what Material's script had done, before
//                                             and after the reader's first use: USE is "scroll" (the mouse wheel)
//                                             "search" (the / key, then QUERY typed) or "tool" (what a testing
//                                             tool does: a scroll by script, focus moved unseen by the page)
//   node browser.js audit-after-use WIDTH FILE...
//                                          -> {"FILE": {"axe": [violations], "ibm": [violations]}} once the reader has
//                                             scrolled and Material's script has started: the gate tests pages as opened
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
    } else if (mode === "screens") {
      // A fingerprint of each page's pixels, full length, wide and narrow, and with the drawer open.
      const crypto = require("crypto");
      const result = {};
      for (const file of args) {
        for (const [width, state] of [[1280, "plain"], [375, "plain"], [375, "drawer"]]) {
          await page.setViewport({ width, height: 900 });
          await page.goto("file://" + file, { waitUntil: "load" });
          // What Material's script does on its own clock (animating arrows and the drawer, scrolling the
          // sidebar to the current page) is stopped or undone, so only the styles decide the pixels.
          await page.addStyleTag({ content: "*, *::before, *::after, *::placeholder { transition: none !important; animation: none !important; }" });
          if (state === "drawer") await page.click('.md-header button[data-app-for="__drawer"]');
          // Scripts and timers (a tool's status message, Material's sidebar) may still be drawing on a busy
          // machine: once fonts are ready, take screenshots until three in a row are the same.
          await page.evaluate(() => document.fonts.ready.then(() => true));
          let hash = null;
          let same = 0;
          for (let tries = 0; tries < 20 && same < 2; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await page.evaluate(() => document.querySelectorAll(".md-sidebar__scrollwrap").forEach((s) => s.scrollTo(0, 0)));
            const shot = await page.screenshot({ fullPage: state === "plain" });
            const next = crypto.createHash("sha256").update(shot).digest("hex");
            same = next === hash ? same + 1 : 0;
            hash = next;
          }
          result[`${file} ${width} ${state}`] = hash;
        }
      }
      console.log(JSON.stringify(result));
    } else if (mode === "toc") {
      // The table of contents: its links go to their sections, and Material marks the one in view.
      const [file] = args;
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto("file://" + file, { waitUntil: "load" });
      const links = await page.$$eval(".md-sidebar--secondary .md-nav__link[href^='#']", (all) => all.map((a) => a.getAttribute("href")));
      const target = links[links.length - 2];
      await page.click(`.md-sidebar--secondary .md-nav__link[href='${target}']`);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const state = await page.evaluate((href) => ({
        hash: location.hash,
        headingTop: Math.round(document.getElementById(href.slice(1)).getBoundingClientRect().top),
        active: [...document.querySelectorAll(".md-sidebar--secondary .md-nav__link--active")].map((a) => a.getAttribute("href")),
        activeColor: getComputedStyle(document.querySelector(`.md-sidebar--secondary .md-nav__link[href='${href}']`)).color,
        plainColor: getComputedStyle(document.querySelector(".md-sidebar--secondary .md-nav__link:not(.md-nav__link--active)")).color,
      }), target);
      console.log(JSON.stringify({ links: links.length, target, ...state }));
    } else if (mode === "search-style") {
      // Search results as Material styles them: the matches marked, the list laid out.
      const [file, query] = args;
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto("file://" + file, { waitUntil: "load" });
      await page.type(".md-search__input", query);
      await page.waitForSelector(".md-search-result__item mark", { timeout: 15000 }).catch(() => {});
      const style = await page.evaluate(() => {
        const mark = document.querySelector(".md-search-result__item mark");
        const item = document.querySelector(".md-search-result__item");
        const more = document.querySelector(".md-search-result__more summary");
        const s = (e, p) => (e ? getComputedStyle(e)[p] : null);
        return { results: document.querySelectorAll(".md-search-result__item").length,
                 markColor: s(mark, "color"), markBackground: s(mark, "backgroundColor"), markDecoration: s(mark, "textDecorationLine"),
                 itemBorder: s(item, "boxShadow"), moreDisplay: s(more, "display"), moreColor: s(more, "color") };
      });
      console.log(JSON.stringify(style));
    } else if (mode === "keyboard") {
      // What a keyboard user meets: each of the first Tab stops (is it on screen?), then the menu and search.
      const [width, file] = args;
      await page.setViewport({ width: Number(width), height: 800 });
      await page.goto("file://" + file, { waitUntil: "load" });
      const settle = () => new Promise((resolve) => setTimeout(resolve, 400)); // Material animates both
      const focused = () => page.evaluate(() => {
        const element = document.activeElement;
        const box = element.getBoundingClientRect();
        const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth
          && box.top < innerHeight && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
        const name = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\s+/g, " ");
        return { tag: element.tagName.toLowerCase(), name: name.slice(0, 40), onScreen,
                 drawer: document.getElementById("__drawer").checked, search: document.getElementById("__search").checked };
      });
      const result = { stops: [] };
      for (let step = 0; step < 12; step++) {
        await page.keyboard.press("Tab");
        result.stops.push(await focused());
      }
      for (const [toggle, key] of [["__drawer", "menu"], ["__search", "search"]]) {
        const button = `.md-header button[data-app-for="${toggle}"]`;
        await page.focus(button);
        await page.keyboard.press("Enter");
        await settle();
        const opened = await focused();
        const expanded = await page.$eval(button, (b) => b.getAttribute("aria-expanded"));
        await page.keyboard.press("Escape");
        await settle();
        result[key] = { opened, expanded, closed: await focused() };
      }
      console.log(JSON.stringify(result));
    } else if (mode === "first-use") {
      const [width, file, use, query] = args;
      const requested = [];
      page.on("request", (r) => requested.push(r.url().split("/").pop()));
      await page.setViewport({ width: Number(width), height: 800 });
      await page.goto("file://" + file, { waitUntil: "load" });
      await new Promise((resolve) => setTimeout(resolve, 500)); // time for anything loaded late to start
      const state = async () => ({ requested: [...requested], ...(await page.evaluate(() => ({
        ready: document.documentElement.getAttribute("data-app-material"),
        tables: document.querySelectorAll("article table").length,
        wrapped: document.querySelectorAll(".md-typeset__scrollwrap > .md-typeset__table > table").length,
        overflowing: [...document.querySelectorAll(".md-typeset__scrollwrap")].filter((w) => w.scrollWidth > w.clientWidth + 1).length,
        labelled: document.querySelectorAll('.md-typeset__scrollwrap[role="region"][tabindex="0"][aria-label]').length,
        printContents: document.querySelectorAll("#print-page-toc nav > ul").length,
        search: document.getElementById("__search").checked,
        focused: document.activeElement.className,
        results: document.querySelectorAll(".md-search-result__item").length,
      }))) });
      const result = { before: await state() };
      if (use === "scroll") {
        await page.mouse.move(Number(width) / 2, 400);
        await page.mouse.wheel({ deltaY: 300 });
      } else if (use === "tool") {
        // What a testing tool does: scroll by script, and focus links while keeping the page from seeing it.
        await page.evaluate(() => {
          ["focus", "blur", "focusin", "focusout"].forEach((name) => window.addEventListener(name, (e) => e.stopImmediatePropagation(), true));
          document.querySelectorAll("article a[href]").forEach((link) => link.focus());
          window.scrollTo(0, 600);
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } else {
        await page.keyboard.press("/");
        await page.keyboard.type(query);
      }
      await page.waitForSelector('html[data-app-material="ready"]', { timeout: 10000 }).catch(() => {});
      if (use === "search") {
        await page.waitForSelector(".md-search-result__item", { timeout: 15000 }).catch(() => {});
      }
      result.after = await state();
      console.log(JSON.stringify(result));
    } else if (mode === "audit-after-use") {
      const [width, ...files] = args;
      const modules = process.env.GATE_NODE_MODULES;
      await page.setViewport({ width: Number(width), height: 800 });
      const result = {};
      for (const file of files) {
        await page.goto("file://" + file, { waitUntil: "load" });
        await page.mouse.move(Number(width) / 2, 400);
        await page.mouse.wheel({ deltaY: 300 });
        await page.waitForSelector('html[data-app-material="ready"]', { timeout: 10000 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await page.addScriptTag({ path: modules + "/axe-core/axe.min.js" });
        await page.addScriptTag({ path: modules + "/accessibility-checker-engine/ace.js" });
        result[file] = await page.evaluate(async () => {
          const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
          const axe = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          const ibm = await new window.ace.Checker().check(document, ["WCAG_2_2"]);
          return {
            axe: axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
            ibm: ibm.results.filter((r) => r.value[0] === "VIOLATION" && r.value[1] === "FAIL").map((r) => `${r.ruleId}: ${r.path.dom}`),
          };
        });
      }
      console.log(JSON.stringify(result));
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
      await page.click('.md-header button[data-app-for="__drawer"]');
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

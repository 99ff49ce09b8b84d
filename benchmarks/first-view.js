// What a browser fetches for each page: on opening it (the first view), and then after the reader's first
// scroll, which loads Material's script (site_model/theme.py). Sizes as sent: gzip, with headers.
//   node first-view.js BASE_URL PAGE... -> {"PAGE": {"first": {"html": bytes, "css", "js", "other"}, "used": {...}}}
// Puppeteer comes from the gate's packages (GATE_NODE_MODULES); Chromium from CHROME_PATH.
const puppeteer = require(require.resolve("puppeteer", { paths: [process.env.GATE_NODE_MODULES] }));

const KIND = { Document: "html", Stylesheet: "css", Script: "js" };

async function measure(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823 }); // Lighthouse's phone
  const session = await page.createCDPSession();
  await session.send("Network.enable");
  const kinds = {};
  const bytes = { html: 0, css: 0, js: 0, other: 0 };
  session.on("Network.responseReceived", (event) => { kinds[event.requestId] = KIND[event.type] || "other"; });
  session.on("Network.loadingFinished", (event) => { bytes[kinds[event.requestId] || "other"] += event.encodedDataLength; });
  await page.goto(url, { waitUntil: "networkidle0" });
  const first = { ...bytes };
  await page.mouse.move(200, 400);
  await page.mouse.wheel({ deltaY: 300 });
  await page.waitForSelector('html[data-app-material="ready"]', { timeout: 15000 }).catch(() => {});
  await page.waitForNetworkIdle({ idleTime: 500 }).catch(() => {});
  const used = { ...bytes };
  await page.close();
  return { first, used };
}

async function main() {
  const [base, ...pages] = process.argv.slice(2);
  const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, args });
  try {
    const result = {};
    for (const page of pages) result[page] = await measure(browser, base + page);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
}
main().catch((error) => { console.error(error); process.exit(1); });

// The README's screenshots of the release report, from the report the main command writes:
//   dotnet run --project src/AvEval.Cli -- run --baseline rc-2026.12.1 --candidate rc-2026.12.2-short-gap
//   PW_PACKAGE=~/.nuget/packages/microsoft.playwright/1.64.1/.playwright/package \
//     ~/.nuget/packages/microsoft.playwright/1.64.1/.playwright/node/linux-x64/node docs/images/shoot.js reports/report/index.html docs/images
// (Playwright's own driver from the NuGet package, Debian's Chromium.)
const path = require('path');
const { chromium } = require(process.env.PW_PACKAGE);
(async () => {
  const [page0, out] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('file://' + path.resolve(page0));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(out, 'report-overview.png') });
  // A new failure's drill-down: the worse candidate's short gap on a following-distance scenario.
  await page.fill('#filter-text', 'us101-10-1-veh-518');
  await page.waitForTimeout(500);
  const show = page.locator('button[aria-label="Show details of following_distance/us101-10-1-veh-518"]');
  console.log('show buttons', await show.count());
  await show.first().click();
  await page.waitForTimeout(2500);
  // The details cell of the opened row: the messages, the bird's-eye view and the metric series.
  const cell = page.locator('#scenario-table td[colspan]').first();
  await cell.scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  const b = await cell.boundingBox();
  const sy = await page.evaluate(() => window.scrollY);
  await page.screenshot({ path: path.join(out, 'report-drill-down.png'), fullPage: true, clip: { x: b.x, y: b.y + sy, width: b.width, height: Math.min(b.height, 1060) } });
  await browser.close();
  console.log('console errors', errors.length);
})();

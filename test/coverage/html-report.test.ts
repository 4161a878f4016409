/**
 * The HTML report in a real browser: headless Chromium (Debian's, at /usr/bin/chromium or
 * $OPBRIDGE_CHROMIUM) driven by playwright-core. Skipped, with the reason in the title and a
 * console note, when no Chromium is installed (`apt-get install chromium`; .ci/run does it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage } from '../../src/coverage/coverage.js';
import type { CoverageReport } from '../../src/coverage/coverage-report.js';
import { renderHtml } from '../../src/coverage/render-html.js';
import { FIXTURE_PROJECT, fixtureCatalog } from './fixture-catalog.js';

const CHROMIUM = process.env.OPBRIDGE_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!haveChromium) console.warn(`[html-report.test] skipped: no Chromium at ${CHROMIUM} (install it with \`apt-get install -y chromium\` or set OPBRIDGE_CHROMIUM)`);

describe.skipIf(!haveChromium)(`the HTML coverage report in headless Chromium${haveChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
  let report: CoverageReport;
  let workDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    report = await coverage([FIXTURE_PROJECT], { catalog: fixtureCatalog(), cwd: FIXTURE_PROJECT });
    workDir = mkdtempSync(join(tmpdir(), 'opbridge-html-'));
    const file = join(workDir, 'coverage.html');
    writeFileSync(file, renderHtml(report));
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const rowSymbols = () => page.$$eval('#heatmap tbody tr[data-api] td.sym code', (cells) => cells.map((c) => c.textContent));

  it('renders the heatmap: one row per API, one column per target, cells coloured by status', async () => {
    expect(await page.$$eval('#heatmap tbody tr[data-api]', (rows) => rows.length)).toBe(report.apis.length);
    expect(await page.$$eval('#heatmap thead th[data-target]', (ths) => ths.map((t) => t.textContent))).toEqual([...report.targets]);
    const malloc = report.apis.findIndex((a) => a.symbol === 'cudaMalloc');
    const cannCell = page.locator(`#heatmap tr[data-api="${malloc}"] td.cell`).first();
    expect(await cannCell.getAttribute('class')).toContain('s-native');
    // The test compiles without DOM typings; the function runs in the page.
    const colour = await cannCell.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('.card[data-target]').count()).toBe(report.targets.length);
  });

  it('filters by status, target, library and text', async () => {
    for (const status of ['native', 'composite', 'partial', 'unknown']) await page.uncheck(`#status-filter input[value="${status}"]`);
    const unsupported = report.apis.filter((a) => report.targets.some((t) => a.targets[t]!.status === 'unsupported')).map((a) => a.symbol);
    expect(unsupported.length).toBeGreaterThan(0);
    expect((await rowSymbols()).length).toBe(unsupported.length);
    expect(await page.textContent('#row-count')).toBe(`${unsupported.length} of ${report.apis.length} APIs`);

    await page.uncheck('#target-filter input[value="kunlun"]');
    expect(await page.$$eval('#heatmap thead th[data-target]', (ths) => ths.map((t) => t.textContent))).not.toContain('kunlun');
    expect(await page.locator('.card[data-target="kunlun"]').isHidden()).toBe(true);
    const withoutKunlun = report.apis.filter((a) => report.targets.some((t) => t !== 'kunlun' && a.targets[t]!.status === 'unsupported'));
    expect((await rowSymbols()).length).toBe(withoutKunlun.length);

    for (const status of ['native', 'composite', 'partial', 'unknown']) await page.check(`#status-filter input[value="${status}"]`);
    await page.check('#target-filter input[value="kunlun"]');
    await page.selectOption('#library-filter', 'cublas');
    expect(await rowSymbols()).toEqual(report.apis.filter((a) => a.library === 'cublas').map((a) => a.symbol));
    await page.selectOption('#library-filter', '');
    await page.fill('#search', 'aclrtmalloc');
    expect(await rowSymbols()).toEqual(['cudaMalloc']);
    await page.fill('#search', '');
    expect((await rowSymbols()).length).toBe(report.apis.length);
  });

  it('drills down into a file and from there into an API', async () => {
    const file = 'kernels/attention.cpp';
    await page.click(`#file-list li[data-file="${file}"]`);
    const inFile = report.apis.filter((a) => a.occurrences.some((o) => o.file === file));
    expect((await rowSymbols()).length).toBe(inFile.length);
    expect(await page.textContent('#file-title code')).toBe(file);
    const sitesInFile = inFile.reduce((n, a) => n + a.occurrences.filter((o) => o.file === file).length, 0);
    expect(await page.locator('#file-sites tbody tr').count()).toBe(sitesInFile);

    await page.locator('#file-sites a[data-goto-api]', { hasText: /^fe::graph::Graph::Graph$/ }).click();
    const details = await page.textContent('#details');
    expect(details).toMatch(/cudnn_frontend::graph::Graph::Graph/);
    expect(details).toMatch(/kernels\/attention\.cpp:7:3/);
    await page.click('#file-list li[data-file=""]');
    expect((await rowSymbols()).length).toBe(report.apis.length);
  });

  it('makes no network request: the only request is the page itself', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(new Set(requests).size).toBe(1);
  });
});

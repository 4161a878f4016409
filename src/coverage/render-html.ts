/**
 * The HTML report: one self-contained page (inline CSS and JS, the report embedded as JSON,
 * a Content-Security-Policy that forbids every network request) with per-target cards, a
 * symbols × targets heatmap, filters by status, target, library and text, a per-file
 * drill-down, per-API details and the custom kernels.
 */
import { STATUSES } from '../catalog/vocabulary.js';
import type { CoverageReport } from './coverage-report.js';
import { HTML_PAGE_SCRIPT } from './html-page-script.js';
import { HTML_PAGE_STYLE } from './html-page-style.js';
import { KERNEL_PORTING } from './kernel-porting.js';
import { hours, INFERRED_LEGEND, kernelApproachLabel, LANGUAGE_NAMES, libraryName, percent, plural, STATUS_MEANINGS } from './report-labels.js';

function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: `<` is escaped so `</script>` cannot end it early. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function cards(report: CoverageReport): string {
  return report.targets
    .map((id) => {
      const b = report.backends[id]!;
      const total = b.apis.total || 1;
      const bar = STATUSES.map((s) => (b.apis[s] ? `<span class="s-${s}" style="width:${((b.apis[s] / total) * 100).toFixed(2)}%;background:var(--${s})" title="${b.apis[s]} ${s}"></span>` : '')).join('');
      const blockers = b.blockers
        .slice(0, 3)
        .map((x) => `<li><code>${esc(x.symbol)}</code> <span class="muted">${esc(x.status)}, ×${x.sites}</span></li>`)
        .join('');
      const p = KERNEL_PORTING[id];
      return `<div class="card" data-target="${id}">
<h3>${esc(id)} <span class="muted">${esc(b.name)}</span></h3>
<p class="big">${percent(b.coverage)}</p>
<div class="bar">${bar}</div>
<dl>
<dt>strict</dt><dd>${percent(b.strictCoverage)}</dd>
<dt>sites</dt><dd>${percent(b.siteCoverage)} (strict ${percent(b.strictSiteCoverage)})</dd>
<dt>APIs</dt><dd>${STATUSES.map((s) => `<span class="chip s-${s}" title="${s}">${b.apis[s]}</span>`).join(' ')}</dd>
<dt>effort</dt><dd>${hours(b.effort.hours)}${b.effort.hours > 0 && b.effort.apiHoursByStatus.unknown / b.effort.hours >= 0.5 ? ' <span class="muted">(mostly unknown)</span>' : ''}</dd>
<dt>kernels</dt><dd>${report.kernels.length ? `${esc(kernelApproachLabel(p))}, ${hours(b.kernels.hours)}` : 'none'}</dd>
</dl>
${blockers ? `<div class="muted">top blockers</div><ol class="blockers">${blockers}</ol>` : ''}
</div>`;
    })
    .join('\n');
}

function controls(report: CoverageReport): string {
  const libraries = [...new Set(report.apis.map((a) => a.library))];
  return `<div class="controls">
<input type="search" id="search" placeholder="Filter by CUDA or target symbol…" aria-label="Filter by symbol">
<fieldset id="status-filter"><legend>status</legend>${STATUSES.map((s) => `<label title="${esc(STATUS_MEANINGS[s])}"><input type="checkbox" value="${s}" checked><span class="chip s-${s}">${s}</span></label>`).join('')}</fieldset>
<fieldset id="target-filter"><legend>targets</legend>${report.targets.map((t) => `<label><input type="checkbox" value="${t}" checked>${esc(t)}</label>`).join('')}</fieldset>
<select id="library-filter" aria-label="Library"><option value="">all libraries</option>${libraries.map((l) => `<option value="${esc(l)}">${esc(libraryName(l))}</option>`).join('')}</select>
<span id="row-count" class="muted"></span>
</div>`;
}

function kernelSection(report: CoverageReport): string {
  if (report.kernels.length === 0) return '';
  const rows = report.kernels
    .map((k) => `<tr><td><code>${esc(k.name)}</code></td><td>${k.kind === 'global' ? '__global__' : '__device__'}</td><td class="mono">${esc(k.file)}:${k.line}</td><td class="num">${k.bodyLines}</td><td class="num">${k.launches}</td>${report.targets.map((t) => `<td class="num">${hours(k.hours[t] ?? 0)}</td>`).join('')}</tr>`)
    .join('');
  const approaches = report.targets.map((t) => `<li><b>${t}</b>: ${esc(KERNEL_PORTING[t].note)}${KERNEL_PORTING[t].confidence === 'unconfirmed' ? ' (unconfirmed)' : ''}</li>`).join('');
  return `<section id="kernels"><h2>Custom kernels</h2>
<div class="table-wrap"><table><thead><tr><th>kernel</th><th>kind</th><th>where</th><th class="num">body lines</th><th class="num">launches</th>${report.targets.map((t) => `<th class="num">${t}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>
<ul class="muted">${approaches}</ul></section>`;
}

export function renderHtml(report: CoverageReport): string {
  const s = report.summary;
  const languages = Object.entries(s.byLanguage)
    .map(([l, v]) => `${LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES]} ${v.files}`)
    .join(' · ');
  const notes: string[] = [];
  if (report.localNames.length) notes.push(`Declared by this code, not counted as APIs: ${report.localNames.map((n) => `<code>${esc(n.name)}</code>`).join(', ')}.`);
  if (report.skipped.length) notes.push(`Skipped: ${report.skipped.map((f) => `${esc(f.path)} (${esc(f.reason)})`).join('; ')}.`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>CUDA API coverage — ${esc(plural(s.apis, 'API'))} in ${esc(plural(s.files, 'file'))}</title>
<style>${HTML_PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>CUDA API coverage</h1>
<div class="muted">${esc(plural(s.files, 'file'))}, ${esc(plural(s.lines, 'line'))}${languages ? ` (${esc(languages)})` : ''} · ${esc(plural(s.apis, 'API'))} at ${esc(plural(s.sites, 'site'))} (${s.knownApis} in the catalog, ${s.unknownApis} unknown to it) · ${esc(plural(s.kernels, 'kernel'))}, ${esc(plural(s.deviceFunctions, 'device function'))}, ${esc(plural(s.launches, 'launch', 'launches'))}</div>
</header>
<section id="targets"><h2>Targets</h2><div class="cards">${cards(report)}</div></section>
<section id="explorer"><h2>APIs × targets</h2>
${controls(report)}
<div class="layout">
<aside id="files"><h3>Files</h3><ul id="file-list"></ul></aside>
<div><div class="table-wrap"><table id="heatmap"><thead></thead><tbody></tbody></table></div><div id="details"></div></div>
</div>
</section>
${kernelSection(report)}
<footer>
<ul>
${STATUSES.map((st) => `<li><span class="chip s-${st}">${st}</span> ${esc(STATUS_MEANINGS[st])}</li>`).join('\n')}
<li>${esc(INFERRED_LEGEND)}</li>
<li>Coverage: ${esc(report.model.coverage)}; strict: ${esc(report.model.strictCoverage)}; sites: ${esc(report.model.siteCoverage)}. Effort is a planning estimate in engineer-hours (docs/coverage.md).</li>
${notes.map((n) => `<li>${n}</li>`).join('\n')}
</ul>
<div>opbridge ${esc(report.tool.version)}</div>
</footer>
<script type="application/json" id="report-data">${embeddedJson(report)}</script>
<script>${HTML_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

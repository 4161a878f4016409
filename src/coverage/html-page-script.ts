/**
 * The script of the HTML coverage report (inlined, plain ES2017, no network): reads the
 * embedded report JSON and drives the heatmap, the filters (status, target, library, text),
 * the per-file drill-down and the per-API details. Written without template literals so it can
 * live in a TypeScript string unchanged.
 */
export const HTML_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var STATUSES = ['native', 'composite', 'partial', 'unsupported', 'unknown'];
  var state = { search: '', statuses: {}, targets: {}, library: '', file: '', api: -1 };
  STATUSES.forEach(function (s) { state.statuses[s] = true; });
  report.targets.forEach(function (t) { state.targets[t] = true; });

  function $(id) { return document.getElementById(id); }
  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function shortSymbol(symbol) {
    return symbol.indexOf('cudnn_frontend::') === 0 ? 'fe::' + symbol.slice(16) : symbol;
  }
  function visibleTargets() {
    return report.targets.filter(function (t) { return state.targets[t]; });
  }
  function usedIn(api, file) {
    return api.occurrences.some(function (o) { return o.file === file; });
  }
  function matchesSearch(api, targets) {
    if (!state.search) return true;
    if (api.symbol.toLowerCase().indexOf(state.search) >= 0) return true;
    return targets.some(function (t) {
      return api.targets[t].symbols.some(function (s) { return s.toLowerCase().indexOf(state.search) >= 0; });
    });
  }
  function rowVisible(api, targets) {
    if (state.library && api.library !== state.library) return false;
    if (state.file && !usedIn(api, state.file)) return false;
    if (!matchesSearch(api, targets)) return false;
    if (targets.length === 0) return true;
    return targets.some(function (t) { return state.statuses[api.targets[t].status]; });
  }
  function cellHtml(answer) {
    var label = answer.status + (answer.basis === 'inferred' ? '*' : '');
    var tip = answer.status + (answer.symbols.length ? ': ' + answer.symbols.join(', ') : '') + ' (' + answer.confidence + ', ' + answer.basis + ')' + (answer.notes ? ' — ' + answer.notes : '');
    return '<td class="cell s-' + answer.status + (answer.basis === 'inferred' ? ' inferred' : '') + '" data-status="' + answer.status + '" title="' + esc(tip) + '">' + esc(label) + '</td>';
  }

  function renderHeatmap() {
    var targets = visibleTargets();
    var head = '<tr><th>symbol</th><th>library</th><th class="num">sites</th>' +
      targets.map(function (t) { return '<th data-target="' + t + '">' + esc(t) + '</th>'; }).join('') + '</tr>';
    var rows = [];
    report.apis.forEach(function (api, i) {
      if (!rowVisible(api, targets)) return;
      var sites = state.file ? api.occurrences.filter(function (o) { return o.file === state.file; }).length : api.sites;
      rows.push('<tr data-api="' + i + '"' + (i === state.api ? ' class="selected"' : '') + '>' +
        '<td class="sym"><code>' + esc(shortSymbol(api.symbol)) + '</code>' + (api.known ? '' : '<span class="tag">not in catalog</span>') +
        (api.source !== 'cuda' ? '<span class="tag">' + esc(api.source) + '</span>' : '') + '</td>' +
        '<td class="muted lib">' + esc(api.library) + '</td><td class="num">' + sites + '</td>' +
        targets.map(function (t) { return cellHtml(api.targets[t]); }).join('') + '</tr>');
    });
    $('heatmap').querySelector('thead').innerHTML = head;
    $('heatmap').querySelector('tbody').innerHTML = rows.length ? rows.join('') :
      '<tr><td class="empty" colspan="' + (3 + targets.length) + '">No API matches these filters.</td></tr>';
    $('row-count').textContent = rows.length + ' of ' + report.apis.length + ' APIs';
    Array.prototype.forEach.call(document.querySelectorAll('.card[data-target]'), function (card) {
      card.hidden = !state.targets[card.getAttribute('data-target')];
    });
  }

  function renderFiles() {
    var items = ['<li data-file=""' + (state.file ? '' : ' class="selected"') + '><span>All files</span><span class="count">' + report.summary.sites + ' sites</span></li>'];
    report.files.forEach(function (f) {
      items.push('<li data-file="' + esc(f.path) + '"' + (state.file === f.path ? ' class="selected"' : '') + '><span class="mono">' + esc(f.path) +
        '</span><span class="count">' + f.sites + (f.kernels ? ' · ' + f.kernels + (f.kernels === 1 ? ' kernel' : ' kernels') : '') + '</span></li>');
    });
    $('file-list').innerHTML = items.join('');
  }

  function answerRows(api) {
    return report.targets.map(function (t) {
      var a = api.targets[t];
      return '<tr><td>' + esc(t) + '</td><td><span class="chip s-' + a.status + '">' + esc(a.status) + '</span></td><td>' +
        (a.symbols.length ? a.symbols.map(function (s) { return '<code>' + esc(s) + '</code>'; }).join(', ') : '—') + '</td><td>' + esc(a.confidence) +
        '</td><td>' + esc(a.basis) + ' (' + esc(a.via) + ')</td><td>' + esc(a.notes || '') + '</td></tr>';
    }).join('');
  }

  function renderApiDetails(api) {
    var catalog = api.catalog ? 'catalog: <code>' + esc(api.catalog.file) + (api.catalog.line ? ':' + api.catalog.line : '') + '</code>' +
      (api.catalog.binds ? ', binds ' + esc(api.catalog.binds) : '') + ', ' + esc(api.catalog.confidence) : 'not in the ' + esc(api.source) + ' catalog';
    var sites = api.occurrences.map(function (o) {
      return '<li><a data-goto-file="' + esc(o.file) + '">' + esc(o.file) + ':' + o.line + ':' + o.column + '</a>' + (o.written ? ' as <code>' + esc(o.written) + '</code>' : '') + '</li>';
    }).join('');
    return '<h3><code>' + esc(api.symbol) + '</code> <span class="muted">' + esc(api.kind) + ', ' + esc(api.library) + '</span></h3>' +
      '<p class="muted">' + catalog + '</p>' +
      '<table><thead><tr><th>target</th><th>status</th><th>use</th><th>confidence</th><th>basis</th><th>notes</th></tr></thead><tbody>' + answerRows(api) + '</tbody></table>' +
      '<h3>' + api.sites + ' site' + (api.sites === 1 ? '' : 's') + '</h3><ul class="mono">' + sites + '</ul>';
  }

  function renderFileDetails(file) {
    var targets = visibleTargets();
    var sites = [];
    report.apis.forEach(function (api, i) {
      api.occurrences.forEach(function (o) { if (o.file === file) sites.push({ api: api, index: i, o: o }); });
    });
    sites.sort(function (a, b) { return a.o.line - b.o.line || a.o.column - b.o.column; });
    var kernels = report.kernels.filter(function (k) { return k.file === file; });
    var info = report.files.filter(function (f) { return f.path === file; })[0];
    var rows = sites.map(function (s) {
      return '<tr data-site-api="' + s.index + '"><td class="num">' + s.o.line + ':' + s.o.column + '</td><td><a data-goto-api="' + s.index + '"><code>' +
        esc(shortSymbol(s.api.symbol)) + '</code></a></td>' + targets.map(function (t) { return cellHtml(s.api.targets[t]); }).join('') + '</tr>';
    }).join('');
    var kernelRows = kernels.map(function (k) {
      return '<li><code>' + esc(k.name) + '</code> (' + (k.kind === 'global' ? '__global__' : '__device__') + ', line ' + k.line + ', ' + k.bodyLines + ' lines, ' + k.launches + ' launches)</li>';
    }).join('');
    return '<h3 id="file-title"><code>' + esc(file) + '</code> <span class="muted">' + (info ? info.lines + ' lines, ' + info.language : '') + '</span></h3>' +
      (sites.length ? '<table id="file-sites"><thead><tr><th class="num">line</th><th>API</th>' + targets.map(function (t) { return '<th>' + esc(t) + '</th>'; }).join('') +
        '</tr></thead><tbody>' + rows + '</tbody></table>' : '<p class="muted">No CUDA API use in this file.</p>') +
      (kernelRows ? '<h3>Custom kernels</h3><ul>' + kernelRows + '</ul>' : '');
  }

  function renderDetails() {
    var html = '';
    if (state.api >= 0) html = renderApiDetails(report.apis[state.api]);
    else if (state.file) html = renderFileDetails(state.file);
    $('details').innerHTML = html;
  }

  function render() {
    renderHeatmap();
    renderFiles();
    renderDetails();
  }

  $('search').addEventListener('input', function (e) { state.search = e.target.value.trim().toLowerCase(); renderHeatmap(); });
  $('library-filter').addEventListener('change', function (e) { state.library = e.target.value; renderHeatmap(); });
  $('status-filter').addEventListener('change', function (e) { state.statuses[e.target.value] = e.target.checked; renderHeatmap(); });
  $('target-filter').addEventListener('change', function (e) { state.targets[e.target.value] = e.target.checked; render(); });
  $('file-list').addEventListener('click', function (e) {
    var li = e.target.closest('li[data-file]');
    if (!li) return;
    state.file = li.getAttribute('data-file');
    state.api = -1;
    render();
  });
  $('heatmap').addEventListener('click', function (e) {
    var tr = e.target.closest('tr[data-api]');
    if (!tr) return;
    var i = Number(tr.getAttribute('data-api'));
    state.api = state.api === i ? -1 : i;
    renderHeatmap();
    renderDetails();
  });
  $('details').addEventListener('click', function (e) {
    var file = e.target.closest('[data-goto-file]');
    var api = e.target.closest('[data-goto-api]');
    if (file) { state.file = file.getAttribute('data-goto-file'); state.api = -1; render(); }
    else if (api) { state.api = Number(api.getAttribute('data-goto-api')); renderHeatmap(); renderDetails(); }
  });
  render();
  document.body.setAttribute('data-ready', 'true');
})();
`;

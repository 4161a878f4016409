/** The stylesheet of the HTML coverage report (inlined: the page loads nothing). */
export const HTML_PAGE_STYLE = `
:root {
  --fg: #1d2330; --muted: #5d6677; --bg: #ffffff; --panel: #f5f7fa; --line: #dde2ea; --accent: #2f5bd3;
  --native: #1f7a3a; --native-bg: #cdebd5; --composite: #0f6e73; --composite-bg: #c5e8e9;
  --partial: #8a5a00; --partial-bg: #fde6b0; --unsupported: #a3201b; --unsupported-bg: #f7c9c6;
  --unknown: #5b5f6b; --unknown-bg: #e6e8ee;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ef; --muted: #9aa3b2; --bg: #14171d; --panel: #1c2029; --line: #2c3240; --accent: #8fb0ff;
    --native: #9be0ae; --native-bg: #1f4a2b; --composite: #97dcdf; --composite-bg: #17464a;
    --partial: #ffd27a; --partial-bg: #55400f; --unsupported: #ffaaa4; --unsupported-bg: #5c1f1c;
    --unknown: #c3c8d2; --unknown-bg: #333846;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
header, section, footer { padding: 16px 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 12px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--panel); }
.card[hidden] { display: none; }
.card h3 { margin: 0; font-size: 15px; }
.card .big { font-size: 28px; font-weight: 650; margin: 4px 0 0; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0; font-size: 13px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--unknown-bg); margin: 8px 0; }
.bar span { display: block; height: 100%; }
.blockers { margin: 6px 0 0; padding-left: 18px; font-size: 12.5px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin-bottom: 12px; }
.controls fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; margin: 0; display: flex; gap: 8px; flex-wrap: wrap; }
.controls legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
.controls label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; font-size: 13px; }
.controls input[type=search], .controls select { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.controls input[type=search] { min-width: 240px; }
.layout { display: grid; grid-template-columns: minmax(220px, 300px) 1fr; gap: 16px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
#files { border: 1px solid var(--line); border-radius: 8px; background: var(--panel); max-height: 70vh; overflow: auto; }
#files h3 { margin: 0; padding: 8px 10px; font-size: 13px; border-bottom: 1px solid var(--line); }
#files ul { list-style: none; margin: 0; padding: 0; }
#files li { padding: 5px 10px; cursor: pointer; display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px solid var(--line); font-size: 12.5px; word-break: break-all; }
#files li:hover { background: var(--bg); }
#files li.selected { background: var(--accent); color: #fff; }
#files li .count { white-space: nowrap; opacity: .8; }
.table-wrap { overflow: auto; max-height: 70vh; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: var(--panel); z-index: 1; font-weight: 600; font-size: 12.5px; }
#heatmap tbody tr { cursor: pointer; }
#heatmap tbody tr:hover td.sym { text-decoration: underline; }
#heatmap tbody tr.selected td.sym { font-weight: 700; }
td.lib { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.cell { text-align: center; font-size: 12px; white-space: nowrap; min-width: 86px; }
.s-native { background: var(--native-bg); color: var(--native); }
.s-composite { background: var(--composite-bg); color: var(--composite); }
.s-partial { background: var(--partial-bg); color: var(--partial); }
.s-unsupported { background: var(--unsupported-bg); color: var(--unsupported); font-weight: 600; }
.s-unknown { background: var(--unknown-bg); color: var(--unknown); }
.inferred { font-style: italic; }
.chip { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; }
.tag { font-size: 11px; padding: 0 5px; border-radius: 3px; border: 1px solid var(--line); color: var(--muted); margin-left: 4px; }
#details { margin-top: 14px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--panel); }
#details:empty { display: none; }
#details h3 { margin: 0 0 8px; font-size: 15px; }
#details table { font-size: 13px; }
#details a { color: var(--accent); cursor: pointer; text-decoration: underline; }
.empty { padding: 16px; text-align: center; color: var(--muted); }
footer { color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); }
footer ul { margin: 4px 0; padding-left: 18px; }
`;

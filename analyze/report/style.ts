/**
 * The stylesheet of report.html: the screen (sticky headings, headings that never wrap inside a word: they are one
 * or two lines by design) and print (A4 landscape; the table on the first page, the charts side by side on the
 * next; controls, the measures lists and the column notes left out; a per-unit view prints on its own).
 */
export const STYLE = `
:root{--line:#d8dde3;--head:#eef2f6}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.2rem;color:#222;line-height:1.45}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.2rem 0 .4rem}
a{color:#1a5fa3}.hint{color:#777;font-size:.85em}.lead{margin:.3rem 0 .8rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.6rem 0}
.controls label{white-space:nowrap}.controls input,.controls select{font:inherit;padding:.15rem .3rem}
#q{width:16rem}#f-inspector{width:12rem}#count{color:#555}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid var(--line);padding:.25rem .45rem;vertical-align:top}
#units{min-width:100%}#units thead th{background:var(--head);position:sticky;top:0;z-index:1;white-space:nowrap;vertical-align:bottom;text-align:center}
#units thead th button{all:unset;cursor:pointer;display:inline-block;text-align:center}
#units th[aria-sort=ascending] button::after{content:" ▲"}#units th[aria-sort=descending] button::after{content:" ▼"}
#units tbody th{text-align:left;font-weight:normal;min-width:10em;max-width:22em;text-wrap:pretty}
#units .c-inspectionKind,#units .c-feedbackDate,#units .c-publishedDate{white-space:nowrap}
#units .c-inspector{min-width:7em}
td.n{text-align:right;white-space:nowrap}.warn,.late{color:#c0392b}.ok{color:#27ae60}.src{color:#777;font-size:.75rem;line-height:1}
#units tbody tr:nth-child(even){background:#fafafa}#units tbody tr:hover{background:#f0f6ff}
#units tfoot tr{background:#f5f5f0;font-style:italic}#units tfoot th{text-align:left;font-weight:normal}
.unidentified a{color:#8a5a00}.why{display:inline-block;border:1px solid #c9a227;color:#8a5a00;border-radius:50%;width:1.1em;height:1.1em;line-height:1.1em;text-align:center;font-size:.75em;cursor:help}
.why-box{background:#fff7e0;border:1px solid #e8cf7a;padding:.5rem .7rem}
.pager{display:flex;gap:.8rem;align-items:center;margin:.5rem 0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3rem;font-size:.9rem}svg{width:100%;height:auto}
svg text{font-size:11px;fill:#333}svg .v{fill:#555;font-size:10px}svg .gap{fill:#888;font-style:italic}svg a:hover text{fill:#1a5fa3}
svg .rule{stroke:#c0392b;stroke-dasharray:4 3}details{margin:.3rem 0}summary{cursor:pointer}.sim{font-family:monospace;color:#555}.vs{color:#999}
mark{background:#fde68a}code{font-size:.8em;color:#555}
#unit-view{max-width:1200px}.facts,.files{margin:.3rem 0}.back{margin:0 0 .5rem}
table.figures td.sentence{max-width:48rem}table.figures td.sentence p{margin:0 0 .3rem}table.figures th[scope=row]{text-align:left;font-weight:normal;white-space:nowrap}
table.figures tr.hit{outline:3px solid #f5b700;background:#fffbea}
.sec{color:#555;font-weight:bold}.only{font-size:.75em;color:#fff;background:#8e44ad;border-radius:3px;padding:0 .3em}
.badge{font-size:.75em;border-radius:3px;padding:0 .3em;margin-left:.2em;color:#222}
.status-0 .badge,.badge.status-0{background:#c8efd4}.badge.status-1{background:#fbeeb0}.badge.status-2{background:#cfe3f7}.badge.status-3{background:#e3e6e8}
.tree ul{list-style:none;padding-left:1.4em;margin:.1rem 0}.tree>ul{padding-left:0}.tree li{margin:.15rem 0}
dl dt{font-weight:bold;margin-top:.3rem}dl dd{margin-left:1.5em}
@page{size:A4 landscape;margin:8mm}
@media print{
body{margin:0;font-size:9pt}
.no-print,.controls,.pager button,.pager label,#measures,#columns,.back,noscript{display:none!important}
h1{font-size:13pt;margin:0}h2{font-size:10.5pt;margin:2mm 0 1mm;border:0}.lead{margin:0 0 1mm;font-size:8.5pt}.pager{margin:1mm 0;font-size:8pt}
#units{font-size:7.6pt;width:100%;min-width:0}#units th,#units td{padding:.5mm 1mm}
#units thead th{position:static;background:var(--head)!important}#units tbody th{min-width:9em;max-width:18em}
#units .c-inspector{min-width:6em;max-width:11em}
#units th[aria-sort] button::after{content:""!important}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
tr,figure{break-inside:avoid}thead{display:table-header-group}tfoot{display:table-row-group}
#charts{break-before:page}#charts h2{margin-top:0}.charts{grid-template-columns:repeat(3,1fr);gap:4mm}figcaption{font-size:8pt}
a{color:inherit;text-decoration:none}
#unit-view{max-width:none}table.figures{font-size:8pt}table.figures td.sentence{max-width:none}details{break-inside:auto}
}`;

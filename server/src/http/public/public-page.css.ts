/**
 * The public page's only style sheet, served from this host (the CSP allows no inline style):
 * readable type and contrast (text #1a1a1a on white, links #0b4a8b: both above 7:1), a table that
 * becomes one card per apology on a narrow screen, and a print layout without the form and links.
 */
export const PUBLIC_PAGE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: "Times New Roman", "Noto Serif", Georgia, serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
header, main, footer { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 3px solid #8b0000; padding-top: 1rem; }
.co-quan { margin: 0; font-weight: bold; text-transform: uppercase; color: #8b0000; }
h1 { font-size: 1.6rem; margin: .3rem 0 .6rem; }
h2 { font-size: 1.25rem; margin: 1.2rem 0 .6rem; }
a { color: #0b4a8b; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.bo-qua { position: absolute; left: -999px; }
.bo-qua:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem .6rem; }
.tim-kiem { display: flex; flex-wrap: wrap; gap: .8rem 1.2rem; align-items: flex-end; background: #f3f3f3; padding: .8rem 1rem 1rem; border-radius: 4px; }
.tim-kiem h2 { flex-basis: 100%; margin: 0; }
.truong { display: flex; flex-direction: column; min-width: 12rem; flex: 1 1 12rem; }
label { font-weight: bold; margin-bottom: .2rem; }
input, select, button { font: inherit; padding: .45rem .5rem; border: 1px solid #555; border-radius: 3px; background: #fff; color: #1a1a1a; min-height: 2.75rem; }
button { background: #0b4a8b; color: #fff; border-color: #0b4a8b; font-weight: bold; cursor: pointer; padding: .45rem 1.2rem; }
.nut { display: flex; gap: 1rem; align-items: center; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-style: italic; padding: .3rem 0; }
th, td { border: 1px solid #767676; padding: .45rem .55rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef6; }
tbody th { font-weight: bold; white-space: nowrap; }
.thong-bao { padding: .8rem 1rem; border-left: 4px solid #0b4a8b; background: #f3f6fa; }
.phan-trang { display: flex; gap: 1.2rem; justify-content: center; align-items: center; margin: 1rem 0; }
.phan-trang a { padding: .6rem .8rem; }
footer { margin-top: 2rem; padding-bottom: 2rem; border-top: 1px solid #ccc; }
@media (max-width: 48rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.3rem; }
  table, thead, tbody, tr, th, td, caption { display: block; width: 100%; }
  thead { position: absolute; left: -9999px; }
  tbody tr { border: 1px solid #767676; border-radius: 4px; margin-bottom: .8rem; }
  tbody th, tbody td { border: none; border-bottom: 1px solid #ddd; white-space: normal; }
  tbody th::before, tbody td::before { content: attr(data-label); display: block; font-weight: bold; font-size: .9rem; color: #333; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11pt; color: #000; }
  .tim-kiem, .phan-trang, .bo-qua, footer { display: none; }
  header { border-bottom: 1px solid #000; }
  a { color: #000; text-decoration: none; }
  table { font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border-color: #000; }
}
`;

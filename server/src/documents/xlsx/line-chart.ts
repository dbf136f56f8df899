import { columnName } from "./xlsx-sheet.js";

/**
 * A native Excel line chart as DrawingML: the chart part (c:chartSpace with one c:lineChart) and the
 * drawing that anchors it on a sheet. It knows nothing of the report: it is given a sheet name and
 * which of its cells hold the categories and the series; the workbook writer stores the parts.
 */
export interface LineChartSeries {
  /** 1-based column holding the series; its name is the cell in the header row. */
  column: number;
  /** "RRGGBB". */
  color?: string;
  widthPt?: number;
}

export interface LineChartSpec {
  sheetName: string;
  title: string;
  /** 1-based row of the series names; the values run from the next row to lastRow. */
  headerRow: number;
  lastRow: number;
  /** 1-based column of the categories (dates). */
  categoryColumn: number;
  series: LineChartSeries[];
  /** Where the chart sits, in 0-based cells: from the top-left cell to the bottom-right one. */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
  categoryFormat?: string;
  valueFormat?: string;
}

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function ref(sheet: string, column: number, fromRow: number, toRow = fromRow): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const col = columnName(column);
  return fromRow === toRow ? `${quoted}!$${col}$${fromRow}` : `${quoted}!$${col}$${fromRow}:$${col}$${toRow}`;
}

export function lineChartXml(spec: LineChartSpec): string {
  const first = spec.headerRow + 1;
  const series = spec.series
    .map((s, i) => {
      const line = s.color
        ? `<c:spPr><a:ln w="${Math.round((s.widthPt ?? 1.5) * 12700)}" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:round/></a:ln></c:spPr>`
        : "";
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${xml(ref(spec.sheetName, s.column, spec.headerRow))}</c:f></c:strRef></c:tx>${line}<c:marker><c:symbol val="none"/></c:marker><c:cat><c:numRef><c:f>${xml(ref(spec.sheetName, spec.categoryColumn, first, spec.lastRow))}</c:f></c:numRef></c:cat><c:val><c:numRef><c:f>${xml(ref(spec.sheetName, s.column, first, spec.lastRow))}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="50010001"/><c:axId val="50010002"/></c:lineChart><c:dateAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="${xml(spec.categoryFormat ?? "dd/mm")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblOffset val="100"/><c:baseTimeUnit val="days"/></c:dateAx><c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${xml(spec.valueFormat ?? "0%")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** The drawing part anchoring the chart (relationship rId1 of the drawing) on the sheet. */
export function chartDrawingXml(spec: LineChartSpec, name: string): string {
  const { fromColumn, fromRow, toColumn, toRow } = spec.anchor;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

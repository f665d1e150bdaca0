export { openXlsx, openXlsxBuffer, newXlsx, XlsxWorkbook, XlsxOpenError, MARK_PREFIX } from "./xlsx-workbook";
export { LISTS_SHEET } from "./plan";

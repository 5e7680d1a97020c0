// Menu "เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์" (admins): one draft row in มาตรการ per weak
// indicator of last year's results that no measure addresses (src/core/draft-measures.ts decides). Reads
// the tabs it needs once under the document lock and writes only below the tab's last row — one setValues
// for the rows, one for the ตัวชี้วัด ITA header when the tab has none — never a cell already there.
import { draftMeasures, draftsMessage } from '../core/draft-measures';
import { DIVISIONS_TAB, ITA_RESULTS_TAB, MEASURES_TAB, MILESTONES_TAB, SETTINGS_TAB } from '../core/schema';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, showAlert } from './context';
import { sheetReader } from './document-ports';
import { writeTable } from './sheetio';

export function menuDraftMeasures(): { ids: string[] } | undefined {
  const ss = activeSpreadsheet();
  const snapshot = sheetReader(ss).read({
    tabs: [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB, ITA_RESULTS_TAB],
    divisionTabs: false,
  });
  const sheet = ss.getSheetByName(MEASURES_TAB.name);
  const values = snapshot.tabs[MEASURES_TAB.name];
  if (!sheet || !values) return undefined;
  const { drafts, header, rows } = draftMeasures(parseWorkbook(snapshot), values);
  if (header) writeTable(sheet, [[header.text]], 1, { column: header.column + 1 });
  if (rows.length) writeTable(sheet, rows, sheet.getLastRow() + 1);
  showAlert(draftsMessage(drafts));
  return { ids: drafts.map((d) => d.id) };
}

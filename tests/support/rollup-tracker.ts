// A small tracker for the roll-up tests: two divisions, five measures, rows in every status, two reports.

import { TAB } from '../../src/core/messages/tabs-headers';
import { tableOf } from '../../src/core/rows';
import { REPORTS_TAB } from '../../src/core/schema';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { d, division, measure, miniWorkbook } from './workbook';

/** Two divisions, five measures over the three areas, rows in every status, two registered reports. */
export function smallTracker(agencyName: string): WorkbookSnapshot {
  const snapshot = miniWorkbook({
    settings: { agencyName, district: 'อำเภอทดสอบ', province: 'จังหวัดทดสอบ', round6Due: d('2023-03-31') },
    divisions: [division('A', 'สำนักปลัด'), division('B', 'กองคลัง')],
    measures: [
      measure('IIT-01', 'IIT', ['สำนักปลัด', 'กองคลัง']),
      measure('IIT-02', 'IIT', ['สำนักปลัด']),
      measure('EIT-01', 'EIT', ['กองคลัง']),
      measure('OIT-01', 'OIT', ['สำนักปลัด']),
      measure('OIT-02', 'OIT', ['กองคลัง']),
    ],
    entries: {
      A: [
        { key: 'IIT-01', status: 'done', result6: 'ทำแล้ว' },
        { key: 'IIT-02', status: 'in_progress' },
        { key: 'OIT-01', status: 'not_started', due: '2023-03-01' },
      ],
      B: [
        { key: 'IIT-01', status: 'not_started', due: '2023-04-30' },
        { key: 'EIT-01', status: 'done', result6: 'ทำแล้ว' },
      ],
    },
  });
  snapshot.tabs[TAB.reports] = tableOf(REPORTS_TAB, [
    { fiscalYear: 2566, round: 6, docId: 'doc-6', publishedUrl: 'https://docs.google.com/document/d/doc-6/pub' },
    { fiscalYear: 2566, round: 12, docId: 'doc-12', docUrl: 'https://docs.google.com/document/d/doc-12/edit' },
    { fiscalYear: 2565, round: 12, docId: 'old', publishedUrl: 'https://docs.google.com/document/d/old/pub' },
  ]);
  return snapshot;
}

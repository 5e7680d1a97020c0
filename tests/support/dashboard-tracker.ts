// The tracker the dashboard tests count: three divisions, a milestone, due dates either side of 2023-04-01.
import type { ReportRecord } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from './workbook';

export const dashboardTracker = (reports: Partial<ReportRecord>[] = []) => {
  const t = parseWorkbook(
    miniWorkbook({
      settings: { numerals: 'เลขอารบิก' },
      divisions: [division('PALAD', 'สำนักปลัด'), division('FIN', 'กองคลัง'), division('WORKS', 'กองช่าง')],
      measures: [
        measure('IIT-01', 'IIT', ['สำนักปลัด']),
        measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง']),
        measure('OIT-01', 'OIT', ['กองคลัง']),
      ],
      entries: {
        PALAD: [
          { key: 'IIT-01', area: 'IIT', status: 'done', due: '2023-03-31' },
          { key: 'EIT-01', area: 'EIT', status: 'in_progress', due: '2023-03-31' },
        ],
        FIN: [
          { key: 'EIT-01', area: 'EIT', status: 'not_started', due: null }, // the round's due date: 2023-03-31
          { key: 'OIT-01', area: 'OIT', status: 'in_progress', due: '2023-04-30' },
          { key: 'MS-01', kind: 'milestone', area: 'OIT', status: 'done', due: '2022-10-31' },
        ],
      },
    }),
  ).tracker;
  return {
    ...t,
    reports: reports.map((r) => ({
      fiscalYear: 2566,
      round: 6 as const,
      docId: '',
      docUrl: '',
      publishedUrl: '',
      pdfUrl: '',
      generatedAt: '',
      generatedBy: '',
      warnings: '',
      ...r,
    })),
  };
};

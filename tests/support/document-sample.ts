// One document model with every block kind and every style the model has: the writers' shared test input.
import { CM, type DocumentModel, paragraph } from '../../src/core/document';

export function everyBlockDocument(orientation: 'portrait' | 'landscape' = 'portrait'): DocumentModel {
  return {
    title: 'ตัวอย่าง <ทุกชนิด>',
    page: { size: 'A4', orientation, marginsPt: { top: 1.5 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM } },
    font: 'Sarabun',
    fontSizePt: 16,
    blocks: [
      { kind: 'image', imageId: '', heightPt: 1.5 * CM, align: 'start' },
      paragraph([{ text: 'หัวเรื่องใหญ่', bold: true, sizePt: 29 }], { align: 'center' }),
      paragraph('หัวข้อระดับ ๒', { heading: 2, align: 'center', bold: true }),
      paragraph([{ text: 'เรื่อง', bold: true, sizePt: 20 }, { text: ' ข้อความธรรมดา <b>ไม่ใช่แท็ก</b>' }]),
      paragraph('ย่อหน้าแรกเยื้อง', { indentFirstPt: 36, spaceBeforePt: 6, spaceAfterPt: 3, align: 'justify' }),
      paragraph('ย่อทั้งย่อหน้า', { indentStartPt: 198, align: 'end', sizePt: 14 }),
      {
        kind: 'table',
        columnWeights: [1, 3],
        headerRows: 1,
        rows: [
          [{ paragraphs: [paragraph('หัว ก')] }, { paragraphs: [paragraph('หัว ข')] }],
          [
            { paragraphs: [paragraph('ก1')] },
            { paragraphs: [paragraph('- รายการหนึ่ง'), paragraph('- รายการสอง', { bold: true })] },
          ],
          [{ paragraphs: [paragraph('ก2', { align: 'center' })] }, { paragraphs: [paragraph('')] }],
        ],
        rowIds: ['R-1', 'R-2'],
      },
      paragraph('ระหว่างตาราง', { heading: 3 }),
      {
        kind: 'table',
        columnWeights: [1],
        headerRows: 0,
        rows: [[{ paragraphs: [paragraph('ตารางไม่มีหัว')] }]],
      },
      paragraph('ท้ายเอกสาร'),
    ],
  };
}

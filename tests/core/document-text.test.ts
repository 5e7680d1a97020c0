// Thai text checks where text enters a document (src/core/document-text.ts, src/core/thai-text.ts):
// the seed imported into an empty tracker warns at every cell that still holds the "ใ้" glitch, with
// the fix shown; stray spaces inside a word are joined at import and warned about where typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyImport } from '../../src/core/apply-import';
import { a1 } from '../../src/core/cells';
import { documentTextProblems, textProblem } from '../../src/core/document-text';
import { importReport } from '../../src/core/importer';
import { MEASURES_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { fixThaiText, joinStraySpaces } from '../../src/core/thai-text';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook } from '../../src/core/workbook';

const SEED = readFileSync(join(__dirname, '../../sheets-template/ita-measures-report-2566-round6.txt'), 'utf8');

describe('Thai text that reaches a document', () => {
  const imported = applyImport(templateSnapshot({ example: false }), importReport(SEED), new Date('2023-04-01'));
  const snapshot = imported.snapshot;

  test('after importing the seed, validate warns at each cell holding "ใ้", with the fix shown', () => {
    const problems = validateWorkbook(snapshot).filter((p) => p.code === 'thai-text');
    // the cells that hold the glitch, found independently of the checker
    const expected: string[] = [];
    for (const [tab, rows] of Object.entries(snapshot.tabs))
      for (let r = 1; r < rows.length; r++)
        for (let col = 0; col < rows[r].length; col++) {
          const c = rows[r][col];
          if (typeof c === 'string' && c.includes('ใ้')) expected.push(`${tab}!${a1(col, r + 1)}`);
        }
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const warned = problems.map((p) => `${p.tab}!${p.cell}`);
    for (const cell of expected) expect(warned).toContain(cell);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    const monitoring = problems.find((p) => p.tab === MEASURES_TAB.name && p.message.includes('ใ้'));
    expect(monitoring?.message).toContain('"แผนการใ้ จ่ายงบประมาณภายในเดือนตุลาคม" → "แผนการใช้ จ่ายงบประมาณภายในเดือนตุลาคม"');
  });

  test('the example template is clean: no warning at any cell', () => {
    expect(documentTextProblems(parseWorkbook(templateSnapshot()))).toEqual([]);
  });

  test('a split mark and a stray space are warned with the fix; correct text and Thai spacing convention are not', () => {
    expect(textProblem('t', 'A1', 'การสํารวจ')?.message).toContain('"การสํารวจ" → "การสำรวจ"');
    expect(textProblem('t', 'A1', 'ป้องกันการ ทุจริต')?.message).toContain('"การ ทุจริต" → "การทุจริต"');
    for (const fine of ['ช่องทางอื่น ๆ', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', 'ระยะเวลาที่ดำเนินการ ส่งมอบรายละเอียด', 'E-Service URL'])
      expect(textProblem('t', 'A1', fine)).toBeNull();
  });

  test('joinStraySpaces: a dictionary word across the space is joined, phrase breaks stay, lines stay apart', () => {
    expect(joinStraySpaces('การ ตรวจสอบ').text).toBe('การตรวจสอบ');
    expect(joinStraySpaces('ขับเคลื่อน เกี่ยวกับ').text).toBe('ขับเคลื่อน เกี่ยวกับ');
    expect(joinStraySpaces('ความ\nโปร่งใส').text).toBe('ความ\nโปร่งใส');
    expect(fixThaiText('รายงานใ้ผู้บริหาร').text).toBe('รายงานให้ผู้บริหาร');
  });
});

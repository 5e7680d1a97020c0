// `ita-tracker sync` on an .xlsx a person has worked in (issue #17): it refuses, untouched, a workbook
// whose plan would be unsafe, saying which tab and cell; --dry-run prints the plan and writes nothing;
// and sync and remind change only the cells they own — every other cell keeps its value, type,
// formula, link and style, hidden rows and tabs stay hidden.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SYNC, SYNC_CLI } from '../../src/core/messages/sync';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { V } from '../../src/core/messages/validation';
import { runCli } from '../support/cli';

const run = (args: string[], nodeOptions = '') => runCli(args, { NODE_OPTIONS: nodeOptions });

let dir: string;
let book: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-sync-'));
  book = join(dir, 'tracker.xlsx');
  expect(run(['init', book]).code).toBe(0);
});

async function load(path = book): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
const save = (wb: ExcelJS.Workbook) => wb.xlsx.writeFile(book);
const column = (ws: ExcelJS.Worksheet, header: string) => {
  let at = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) at = i;
  });
  return at;
};
const rowOf = (ws: ExcelJS.Worksheet, key: string) => {
  let at = 0;
  ws.eachRow((r, i) => {
    if (r.getCell(1).value === key) at = i;
  });
  return at;
};

/** Edits the file with exceljs, then expects sync to refuse it: exit 1, the message, the bytes as they were. */
async function expectRefused(edit: (wb: ExcelJS.Workbook) => void, ...expected: string[]) {
  const wb = await load();
  edit(wb);
  await save(wb);
  const before = readFileSync(book);
  const r = run(['sync', book]);
  expect(r.err).toContain(SYNC.refused);
  for (const e of expected) expect(r.err).toContain(e);
  expect(r.code).toBe(1);
  expect(readFileSync(book).equals(before)).toBe(true);
}

describe('sync refuses a workbook whose plan is unsafe, and leaves it byte for byte', () => {
  test('the measures tab deleted', () =>
    expectRefused((wb) => wb.removeWorksheet(wb.getWorksheet(TAB.measures)!.id), V.missingTab(TAB.measures)));

  test('a required header of the measures tab renamed', () =>
    expectRefused(
      (wb) => {
        const ws = wb.getWorksheet(TAB.measures)!;
        ws.getCell(1, column(ws, HEADER.responsible)).value = 'หน่วยงานรับผิดชอบ';
      },
      V.missingHeader(TAB.measures, HEADER.responsible),
    ));

  test('a division named like a fixed tab', () =>
    expectRefused((wb) => {
      wb.getWorksheet(TAB.divisions)!.getCell('B3').value = TAB.measures;
    }, `${TAB.divisions}!B3`));

  test('a division tab whose result header was renamed: its typed results are not lost', async () => {
    await expectRefused(
      (wb) => {
        const ws = wb.getWorksheet('กองคลัง')!;
        ws.getCell(1, column(ws, HEADER.result6)).value = 'ผลรอบ 6 เดือน';
      },
      V.missingHeader('กองคลัง', HEADER.result6),
    );
  });

  test('a tab renamed with a trailing space is found and named', () =>
    expectRefused((wb) => {
      wb.getWorksheet('กองคลัง')!.name = 'กองคลัง ';
    }, '"กองคลัง "'));

  test('a copy beside a division tab, named but for a trailing space, is named, not archived away', () =>
    expectRefused(
      (wb) => {
        const copy = wb.addWorksheet('กองคลัง ');
        const header: ExcelJS.CellValue[] = [];
        wb.getWorksheet('กองคลัง')!
          .getRow(1)
          .eachCell((c, i) => {
            header[i - 1] = c.value;
          });
        copy.addRow(header);
        copy.addRow(['OIT-03', 'OIT', '', '', null, 'ดำเนินการแล้ว', 'ผลที่กรอกในแท็บสำเนา']);
      },
      SYNC.nearMissTab('กองคลัง ', 'กองคลัง'),
    ));
});

test('remind refuses the same workbooks: a renamed status header would send wrong reminders', async () => {
  const wb = await load();
  const ws = wb.getWorksheet('กองคลัง')!;
  ws.getCell(1, column(ws, HEADER.status)).value = 'สถานะงาน';
  await save(wb);
  const before = readFileSync(book);
  const r = run(['remind', book, '--today', '2023-03-25', '--outbox', join(dir, 'outbox')]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(SYNC.remindRefused);
  expect(r.err).toContain(V.missingHeader('กองคลัง', HEADER.status));
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(existsSync(join(dir, 'outbox'))).toBe(false);
});

test('sync --dry-run prints the plan in Thai and writes nothing', async () => {
  const wb = await load();
  const ms = wb.getWorksheet(TAB.measures)!;
  ms.getCell(rowOf(ms, 'EIT-01'), column(ms, HEADER.responsible)).value = 'สำนักปลัด';
  await save(wb);
  const before = readFileSync(book);
  const r = run(['sync', book, '--dry-run']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(SYNC_CLI.dryRunTitle);
  expect(r.out).toContain(SYNC_CLI.dryRunStep('กองคลัง', SYNC_CLI.stepDelete(2, 1)));
  expect(readFileSync(book).equals(before)).toBe(true);
});

describe('sync and remind change only what they own', () => {
  test('values, types, formulas, links, styles, hidden rows and tabs survive cell by cell', async () => {
    const wb = await load();
    const fin = wb.getWorksheet('กองคลัง')!;
    const oit = rowOf(fin, 'OIT-03');
    const r6 = column(fin, HEADER.result6);
    const r12 = column(fin, HEADER.result12);
    const url = column(fin, HEADER.evidenceUrl);
    const at = column(fin, HEADER.updatedAt);
    // what people put in their tab
    fin.getCell(oit, r6).value = '31/3/2566'; // a date typed as text
    fin.getCell(oit, r12).value = 'บรรทัดแรก_x000B_บรรทัดสอง'; // a line break as Excel stores it
    fin.getCell(oit, url).value = { text: 'หลักฐาน', hyperlink: 'https://example.org/evidence.pdf' };
    fin.getCell(oit, at).value = new Date(Date.UTC(2023, 2, 15, 10, 20, 37)); // seconds
    fin.getCell(oit, at).numFmt = 'dd/mm/yyyy hh:mm:ss';
    fin.getCell(1, 12).value = 'หมายเหตุ'; // a column of their own beside the schema's
    fin.getCell(oit, 12).value = 1234.5;
    fin.getCell(oit, 13).value = { formula: 'SUM(1,2)', result: 3 };
    fin.getCell(oit, r6).font = { bold: true, color: { argb: 'FFFF0000' } };
    fin.getRow(oit + 1).hidden = true;
    wb.getWorksheet(TAB.emailLog)!.state = 'hidden';
    // and a change that moves กองคลัง's rows: a measure for it that sorts first
    const ms = wb.getWorksheet(TAB.measures)!;
    ms.addRow(['IIT-09', 'IIT', 'ประเด็นใหม่', '- ขั้นตอน', 'กองคลัง', '๑. ติดตาม', 0]);
    await save(wb);

    const before = await load();
    const s = run(['sync', book]);
    expect(s.code).toBe(0);
    expect(s.out).toContain(SYNC.extraColumns('กองคลัง', ['หมายเหตุ']));
    // a Monday (the weekly digest day) so remind really sends and writes its log rows
    const m = run(['remind', book, '--today', '2023-03-20', '--outbox', join(dir, 'outbox')]);
    expect(m.code).toBe(0);
    expect(readdirSync(join(dir, 'outbox')).length).toBeGreaterThan(0);
    const after = await load();

    // the row moved down one (a new row above it); every cell of it is as it was, beside the schema's too
    const finAfter = after.getWorksheet('กองคลัง')!;
    const moved = rowOf(finAfter, 'OIT-03');
    expect(moved).toBe(oit + 1);
    const finBefore = before.getWorksheet('กองคลัง')!;
    for (let c = 1; c <= 13; c++) {
      const was = finBefore.getCell(oit, c);
      const is = finAfter.getCell(moved, c);
      expect([c, is.value]).toEqual([c, was.value]);
      expect([c, is.style]).toEqual([c, was.style]);
    }
    expect(finAfter.getCell(moved, r6).value).toBe('31/3/2566');
    expect(finAfter.getCell(moved, r12).value).toBe('บรรทัดแรก\u000bบรรทัดสอง');
    expect(finAfter.getCell(moved, url).value).toEqual({
      text: 'หลักฐาน',
      hyperlink: 'https://example.org/evidence.pdf',
    });
    expect((finAfter.getCell(moved, at).value as Date).getUTCSeconds()).toBe(37);
    expect(finAfter.getCell(moved, 12).value).toBe(1234.5);
    expect(finAfter.getCell(moved, 13).formula).toBe('SUM(1,2)');
    expect(finAfter.getRow(moved + 1).hidden).toBe(true);
    expect(after.getWorksheet(TAB.emailLog)!.state).toBe('hidden');

    // every other tab but the log (remind's own rows) and the dashboard-free ones: cell by cell the same
    for (const ws of before.worksheets) {
      if ([TAB.emailLog, 'กองคลัง'].includes(ws.name)) continue;
      const other = after.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect([ws.name, r, c, other.getCell(r, c).value]).toEqual([ws.name, r, c, cell.value]);
        });
      });
    }
    // the log kept its rows and gained remind's own
    expect(after.getWorksheet(TAB.emailLog)!.actualRowCount).toBeGreaterThan(
      before.getWorksheet(TAB.emailLog)!.actualRowCount,
    );
  });

  test('a link is read by its target: the evidence URL validates and is the value', async () => {
    const wb = await load();
    const fin = wb.getWorksheet('กองคลัง')!;
    fin.getCell(rowOf(fin, 'OIT-03'), column(fin, HEADER.evidenceUrl)).value = {
      text: 'ดูหลักฐาน',
      hyperlink: 'https://example.org/x.pdf',
    };
    await save(wb);
    const v = run(['validate', book, '--json']);
    expect(JSON.parse(v.out).filter((p: { code: string }) => p.code === 'bad-url')).toEqual([]);
  });

  test('a cell at XFD1 and 10,000 formatted rows: read by the cells that hold something', async () => {
    const wb = await load();
    const fin = wb.getWorksheet('กองคลัง')!;
    fin.getCell('XFD1').value = 'ไกลสุด';
    for (let r = 10; r < 10_010; r++) fin.getRow(r).getCell(2).numFmt = '0.00';
    await save(wb);
    const r = run(['sync', book, '--dry-run'], '--max-old-space-size=400');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(SYNC.extraColumns('กองคลัง', ['ไกลสุด']));
  }, 60_000);
});

describe('a tracker set up before the ตัวชี้วัด ITA column (issue 23): sync inserts it', () => {
  test('after ลำดับ as an inserted column: the admin’s column after it moves right with its values, style and dropdown; none rewritten; a second sync inserts nothing', async () => {
    const wb = await load();
    const ws = wb.getWorksheet(TAB.measures)!;
    const at = column(ws, HEADER.measureIndicators);
    expect(at).toBe(8);
    // the old layout: the column gone, the admin's own column of notes (bold, with a dropdown) in its place
    ws.spliceColumns(at, 1);
    ws.getCell(1, at).value = 'หมายเหตุ';
    ws.getCell(2, at).value = 'โน้ตของผู้ดูแล';
    ws.getCell(2, at).font = { bold: true };
    ws.getCell(2, at).dataValidation = { type: 'list', allowBlank: true, formulae: ['"ใช่,ไม่ใช่"'] };
    const measures: unknown[][] = [];
    ws.eachRow((r) => measures.push((r.values as unknown[]).slice(1, at)));
    await save(wb);

    const r = run(['sync', book]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(SYNC.columnInserted(TAB.measures, HEADER.measureIndicators, 'H'));
    const after = (await load()).getWorksheet(TAB.measures)!;
    expect(column(after, HEADER.measureIndicators)).toBe(at);
    expect(after.getCell(1, at + 1).value).toBe('หมายเหตุ');
    expect(after.getCell(2, at + 1).value).toBe('โน้ตของผู้ดูแล');
    expect(after.getCell(2, at + 1).font?.bold).toBe(true);
    expect(after.getCell(2, at + 1).dataValidation?.formulae).toEqual(['"ใช่,ไม่ใช่"']);
    expect(after.getCell(2, at).value).toBeNull();
    const kept: unknown[][] = [];
    after.eachRow((row) => kept.push((row.values as unknown[]).slice(1, at)));
    expect(kept).toEqual(measures);

    const again = run(['sync', book, '--dry-run']);
    expect(again.out).not.toContain('แทรกคอลัมน์');
  });
});

describe('a tracker made before a setting existed: sync gives it its row', () => {
  test('กำหนดการ ITA ที่ประกาศแล้ว appended below the last setting, value blank, the rows above untouched; a second sync adds none', async () => {
    const wb = await load();
    const ws = wb.getWorksheet(TAB.settings)!;
    ws.spliceRows(rowOf(ws, 'itaCalendarDates'), 1);
    const before: unknown[][] = [];
    ws.eachRow((r) => before.push((r.values as unknown[]).slice(1)));
    await save(wb);

    const r = run(['sync', book]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'แท็บ "ตั้งค่า": เพิ่มแถวค่าตั้งที่ยังไม่มีไว้ท้ายแท็บ: กำหนดการ ITA ที่ประกาศแล้ว (ค่าว่าง = ค่าเริ่มต้น ไม่มีค่าเดิมใดถูกเขียนทับ)',
    );
    const after = (await load()).getWorksheet(TAB.settings)!;
    const rows: unknown[][] = [];
    after.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows.slice(before.length)).toEqual([
      [
        'itaCalendarDates',
        'กำหนดการ ITA ที่ประกาศแล้ว',
        undefined,
        'เว้นว่าง: วันที่โดยประมาณ — เมื่อประกาศแล้ว กรอกบรรทัดละกำหนดการ เช่น เปิดระบบตอบแบบ OIT 15/3/2570',
      ],
    ]);

    const again = run(['sync', book, '--dry-run']);
    expect(again.out).not.toContain('เพิ่มแถวค่าตั้ง');
  });
});

// Careless and hostile input through the built CLI (issue 17): each class refuses or copes with exit
// code, the Thai message naming tab and cell, and — after a refusal — the workbook byte-identical.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1, type Cell } from '../../src/core/cells';
import { CLI as CLI_TEXT } from '../../src/core/messages/cli';
import { FILES } from '../../src/core/messages/files';
import { IMPORT_FILE } from '../../src/core/messages/import-file';
import { INPUT, INPUT_CLI } from '../../src/core/messages/input-safety';
import { REMIND } from '../../src/core/messages/reminders';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { V } from '../../src/core/messages/validation';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { MAX_INFLATED_BYTES } from '../../src/node/limits';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';
import { bomb } from '../support/zip-bomb';

const run = (...args: string[]) => runCli(args);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-input-'));
});

/** Every file under a folder, relative to it. */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      e.isDirectory() ? walk(join(d, e.name)) : out.push(relative(root, join(d, e.name)));
  };
  walk(root);
  return out.sort();
}

const col = (s: WorkbookSnapshot, tab: string, header: string): number => (s.tabs[tab][0] as Cell[]).indexOf(header);
const rowOf = (s: WorkbookSnapshot, tab: string, header: string, value: string): number =>
  s.tabs[tab].findIndex((r) => r[col(s, tab, header)] === value);

function set(s: WorkbookSnapshot, tab: string, header: string, row: number, value: Cell): string {
  const c = col(s, tab, header);
  s.tabs[tab][row][c] = value;
  return a1(c, row + 1);
}
function setSetting(s: WorkbookSnapshot, key: string, value: Cell): string {
  return set(s, TAB.settings, HEADER.settingValue, rowOf(s, TAB.settings, HEADER.settingKey, key), value);
}

async function example(edit: (s: WorkbookSnapshot) => void = () => {}): Promise<string> {
  const s = templateSnapshot({ example: true });
  edit(s);
  const book = join(dir, 'tracker.xlsx');
  await writeWorkbookFile(book, s);
  return book;
}

/** Runs a command that must refuse: the workbook's bytes are the same afterwards. */
function refused(book: string, ...args: string[]) {
  const before = readFileSync(book);
  const r = run(...args);
  expect(readFileSync(book).equals(before)).toBe(true);
  return r;
}

describe('remind trusts nothing it sends', () => {
  test('a division code with ../ writes its .eml inside --outbox, named from a slug', async () => {
    const book = await example((s) => {
      const r = rowOf(s, TAB.divisions, HEADER.divisionCode, 'FINANCE');
      set(s, TAB.divisions, HEADER.divisionCode, r, 'x/../../escaped/pwn');
    });
    const outbox = join(dir, 'deep', 'outbox');
    const r = run('remind', book, '--today', '2023-03-27', '--outbox', outbox);
    expect(r.code).toBe(0);
    // nothing anywhere but the workbook and the outbox's own .eml files
    const files = filesUnder(dir);
    expect(files.filter((f) => f !== 'tracker.xlsx').every((f) => /^deep\/outbox\/[^/]+\.eml$/.test(f))).toBe(true);
    expect(files.some((f) => f.split('/').slice(0, -1).includes('escaped'))).toBe(false);
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
    expect(files).toContain('deep/outbox/2023-03-27-x-escaped-pwn.eml');
  });

  test('--from that is not an address is refused before anything is read, sent or written', async () => {
    const book = await example();
    const r = refused(book, 'remind', book, '--today', '2023-03-27', '--from', 'ฝ่ายธุรการ');
    expect(r.code).toBe(2);
    expect(r.err).toContain(INPUT_CLI.badFrom('ฝ่ายธุรการ'));
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('a notify cell with no address: that division gets nothing, is told by cell, logged as not sent, retried', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = set(
        s,
        TAB.divisions,
        HEADER.divisionNotify,
        rowOf(s, TAB.divisions, HEADER.divisionCode, 'FINANCE'),
        'ผอ. กองคลัง',
      );
      // the admins' fallback is no address either
      setSetting(s, 'admins', 'ฝ่ายธุรการ');
    });
    expect(cell).toBe('D3');
    const first = run('remind', book, '--today', '2023-03-27');
    expect(first.code).toBe(1);
    expect(first.err).toContain(INPUT.noValidRecipient('กองคลัง', `${TAB.divisions}!D3`, 'ผอ. กองคลัง'));
    const outbox = join(dir, 'out', 'outbox');
    const sent = readdirSync(outbox);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((f) => f.includes('FINANCE'))).toBe(false);
    const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    const finance = log.filter((e) => e.divisionCode === 'กองคลัง');
    expect(finance).toHaveLength(1);
    expect(finance[0].outcome).toBe(REMIND.outcome.failed(INPUT.notSentNoAddress));
    expect(finance[0].recipients).toBe('');
    // not counted as sent: the next run tries again (and the others, sent, are not repeated)
    const second = run('remind', book, '--today', '2023-03-27');
    expect(second.code).toBe(1);
    expect(readdirSync(outbox)).toEqual(sent);
    const again = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    expect(again.filter((e) => e.divisionCode === 'กองคลัง')).toHaveLength(2);
  });

  test('a notify cell with one address among words: only the address is written to', async () => {
    const book = await example((s) => {
      set(
        s,
        TAB.divisions,
        HEADER.divisionNotify,
        rowOf(s, TAB.divisions, HEADER.divisionCode, 'FINANCE'),
        'ผอ. กองคลัง, finance@example.org',
      );
    });
    const r = run('remind', book, '--today', '2023-03-27');
    expect(r.code).toBe(0);
    const eml = readFileSync(join(dir, 'out', 'outbox', '2023-03-27-FINANCE.eml'), 'utf8');
    expect(eml).toMatch(/^To: finance@example\.org$/m);
  });
});

describe('settings that would be accepted and then ignored', () => {
  test('reminder offsets in Thai digits are honoured, not replaced by the default', async () => {
    const book = await example((s) => setSetting(s, 'reminderOffsets', '๓๐, ๑'));
    expect(run('validate', book).code).toBe(0);
    expect(parseWorkbook(await readWorkbookFile(book)).tracker.settings.reminderOffsets).toEqual([30, 1]);
  });

  test.each([
    ['reportFontSize', '-16', 1],
    ['overdueRepeatDays', '-7', 1],
    ['escalateAfterDays', '-1', 0],
    ['overdueRepeatDays', '0', 1],
  ])('%s = %s: an error at its cell, and report refuses with the workbook untouched', async (key, value, min) => {
    let cell = '';
    const book = await example((s) => {
      cell = setSetting(s, key, value);
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`${TAB.settings}!${cell}: ${INPUT.tooSmall(value, min)}`);
    const r = refused(book, 'report', book, '--out', join(dir, 'report'), '--no-pdf');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  test('the same setting twice: an error at the second key naming the first', async () => {
    const book = await example((s) => {
      const rows = s.tabs[TAB.settings];
      const r = rowOf(s, TAB.settings, HEADER.settingKey, 'reportFontSize');
      rows.push([...rows[r]].map((c, i) => (i === col(s, TAB.settings, HEADER.settingValue) ? '28' : c)));
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    const last = readWorkbookFile(book).then((s) => s.tabs[TAB.settings].length);
    expect(v.out).toContain(`${TAB.settings}!A${await last}: ${INPUT.duplicateSetting('reportFontSize', 'A16')}`);
  });

  test('a blank due date of the current round: a warning at its cell (rows without a due date get no reminder)', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = setSetting(s, 'round6Due', null);
    });
    const v = run('validate', book);
    expect(v.code).toBe(0);
    expect(v.out).toContain(`${TAB.settings}!${cell}: ${INPUT.roundDueBlank(6)}`);
  });
});

describe('look-alike text', () => {
  test('a division name typed with ZWSP, NBSP and a trailing space is the same division and tab', async () => {
    const book = await example((s) => {
      set(
        s,
        TAB.divisions,
        HEADER.divisionName,
        rowOf(s, TAB.divisions, HEADER.divisionCode, 'FINANCE'),
        'กอง\u200Bคลัง\u00A0 ',
      );
    });
    const v = run('validate', book, '--json');
    expect(v.code).toBe(0);
    const { tracker } = parseWorkbook(await readWorkbookFile(book));
    expect(tracker.divisions.find((d) => d.code === 'FINANCE')?.name).toBe('กองคลัง');
    expect(tracker.entries.filter((e) => e.divisionCode === 'FINANCE').length).toBeGreaterThan(0);
  });

  test('a tab renamed with a trailing space: an error naming the invisible difference; report refuses untouched', async () => {
    const book = await example((s) => {
      s.tabs['กองคลัง '] = s.tabs.กองคลัง;
      delete s.tabs.กองคลัง;
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`ข้อผิดพลาด กองคลัง : ${INPUT.tabNameInvisible('กองคลัง ', 'กองคลัง', 'ช่องว่างท้ายข้อความ')}`);
    const r = refused(book, 'report', book, '--out', join(dir, 'r'), '--no-pdf');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'r'))).toBe(false);
  });

  test('a required cell holding only invisible characters is blank; report refuses untouched', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = set(s, TAB.measures, HEADER.issue, 1, '\u200B\u00A0\u200B');
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`${TAB.measures}!${cell}: ${V.required(HEADER.issue)}`);
    expect(refused(book, 'report', book, '--out', join(dir, 'r'), '--no-pdf').code).toBe(1);
  });

  test('an id with a no-break space inside: the message names the invisible character', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = set(s, TAB.measures, HEADER.measureId, 1, 'IIT\u00A001');
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`${TAB.measures}!${cell}: ${V.badId('IIT 01')}`);
    expect(v.out).toContain('U+00A0');
  });

  test('ids differing only in letter case are one id: a duplicate, said so', async () => {
    let cell = '';
    let first = '';
    const book = await example((s) => {
      const id = s.tabs[TAB.measures][1][col(s, TAB.measures, HEADER.measureId)] as string;
      first = a1(col(s, TAB.measures, HEADER.measureId), 2);
      cell = set(s, TAB.measures, HEADER.measureId, 2, id.toLowerCase());
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(new RegExp(`${TAB.measures}!${cell}: .*ซ้ำกับ .*${first}`));
    expect(v.out).toContain('ตัวพิมพ์เล็กและใหญ่');
  });

  test('a milestone naming its measure in lower case still belongs to it', async () => {
    const book = await example((s) => {
      set(s, TAB.milestones, HEADER.milestoneMeasure, 1, 'oit-03');
    });
    expect(run('validate', book).code).toBe(0);
    const { tracker } = parseWorkbook(await readWorkbookFile(book));
    expect(tracker.milestones[0].measureId).toBe('OIT-03');
  });

  test('a milestone id equal to a measure id is an error (it would drop the measure row from the report)', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = set(s, TAB.milestones, HEADER.milestoneId, 1, 'oit-03');
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`${TAB.milestones}!${cell}: ${INPUT.milestoneIsMeasure('oit-03')}`);
    const r = refused(book, 'report', book, '--out', join(dir, 'r'), '--no-pdf');
    expect(r.code).toBe(1);
    expect(r.err).toContain(INPUT.milestoneIsMeasure('oit-03'));
  });
});

describe('messages', () => {
  test("a cell on a tab whose name needs quoting is shown as Sheets does: 'กอง!ช่าง'!F2", async () => {
    const book = await example((s) => {
      set(
        s,
        TAB.divisions,
        HEADER.divisionName,
        rowOf(s, TAB.divisions, HEADER.divisionCode, 'ENGINEERING'),
        'กอง!ช่าง',
      );
      s.tabs['กอง!ช่าง'] = s.tabs.กองช่าง;
      delete s.tabs.กองช่าง;
      set(s, 'กอง!ช่าง', HEADER.status, 1, 'เสร็จ?');
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`ข้อผิดพลาด 'กอง!ช่าง'!F2: ${V.badStatus('เสร็จ?')}`);
  });

  test('a duplicate division name is reported under the name header, not as a code', async () => {
    let cell = '';
    const book = await example((s) => {
      cell = set(
        s,
        TAB.divisions,
        HEADER.divisionName,
        rowOf(s, TAB.divisions, HEADER.divisionCode, 'EDUCATION'),
        'กองช่าง',
      );
    });
    const v = run('validate', book);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`${TAB.divisions}!${cell}: ${INPUT.duplicateValue(HEADER.divisionName, 'กองช่าง', 'B4')}`);
  });

  // .docx and .pdf are read since issue 16 (tests/e2e/import-files.test.ts): a zip that is no Word file is refused
  test('import of a binary file: a Thai message, no tab made of garbage, workbook untouched', async () => {
    const book = await example();
    const junk = join(dir, 'report.docx');
    writeFileSync(junk, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0x80, 0x81, 0x00, 0x12]));
    const r = refused(book, 'import', junk, book);
    expect(r.code).toBe(2);
    expect(r.err).toContain(IMPORT_FILE.docxBroken(junk));
  });

  test('--out that is a file: a Thai message, nothing written', async () => {
    const book = await example();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const r = refused(book, 'report', book, '--out', file, '--no-pdf');
    expect(r.code).toBe(2);
    expect(r.err).toContain(CLI_TEXT.notAFolder(file));
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('files that are not a tracker .xlsx are refused before anything is written', () => {
  const commands = (book: string) => [
    ['sync', book],
    ['remind', book, '--today', '2023-03-27'],
    ['validate', book],
    ['import', join(dir, 'seed.txt'), book],
  ];

  async function expectRefusedEverywhere(book: string, message: string) {
    writeFileSync(join(dir, 'seed.txt'), '๑. ด้าน IIT\n');
    for (const args of commands(book)) {
      const r = refused(book, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/at .*\.js:\d+/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }

  test('a zip of junk', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const book = join(dir, 'junk.xlsx');
    writeFileSync(book, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefusedEverywhere(book, CLI_TEXT.notXlsx(book));
  });

  test('a renamed .ods', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    const book = join(dir, 'calc.xlsx');
    writeFileSync(book, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefusedEverywhere(book, INPUT_CLI.ods(book));
  });

  test('an .xlsx workbook that is not a tracker', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['ยอดขาย', 100]);
    const book = join(dir, 'sales.xlsx');
    writeFileSync(book, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await expectRefusedEverywhere(book, INPUT_CLI.notTracker(book));
  });

  test('an encrypted workbook gets its own message', async () => {
    // the shape Excel gives a password-protected .xlsx: an OLE compound file holding an
    // "EncryptionInfo" stream (names in UTF-16LE); built by hand, as no tool here encrypts
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const body = Buffer.alloc(1024);
    Buffer.from('EncryptionInfo', 'utf16le').copy(body, 512);
    Buffer.from('EncryptedPackage', 'utf16le').copy(body, 640);
    const book = join(dir, 'locked.xlsx');
    writeFileSync(book, Buffer.concat([header, body]));
    await expectRefusedEverywhere(book, INPUT_CLI.encrypted(book));
  });

  test('an archive bomb (1 MB inflating to 1 GB, its central directory lying): ไฟล์ใหญ่เกินไป and the limit', async () => {
    // the honest-sizes bomb is refused sooner still (tests/node/zip-limits.test.ts)
    const book = join(dir, 'bomb.xlsx');
    writeFileSync(book, bomb('xlsx', 1024, true));
    await expectRefusedEverywhere(book, FILES.tooBig(book, MAX_INFLATED_BYTES));
  });

  test('a .docx bomb given to import: refused by its size, the workbook byte-identical', async () => {
    const book = await example();
    for (const lying of [false, true]) {
      const report = join(dir, `bomb-${lying}.docx`);
      writeFileSync(report, bomb('docx', 1024, lying));
      const r = refused(book, 'import', report, book);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(FILES.tooBig(report, MAX_INFLATED_BYTES));
    }
  });

  test('an old .xls (OLE without encryption) is named as such', async () => {
    const book = join(dir, 'old.xlsx');
    writeFileSync(
      book,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    await expectRefusedEverywhere(book, INPUT_CLI.oldXls(book));
  });
});

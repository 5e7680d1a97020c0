// Archives bigger than they look (issue 26, class 6): a .docx or .xlsx that would inflate past the cap
// is refused with "ไฟล์ใหญ่เกินไป" and the limit before jszip or exceljs inflates it — whether its
// central directory declares the truth or lies — and in well under a second. document.xml's entities
// are never expanded, internal or external.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILES } from '../../src/core/messages/files';
import { IMPORT_FILE } from '../../src/core/messages/import-file';
import { templateSnapshot } from '../../src/core/template';
import { MAX_INFLATED_BYTES } from '../../src/node/limits';
import { importReportFile } from '../../src/node/report-file';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { checkInflatedSize } from '../../src/node/zip-limits';
import { bomb, deflatedZeros, docxWith, fileEntry, zipOf } from '../support/zip-bomb';

const MB = 1024 * 1024;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-zip-'));
});

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Resolves the rejection's message and how long the refusal took. */
async function refusal(run: () => Promise<unknown>): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  try {
    await run();
  } catch (e) {
    return { message: (e as Error).message, ms: performance.now() - started };
  }
  throw new Error('not refused');
}

describe('a 1 GB archive in 1 MB', () => {
  test('the bomb is what it says: ~1 MB on disk, 1 GB declared', () => {
    const bytes = bomb('docx', 1024);
    expect(bytes.length).toBeLessThan(1.1 * MB);
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
  });

  for (const lying of [false, true])
    describe(lying ? 'its central directory lies (declares 1 KB)' : 'its central directory declares 1 GB', () => {
      test('import of the .docx: ไฟล์ใหญ่เกินไป with the limit, before jszip', async () => {
        const path = file(`bomb-${lying}.docx`, bomb('docx', 1024, lying));
        const r = await refusal(() => importReportFile(path, []));
        expect(r.message).toBe(FILES.tooBig(path, MAX_INFLATED_BYTES));
        expect(r.message).toContain('ไฟล์ใหญ่เกินไป');
        expect(r.message).toContain('100 MB');
        // the lie costs inflating up to the cap (100 MB, counted and dropped), never the whole gigabyte
        expect(r.ms).toBeLessThan(lying ? 5000 : 500);
      });

      test('the .xlsx as a workbook: ไฟล์ใหญ่เกินไป with the limit, before exceljs', async () => {
        const path = file(`bomb-${lying}.xlsx`, bomb('xlsx', 1024, lying));
        const r = await refusal(() => readWorkbookFile(path));
        expect(r.message).toBe(FILES.tooBig(path, MAX_INFLATED_BYTES));
      });
    });
});

describe('the cap counts every entry', () => {
  test('many small entries that together pass the cap are refused; under it they pass', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({
      name: `word/part${i}.xml`,
      deflated: deflatedZeros(1),
      declaredSize: 10, // each lies
    }));
    const zip = zipOf([fileEntry('word/document.xml', '<w:document/>'), ...entries]);
    await expect(checkInflatedSize(zip, 'x.docx', 5 * MB)).rejects.toThrow(FILES.tooBig('x.docx', 5 * MB));
    await expect(checkInflatedSize(zip, 'x.docx', 7 * MB)).resolves.toBeUndefined();
  });

  test('one entry referenced by many directory records (an overlapping bomb) is counted each time', async () => {
    const one = zipOf([{ name: 'a.xml', deflated: deflatedZeros(2), declaredSize: 2 * MB }]);
    // copy the one central record 4 times, all pointing at the same local entry
    const eocd = one.length - 22;
    const cdStart = one.readUInt32LE(eocd + 16);
    const record = one.subarray(cdStart, eocd);
    const end = Buffer.from(one.subarray(eocd));
    end.writeUInt16LE(4, 8);
    end.writeUInt16LE(4, 10);
    end.writeUInt32LE(record.length * 4, 12);
    const zip = Buffer.concat([one.subarray(0, cdStart), record, record, record, record, end]);
    await expect(checkInflatedSize(zip, 'o.xlsx', 7 * MB)).rejects.toThrow('ไฟล์ใหญ่เกินไป');
    await expect(checkInflatedSize(zip, 'o.xlsx', 9 * MB)).resolves.toBeUndefined();
  });

  test("the tracker's own workbook and an ordinary .docx pass", async () => {
    const book = join(dir, 'tracker.xlsx');
    await writeWorkbookFile(book, templateSnapshot({ example: true }));
    expect(Object.keys((await readWorkbookFile(book)).tabs).length).toBeGreaterThan(5);
    const path = file(
      'ok.docx',
      docxWith('<w:document><w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>'),
    );
    await expect(importReportFile(path, [])).resolves.toMatchObject({ kind: 'docx' });
  });
});

describe("document.xml's entities are never expanded", () => {
  const table = (text: string) =>
    `<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>`;

  test('entity expansion (a billion laughs) is refused as a damaged Word file, at once', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ฮ่าฮ่า">${levels}]><w:document>${table('&l9;')}</w:document>`;
    const path = file('laughs.docx', docxWith(xml));
    const r = await refusal(() => importReportFile(path, []));
    expect(r.message).toBe(IMPORT_FILE.docxBroken(path));
    expect(r.ms).toBeLessThan(2000);
  });

  test('an external entity is not fetched: refused, and the file it names never appears', async () => {
    const secret = file('secret.txt', Buffer.from('ความลับ-ห้ามอ่าน'));
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://${secret}">]><w:document>${table('&x;')}</w:document>`;
    const path = file('external.docx', docxWith(xml));
    const r = await refusal(() => importReportFile(path, []));
    expect(r.message).toBe(IMPORT_FILE.docxBroken(path));
    expect(r.message).not.toContain('ความลับ');
  });
});

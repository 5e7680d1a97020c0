// What a file handed to the CLI as a workbook is, told before exceljs reads it (issue 17).
import JSZip from 'jszip';
import { CLI } from '../../src/core/messages/cli';
import { INPUT_CLI } from '../../src/core/messages/input-safety';
import { templateSnapshot } from '../../src/core/template';
import { FileError } from '../../src/node/command';
import { checkIsTracker, checkWorkbookBytes } from '../../src/node/workbook-file';
import { workbookOf } from '../../src/node/xlsx-store';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

test('a real tracker .xlsx passes both checks', async () => {
  const bytes = new Uint8Array(
    (await workbookOf(templateSnapshot({ example: false })).xlsx.writeBuffer()) as ArrayBuffer,
  );
  expect(() => checkWorkbookBytes(bytes, 't.xlsx')).not.toThrow();
  expect(() => checkIsTracker(templateSnapshot({ example: false }), 't.xlsx')).not.toThrow();
});

test('encrypted, old .xls, .ods and a zip without a workbook each get their own message', async () => {
  const encrypted = Buffer.concat([OLE, Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]);
  expect(() => checkWorkbookBytes(encrypted, 'a.xlsx')).toThrow(new FileError(INPUT_CLI.encrypted('a.xlsx')));
  expect(() => checkWorkbookBytes(Buffer.concat([OLE, Buffer.alloc(100)]), 'b.xlsx')).toThrow(
    new FileError(INPUT_CLI.oldXls('b.xlsx')),
  );
  const ods = new JSZip();
  ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  const odsBytes = await ods.generateAsync({ type: 'nodebuffer' });
  expect(() => checkWorkbookBytes(odsBytes, 'c.xlsx')).toThrow(new FileError(INPUT_CLI.ods('c.xlsx')));
  const junk = new JSZip();
  junk.file('a.txt', 'x');
  const junkBytes = await junk.generateAsync({ type: 'nodebuffer' });
  expect(() => checkWorkbookBytes(junkBytes, 'd.xlsx')).toThrow(new FileError(CLI.notXlsx('d.xlsx')));
});

test('a workbook with none of the tracker tabs is not a tracker; one with a tab renamed invisibly is', () => {
  expect(() => checkIsTracker({ tabs: { Sheet1: [] } }, 'e.xlsx')).toThrow(
    new FileError(INPUT_CLI.notTracker('e.xlsx')),
  );
  expect(() => checkIsTracker({ tabs: { 'มาตรการ\u200B': [] } }, 'f.xlsx')).not.toThrow();
});

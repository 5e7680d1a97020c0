// Output paths (issue 17): a name typed in a workbook never leads a file out of its folder.
import { join, resolve } from 'node:path';
import { INPUT_CLI } from '../../src/core/messages/input-safety';
import { FileError } from '../../src/node/command';
import { outputPath, safeSlug } from '../../src/node/paths';

describe('safeSlug', () => {
  test.each([
    ['FINANCE', 'FINANCE'],
    ['x/../../escaped/pwn', 'x-escaped-pwn'],
    ['..', 'file'],
    ['../', 'file'],
    ['/etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\win.ini', 'C-Windows-win.ini'],
    ['กอง คลัง', 'กอง-คลัง'],
    ['.hidden', 'hidden'],
    ['a\u0000b\nc', 'a-b-c'],
    ['', 'file'],
  ])('%j → %j', (text, slug) => {
    expect(safeSlug(text)).toBe(slug);
  });
});

describe('outputPath', () => {
  const folder = resolve('/tmp/ita-out');

  test('a plain name stays in its folder', () => {
    expect(outputPath(folder, 'report.docx')).toBe(join(folder, 'report.docx'));
    // a leading slash does not reach the root: the name is joined under the folder
    expect(outputPath(folder, '/etc/passwd')).toBe(join(folder, 'etc', 'passwd'));
  });

  test.each(['../x.eml', '../../etc/cron.d/x', 'sub/../../x', '.', ''])(
    '%j is refused with the Thai message, as a FileError (exit 2)',
    (name) => {
      expect(() => outputPath(folder, name)).toThrow(FileError);
      expect(() => outputPath(folder, name)).toThrow(INPUT_CLI.outsideFolder(name, folder));
    },
  );
});

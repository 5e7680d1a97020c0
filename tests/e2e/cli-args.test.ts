// The command line as a user types it: every command parses its options strictly (an undeclared or
// incomplete flag is refused, exit 2, nothing written), --today is checked one way everywhere, and
// output folders that are really files are refused in Thai before any work is done.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../../src/core/messages/cli';
import { CLI_HELP, CLI_SHARED_OPTION_HELP } from '../../src/core/messages/cli-help';
import { templateSnapshot } from '../../src/core/template';
import { LOCK_WAIT_MS, MAX_INFLATED_BYTES } from '../../src/node/limits';
import { writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';

const run = (...args: string[]) => runCli(args, { GOOGLE_APPLICATION_CREDENTIALS: '' });

const noStackTrace = (text: string) => expect(text).not.toMatch(/at .*\.js:\d+|Error:|ERR_PARSE_ARGS/);

let dir: string;
let book: string;
let before: Buffer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-args-'));
  book = join(dir, 'tracker.xlsx');
  await writeWorkbookFile(book, templateSnapshot({ example: true }));
  before = readFileSync(book);
});

/** The workbook is byte-for-byte what it was, and nothing else appeared beside it. */
function untouched() {
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(readdirSync(dir)).toEqual(['tracker.xlsx']);
}

describe('a flag the command does not declare is refused and nothing is written', () => {
  test('sync --force (not a sync option) does not rewrite the workbook', () => {
    const r = run('sync', book, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain(CLI.unknownFlag('--force'));
    // the command's own help follows, so the user sees what it does take
    expect(r.err).toContain('ita-tracker sync <workbook.xlsx>');
    noStackTrace(r.err);
    untouched();
  });

  test.each([
    ['import', 'REPORT', 'BOOK', '--force'],
    ['init', 'BOOK', '-f'],
    ['remind', 'BOOK', '--today', '2023-03-24', '--outbx', 'mails'],
    ['report', 'BOOK', '--out', 'OUT', '--rounds', '6'],
    ['validate', 'BOOK', '--jsn'],
    ['demo', '--out', 'OUT', '--pdf'],
  ])('%s … %s', (...args) => {
    writeFileSync(join(dir, 'report.txt'), 'ไม่ใช่รายงาน');
    const bad = args.find((a) => a.startsWith('-') && !['--today', '--out'].includes(a)) ?? '';
    const r = run(
      ...args.map((a) =>
        a === 'BOOK' ? book : a === 'OUT' ? join(dir, 'out') : a === 'REPORT' ? join(dir, 'report.txt') : a,
      ),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(CLI.unknownFlag(bad));
    noStackTrace(r.err);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, 'mails'))).toBe(false);
  });

  test('a value left off, a value given to a switch, an empty value, an extra argument', () => {
    const cases: [string[], string][] = [
      [['report', book, '--out'], CLI.missingValue('--out', '--out <dir>')],
      [['report', book, '--out', '--no-pdf'], CLI.missingValue('--out', '--out <dir>')],
      [['report', book, '--out='], CLI.missingValue('--out', '--out <dir>')],
      [['validate', book, '--json=yes'], CLI.flagTakesNoValue('--json')],
      [['report', book], CLI.missingArgument('--out <dir>')],
      [['sync', book, join(dir, 'other.xlsx')], CLI.extraArgument(join(dir, 'other.xlsx'))],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toContain(message);
      noStackTrace(r.err);
    }
    untouched();
  });
});

describe('--today: one parser for every command that takes it', () => {
  test.each([
    ['2023-02-30', 'no such day'],
    ['2023-13-01', 'no such month'],
    ['25/3/2566', 'not YYYY-MM-DD'],
    ['tomorrow', 'not a date'],
  ])('%s (%s): remind and rollup refuse it alike, before reading anything', (today) => {
    const remind = run('remind', book, '--today', today);
    // rollup's list file does not exist: a bad date must be reported first
    const rollup = run('rollup', '--sheets', join(dir, 'none.txt'), '--out', join(dir, 'out'), '--today', today);
    for (const r of [remind, rollup]) {
      expect(r.code).toBe(2);
      expect(r.err).toContain(CLI.badToday(today));
      noStackTrace(r.err);
    }
    untouched();
  });

  test('a BE year and Thai digits name the same day as the CE date', () => {
    const ce = run('remind', book, '--today', '2023-03-27', '--dry-run');
    const be = run('remind', book, '--today', '๒๕๖๖-๐๓-๒๗', '--dry-run');
    expect(ce.code).toBe(0);
    expect(be.out).toBe(ce.out);
    expect(ce.out).toContain('หัวเรื่อง:');
    untouched();
  });
});

describe('output that would land on an existing file', () => {
  test('report --out <file>: refused in Thai, not EEXIST; the file is unchanged and no report is written', () => {
    const r = run('report', book, '--out', book, '--no-pdf');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(CLI.notAFolder(book));
    expect(r.err).not.toContain('EEXIST');
    untouched();
  });

  test('demo --out <file> and rollup --out <file> are refused the same way', () => {
    const list = join(dir, 'sheets.txt');
    writeFileSync(list, 'not-a-real-sheet-id\n');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'ข้อความเดิม');
    for (const args of [
      ['demo', '--out', notes],
      ['rollup', '--sheets', list, '--out', notes],
    ]) {
      const r = run(...args);
      expect([args[0], r.code, r.err.trim()]).toEqual([args[0], 2, CLI.notAFolder(notes)]);
    }
    expect(readFileSync(notes, 'utf8')).toBe('ข้อความเดิม');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sheets.txt', 'tracker.xlsx']);
  });

  test('remind --outbox <file>: refused before any e-mail is written or logged', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '');
    const r = run('remind', book, '--today', '2023-03-25', '--outbox', notes);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(CLI.notAFolder(notes));
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('a file where a folder on the way should be: named in Thai (init into notes.txt/new.xlsx)', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '');
    const r = run('init', join(notes, 'new.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(CLI.notAFolder(notes));
    noStackTrace(r.err);
  });

  test('report --out into a folder that does not exist yet creates it', () => {
    const out = join(dir, 'a', 'b');
    const r = run('report', book, '--out', out, '--no-pdf');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.docx', 'report.html']);
  });
});

describe('the README synopsis', () => {
  /** "ita-tracker <name> …" forms of a text: each line with its indented continuation lines, descriptions cut off. */
  const forms = (lines: string[]): string[] => {
    const out: string[] = [];
    for (const line of lines) {
      const words = line.trim().split(/\s{2,}/)[0];
      if (line.startsWith('ita-tracker ')) out.push(words);
      else if (/^\s+\S/.test(line) && out.length) out[out.length - 1] += ` ${words}`;
    }
    return out;
  };
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const block = readme.split('## The CLI')[1].split('```')[1].split('\n');

  test('lists every command with exactly the options its --help declares', () => {
    const listed = forms(block);
    const commands = [
      ...[
        'demo',
        'init',
        'import',
        'validate',
        'sync',
        'report',
        'plan',
        'draft-measures',
        'memo',
        'remind',
        'line-pair',
        'backup',
        'rollup',
      ],
      ...['close-round', 'reopen-round', 'rollover', 'index'],
    ];
    expect(listed.map((f) => f.split(' ')[1]).sort()).toEqual([...commands].sort());
    for (const name of commands) {
      const help = run(name, '--help');
      expect(help.code).toBe(0);
      // the first form: the one that reads a workbook file (a live-sheet form may follow)
      const synopsis = forms(help.out.split('\n\n')[0].split('\n'))[0];
      expect(listed.find((f) => f.startsWith(`ita-tracker ${name} `) || f === `ita-tracker ${name}`)).toBe(synopsis);
      // every help ends with the exit codes, the size cap and the lock's wait as the CLI enforces them
      expect(help.out.trim().split('\n').pop()).toBe(CLI.exitCodes(MAX_INFLATED_BYTES / 2 ** 20, LOCK_WAIT_MS / 1000));
    }
  });
});

test('the --help wording stays out of the Apps Script bundle (plain literals, so esbuild drops it)', () => {
  const bundle = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
  for (const text of [CLI_HELP.report.summary, CLI_HELP.remind.options.outbox, CLI_SHARED_OPTION_HELP.timeout])
    expect(bundle).not.toContain(text);
});

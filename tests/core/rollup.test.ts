// The province-wide roll-up, pure: one tracker → one summary row, overdue as of a date, the last report, the page.
import { type RollupEntry, renderRollupHtml, summariseTracker } from '../../src/core/rollup';
import { parseWorkbook } from '../../src/core/workbook';
import { smallTracker } from '../support/rollup-tracker';
import { miniWorkbook } from '../support/workbook';

describe('one tracker → one summary row', () => {
  const tracker = parseWorkbook(smallTracker('อบต.ทดสอบ')).tracker;

  test('a measure counts as done only when every division has done it; none begun → not started', () => {
    const s = summariseTracker(tracker, '2023-03-25');
    expect(s.measures).toBe(5);
    expect(s.byArea).toEqual({
      IIT: { not_started: 0, in_progress: 2, done: 0 }, // IIT-01: one division done, one not; IIT-02 in progress
      EIT: { not_started: 0, in_progress: 0, done: 1 },
      OIT: { not_started: 2, in_progress: 0, done: 0 }, // OIT-02 has no division rows at all
    });
    expect([s.agencyName, s.district, s.province, s.fiscalYear, s.round]).toEqual([
      'อบต.ทดสอบ',
      'อำเภอทดสอบ',
      'จังหวัดทดสอบ',
      2566,
      6,
    ]);
  });

  test('overdue: not done and due before today; a row without its own due date uses the round due date', () => {
    expect(summariseTracker(tracker, '2023-03-01').overdue).toBe(0); // due today is not overdue yet
    expect(summariseTracker(tracker, '2023-03-25').overdue).toBe(1); // OIT-01 (1 March)
    expect(summariseTracker(tracker, '2023-04-01').overdue).toBe(2); // + IIT-02 (round due 31 March)
    expect(summariseTracker(tracker, '2023-05-01').overdue).toBe(3); // + B's IIT-01 (30 April); done rows never
  });

  test('the last report is the latest fiscal year and round in the register, its published URL before its doc URL', () => {
    expect(summariseTracker(tracker, '2023-03-25').lastReport).toEqual({
      fiscalYear: 2566,
      round: 12,
      url: 'https://docs.google.com/document/d/doc-12/edit',
    });
    const none = parseWorkbook(miniWorkbook({ divisions: [], measures: [] })).tracker;
    expect(summariseTracker(none, '2023-03-25').lastReport).toBeNull();
  });

  test('the page escapes every value and links only http(s) URLs', () => {
    const hostile = parseWorkbook(smallTracker('<img src=x onerror=alert(1)> & "อบต."')).tracker;
    const summary = summariseTracker(hostile, '2023-03-25');
    const entries: RollupEntry[] = [
      { no: 1, sheet: 'x', url: 'javascript:alert(1)', title: 't', summary },
      { no: 2, sheet: '<b>bad</b>', error: 'อ่านไม่ได้ <เพราะ>' },
    ];
    const html = renderRollupHtml(entries, '2023-03-25');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;อบต.&quot;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bad');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('ชีตที่ 2 (&lt;b&gt;bad&lt;/b&gt;): อ่านไม่ได้ &lt;เพราะ&gt;');
    expect(html).toContain('ข้อมูล ณ วันที่ ๒๕ มีนาคม ๒๕๖๖');
  });
});

// The Thai PDF text repair: the examples, what LibreOffice + poppler produced for the fixtures,
// and the guarantee that correct Thai never changes (the whole seed report, glitches fixed, goes through untouched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repairThaiText } from '../../src/core/thai-repair';

const SEED = join(__dirname, '../..', 'sheets-template', 'ita-measures-report-2566-round6.txt');

test.each([
  ['เป็ น', 'เป็น'],
  ['ขัน ้ ตอน', 'ขั้นตอน'],
  ['ดังนี ้', 'ดังนี้'],
  ['ขัน้ตอน', 'ขั้นตอน'],
  ['การขึน้ทะเบียน', 'การขึ้นทะเบียน'],
  ['สัตว์เลีย้ง', 'สัตว์เลี้ยง'],
  ['เชือ่มั่น', 'เชื่อมั่น'],
  ['ประจำ าปี', 'ประจำปี'],
  ['สํารวจ', 'สำรวจ'],
  ['เ ป็น', 'เป็น'],
  ['ก าร', 'การ'],
  ['แผนการใ้จ่ายงบประมาณ', 'แผนการใช้จ่ายงบประมาณ'],
  ['รายงานใ้ผู้บริหาร', 'รายงานให้ผู้บริหาร'],
])('repairs "%s" to "%s" and says what it changed', (broken, fixed) => {
  const r = repairThaiText(broken);
  expect(r.text).toBe(fixed);
  expect(r.changes.length).toBeGreaterThan(0);
  expect(fixed).toContain(r.changes[0][1]);
});

test('correct Thai is left as it is: the seed report (its ใ้ glitch fixed) needs no repair', () => {
  const clean = readFileSync(SEED, 'utf8')
    .replace(/ใ้(?=\s*จ่าย)/g, 'ใช้')
    .replace(/ใ้/g, 'ให้')
    .replace(/\u0E4D\u0E32/g, '\u0E33');
  const r = repairThaiText(clean);
  expect(r.changes).toEqual([]);
  expect(r.text).toBe(clean);
});

test.each(['ที่ นี่ ก็ ได้', 'กันน้ำ วันนี้ ตัวน้อง จัดส่ง', 'มิน่า หนึ่ง การดื่ม ลงนึ่ง'])('leaves "%s" alone', (ok) => {
  expect(repairThaiText(ok)).toEqual({ text: ok, changes: [] });
});

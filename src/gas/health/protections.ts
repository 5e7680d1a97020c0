// Each division tab's protections against the divisions tab and the admins, as setup/sync set them
// (src/gas/protect.ts): the editable range(s) allow the division's editors and the admins; every
// protection on the tab allows every admin. The spreadsheet's owner always passes and is not counted.
import { type CheckResult, combine, fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { SETUP } from '../../core/messages/setup';
import type { HealthCheck } from './context';

const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim().toLowerCase()).filter(Boolean))];

export const checkProtections: HealthCheck = (ctx) => {
  const h = HEALTH.protections;
  const divisions = ctx.divisions.filter((d) => d.name);
  if (!divisions.length) return pass(h.noDivisions);
  const findings: CheckResult[] = [];
  // admins missing on a tab, grouped: a new admin is missing on every tab at once — one finding
  const adminsMissingByList = new Map<string, string[]>();
  for (const division of divisions) {
    const tab = division.name;
    const sheet = ctx.ss.getSheetByName(tab);
    if (!sheet) {
      findings.push(fail(h.missingTab(tab), h.todo));
      continue;
    }
    const sheetProtections = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const ranges = sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => p.getDescription() === SETUP.protectDivisionEditable);
    if (!sheetProtections.length || !ranges.length) {
      findings.push(fail(h.unprotected(tab), h.todo));
      continue;
    }
    const expected = lower([...division.editors, ...ctx.admins]);
    const missingAdmins = new Set<string>();
    const rangeEditors = new Map<(typeof ranges)[number], string[]>();
    for (const p of [...sheetProtections, ...ranges]) {
      const editors = lower(p.getEditors().map((u) => u.getEmail()));
      if (ranges.includes(p)) rangeEditors.set(p, editors);
      for (const a of ctx.admins) if (!editors.includes(a)) missingAdmins.add(a);
    }
    if (missingAdmins.size) {
      const key = [...missingAdmins].join(', ');
      adminsMissingByList.set(key, [...(adminsMissingByList.get(key) ?? []), tab]);
    }
    for (const p of ranges) {
      const editors = rangeEditors.get(p) ?? [];
      const missing = expected.filter((e) => !editors.includes(e) && !ctx.admins.includes(e));
      if (missing.length) findings.push(fail(h.editorsMissing(tab, missing), h.todo));
      // the owner and whoever ran setup are always on a protection (Sheets keeps them); others are extra
      const extra = editors.filter((e) => !expected.includes(e) && e !== ctx.owner);
      if (extra.length) findings.push(warn(h.editorsExtra(tab, extra), h.todo));
    }
  }
  for (const [who, tabs] of adminsMissingByList) findings.unshift(fail(h.adminsMissing(tabs, who.split(', ')), h.todo));
  return findings.length ? combine(findings, '') : pass(h.ok(divisions.length));
};

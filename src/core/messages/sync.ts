// Division tabs: what sync archives and why (core), and its summary in the CLI and the Apps Script menu.
import { TAB } from './tabs-headers';

export const SYNC = {
  /** a column the schema gained after the tab was made, inserted (src/core/column-migrations.ts) */
  columnInserted: (tab: string, header: string, column: string) =>
    `แท็บ "${tab}": แทรกคอลัมน์ "${header}" เป็นคอลัมน์ ${column} (คอลัมน์เดิมตั้งแต่ ${column} เลื่อนไปทางขวาพร้อมข้อมูล ไม่มีค่าใดถูกเขียนทับ)`,
  /** settings the schema gained after the tracker was made, appended as rows (src/core/column-migrations.ts) */
  settingsAdded: (tab: string, labels: string) =>
    `แท็บ "${tab}": เพิ่มแถวค่าตั้งที่ยังไม่มีไว้ท้ายแท็บ: ${labels} (ค่าว่าง = ค่าเริ่มต้น ไม่มีค่าเดิมใดถูกเขียนทับ)`,
  archiveNotResponsible: (key: string) =>
    `หน่วยงานไม่ได้รับผิดชอบรายการ ${key} แล้ว (มาตรการหรือกำหนดการถูกลบหรือเปลี่ยนผู้รับผิดชอบ)`,
  archiveDuplicate: (key: string) => `รหัสรายการ ${key} ซ้ำในแท็บเดียวกัน — เก็บแถวแรกไว้ แถวนี้ย้ายมาเก็บ`,
  unsavableTab: (name: string, max: number) =>
    `ชื่อหน่วยงาน "${name}" ใช้เป็นชื่อแท็บในไฟล์ .xlsx ไม่ได้ (ยาวเกิน ${max} ตัวอักษร มีอักขระ * ? : \\ / [ ] หรือซ้ำกับแท็บอื่นเมื่อไม่นับตัวพิมพ์เล็กใหญ่) — ย่อหรือแก้ชื่อหน่วยงานที่เซลล์นี้ แล้วซิงก์ใหม่ (ยังไม่ได้แก้ไฟล์)`,
  archiveNoKey: 'แถวไม่มีรหัสรายการ — ย้ายมาเก็บเพื่อไม่ให้ข้อมูลที่กรอกไว้หาย',
  archiveDivisionGone: (tab: string) => `ไม่มีหน่วยงานที่ใช้แท็บ "${tab}" แล้ว (หน่วยงานถูกลบหรือเปลี่ยนชื่อ)`,
  tabSummary: (tab: string, rows: number, created: boolean) =>
    `แท็บ "${tab}": ${rows} รายการ${created ? ' (สร้างใหม่)' : ''}`,
  archivedSummary: (rows: number) => `ย้าย ${rows} แถวที่ไม่อยู่ในความรับผิดชอบแล้วไปเก็บที่แท็บ "${TAB.archive}"`,
  nearMissTab: (tab: string, like: string) =>
    `แท็บ "${tab}" มีชื่อเกือบตรงกับ "${like}" (ต่างกันที่ช่องว่างหรืออักขระที่มองไม่เห็น) — แก้ชื่อแท็บให้ตรงก่อน ระบบจะไม่ลบหรือสร้างแท็บซ้ำ`,
  refused: 'ไม่ได้ปรับปรุงแท็บหน่วยงาน เพราะสมุดงานมีข้อผิดพลาดที่ทำให้ข้อมูลที่กรอกไว้อาจหาย (ไม่มีการเปลี่ยนแปลงใด ๆ):',
  problemAt: (tab: string, cell: string, message: string) => `- แท็บ "${tab}"${cell ? ` เซลล์ ${cell}` : ''}: ${message}`,
  extraColumns: (tab: string, headers: readonly string[]) =>
    `แท็บ "${tab}" มีคอลัมน์นอกแบบฟอร์ม (${headers.map((h) => `"${h}"`).join(', ')}) — เก็บไว้ตามเดิม ระบบไม่เขียนทับ แต่คอลัมน์นี้ไม่เลื่อนตามแถวเมื่อมีการย้ายแถวจากชีตอื่น`,
  remindRefused: 'ไม่ได้ส่งอีเมลแจ้งเตือน เพราะสมุดงานมีข้อผิดพลาดที่ทำให้อ่านสถานะของหน่วยงานผิดได้ (ไม่มีการเปลี่ยนแปลงใด ๆ):',
  orphanRemoved: (tab: string) => `ลบแท็บ "${tab}" (ไม่มีหน่วยงานใช้แล้ว ข้อมูลย้ายไปเก็บที่แท็บ "${TAB.archive}")`,
} as const;

/** Menu "ปรับปรุงแท็บหน่วยงาน" in Apps Script (the CLI uses SYNC). */
export const SYNC_MENU = {
  action: 'ปรับปรุงแท็บหน่วยงาน',
  title: 'ปรับปรุงแท็บหน่วยงานเรียบร้อย',
  noDivisions: `ยังไม่มีหน่วยงานในแท็บ "${TAB.divisions}" — เพิ่มหน่วยงานแล้วสั่งปรับปรุงอีกครั้ง`,
  lockDescription: 'กำลังย้ายแถวนี้ไปเก็บที่คลังข้อมูล (ปรับปรุงแท็บหน่วยงาน)',
  renamed: (from: string, to: string) => `เปลี่ยนชื่อแท็บ "${from}" เป็น "${to}" (ข้อมูลที่กรอกไว้ยังอยู่ครบ)`,
} as const;

/** Sync's plan as the CLI prints it (sync --dry-run and after a sync): kept out of the Apps Script bundle. */
export const SYNC_CLI = {
  dryRunTitle: 'แผนการปรับปรุง (ทดลอง — ยังไม่เขียนไฟล์):',
  dryRunStep: (tab: string, what: string) => `- แท็บ "${tab}": ${what}`,
  stepDelete: (row: number, count: number) =>
    `ลบแถว ${row}${count > 1 ? `–${row + count - 1}` : ''} (ย้ายไปเก็บที่แท็บ "${TAB.archive}" ก่อน)`,
  stepMove: (row: number, to: number) => `ย้ายแถว ${row} ไปก่อนแถว ${to}`,
  stepInsert: (after: number, count: number) => `แทรก ${count} แถวใหม่ต่อจากแถว ${after}`,
  stepUpdate: (row: number, count: number) =>
    `ปรับข้อมูลที่ระบบดูแล (รหัส ด้าน ประเด็น งาน กำหนด) แถว ${row}${count > 1 ? `–${row + count - 1}` : ''}`,
  stepHeader: (headers: readonly string[]) => `เพิ่มคอลัมน์ ${headers.map((h) => `"${h}"`).join(', ')} ท้ายตาราง`,
  stepCreate: (rows: number) => `สร้างแท็บใหม่ ${rows} รายการ`,
  stepRename: (from: string) => `เปลี่ยนชื่อจากแท็บ "${from}"`,
  noChange: 'ไม่มีการเปลี่ยนแปลง',
} as const;

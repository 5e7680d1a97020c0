// Division tabs: what sync archives and why (core), and its summary in the CLI and the Apps Script menu.
import { TAB } from './tabs-headers';

export const SYNC = {
  archiveNotResponsible: (key: string) =>
    `หน่วยงานไม่ได้รับผิดชอบรายการ ${key} แล้ว (มาตรการหรือกำหนดการถูกลบหรือเปลี่ยนผู้รับผิดชอบ)`,
  archiveDuplicate: (key: string) => `รหัสรายการ ${key} ซ้ำในแท็บเดียวกัน — เก็บแถวแรกไว้ แถวนี้ย้ายมาเก็บ`,
  archiveNoKey: 'แถวไม่มีรหัสรายการ — ย้ายมาเก็บเพื่อไม่ให้ข้อมูลที่กรอกไว้หาย',
  archiveDivisionGone: (tab: string) => `ไม่มีหน่วยงานที่ใช้แท็บ "${tab}" แล้ว (หน่วยงานถูกลบหรือเปลี่ยนชื่อ)`,
  tabSummary: (tab: string, rows: number, created: boolean) =>
    `แท็บ "${tab}": ${rows} รายการ${created ? ' (สร้างใหม่)' : ''}`,
  archivedSummary: (rows: number) => `ย้าย ${rows} แถวที่ไม่อยู่ในความรับผิดชอบแล้วไปเก็บที่แท็บ "${TAB.archive}"`,
  orphanRemoved: (tab: string) => `ลบแท็บ "${tab}" (ไม่มีหน่วยงานใช้แล้ว ข้อมูลย้ายไปเก็บที่แท็บ "${TAB.archive}")`,
} as const;

/** Menu "ปรับปรุงแท็บหน่วยงาน" in Apps Script (the CLI uses SYNC). */
export const SYNC_MENU = {
  action: 'ปรับปรุงแท็บหน่วยงาน',
  title: 'ปรับปรุงแท็บหน่วยงานเรียบร้อย',
  noDivisions: `ยังไม่มีหน่วยงานในแท็บ "${TAB.divisions}" — เพิ่มหน่วยงานแล้วสั่งปรับปรุงอีกครั้ง`,
  renamed: (from: string, to: string) => `เปลี่ยนชื่อแท็บ "${from}" เป็น "${to}" (ข้อมูลที่กรอกไว้ยังอยู่ครบ)`,
} as const;

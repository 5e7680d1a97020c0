// Year over year (src/core/year-cycle.ts, src/core/public-page.ts): closing and reopening a round, the
// next fiscal year in place, and the public page of every published document. Apps Script menus and the
// CLI share these; CLI-only wording is in YEAR_CYCLE_CLI.
import { MENU } from './menu';
import { TAB } from './tabs-headers';

export const YEAR_CYCLE = {
  // closing a round
  closeAction: MENU.items.closeRound,
  reopenAction: MENU.items.reopenRound,
  rolloverAction: MENU.items.rollover,
  closeConfirm: (fy: string, round: string) =>
    `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy}? ระบบจะเก็บผลของทุกหน่วยงานไว้ในแท็บ "${TAB.roundSnapshot}" ` +
    'ล็อกคอลัมน์ผลของรอบนี้ และรายงานของรอบนี้จะสร้างจากผลที่เก็บไว้เสมอ',
  closed: (fy: string, round: string, rows: number, next: string) =>
    `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} แล้ว: เก็บผล ${rows} รายการไว้ในแท็บ "${TAB.roundSnapshot}" — รอบปัจจุบันคือ ${next}`,
  closedLast: (fy: string) => `ปิดครบทั้งสองรอบของปีงบประมาณ ${fy} แล้ว — พร้อมเริ่มปีงบประมาณใหม่ (เมนู "เริ่มปีงบประมาณใหม่")`,
  alreadyClosed: (fy: string, round: string) =>
    `รอบ ${round} เดือน ปีงบประมาณ ${fy} ปิดไปแล้ว — ถ้าต้องแก้ไขผล ใช้ "เปิดรอบอีกครั้ง" (บันทึกผู้เปิดและเหตุผล)`,
  nothingToClose: (fy: string, round: string) =>
    `ยังไม่มีรายการในแท็บหน่วยงานสำหรับรอบ ${round} เดือน ปีงบประมาณ ${fy} — ปรับปรุงแท็บหน่วยงานก่อนปิดรอบ`,
  blockedByErrors: (count: number) =>
    `ทำรายการไม่ได้: สมุดงานมีข้อผิดพลาด ${count} รายการ (ไม่มีข้อมูลใดถูกแก้ไข) — แก้ไขตามรายการนี้ก่อน`,
  notClosed: (fy: string, round: string) => `รอบ ${round} เดือน ปีงบประมาณ ${fy} ยังไม่ได้ปิด จึงเปิดอีกครั้งไม่ได้`,
  reasonRequired: 'ต้องระบุเหตุผลที่เปิดรอบอีกครั้ง (บันทึกไว้พร้อมชื่อผู้เปิด)',
  reasonPrompt: (fy: string, round: string) =>
    `เหตุผลที่เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้ง (บันทึกไว้ในแท็บ "${TAB.roundLog}")`,
  reopened: (fy: string, round: string, rows: number) =>
    `เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้งแล้ว: ผลที่เก็บไว้ ${rows} รายการย้ายไปแท็บ "${TAB.archive}" ` +
    'แก้ไขผลได้แล้ว และต้องปิดรอบอีกครั้งก่อนสร้างรายงานฉบับใหม่',
  reopenArchiveReason: (fy: number, round: number, reason: string) =>
    `เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้ง: ${reason}`,
  adminsOnly: 'เฉพาะผู้ดูแลระบบ (แท็บ "ตั้งค่า" รายการ ผู้ดูแลระบบ) เท่านั้นที่ปิดรอบ เปิดรอบ หรือเริ่มปีงบประมาณใหม่ได้',
  logClose: 'ปิดรอบ',
  logReopen: 'เปิดรอบอีกครั้ง',
  logRollover: 'เริ่มปีงบประมาณใหม่',
  protectClosed: (fy: number, round: number) => `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy}: แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  protectClosedPrefix: 'ปิดรอบ ',
  // validate
  drift: (fy: number, round: number, key: string, was: string) =>
    `ค่านี้ต่างจากผลที่เก็บไว้เมื่อปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} (รายการ ${key}: "${was}") — ` +
    'รายงานของรอบที่ปิดแล้วใช้ค่าที่เก็บไว้ ถ้าต้องแก้ ให้เปิดรอบอีกครั้ง',
  // the next fiscal year
  rolloverArchiveReason: (fy: number, next: number) => `ปีงบประมาณ ${fy} (เริ่มปีงบประมาณ ${next})`,
  rolloverConfirm: (fy: string, next: string) =>
    `เริ่มปีงบประมาณ ${next} ในชีตนี้? ผลของปีงบประมาณ ${fy} ทุกแถวจะย้ายไปเก็บที่แท็บ "${TAB.archive}" ` +
    'สถานะ ผล และลิงก์หลักฐานจะว่าง มาตรการยังอยู่ (ผู้ดูแลแก้ไขสำหรับปีใหม่) วันที่กำหนดการเลื่อนไปหนึ่งปี',
  rolloverRoundsOpen: (fy: string, rounds: string) =>
    `ยังเริ่มปีงบประมาณใหม่ไม่ได้: รอบ ${rounds} เดือนของปีงบประมาณ ${fy} ยังไม่ได้ปิด — ปิดรอบก่อน ` +
    '(หรือสั่งซ้ำแบบบังคับ ถ้าแน่ใจว่าไม่ต้องการเก็บผลของรอบนั้น)',
  rolloverForceConfirm: (fy: string, rounds: string) =>
    `รอบ ${rounds} เดือนของปีงบประมาณ ${fy} ยังไม่ได้ปิด เริ่มปีงบประมาณใหม่เลยหรือไม่? (ผลทุกแถวยังย้ายไปเก็บที่แท็บ "${TAB.archive}")`,
  rolloverAlready: (fy: string) => `ชีตนี้เป็นปีงบประมาณ ${fy} อยู่แล้ว — ไม่มีอะไรเปลี่ยน`,
  rolloverBadYear: (fy: string, target: string) =>
    `เริ่มปีงบประมาณ ${target} ไม่ได้: ปีงบประมาณปัจจุบันคือ ${fy} — เริ่มได้เฉพาะปีถัดไป (${fy} + 1)`,
  rolloverNoYear: `ยังไม่มีปีงบประมาณ (พ.ศ.) ในแท็บ "${TAB.settings}" — ใส่ปีงบประมาณปัจจุบันก่อน`,
  rolledOver: (fy: string, next: string, archived: number) =>
    `เริ่มปีงบประมาณ ${next} แล้ว: ย้ายผลของปีงบประมาณ ${fy} ${archived} แถวไปเก็บที่แท็บ "${TAB.archive}" ` +
    'ทะเบียนรายงานและบันทึกอีเมลยังอยู่ครบ — ตรวจสอบมาตรการและกำหนดการของปีใหม่ แล้วสั่ง "ปรับปรุงแท็บหน่วยงาน"',
} as const;

/** The public page (doGet and `ita-tracker index`): what assessors and citizens read. */
export const PUBLIC_PAGE = {
  title: (agency: string) => `เอกสารเผยแพร่ ITA — ${agency}`,
  heading: 'การส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA)',
  intro: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส และรายงานผลการดำเนินการตามมาตรการ ทุกปีงบประมาณ',
  fiscalYear: (fy: string) => `ปีงบประมาณ พ.ศ. ${fy}`,
  plan: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  report: (round: string) => `รายงานผลการดำเนินการตามมาตรการ รอบ ${round} เดือน`,
  document: 'เอกสาร',
  open: 'เปิดเอกสาร',
  pdf: 'ไฟล์ PDF',
  updated: (date: string) => `ปรับปรุงเมื่อ ${date}`,
  none: 'ยังไม่มีเอกสารเผยแพร่',
  notReady: 'หน้านี้ยังไม่พร้อม — ผู้ดูแลระบบต้องสร้างรายงานหรือสั่ง "ปรับปรุงหน้าเผยแพร่" ในชีตก่อน',
  menuAction: MENU.items.publicPage,
  menuDone: (url: string) => `ปรับปรุงหน้าเผยแพร่แล้ว${url ? ` — ลิงก์สำหรับเว็บไซต์หน่วยงาน: ${url}` : ''}`,
  notDeployed: 'ยังไม่ได้เผยแพร่เป็นเว็บแอป (clasp deploy) — ดู docs/year-cycle.md',
  dashboardLine: 'หน้าเผยแพร่สาธารณะ',
} as const;

/** The CLI's own wording for close-round, reopen-round, rollover and index (Node only). */
export const YEAR_CYCLE_CLI = {
  badRound: (value: string) => `รอบ "${value}" ไม่ถูกต้อง — ใช้ 6 หรือ 12`,
  badYear: (value: string) => `ปีงบประมาณ "${value}" ไม่ถูกต้อง — ใช้ปี พ.ศ. เช่น 2567`,
  wroteIndex: (path: string) => `เขียนหน้าเผยแพร่ ${path} แล้ว`,
} as const;

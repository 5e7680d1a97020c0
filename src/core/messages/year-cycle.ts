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
    `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy}? ผลของทุกหน่วยงานจะเก็บไว้ในแท็บ "${TAB.roundSnapshot}" และรายงานของรอบนี้จะสร้างจากผลนั้นเสมอ`,
  closedRound: (fy: string, round: string, rows: number) =>
    `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} แล้ว: เก็บผล ${rows} รายการไว้ในแท็บ "${TAB.roundSnapshot}"`,
  nowRound: (round: string) => `รอบปัจจุบันคือ ${round}`,
  // what remains of the year: close-round and rollover say the same
  yearClosed: (fy: string) => `ปีงบประมาณ ${fy} ปิดแล้ว (ปิดรอบสุดท้ายของปีแล้ว) — เริ่มปีงบประมาณใหม่ได้`,
  yearOpen: (fy: string, last: string) =>
    `ปีงบประมาณ ${fy} ยังไม่ปิด: ต้องปิดรอบ ${last} เดือน (รอบสุดท้ายของปี) ก่อนเริ่มปีงบประมาณใหม่`,
  openRoundWarning: (fy: string, round: string) =>
    `คำเตือน: รอบ ${round} เดือนของปีงบประมาณ ${fy} มีผลที่กรอกไว้แต่ยังไม่ได้ปิดรอบ — ผลนั้นไม่ได้เก็บเป็นผลที่ปิดรอบ (เมื่อเริ่มปีใหม่จะย้ายไปแท็บ "${TAB.archive}")`,
  rolloverYearOpen: (status: string) => `ยังเริ่มปีใหม่ไม่ได้: ${status} (หรือสั่งแบบบังคับ)`,
  rolloverTabMismatch: (count: number) =>
    `ยังเริ่มปีใหม่ไม่ได้: แท็บหน่วยงาน ${count} แท็บไม่ตรงกับรายชื่อหน่วยงาน — ผลของปีที่แล้วในแท็บนั้นจะไม่ถูกล้างและจะกลับมาในปีใหม่ (สั่งแบบบังคับก็เริ่มไม่ได้) ไม่มีข้อมูลใดถูกแก้ไข:`,
  orphanDivisionTab: (tab: string) =>
    `แท็บ "${tab}" เป็นแท็บหน่วยงานที่ไม่มีชื่ออยู่ในแท็บ "${TAB.divisions}" (เปลี่ยนชื่อหน่วยงานแล้วยังไม่ได้ปรับปรุงแท็บหน่วยงาน?) — สั่ง "${MENU.items.sync}" ก่อน`,
  alreadyClosed: (fy: string, round: string) =>
    `รอบ ${round} เดือน ปีงบประมาณ ${fy} ปิดไปแล้ว — ถ้าต้องแก้ไขผล ใช้ "${MENU.items.reopenRound}"`,
  nothingToClose: (fy: string, round: string) =>
    `ไม่มีรายการในแท็บหน่วยงานให้ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} — ปรับปรุงแท็บหน่วยงานก่อน`,
  blockedByErrors: (count: number) => `ทำรายการไม่ได้: มีข้อผิดพลาด ${count} รายการ (ไม่มีข้อมูลใดถูกแก้ไข)`,
  notClosed: (fy: string, round: string) => `รอบ ${round} เดือน ปีงบประมาณ ${fy} ยังไม่ได้ปิด จึงเปิดอีกครั้งไม่ได้`,
  reasonRequired: 'ต้องระบุเหตุผลที่เปิดรอบอีกครั้ง (บันทึกไว้พร้อมชื่อผู้เปิด)',
  reasonPrompt: (fy: string, round: string) => `เหตุผลที่เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้ง`,
  reopened: (fy: string, round: string, rows: number) =>
    `เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้งแล้ว (ผลที่เก็บไว้ ${rows} รายการย้ายไปแท็บ "${TAB.archive}") — แก้ไขผลแล้วปิดรอบอีกครั้ง`,
  reopenArchiveReason: (fy: number, round: number, reason: string) =>
    `เปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} อีกครั้ง: ${reason}`,
  logClose: 'ปิดรอบ',
  logReopen: 'เปิดรอบอีกครั้ง',
  logRollover: 'เริ่มปีงบประมาณใหม่',
  protectClosed: (fy: number, round: number) => `ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy}: แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  protectClosedPrefix: 'ปิดรอบ ',
  // validate
  drift: (fy: number, round: number, key: string, was: string) =>
    `${key}: ต่างจากผลที่ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} ไว้ ("${was}") — รายงานใช้ค่าที่ปิดไว้ ถ้าต้องแก้ให้เปิดรอบอีกครั้ง`,
  snapshotRowsMissing: (fy: number, round: number, closed: number | null, left: number) =>
    `แท็บ "${TAB.roundSnapshot}": ปีงบประมาณ ${fy} รอบ ${round} เดือน ${closed === null ? 'บันทึกว่าปิดรอบแล้ว' : `ปิดไว้ ${closed} แถว`} แต่เหลือ ${left} แถว — มีแถวถูกลบออก รายงานของรอบนี้จะไม่ครบ: นำแถวกลับจากประวัติเวอร์ชันของไฟล์ (หรือเปิดรอบอีกครั้งแล้วปิดใหม่)`,
  snapshotWithoutMeasures: (fy: number, round: number, ids: string) =>
    `ผลที่ปิดรอบ ${round} เดือน ปีงบประมาณ ${fy} ไม่ได้เก็บข้อความมาตรการไว้ (ปิดรอบก่อนระบบเก็บข้อความ) — ${ids} ใช้ข้อความในแท็บ "${TAB.measures}" ปัจจุบัน`,
  // the report of a closed (year, round) after rollover
  pastRoundNotClosed: (fy: string, round: string, closed: string) =>
    `ปีงบประมาณ ${fy} รอบ ${round} เดือน ไม่ได้ปิดรอบไว้ในแท็บ "${TAB.roundSnapshot}" จึงไม่มีผลที่ปิดไว้ให้สร้างรายงาน${closed ? ` — รอบที่ปิดไว้: ${closed}` : ''}`,
  // the menu's report of an earlier year's closed round, published at the URL it was first published at
  pastReportAction: MENU.items.pastReport,
  pastReportNone: (fy: string) =>
    `ยังไม่มีรอบที่ปิดไว้ของปีงบประมาณก่อน ${fy} ในแท็บ "${TAB.roundSnapshot}" — รายงานของปีที่ผ่านมาสร้างจากผลที่ปิดรอบไว้ (ปิดรอบก่อนเริ่มปีงบประมาณใหม่) ส่วนรายงานของปีนี้ใช้เมนู "${MENU.items.report}"`,
  pastReportPick: (items: string) => `สร้างรายงานของรอบที่ปิดไว้จากผลที่ปิดรอบ (เผยแพร่ที่ลิงก์เดิม) — พิมพ์หมายเลข:\n${items}`,
  pastReportItem: (n: number, fy: string, round: string) => `${n}. ปีงบประมาณ ${fy} รอบ ${round} เดือน`,
  pastReportBadPick: (value: string) => `"${value}" ไม่ใช่หมายเลขในรายการ — ไม่ได้สร้างรายงาน`,
  futureYear: (fy: string, current: string) => `ปีงบประมาณ ${fy} ยังไม่ถึง: ชีตนี้เป็นปีงบประมาณ ${current}`,
  // the next fiscal year
  rolloverArchiveReason: (fy: number, next: number) => `ปีงบประมาณ ${fy} (เริ่มปีงบประมาณ ${next})`,
  rolloverConfirm: (fy: string, next: string) =>
    `เริ่มปีงบประมาณ ${next}? ผลของปี ${fy} ย้ายไปแท็บ "${TAB.archive}" แท็บหน่วยงานว่าง มาตรการยังอยู่ กำหนดการเลื่อนไปหนึ่งปี`,
  rolloverForcedNote: (status: string) => `เริ่มปีใหม่แบบบังคับ: ${status}`,
  rolloverForceConfirm: (fy: string, rounds: string) =>
    `รอบ ${rounds} เดือนของปีงบประมาณ ${fy} ยังไม่ได้ปิด เริ่มปีใหม่เลยหรือไม่? (ผลยังย้ายไปแท็บ "${TAB.archive}")`,
  rolloverAlready: (fy: string) => `ชีตนี้เป็นปีงบประมาณ ${fy} อยู่แล้ว — ไม่มีอะไรเปลี่ยน`,
  rolloverBadYear: (fy: string, target: string) => `เริ่มปีงบประมาณ ${target} ไม่ได้: ปีปัจจุบันคือ ${fy} เริ่มได้เฉพาะปีถัดไป`,
  rolloverNoYear: `ยังไม่มีปีงบประมาณ (พ.ศ.) ในแท็บ "${TAB.settings}"`,
  internalRound: (fy: string, round: string) =>
    `(รอบ ${round} เดือน ปีงบประมาณ ${fy} เป็นการติดตามภายใน: กรอบการประเมินของปีนี้ไม่เผยแพร่รายงานรอบนี้)`,
  rolledOver: (fy: string, next: string, archived: number) =>
    `เริ่มปีงบประมาณ ${next} แล้ว: ผลของปี ${fy} ${archived} แถวอยู่ที่แท็บ "${TAB.archive}" — แก้ไขมาตรการของปีใหม่ แล้วสั่ง "${MENU.items.sync}"`,
} as const;

/** The public page (doGet and `ita-tracker index`): what assessors and citizens read. */
export const PUBLIC_PAGE = {
  title: (agency: string) => `เอกสารเผยแพร่ ITA — ${agency}`,
  heading: 'การส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA)',
  intro: 'มาตรการและรายงานผลการดำเนินการตามมาตรการ ทุกปีงบประมาณ',
  fiscalYear: (fy: string) => `ปีงบประมาณ พ.ศ. ${fy}`,
  plan: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  report: (round: string) => `รายงานผลการดำเนินการตามมาตรการ รอบ ${round} เดือน`,
  document: 'เอกสาร',
  open: 'เปิดเอกสาร',
  pdf: 'ไฟล์ PDF',
  updated: (date: string) => `ปรับปรุงเมื่อ ${date}`,
  none: 'ยังไม่มีเอกสารเผยแพร่',
  notReady: 'ยังไม่มีเอกสารเผยแพร่ในหน้านี้',
  noAgency: 'หน้าเผยแพร่ ITA',
  notReadyWhat: 'เมื่อเผยแพร่แล้ว หน้านี้จะแสดงเอกสารของทุกปีงบประมาณ',
  notReadyLinks: 'แต่ละเอกสารมีปุ่มเปิดเอกสารและไฟล์ PDF พร้อมวันที่ปรับปรุงล่าสุด',
  notReadyWhen: 'เอกสารจะขึ้นที่นี่เมื่อหน่วยงานสร้างและเผยแพร่จากระบบติดตามมาตรการ ITA — ลิงก์ของหน้านี้ไม่เปลี่ยน บันทึกไว้เปิดภายหลังได้',
  menuAction: MENU.items.publicPage,
  menuDone: (url: string) => `ปรับปรุงหน้าเผยแพร่แล้ว${url ? ` — ลิงก์สำหรับเว็บไซต์หน่วยงาน: ${url}` : ''}`,
  notDeployed:
    'ยังไม่ได้เปิดหน้าเผยแพร่เป็นเว็บแอป — ในโปรแกรมแก้ไขสคริปต์ (ส่วนขยาย > Apps Script) เลือก การทำให้ใช้งานได้ > การทำให้ใช้งานได้รายการใหม่ > ประเภท: เว็บแอป ให้ผู้ใช้ทุกคนเข้าถึงได้ แล้วเปิดเมนูนี้อีกครั้งเพื่อรับลิงก์',
  devUrlOnly:
    'ลิงก์ที่ได้เป็นลิงก์ทดสอบ (/dev) ซึ่งเปิดได้เฉพาะผู้แก้ไขสคริปต์ — โปรด deploy เป็นเว็บแอป (การทำให้ใช้งานได้ > การทำให้ใช้งานได้ใหม่) แล้วเปิดเมนูนี้อีกครั้งเพื่อใช้ลิงก์ /exec',
  dashboardLine: 'หน้าเผยแพร่สาธารณะ',
} as const;

/** The CLI's own wording for close-round, reopen-round, rollover and index (Node only). */
export const YEAR_CYCLE_CLI = {
  badRound: (value: string) => `รอบ "${value}" ไม่ถูกต้อง — ใช้ 6 หรือ 12`,
  badYear: (value: string) => `ปีงบประมาณ "${value}" ไม่ถูกต้อง — ใช้ปี พ.ศ. เช่น 2567`,
  wroteIndex: (path: string) => `เขียนหน้าเผยแพร่ ${path} แล้ว`,
  indexEmpty:
    'หน้าเผยแพร่ยังไม่มีเอกสาร: แท็บ ทะเบียนรายงาน ยังว่าง — สร้างด้วย ita-tracker report หรือ ita-tracker plan บนสมุดงานนี้ก่อน (ทั้งสองคำสั่งบันทึกไฟล์ที่สร้างลงทะเบียนรายงาน) แล้วเรียก index อีกครั้ง',
  indexNonePublic: (rows: number) =>
    `หน้าเผยแพร่ยังไม่มีเอกสาร: ทะเบียนรายงานมี ${rows} แถว แต่ยังไม่มีแถวที่เผยแพร่ได้ — เอกสารที่รอผู้บริหารอนุมัติ (เผยแพร่หลังผู้บริหารอนุมัติ = ใช่) หรือแถวที่ไม่มีลิงก์ จะไม่แสดง`,
} as const;

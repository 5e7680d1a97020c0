// The Apps Script menu and the dialogs every menu item shares (src/gas/menu.ts, src/gas/context.ts,
// src/gas/actions.ts).
import type { Access, Role } from '../access';

export const MENU = {
  title: 'ติดตามมาตรการ ITA',
  items: {
    report: 'สร้างรายงาน',
    validate: 'ตรวจสอบข้อมูล',
    sync: 'ปรับปรุงแท็บหน่วยงาน',
    previewReminders: 'ดูตัวอย่างอีเมลแจ้งเตือน',
    importReport: 'นำเข้ารายงานปีก่อน',
    garuda: 'อัปโหลดภาพครุฑ',
    setup: 'ตั้งค่าระบบ',
    plan: 'สร้างมาตรการประจำปี',
    propose: 'เสนอผู้บริหาร',
    approve: 'บันทึกการอนุมัติ',
    closeRound: 'ปิดรอบการรายงาน',
    reopenRound: 'เปิดรอบอีกครั้ง',
    rollover: 'เริ่มปีงบประมาณใหม่',
    pastReport: 'รายงานผลปีงบประมาณที่ผ่านมา',
    draftMeasures: 'เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์',
    publicPage: 'ปรับปรุงหน้าเผยแพร่',
    healthCheck: 'ตรวจสุขภาพระบบ',
    healthCheckCopy: 'คัดลอกผลสำหรับผู้พัฒนา',
    pairLine: 'จับคู่กลุ่ม LINE',
  },
} as const;

/** Shared Apps Script dialogs (src/gas/context.ts): titles, busy and unexpected-error messages. */
export const APP = {
  title: 'ระบบติดตามมาตรการ ITA',
  errorTitle: 'เกิดข้อผิดพลาด',
  unexpected: (what: string, why: string) => `ทำรายการ "${what}" ไม่สำเร็จ: ${why} — ลองอีกครั้ง หรือแจ้งผู้ดูแลระบบ`,
  busy: (what: string) => `มีผู้ใช้อื่นกำลังทำรายการ "${what}" อยู่ — รอสักครู่แล้วลองอีกครั้ง`,
} as const;

/** What each role is called when someone is told who may run an action (src/core/access.ts). */
export const ROLE_LABEL: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ (แถว admins ในแท็บตั้งค่า)',
  executive: 'ผู้บริหาร (แถว executives ในแท็บตั้งค่า)',
  divisionEditor: 'ผู้แก้ไขของกอง (แท็บหน่วยงาน)',
};

/** The one refusal every action gives someone the access rule does not let in (src/gas/actions.ts). */
export const ACCESS = {
  denied: (what: string, access: Exclude<Access, 'anyone'>, me: string) =>
    `"${what}" ใช้ได้เฉพาะ${access.map((r) => ROLE_LABEL[r]).join(' หรือ ')} — บัญชี ${me || '(ไม่ทราบ)'} ไม่อยู่ในรายชื่อ`,
} as const;

/** Names of the entry points no menu item shows (triggers, the web app, simple triggers): logs and alerts. */
export const ENTRY_LABEL = {
  onOpen: 'สร้างเมนูเมื่อเปิดไฟล์',
  onEdit: 'ตรวจสอบเซลล์ที่แก้ไข',
  doGet: 'หน้าเผยแพร่',
  doPost: 'รับข้อความจาก LINE (จับคู่กลุ่ม)',
  dailyReminders: 'อีเมลแจ้งเตือนประจำวัน',
  reportQueue: 'คิวสร้างรายงานของเจ้าของโฟลเดอร์',
  installReminderTrigger: 'ติดตั้งตัวตั้งเวลาแจ้งเตือน',
  installReportQueueTrigger: 'ติดตั้งตัวตั้งเวลาคิวรายงาน',
  refreshDashboard: 'ปรับปรุงแดชบอร์ด',
  healthCheckHeadless: 'ตรวจสุขภาพระบบแบบไม่มีหน้าจอ (clasp run)',
} as const;

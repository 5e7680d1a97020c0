// The first-run guide in the sheet: menu item "เริ่มต้นใช้งาน" and its sidebar (src/core/first-run.ts,
// src/gas/first-run.ts). Each step says what is still missing, from what the sheet holds.
import { TAB } from './tabs-headers';

export const FIRST_RUN = {
  menuItem: 'เริ่มต้นใช้งาน',
  title: 'เริ่มต้นใช้งาน',
  intro: 'ทำทีละขั้น ระบบตรวจจากข้อมูลในชีตนี้ว่าขั้นใดเสร็จแล้ว',
  allDone: 'ครบทุกขั้นตอนแล้ว ระบบพร้อมใช้งาน',
  progress: (done: number, total: number) => `เสร็จแล้ว ${done} จาก ${total} ขั้นตอน`,
  doneMark: 'เสร็จแล้ว',
  openMark: 'ยังไม่เสร็จ',
  running: 'กำลังทำงาน…',
  failed: (why: string) => `ทำไม่สำเร็จ: ${why}`,
  steps: {
    setup: {
      label: 'ตั้งค่าระบบ',
      what: 'สร้างแท็บ การตรวจสอบข้อมูล การป้องกันแท็บ โฟลเดอร์รายงาน และแดชบอร์ด',
      missingTabs: (tabs: readonly string[]) => `ยังไม่มีแท็บ: ${tabs.join(', ')}`,
      notProtected: 'ยังไม่ได้ตั้งค่าระบบในไฟล์นี้',
    },
    divisions: {
      label: 'หน่วยงานและอีเมล',
      what: `ชื่อหน่วยงานและอีเมลผู้ดูแลระบบในแท็บ "${TAB.settings}" อีเมลรับแจ้งเตือนของแต่ละกองในแท็บ "${TAB.divisions}"`,
      button: `เปิดแท็บ "${TAB.settings}"`,
      noAgency: 'ยังไม่ได้กรอกชื่อหน่วยงาน',
      noAdmins: 'ยังไม่มีอีเมลผู้ดูแลระบบ',
      exampleAdmins: 'อีเมลผู้ดูแลระบบยังเป็นอีเมลตัวอย่าง (@example.org)',
      noDivisions: 'ยังไม่มีหน่วยงาน',
      exampleEmails: (names: readonly string[]) => `อีเมลรับแจ้งเตือนว่างหรือเป็นอีเมลตัวอย่าง: ${names.join(', ')}`,
    },
    editors: {
      label: 'ผู้แก้ไขของแต่ละกอง',
      what: `บัญชี Google ผู้แก้ไขแท็บของแต่ละกองในแท็บ "${TAB.divisions}" แล้วกด "ปรับปรุงแท็บหน่วยงาน"`,
      button: `เปิดแท็บ "${TAB.divisions}"`,
      missing: (names: readonly string[]) => `ไม่มีบัญชีผู้แก้ไข หรือเป็นบัญชีตัวอย่าง: ${names.join(', ')}`,
    },
    report: {
      label: 'ทดลองสร้างรายงาน',
      what: 'รายงานรอบปัจจุบันเป็น Google Docs และ PDF',
      none: 'ยังไม่เคยสร้างรายงานจากไฟล์นี้',
    },
    reminders: {
      label: 'การแจ้งเตือน',
      what: 'อีเมลแจ้งเตือนกำหนดส่งผลทุกวัน เวลา 08:00 น.',
      button: 'เปิดการแจ้งเตือน',
      none: 'ยังไม่ได้ตั้งเวลาในบัญชีของคุณ',
      unknown: 'ตรวจสอบไม่ได้ (ต้องอนุญาตสิทธิ์ก่อน)',
    },
  },
  /** what each step's button did, shown as a toast */
  opened: (tab: string) => `เปิดแท็บ "${tab}" แล้ว`,
  remindersAlready: 'ตั้งเวลาไว้อยู่แล้ว',
  unknownStep: (id: string) => `ไม่รู้จักขั้นตอน "${id}"`,
} as const;

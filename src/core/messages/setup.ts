// Setting up the managed sheet (Apps Script menu "ตั้งค่าระบบ"): data-validation help and protections.
import { NUMERALS_LABEL, STATUS_LABEL, TAB } from './tabs-headers';

/** Setup "ตั้งค่าระบบ": the example-data question, data-validation help texts, the summary. */
export const SETUP = {
  action: 'ตั้งค่าระบบ',
  askExample:
    'ต้องการใส่ข้อมูลตัวอย่าง (มาตรการของเทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖) ลงในแท็บที่ยังว่างอยู่หรือไม่?\n' +
    'กด "ใช่" เพื่อใส่ข้อมูลตัวอย่าง หรือ "ไม่" เพื่อเริ่มจากตารางเปล่า (แท็บที่มีข้อมูลแล้วจะไม่ถูกแก้ไข)',
  help: {
    area: 'เลือกด้าน IIT, EIT หรือ OIT จากรายการ',
    status: `เลือกสถานะจากรายการ: ${STATUS_LABEL.not_started}, ${STATUS_LABEL.in_progress} หรือ ${STATUS_LABEL.done}`,
    round: 'เลือกรอบ 6 หรือ 12 จากรายการ',
    date: 'กรอกวันที่ (ปี ค.ศ.) เช่น 31/3/2023 หรือเลือกจากปฏิทิน (ดับเบิลคลิกที่ช่อง)',
    url: 'วางลิงก์หลักฐานที่ขึ้นต้นด้วย https://',
    division: `เลือกหน่วยงานจากรายการ (รายชื่อจากแท็บ "${TAB.divisions}") หรือเว้นว่าง`,
    integer: 'กรอกจำนวนเต็มตั้งแต่ 0 ขึ้นไป เป็นเลขอารบิก',
    fiscalYear: 'กรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2566 (เลขอารบิก)',
    numerals: `เลือก ${NUMERALS_LABEL.thai} หรือ ${NUMERALS_LABEL.arabic}`,
  },
  protectFixed: (tab: string) => `แท็บ "${tab}": แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  protectDivision: (tab: string) => `แท็บ "${tab}": คอลัมน์ที่ระบบสร้าง แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  /** the same text on every division tab: sync finds its own range protections by it, also after a rename */
  protectDivisionEditable: 'สถานะ ผลการดำเนินการ หลักฐาน และเวลาแก้ไข: แก้ไขได้เฉพาะบัญชีผู้แก้ไขของหน่วยงานนี้และผู้ดูแลระบบ',
  createdTabs: (tabs: readonly string[]) => `สร้างแท็บ: ${tabs.join(', ')}`,
  nothingCreated: 'แท็บครบอยู่แล้ว ไม่ได้สร้างแท็บใหม่',
  exampleLoaded: (tabs: number) => `ใส่ข้อมูลตัวอย่างใน ${tabs} แท็บที่ยังว่าง`,
  triggerReady: 'ตั้งเวลาส่งอีเมลแจ้งเตือนทุกวัน เวลา 08:00 น. แล้ว',
  reminderTriggerOthers: (owner: string) =>
    `อีเมลแจ้งเตือนรายวันส่งด้วยตัวตั้งเวลาของ ${owner} อยู่แล้ว — ไม่ได้ติดตั้งเพิ่มให้บัญชีของคุณ (ระบบมีตัวตั้งเวลาแจ้งเตือนตัวเดียว)`,
  reminderTriggerRemovedMine: (n: number) => `ลบตัวตั้งเวลาแจ้งเตือนเดิมในบัญชีของคุณ ${n} ตัว (ไม่ให้ส่งแจ้งเตือนซ้ำ)`,
  done: 'ตั้งค่าระบบเรียบร้อย: ตั้งค่าการตรวจสอบข้อมูล การป้องกันแท็บ และแดชบอร์ดแล้ว',
} as const;

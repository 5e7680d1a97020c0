// The Apps Script menu and the dialogs every menu item shares (src/gas/menu.ts, src/gas/context.ts).

export const MENU = {
  title: 'ติดตามมาตรการ ITA',
  items: {
    report: 'สร้างรายงาน',
    validate: 'ตรวจสอบข้อมูล',
    sync: 'ปรับปรุงแท็บหน่วยงาน',
    previewReminders: 'ดูตัวอย่างอีเมลแจ้งเตือน',
    importReport: 'นำเข้ารายงานปีก่อน',
    setup: 'ตั้งค่าระบบ',
    plan: 'สร้างมาตรการประจำปี',
    propose: 'เสนอผู้บริหาร',
    approve: 'บันทึกการอนุมัติ',
    closeRound: 'ปิดรอบการรายงาน',
    reopenRound: 'เปิดรอบอีกครั้ง',
    rollover: 'เริ่มปีงบประมาณใหม่',
    publicPage: 'ปรับปรุงหน้าเผยแพร่',
    healthCheck: 'ตรวจสุขภาพระบบ',
    healthCheckCopy: 'คัดลอกผลสำหรับผู้พัฒนา',
  },
} as const;

/** Shared Apps Script dialogs (src/gas/context.ts): titles, busy and unexpected-error messages. */
export const APP = {
  title: 'ระบบติดตามมาตรการ ITA',
  errorTitle: 'เกิดข้อผิดพลาด',
  unexpected: (what: string, why: string) => `ทำรายการ "${what}" ไม่สำเร็จ: ${why} — ลองอีกครั้ง หรือแจ้งผู้ดูแลระบบ`,
  busy: (what: string) => `มีผู้ใช้อื่นกำลังทำรายการ "${what}" อยู่ — รอสักครู่แล้วลองอีกครั้ง`,
} as const;

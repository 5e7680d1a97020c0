// The ITA calendar in the admins' weekly summary (issue 23; docs/reminders.md, docs/year-cycle.md): the
// year's upcoming milestones from the framework preset and what each still needs. Apps Script and Node alike.

export const ITA_CALENDAR = {
  /** the e-mail log's division column, and the summary's greeting */
  admins: 'ผู้ดูแลระบบ',
  subject: (label: string, date: string, when: string) => `ปฏิทิน ITA ถึงผู้ดูแลระบบ: ${label} ${date} (${when})`,
  greeting: 'เรียน ผู้ดูแลระบบติดตามมาตรการ ITA',
  intro: (agency: string, fiscalYear: string, framework: string) =>
    `กำหนดการ ITA ที่จะถึงของ${agency} ปีงบประมาณ พ.ศ. ${fiscalYear} (กรอบการประเมิน: ${framework}) มีดังนี้`,
  /** one milestone: its date (and how far off), what it is, the preset's "not confirmed" mark */
  line: (n: string, date: string, when: string, label: string, unconfirmed: boolean) =>
    `${n}. ${date} (${when}): ${label}${unconfirmed ? ' (ยังไม่ยืนยัน)' : ''}`,
  daysLeft: (n: string) => `อีก ${n} วัน`,
  today: 'วันนี้',
  /** what a milestone still needs: a document of the register, published or not yet */
  needs: (title: string, code: string, year: string) => `ยังต้องเผยแพร่: ${title} (${code}) ปีงบประมาณ พ.ศ. ${year}`,
  done: (title: string, code: string, year: string) => `เผยแพร่แล้ว: ${title} (${code}) ปีงบประมาณ พ.ศ. ${year}`,
  /** the preset's note after it, without a leading ยังไม่ยืนยัน the sentence has just said */
  unconfirmedNote: (note: string) => `วันที่ที่มีเครื่องหมาย "ยังไม่ยืนยัน" เป็นวันที่โดยประมาณ — ${note.replace(/^ยังไม่ยืนยัน — /, '')}`,
  footer: (days: string) =>
    `อีเมลฉบับนี้ส่งโดยอัตโนมัติจากระบบติดตามมาตรการ ITA ถึงผู้ดูแลระบบ สัปดาห์ละไม่เกิน ๑ ฉบับ ตั้งแต่ ${days} วันก่อนกำหนดการถัดไป`,
  stage: 'ปฏิทิน ITA ประจำสัปดาห์',
  /** validate, at the setting กำหนดการ ITA ที่ประกาศแล้ว (itaCalendarDates) */
  typedBadLine: (line: string) => `อ่านกำหนดการ "${line}" ไม่ได้ — กรอกชื่อกำหนดการแล้ววันที่ เช่น เปิดระบบตอบแบบ OIT 15/3/2570`,
  typedUnknown: (label: string, labels: string) => `ไม่มีกำหนดการ "${label}" — ใช้ชื่อ: ${labels}`,
  typedBadDate: (label: string, text: string) => `"${text}" ของ "${label}" ไม่ใช่วันที่ (วัน/เดือน/ปี)`,
  typedOutsideYear: (label: string, text: string, fiscalYear: string) =>
    `${text} ของ "${label}" ไม่อยู่ในปีงบประมาณ ${fiscalYear}`,
} as const;

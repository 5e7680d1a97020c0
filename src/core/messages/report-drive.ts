// The report across admins and Drives (issue 11): the owner's queue, folders the app cannot reach,
// and publishing a Workspace policy refuses outside the domain.
export const REPORT_DRIVE = {
  queuedTitle: 'รับคำขอสร้างรายงานแล้ว',
  queued: (owner: string, wait: string) =>
    `รายงานจะสร้างด้วยบัญชีเจ้าของโฟลเดอร์รายงาน (${owner}) ${wait} ` +
    'ลิงก์เผยแพร่เดิมไม่เปลี่ยน เมื่อเสร็จจะส่งอีเมลพร้อมลิงก์ถึงคุณ และบันทึกในแท็บ ทะเบียนรายงาน',
  queuedToast: 'อยู่ในคิวสร้างรายงาน — จะแจ้งทางอีเมลเมื่อเสร็จ',
  doneMailSubject: (fiscalYear: string, round: string) =>
    `รายงาน ITA ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน สร้างเสร็จแล้ว`,
  doneMailBody: (published: string, doc: string, pdf: string) =>
    `รายงานที่คุณขอสร้างเสร็จแล้ว\nลิงก์เผยแพร่: ${published}\nเอกสาร: ${doc}\nPDF: ${pdf}`,
  failedMailSubject: 'สร้างรายงาน ITA ไม่สำเร็จ',
  failedMailBody: (why: string) => `สร้างรายงานที่คุณขอไม่สำเร็จ: ${why}\nทะเบียนรายงานและรายงานที่เผยแพร่อยู่ยังเป็นฉบับเดิม`,
  /** the same for the other documents (the plan, the memo, a publish after an executive's approval) */
  queuedDocumentTitle: (what: string) => `รับคำขอ${what}แล้ว`,
  /** wait: how long the owner's queue trigger takes at most (QUEUE_TRIGGER.wait) */
  queuedDocument: (what: string, owner: string, wait: string) =>
    `${what}จะทำด้วยบัญชีเจ้าของโฟลเดอร์รายงาน (${owner}) ${wait} ` +
    'ลิงก์เดิมไม่เปลี่ยน เมื่อเสร็จจะส่งอีเมลพร้อมลิงก์ถึงคุณ และบันทึกในแท็บ ทะเบียนรายงาน',
  queuedDocumentToast: (what: string) => `${what}อยู่ในคิว — จะแจ้งทางอีเมลเมื่อเสร็จ`,
  documentDoneMailSubject: (what: string) => `${what} เสร็จแล้ว`,
  documentDoneMailBody: (what: string, links: string) => `${what}ที่คุณขอเสร็จแล้ว\n${links}`,
  documentFailedMailSubject: (what: string) => `${what} ไม่สำเร็จ`,
  documentFailedMailBody: (what: string, why: string) =>
    `${what}ที่คุณขอไม่สำเร็จ: ${why}\nทะเบียนรายงานและเอกสารที่เผยแพร่อยู่ยังเป็นฉบับเดิม`,
  mailLink: (label: string, url: string) => `${label}: ${url}`,
  folderUnreachable: (id: string) =>
    `เข้าถึงโฟลเดอร์รายงาน (reportFolderId = ${id}) ในแท็บ ตั้งค่า ไม่ได้ ยังไม่ได้เขียนสิ่งใด: ` +
    'ระบบใช้ได้เฉพาะโฟลเดอร์ที่ระบบสร้างเอง (สิทธิ์ drive.file) — ลบค่า reportFolderId ในแท็บ ตั้งค่า แล้วเรียกเมนู ตั้งค่าระบบ ' +
    'ระบบจะสร้างโฟลเดอร์ใหม่ให้ (ย้ายโฟลเดอร์นั้นเข้าไดรฟ์ที่แชร์ภายหลังได้)',
  shareFailed: (email: string, why: string) =>
    `แชร์โฟลเดอร์รายงานให้ผู้ดูแล ${email} ไม่ได้ (${why}) — เอกสารสร้างต่อแล้ว ตรวจอีเมลนี้ในแท็บ ตั้งค่า แล้วสร้างใหม่อีกครั้ง`,
  publishRefused: (reason: string) =>
    `เผยแพร่รายงานไม่ได้ (${reason}) — ถ้าองค์กรใช้ Google Workspace อาจเป็นเพราะนโยบายไม่อนุญาตให้เผยแพร่ไฟล์นอกโดเมน ` +
    'ให้ผู้ดูแลระบบ Workspace เปิดการเผยแพร่บนเว็บ แล้วสร้างรายงานอีกครั้ง (ยังไม่ได้สร้าง PDF ทะเบียนรายงานเป็นฉบับเดิม)',
} as const;

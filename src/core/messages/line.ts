// LINE group reminders (issue 25): the phone-sized digest, the quota's verdicts and pairing.
export const LINE = {
  heading: (division: string) => `แจ้งเตือนมาตรการ ITA: ${division}`,
  overdue: (n: string) => `เกินกำหนด ${n} รายการ`,
  dueThisWeek: (n: string) => `ครบกำหนดภายในสัปดาห์นี้ ${n} รายการ`,
  item: (id: string, when: string) => `- ${id} (${when})`,
  more: (n: string) => `…และอีก ${n} รายการ`,
  openTab: (tab: string) => `กรอกสถานะที่แท็บ "${tab}"`,
  // the quota's verdicts, for the log
  fits: (need: number, left: number) => `พอ: ใช้ ${need} ข้อความ เหลือ ${left} ข้อความในเดือนนี้`,
  unlimited: (need: number) => `พอ: ใช้ ${need} ข้อความ (บัญชีนี้ไม่จำกัดจำนวนข้อความ)`,
  noRoom: (need: number, left: number) =>
    `โควตา LINE เดือนนี้ไม่พอ (ต้องใช้ ${need} ข้อความตามจำนวนสมาชิกกลุ่ม เหลือ ${left}) — ส่งทางอีเมลแทน`,
  // the channel column of the log, and the recipients of a push
  channelEmail: 'อีเมล',
  channelLine: (verdict: string) => `LINE (${verdict})`,
  channelFallback: (why: string) => `อีเมลแทน LINE: ${why}`,
  groupRecipients: (division: string, members: number) => `กลุ่ม LINE ของ${division} (${members} คน)`,
  executivesGroup: 'ผู้บริหาร',
  executivesHeading: 'สรุปมาตรการ ITA ที่เกินกำหนด (ผู้บริหาร)',
  executivesTail: 'รายละเอียดอยู่ในแดชบอร์ดของระบบติดตาม',
  // what LINE answered
  http429: (said: string) => `LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป${said ? ` (${said})` : ''}`,
  http401: 'LINE ตอบ 401: channel access token ไม่ถูกต้องหรือหมดอายุ — ออก token ใหม่ใน LINE Developers',
  httpStatus: (status: number, said: string) => `LINE ตอบ ${status}${said ? `: ${said}` : ''}`,
  unreachable: (why: string) => `ติดต่อ LINE ไม่ได้ (${why})`,
  timeout: (seconds: number) => `LINE ไม่ตอบภายใน ${seconds} วินาที`,
  badAnswer: 'LINE ตอบในรูปแบบที่อ่านไม่ได้',
  // pairing
  pairingInstruction: (code: string, division: string, minutes: number) =>
    `ให้สมาชิกพิมพ์รหัส ${code} ในกลุ่ม LINE ของ${division} ภายใน ${minutes} นาที (ใช้ได้ครั้งเดียว)`,
} as const;

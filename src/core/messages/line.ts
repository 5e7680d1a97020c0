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
  // pairing
  pairingInstruction: (code: string, division: string, minutes: number) =>
    `ให้สมาชิกพิมพ์รหัส ${code} ในกลุ่ม LINE ของ${division} ภายใน ${minutes} นาที (ใช้ได้ครั้งเดียว)`,
} as const;

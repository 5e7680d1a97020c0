// The holidays a new tracker starts with (src/core/holidays.ts): the lunar ones by fiscal year, the
// substitute days, and the mark on every date the cabinet has not announced yet (the admin checks it).

/** The mark in a holiday's name while the date is computed, not announced. */
export const UNCONFIRMED = 'ยังไม่ยืนยัน';

export const HOLIDAYS = {
  makhaBucha: 'วันมาฆบูชา',
  visakhaBucha: 'วันวิสาขบูชา',
  asanhaBucha: 'วันอาสาฬหบูชา',
  khaoPhansa: 'วันเข้าพรรษา',
  substitute: (name: string) => `วันหยุดชดเชย${name}`,
  unconfirmed: (name: string) => `${name} (${UNCONFIRMED})`,
  /** validate: once, while any date is not confirmed */
  unconfirmedWarning: (count: number, first: string) =>
    `วันหยุด ${count} วัน${UNCONFIRMED} (เริ่มที่ ${first}) — ตรวจสอบกับประกาศวันหยุดของคณะรัฐมนตรี แก้วันที่ถ้าต่าง แล้วลบคำว่า "${UNCONFIRMED}" ออกจากชื่อ`,
} as const;

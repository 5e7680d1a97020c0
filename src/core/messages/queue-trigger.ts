// The folder owner's queue trigger: one for the tracker, owned by the report folder's owner, whoever
// runs setup (issue 22). What setup, the "queued" dialogs and the health check say about it.

/** How often the queue runs: every N minutes (the bound script) or every N hours (the add-on). */
export type QueueRate = { minutes: number } | { hours: number };

/** How many times a day a trigger at this rate runs (the cost on the owner's daily trigger runtime). */
export const runsPerDay = (rate: QueueRate): number => ('minutes' in rate ? (24 * 60) / rate.minutes : 24 / rate.hours);

const every = (rate: QueueRate) => ('minutes' in rate ? `ทุก ${rate.minutes} นาที` : `ทุก ${rate.hours} ชั่วโมง`);

export const QUEUE_TRIGGER = {
  /** how long an admin waits for a queued document, in the dialog after their click */
  wait: (rate: QueueRate) =>
    'minutes' in rate ? `ภายในประมาณ ${rate.minutes} นาที` : `ภายในประมาณ ${rate.hours} ชั่วโมง`,
  installed: (rate: QueueRate) =>
    `ตั้งเวลาคิวเอกสารแล้ว: ทำงาน${every(rate)} (${runsPerDay(rate)} ครั้งต่อวัน) ด้วยบัญชีของคุณซึ่งเป็นเจ้าของโฟลเดอร์รายงาน`,
  kept: (rate: QueueRate) => `ตัวตั้งเวลาคิวเอกสารของคุณ (เจ้าของโฟลเดอร์รายงาน) มีอยู่แล้ว: ทำงาน${every(rate)}`,
  othersOwner: (owner: string) =>
    `ตัวตั้งเวลาคิวเอกสารเป็นของ ${owner} (เจ้าของโฟลเดอร์รายงาน) — ไม่ได้ติดตั้งเพิ่มให้บัญชีของคุณ ` +
    'เอกสารที่คุณสั่งจะทำด้วยบัญชีนั้นและแจ้งผลทางอีเมล',
  /** the execution log of a stray trigger's run */
  strayRemoved: (owner: string) =>
    `ตัวตั้งเวลาคิวเอกสารนี้ไม่ใช่ของ ${owner} (เจ้าของโฟลเดอร์รายงาน): ไม่ได้ทำคำขอในคิว และลบตัวตั้งเวลาคิวของบัญชีนี้แล้ว`,
  removedMine: (n: number) => `ลบตัวตั้งเวลาคิวเอกสารเดิมในบัญชีของคุณ ${n} ตัว (คิวทำงานด้วยบัญชีเจ้าของโฟลเดอร์รายงานเท่านั้น)`,
  /** the health check's line */
  check: {
    title: 'ตัวตั้งเวลาคิวเอกสารของเจ้าของโฟลเดอร์',
    ok: (owner: string, rate: QueueRate) =>
      `มีตัวตั้งเวลาคิวเอกสาร 1 ตัว เจ้าของคือ ${owner} (เจ้าของโฟลเดอร์รายงาน) ทำงาน${every(rate)}`,
    others: (owner: string) => `ตัวตั้งเวลาคิวเอกสารเป็นของ ${owner} (เจ้าของโฟลเดอร์รายงาน; บัญชีของคุณมองไม่เห็นตัวตั้งเวลาของผู้อื่น)`,
    noFolder: 'ยังไม่มีโฟลเดอร์รายงาน จึงยังไม่มีคิวเอกสาร',
    none: (owner: string) =>
      `ไม่พบตัวตั้งเวลาคิวเอกสารของ ${owner} (เจ้าของโฟลเดอร์รายงาน) — คำขอเอกสารของผู้ดูแลคนอื่นจะค้างอยู่ในคิว`,
    noneTodo: 'ให้เจ้าของโฟลเดอร์รายงานเลือกเมนู "ตั้งค่าระบบ" หนึ่งครั้ง',
    many: (n: number) => `บัญชีของคุณมีตัวตั้งเวลาคิวเอกสาร ${n} ตัว (ควรมี 1)`,
    strays: (n: number, owner: string) =>
      `บัญชีของคุณมีตัวตั้งเวลาคิวเอกสาร ${n} ตัว แต่คิวเป็นของ ${owner} — ตัวของคุณเข้าโฟลเดอร์รายงานไม่ได้`,
    fixTodo: 'เลือกเมนู "ตั้งค่าระบบ" ระบบจะเหลือไว้ตัวเดียวในบัญชีเจ้าของโฟลเดอร์',
  },
} as const;

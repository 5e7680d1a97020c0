// Files the CLI writes and reads (Node only): output places it refuses, why a write failed (in Thai,
// never the system's English error code), a workbook another command is working on, and archives that
// would inflate beyond what the tracker will open.

/** A size in MB, Thai digits not needed: file sizes are technical figures. */
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const FILES = {
  /** the place is a system folder (/proc, /sys…) where no file can be kept */
  specialPlace: (path: string) =>
    `เขียนลง ${path} ไม่ได้: ตำแหน่งนี้เป็นโฟลเดอร์ของระบบ ไม่ใช่ที่เก็บไฟล์ — ระบุโฟลเดอร์ปกติ (ไม่มีไฟล์ใดถูกเขียน)`,
  /** a device, pipe or socket stands where a file would go */
  specialFile: (path: string) =>
    `เขียนลง ${path} ไม่ได้: ชื่อนี้เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ ไม่ใช่ไฟล์ — ระบุชื่อไฟล์ปกติ (ไม่มีไฟล์ใดถูกเขียน)`,
  cannotCreateFolder: (path: string) => `สร้างโฟลเดอร์ ${path} ไม่ได้ — ตรวจสอบว่าตำแหน่งนี้มีอยู่และเขียนได้`,
  nameTooLong: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: ชื่อไฟล์หรือโฟลเดอร์ยาวเกินที่ระบบรับ — ใช้ชื่อที่สั้นลง`,
  readOnlyPlace: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: ตำแหน่งนี้อ่านได้อย่างเดียว`,
  busyFile: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: ไฟล์กำลังถูกใช้งานโดยโปรแกรมอื่น — ปิดโปรแกรมนั้นแล้วลองใหม่`,
  tooManyOpen: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: เปิดไฟล์พร้อมกันมากเกินไป — ลองใหม่อีกครั้ง`,
  diskError: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: อ่าน/เขียนดิสก์ผิดพลาด — ตรวจสอบดิสก์หรือแฟลชไดรฟ์`,
  /** any other refusal by the system: no English text, the output folder as it was */
  writeRefused: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: ระบบไม่ยอมให้เขียนที่ตำแหน่งนี้ — ลองโฟลเดอร์อื่น`,
  /** appended when a folder of output files was being written: nothing half-written is left */
  nothingWritten: 'ไม่มีไฟล์ใดถูกเขียนหรือเปลี่ยนแปลง',

  // ------------------------------------------------------------ one writer at a time per workbook
  /** another command holds the workbook's lock; waited `waitedSeconds` first */
  busy: (path: string, command: string, since: string, who: string, waitedSeconds: number, lockPath: string) =>
    [
      `คำสั่งอื่นกำลังทำงานกับไฟล์ ${path} อยู่: คำสั่ง ${command} (${who}) เริ่มเมื่อ ${since}`,
      `รอแล้ว ${waitedSeconds} วินาทีคำสั่งนั้นยังไม่เสร็จ จึงไม่ได้ทำอะไรกับไฟล์ — ลองใหม่เมื่อคำสั่งนั้นเสร็จ`,
      `ถ้าแน่ใจว่าไม่มีคำสั่งใดทำงานอยู่แล้ว ลบไฟล์ ${lockPath} แล้วลองใหม่`,
    ].join('\n'),
  /** printed once while waiting for the lock */
  waiting: (command: string, since: string) => `รอคำสั่ง ${command} (เริ่มเมื่อ ${since}) ทำงานกับไฟล์นี้ให้เสร็จก่อน…`,
  /** who holds a lock: process id and machine */
  holder: (pid: number, host: string) => `โปรเซส ${pid} บนเครื่อง ${host}`,
  cannotLock: (path: string) => `ทำงานกับไฟล์ ${path} ไม่ได้: สร้างไฟล์ล็อกข้างไฟล์นี้ไม่ได้ — ตรวจสอบสิทธิ์เขียนในโฟลเดอร์`,

  // ------------------------------------------------------------ archives bigger than they look
  tooBig: (path: string, limitBytes: number) =>
    `ไฟล์ใหญ่เกินไป: ${path} เมื่อขยายแล้วเกิน ${mb(limitBytes)} ซึ่งเป็นขนาดสูงสุดที่ระบบเปิด — ไม่ได้เปิดและไม่ได้เขียนไฟล์ใด (ตรวจสอบว่าเป็นไฟล์ที่ถูกต้อง หรือลบรูปภาพขนาดใหญ่ออกก่อน)`,
} as const;

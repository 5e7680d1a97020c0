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
  // pairing (the menu, the web app's doPost, the CLI)
  pairingAsk: 'จับคู่กลุ่ม LINE ของหน่วยงานใด? พิมพ์รหัสหรือชื่อหน่วยงาน (หรือ "ผู้บริหาร")',
  pairingUnknown: (typed: string) => `ไม่พบหน่วยงาน "${typed}" ในแท็บ "หน่วยงาน" — พิมพ์รหัสหรือชื่อหน่วยงานตามแท็บ`,
  pairingNoToken:
    'ยังไม่ได้ใส่ channel access token ของ LINE: เปิด ส่วนขยาย > Apps Script > การตั้งค่าโปรเจ็กต์ > คุณสมบัติของสคริปต์ แล้วเพิ่ม LINE_CHANNEL_ACCESS_TOKEN — token อยู่ใน LINE Developers Console > Messaging API > Channel access token',
  pairingWebhook: (url: string) =>
    url
      ? `Webhook URL ของ LINE ต้องเป็นที่อยู่เว็บแอปนี้: ${url}`
      : 'ยังไม่ได้ทำให้ใช้งานได้เป็นเว็บแอป: ทำให้ใช้งานได้ > การทำให้ใช้งานได้รายการใหม่ > เว็บแอป แล้วใส่ที่อยู่เป็น Webhook URL ใน LINE Developers',
  paired: (division: string, group: string) => `จับคู่กลุ่ม LINE ${group} กับ${division}แล้ว`,
  pairingInstruction: (code: string, division: string, minutes: number) =>
    `ให้สมาชิกพิมพ์รหัส ${code} ในกลุ่ม LINE ของ${division} ภายใน ${minutes} นาที (ใช้ได้ครั้งเดียว)`,
} as const;

/** The self-test's LINE check (src/gas/health/line.ts). */
export const LINE_HEALTH = {
  title: 'LINE (token และโควตาข้อความ)',
  notUsed: (paired: number) =>
    `ไม่ได้ใช้ LINE (ไม่มี LINE_CHANNEL_ACCESS_TOKEN ในคุณสมบัติของสคริปต์) — ส่งทางอีเมลทั้งหมด${paired ? ` แม้มี ${paired} หน่วยงานจับคู่กลุ่มไว้` : ''}`,
  ok: (limit: number | null, used: number, paired: number) =>
    `token ใช้ได้: เดือนนี้ใช้ไป ${used}${limit === null ? ' ข้อความ (ไม่จำกัด)' : ` จาก ${limit} ข้อความ`} จับคู่กลุ่มแล้ว ${paired} หน่วยงาน (ไม่ได้ส่งข้อความใด)`,
  spent: (used: number, limit: number) =>
    `โควตา LINE เดือนนี้หมดแล้ว (${used} จาก ${limit}) — ระบบจะส่งทางอีเมลแทนจนถึงต้นเดือน`,
  spentTodo: 'ถ้าหมดทุกเดือน ให้ใช้อีเมลกับกลุ่มที่มีสมาชิกมากที่สุด (ดู remind --simulate --line-members)',
  failed: (why: string) => `ตรวจ token ของ LINE ไม่ผ่าน: ${why}`,
  failedTodo: 'ออก channel access token ใหม่ใน LINE Developers แล้วใส่ใน LINE_CHANNEL_ACCESS_TOKEN (คุณสมบัติของสคริปต์)',
  unreachableTodo: 'ลองตรวจใหม่ภายหลัง ถ้ายังติดต่อไม่ได้ ให้ดูว่าเครือข่ายของ Google ถึง api.line.me ได้ (ระหว่างนี้ระบบส่งทางอีเมลแทน)',
  otherTodo: 'ลองตรวจใหม่ภายหลัง ถ้ายังไม่ผ่าน ให้ดูสถานะของ channel ใน LINE Developers (ระหว่างนี้ระบบส่งทางอีเมลแทน)',
} as const;

/** The CLI's LINE words (Node only, left out of the Apps Script bundle). */
export const LINE_CLI = {
  tokenFileUnreadable: (path: string) => `อ่านไฟล์ token ของ LINE ไม่ได้: ${path}`,
  tokenFileEmpty: (path: string) => `ไฟล์ token ของ LINE ว่าง: ${path}`,
  badApi: (value: string) => `ITA_LINE_API "${value}" ไม่ใช่ที่อยู่เว็บ (เช่น https://api.line.me)`,
  pushed: (subject: string, group: string) => `ส่งทาง LINE แล้ว: ${subject} → ${group}`,
  fellBack: (subject: string, why: string) => `ส่งทางอีเมลแทน LINE: ${subject} (${why})`,
  summaryByLine: (n: number) => `ในจำนวนนี้ส่งทาง LINE ${n} ฉบับ`,
  // line-pair: a group paired from the command line
  pairNoToken:
    'ยังไม่มี channel access token ของ LINE: ตั้งตัวแปร ITA_LINE_TOKEN หรือใช้ --line-token-file <ไฟล์> (token อยู่ใน LINE Developers Console > Messaging API > Channel access token)',
  pairMode:
    'เลือกวิธีจับคู่หนึ่งวิธี: --listen <port> (รอให้สมาชิกพิมพ์รหัสในกลุ่ม ผ่าน webhook) หรือ --group <รหัสกลุ่ม> (บันทึกรหัสกลุ่มที่ทราบแล้ว)',
  badPort: (v: string) => `--listen "${v}" ต้องเป็นเลขพอร์ต 0–65535`,
  badGroup: (v: string) => `--group "${v}" ไม่ใช่รหัสกลุ่ม LINE (ตัว C ตามด้วยตัวเลขฐานสิบหก 32 ตัว เช่นในบันทึกของเว็บแอป)`,
  notInGroup: (why: string) => `บันทึกกลุ่มไม่ได้: บอตของบัญชีไม่ได้อยู่ในกลุ่มนี้ หรือรหัสกลุ่มผิด (${why}) — เชิญบอตเข้ากลุ่มก่อน แล้วสั่งใหม่`,
  listening: (url: string, port: number) =>
    `กำลังรอ webhook ที่ ${url} — ให้ LINE เข้าถึงเครื่องนี้ได้ เช่น cloudflared tunnel --url http://localhost:${port} แล้วใส่ที่อยู่ https ที่ได้ (ต่อท้ายด้วย /) เป็น Webhook URL ใน LINE Developers และเปิด Use webhook (กด Ctrl+C เพื่อยกเลิก)`,
  signatureOn: 'ตรวจลายมือชื่อ X-Line-Signature ด้วย channel secret ใน ITA_LINE_SECRET: ข้อความที่ไม่ได้มาจาก LINE จะถูกข้าม',
  signatureOff: 'ไม่ได้ตั้ง ITA_LINE_SECRET จึงไม่ตรวจลายมือชื่อของ LINE (รหัสที่ใช้ได้ครั้งเดียวภายในเวลาที่กำหนดยังกันการปลอมไว้)',
  expired: (minutes: number) => `ไม่มีใครพิมพ์รหัสในกลุ่มภายใน ${minutes} นาที รหัสหมดอายุแล้ว ไม่ได้บันทึกอะไร — สั่งใหม่เพื่อขอรหัสใหม่`,
  noRow: (name: string, tab: string) => `บันทึกไม่ได้: ไม่พบแถวของ "${name}" ในแท็บ "${tab}"`,
  pairedCost: (members: number) => `กลุ่มนี้มีสมาชิก ${members} คน: แจ้งเตือนแต่ละครั้งนับเป็น ${members} ข้อความจากโควตาของเดือน`,
} as const;

/** `remind --simulate --line-members N`: the month's LINE messages against the quota. */
export const LINE_SIM = {
  heading: (members: number, quota: number) =>
    `ข้อความ LINE ต่อเดือน (นับทุกหน่วยงานเป็นกลุ่มละ ${members} คน โควตา ${quota} ข้อความต่อเดือนสำหรับทุกกลุ่มรวมกัน ผู้บริหารรับทางอีเมล):`,
  month: (month: string, total: number, quota: number, byDivision: string, overflow: boolean) =>
    `  ${month}: ${total} จาก ${quota}${overflow ? ' — เกินโควตา' : ''}${byDivision ? ` (${byDivision})` : ''}`,
  fits: (month: string, total: number, quota: number) =>
    `ไม่มีเดือนใดเกินโควตา: เดือนที่มากที่สุดคือ ${month} ใช้ ${total} จาก ${quota} ข้อความ`,
  overflow: (month: string, total: number, quota: number, toEmail: string) =>
    `คำเตือน: ${month} ต้องใช้ ${total} ข้อความ เกินโควตา ${quota} — ข้อความที่เกินจะส่งทางอีเมลแทน แนะนำให้ใช้อีเมลกับกลุ่มที่ใหญ่ที่สุด: ${toEmail} (ลบค่าในคอลัมน์กลุ่ม LINE ของหน่วยงานนั้น)`,
  badMembers: (v: string) => `--line-members "${v}" ต้องเป็นจำนวนเต็ม 1–500 (จำนวนคนในกลุ่ม LINE)`,
  badQuota: (v: string) => `--line-quota "${v}" ต้องเป็นจำนวนเต็มบวก (ข้อความต่อเดือน)`,
} as const;

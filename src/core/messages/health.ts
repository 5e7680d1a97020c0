// Menu "ตรวจสุขภาพระบบ" (src/gas/health/*): one line per check — ผ่าน / เตือน / ไม่ผ่าน, what was found,
// what to do — in the result dialog and the log tab. Each check's wording sits under its own key.
import { MENU } from './menu';

/** The example the date help text gives (SETUP.help.date): the locale check types exactly this. */
export const HEALTH_DATE_SAMPLE = { text: '31/3/2023', year: 2023, month: 3, day: 31 } as const;

const list = (items: readonly string[]) => items.join(', ');

export const HEALTH = {
  menu: MENU.items.healthCheck,
  copyMenu: MENU.items.healthCheckCopy,
  title: 'ผลการตรวจสุขภาพระบบ',
  logTab: 'บันทึกตรวจสุขภาพระบบ',
  logHeaders: ['เวลา', 'ผู้ตรวจ', 'รายการตรวจ', 'ผล', 'สิ่งที่พบ', 'สิ่งที่ควรทำ', 'ข้อความผิดพลาด'],
  outcome: { pass: 'ผ่าน', warn: 'เตือน', fail: 'ไม่ผ่าน' },
  askTestMail: 'ส่งอีเมลทดสอบ 1 ฉบับถึงตัวคุณเองด้วยหรือไม่? (ใช้โควตาอีเมลวันนี้ 1 ผู้รับ)',
  summary: (pass: number, warn: number, fail: number) =>
    `ผ่าน ${pass} รายการ · เตือน ${warn} รายการ · ไม่ผ่าน ${fail} รายการ`,
  loggedTo: (tab: string) => `บันทึกผลนี้ไว้ในแท็บ "${tab}" แล้ว ข้อมูลในแท็บอื่นไม่ถูกแก้ไข`,
  logFailed: (why: string) => `บันทึกผลลงแท็บบันทึกไม่สำเร็จ: ${why}`,
  columns: { check: 'รายการตรวจ', outcome: 'ผล', found: 'สิ่งที่พบ', todo: 'สิ่งที่ควรทำ' },
  copyButton: 'คัดลอกผลสำหรับผู้พัฒนา',
  copied: 'คัดลอกแล้ว — วางในอีเมลหรือแชตถึงผู้พัฒนาได้เลย',
  copyHint: 'ส่งข้อความนี้ให้ผู้พัฒนาเมื่อมีรายการที่ไม่ผ่าน (ไม่มีข้อมูลมาตรการในข้อความนี้)',
  noLastRun: 'ยังไม่มีผลการตรวจ — เลือกเมนู "ตรวจสุขภาพระบบ" ก่อน',
  /** a check that threw: the runner's own line */
  threw: (why: string) => ({
    found: `การตรวจหยุดกลางคันด้วยข้อผิดพลาด: ${why}`,
    todo: 'ลองตรวจอีกครั้ง ถ้ายังไม่ผ่าน กด "คัดลอกผลสำหรับผู้พัฒนา" แล้วส่งให้ผู้พัฒนา',
  }),
  nothingToDo: '—',

  scopes: {
    title: 'สิทธิ์ที่สคริปต์ขอ (OAuth scopes)',
    ok: (n: number) => `ได้รับสิทธิ์ครบทั้ง ${n} รายการตามที่ระบบต้องใช้`,
    missing: (scopes: readonly string[]) => `ยังไม่ได้รับสิทธิ์: ${list(scopes)}`,
    missingTodo: 'ตอนอนุญาตสิทธิ์มีบางช่องไม่ได้ติ๊ก: ปิดแล้วเปิดสเปรดชีตใหม่ เลือกเมนูใดก็ได้ แล้วติ๊กอนุญาตทุกช่องในหน้าขอสิทธิ์ของ Google',
  },
  services: {
    title: 'บริการขั้นสูง Drive และ Docs',
    ok: 'บริการ Drive (v3) และ Docs (v1) เปิดอยู่และตอบกลับปกติ',
    off: (names: readonly string[]) => `บริการขั้นสูงที่ยังไม่เปิด: ${list(names)}`,
    offTodo:
      'ใน Apps Script editor เลือก Services (+) แล้วเพิ่ม Drive API v3 และ Google Docs API v1 หรือ push โครงการใหม่ด้วย clasp',
    noAnswer: (why: string) => `Drive ไม่ตอบกลับ: ${why}`,
    noAnswerTodo: 'ลองใหม่อีกครั้งภายหลัง ถ้ายังไม่ได้ ให้ผู้ดูแล Workspace ตรวจว่าอนุญาตให้แอป Apps Script ใช้ Google Drive',
  },
  folder: {
    title: 'โฟลเดอร์รายงาน',
    notSet: 'ยังไม่มีโฟลเดอร์รายงาน (ค่า reportFolderId ในแท็บตั้งค่าว่าง)',
    notSetTodo: 'เลือกเมนู "ตั้งค่าระบบ" เพื่อสร้างโฟลเดอร์รายงาน',
    unreachable: (id: string) =>
      `เปิดโฟลเดอร์รายงาน (${id}) ด้วยบัญชีของคุณผ่านระบบไม่ได้ — ระบบเห็นเฉพาะไฟล์ที่ระบบสร้างขณะที่บัญชีนั้นใช้งาน หรือโฟลเดอร์ถูกลบ`,
    unreachableTodo:
      'ให้ผู้ดูแลที่สร้างโฟลเดอร์ออกรายงานแทน หรือล้างค่า reportFolderId ในแท็บตั้งค่าแล้วเลือก "ตั้งค่าระบบ" เพื่อสร้างโฟลเดอร์ใหม่ในชื่อของคุณ',
    trashed: (name: string) => `โฟลเดอร์รายงาน "${name}" อยู่ในถังขยะ`,
    trashedTodo: 'กู้คืนโฟลเดอร์จากถังขยะใน Google Drive หรือล้างค่า reportFolderId แล้วเลือก "ตั้งค่าระบบ"',
    sharedDriveOk: (name: string) => `โฟลเดอร์รายงาน "${name}" อยู่ในไดรฟ์ที่แชร์ และการสร้างรายงานเข้าถึงได้`,
    ok: (name: string, owner: string) =>
      `โฟลเดอร์รายงาน "${name}" อยู่ในไดรฟ์ของ ${owner || '(ไม่ทราบเจ้าของ)'} (ไม่ใช่ไดรฟ์ที่แชร์)`,
    admins: (admins: readonly string[]) => `ผู้ดูแลที่เปิดโฟลเดอร์ได้: ${admins.length ? list(admins) : 'ไม่มี'}`,
    adminsMissing: (admins: readonly string[]) => `ผู้ดูแลที่ยังเปิดโฟลเดอร์ไม่ได้: ${list(admins)}`,
    adminsMissingTodo: 'แชร์โฟลเดอร์รายงานให้ผู้ดูแลที่ยังเปิดไม่ได้ (สิทธิ์ผู้แก้ไข) ใน Google Drive',
    /** run by an admin who is not the folder's owner: their documents go through the owner's queue */
    ownersQueue: (owner: string, id: string) =>
      `โฟลเดอร์รายงาน (${id}) เป็นของ ${owner}: ระบบเข้าถึงโฟลเดอร์ได้ด้วยสิทธิ์ของ ${owner} เท่านั้น จึงตรวจโฟลเดอร์โดยตรงได้เฉพาะ ${owner} — รายงานและเอกสารที่คุณสั่งทำจะเข้าคิวของ ${owner} และสร้างด้วยสิทธิ์ของ ${owner} ตามปกติ`,
    ownersQueueReached: (owner: string, name: string) =>
      `โฟลเดอร์รายงาน "${name}" เป็นของ ${owner} — รายงานและเอกสารที่คุณสั่งทำจะเข้าคิวของ ${owner} และสร้างด้วยสิทธิ์ของ ${owner}`,
    ownersQueueMissing: (owner: string) =>
      `โฟลเดอร์รายงานเป็นของ ${owner} แต่ไม่พบบันทึกตัวตั้งเวลาคิวเอกสารของ ${owner}: เอกสารที่คุณสั่งทำจะรอในคิวโดยไม่มีใครสร้าง`,
    ownersQueueMissingTodo: (owner: string) =>
      `ให้ ${owner} เลือกเมนู "ตั้งค่าระบบ" (ตั้งตัวตั้งเวลาคิวเอกสาร) แล้วเลือก "ตรวจสุขภาพระบบ" — ไม่ต้องเปลี่ยนค่า reportFolderId`,
  },
  scratchDoc: {
    title: 'เอกสารทดลอง (สร้าง อ่าน PDF เผยแพร่)',
    skipped: 'ข้าม: ยังไม่มีโฟลเดอร์รายงานให้สร้างเอกสารทดลอง',
    skippedTodo: 'แก้รายการ "โฟลเดอร์รายงาน" ก่อน แล้วตรวจอีกครั้ง',
    /** run by an admin who is not the folder's owner: the report's path for them is the owner's queue */
    ownersQueue: (owner: string) =>
      `ไม่ได้สร้างด้วยบัญชีของคุณ: รายงานที่คุณสั่งทำไม่ได้สร้างหรือเผยแพร่ด้วยบัญชีของคุณ แต่เข้าคิวของ ${owner} (เจ้าของโฟลเดอร์รายงาน) — การสร้าง อ่านกลับ PDF และเผยแพร่ ตรวจได้เมื่อ ${owner} เลือก "ตรวจสุขภาพระบบ"`,
    ok: 'สร้างเอกสารทดลองด้วยตัวเขียนรายงาน อ่านกลับได้ตรง (ตาราง หัวตารางซ้ำทุกหน้า ขนาดหน้า แบบอักษร) ส่งออก PDF เผยแพร่ (ไม่เผยแพร่อัตโนมัติ) แล้วย้ายลงถังขยะ',
    step: {
      create: 'สร้างเอกสารในโฟลเดอร์รายงาน',
      write: 'เขียนตารางด้วยตัวเขียนรายงาน',
      readBack: 'อ่านเอกสารกลับผ่าน Docs API',
      pdf: 'ส่งออกเป็น PDF',
      publish: 'เผยแพร่เอกสาร',
      publishedState: 'อ่านสถานะการเผยแพร่กลับ',
      trash: 'ย้ายเอกสารทดลองลงถังขยะ',
    } as Record<string, string>,
    stepFailed: (step: string, why: string) => `ขั้น "${step}" ไม่สำเร็จ: ${why}`,
    stepFailedTodo: 'กด "คัดลอกผลสำหรับผู้พัฒนา" แล้วส่งให้ผู้พัฒนา',
    publishRefusedTodo:
      'ขอให้ผู้ดูแล Google Workspace เปิด "เผยแพร่ไฟล์บนเว็บ" (Admin console > แอป > Drive และเอกสาร > การตั้งค่าการแชร์) สำหรับบัญชีนี้',
    mismatch: (what: readonly string[]) => `เอกสารที่อ่านกลับไม่ตรงกับที่เขียน: ${list(what)}`,
    mismatchTodo: 'กด "คัดลอกผลสำหรับผู้พัฒนา" แล้วส่งให้ผู้พัฒนา (รูปแบบรายงานอาจไม่ตรงตามแบบ)',
    what: {
      tables: (n: number, want: number) => `จำนวนตาราง ${n} (ต้องเป็น ${want})`,
      rows: (table: number, n: number, want: number) => `ตารางที่ ${table} มี ${n} แถว (ต้องเป็น ${want})`,
      pinned: (table: number) => `หัวตารางของตารางที่ ${table} ไม่ซ้ำทุกหน้า`,
      page: (w: number, h: number) => `ขนาดหน้า ${w}×${h} pt (ต้องเป็น A4 แนวนอน)`,
      font: (f: string) => `แบบอักษร ${f || '(ไม่พบ)'}`,
      listCell: 'ช่องที่มีหลายรายการไม่ได้แยกเป็นหลายย่อหน้า',
      published: 'สถานะเผยแพร่ไม่ใช่ "เผยแพร่แล้ว"',
      publishAuto: 'เอกสารถูกตั้งให้เผยแพร่อัตโนมัติ',
      pdf: 'ไฟล์ PDF ว่างเปล่า',
    },
    trashFailed: (why: string) => `สร้างและเผยแพร่ได้ แต่ย้ายเอกสารทดลองลงถังขยะไม่สำเร็จ: ${why}`,
    trashFailedTodo: 'ลบไฟล์ชื่อ "ตรวจสุขภาพระบบ (ลบได้)" ในโฟลเดอร์รายงานด้วยตนเอง',
    docName: 'ตรวจสุขภาพระบบ (ลบได้)',
    area: '๑. ด้านทดสอบ',
    rows: [
      ['ประเด็นทดสอบ ๑', 'ขั้นตอนที่ ๑\nขั้นตอนที่ ๒\nขั้นตอนที่ ๓', 'กองทดสอบ', 'ติดตามทุกเดือน', 'ดำเนินการแล้ว'],
      ['ประเด็นทดสอบ ๒', 'ขั้นตอนเดียว', 'กองทดสอบ', 'ติดตามทุกไตรมาส', 'อยู่ระหว่างดำเนินการ'],
    ],
  },
  locale: {
    title: 'ภาษา/ภูมิภาค เขตเวลา และการพิมพ์วันที่',
    ok: (locale: string, tz: string, sample: string) =>
      `ภาษา/ภูมิภาค ${locale} เขตเวลา ${tz} และพิมพ์ "${sample}" แล้วได้วันที่ถูกต้อง`,
    wrongLocale: (locale: string) => `ภาษา/ภูมิภาคของสเปรดชีตคือ ${locale} (ระบบออกแบบไว้สำหรับ th_TH)`,
    wrongZone: (tz: string, script: string) =>
      `เขตเวลาของสเปรดชีต ${tz} / ของสคริปต์ ${script} (ระบบออกแบบไว้สำหรับ Asia/Bangkok)`,
    notADate: (sample: string, got: string) => `พิมพ์ "${sample}" ตามคำแนะนำแล้วไม่ได้วันที่ 31 มีนาคม 2023 (ได้ ${got})`,
    todo: 'ไฟล์ > การตั้งค่า > ภาษา/ภูมิภาค เลือก "ไทย" และเขตเวลา "(GMT+07:00) Bangkok" แล้วบันทึก',
  },
  protections: {
    title: 'การป้องกันแท็บหน่วยงาน',
    ok: (tabs: number) => `ผู้แก้ไขของแท็บหน่วยงานทั้ง ${tabs} แท็บตรงกับแท็บหน่วยงาน และผู้ดูแลแก้ไขได้ทุกแท็บ`,
    noDivisions: 'ยังไม่มีหน่วยงานในแท็บหน่วยงาน',
    noDivisionsTodo: 'กรอกหน่วยงานแล้วเลือก "ปรับปรุงแท็บหน่วยงาน"',
    missingTab: (tab: string) => `ไม่มีแท็บ "${tab}"`,
    unprotected: (tab: string) => `แท็บ "${tab}" ไม่มีการป้องกัน`,
    editorsMissing: (tab: string, who: readonly string[]) => `แท็บ "${tab}" ยังไม่ให้แก้ไข: ${list(who)}`,
    editorsExtra: (tab: string, who: readonly string[]) => `แท็บ "${tab}" ให้แก้ไขได้ทั้งที่ไม่อยู่ในรายชื่อ: ${list(who)}`,
    adminsMissing: (tabs: readonly string[], who: readonly string[]) =>
      `ผู้ดูแลแก้ไขไม่ได้: ${list(who)} (${tabs.length} แท็บ: ${tabs.map((t) => `"${t}"`).join(', ')})`,
    todo: 'เลือกเมนู "ตั้งค่าระบบ" เพื่อตั้งการป้องกันใหม่จากแท็บหน่วยงานและรายชื่อผู้ดูแล',
  },
  triggers: {
    title: 'ตัวตั้งเวลาส่งอีเมลแจ้งเตือนรายวัน',
    ok: (owner: string) => `มีตัวตั้งเวลา 1 ตัว เจ้าของคือ ${owner} ซึ่งยังเป็นผู้ดูแล`,
    none: 'ไม่พบตัวตั้งเวลาส่งอีเมลแจ้งเตือน',
    noneTodo: 'เลือกเมนู "ตั้งค่าระบบ" เพื่อตั้งเวลาส่งอีเมลแจ้งเตือนทุกวัน',
    many: (n: number) => `มีตัวตั้งเวลาส่งอีเมลแจ้งเตือน ${n} ตัวในบัญชีของคุณ (ควรมี 1)`,
    manyTodo: 'เลือกเมนู "ตั้งค่าระบบ" ระบบจะเหลือไว้ตัวเดียว',
    ownerRemoved: (owner: string) =>
      `ตัวตั้งเวลาเป็นของ ${owner} ซึ่งไม่ได้เป็นผู้ดูแลแล้ว — อีเมลแจ้งเตือนยังส่งในนามบัญชีนั้น หรือหยุดส่งถ้าบัญชีถูกปิด`,
    ownerRemovedTodo: (owner: string) =>
      `เลือกเมนู "ตั้งค่าระบบ" เพื่อตั้งเวลาใหม่ในชื่อของคุณ แล้วให้ ${owner} ลบตัวตั้งเวลาเดิม (หรือผู้ดูแล Workspace ลบให้)`,
    otherAdmin: (owner: string) => `ตัวตั้งเวลาเป็นของผู้ดูแล ${owner} (บัญชีของคุณมองไม่เห็นตัวตั้งเวลาของผู้อื่น)`,
    alsoMine: (owner: string) => `ตัวตั้งเวลาเป็นของ ${owner} แต่บัญชีของคุณก็มีอีกตัว — อาจส่งซ้ำในวันเดียวกัน`,
    alsoMineTodo: 'ตกลงกันให้เหลือเจ้าของคนเดียว: เจ้าของอีกคนลบตัวตั้งเวลาของตนใน Apps Script (Triggers)',
    unknownOwner: 'ไม่ทราบว่าใครเป็นเจ้าของตัวตั้งเวลา (ตั้งไว้ก่อนระบบจะบันทึกเจ้าของ) และบัญชีของคุณไม่มี',
    unknownOwnerTodo: 'เลือกเมนู "ตั้งค่าระบบ" เพื่อตั้งเวลาในชื่อของคุณและบันทึกเจ้าของ',
  },
  mail: {
    title: 'อีเมล: โควตาวันนี้และอีเมลทดสอบ',
    ok: (quota: number) => `ส่งอีเมลได้อีก ${quota} ผู้รับในวันนี้`,
    low: (quota: number, need: number) => `ส่งอีเมลได้อีก ${quota} ผู้รับในวันนี้ น้อยกว่าจำนวนผู้รับแจ้งเตือน ${need} บัญชี`,
    lowTodo: 'อีเมลบางฉบับจะส่งในวันถัดไป หรือใช้บัญชี Google Workspace (โควตา 1,500 ผู้รับต่อวัน) เป็นเจ้าของตัวตั้งเวลา',
    zero: 'โควตาอีเมลวันนี้หมดแล้ว (ส่งได้อีก 0 ผู้รับ) — อีเมลแจ้งเตือนวันนี้จะไม่ถูกส่ง',
    zeroTodo: 'รอวันพรุ่งนี้ (โควตาเริ่มใหม่ทุก 24 ชั่วโมง) และตรวจว่าไม่มีสคริปต์อื่นใช้โควตาของบัญชีนี้',
    sent: (to: string) => `ส่งอีเมลทดสอบถึง ${to} แล้ว — ตรวจกล่องจดหมาย (และจดหมายขยะ)`,
    sendFailed: (why: string) => `ส่งอีเมลทดสอบไม่สำเร็จ: ${why}`,
    sendFailedTodo: 'ตรวจว่าบัญชีนี้ส่งอีเมลได้ และลองอีกครั้ง',
    testSubject: 'ทดสอบอีเมลจากระบบติดตามมาตรการ ITA',
    testBody: 'อีเมลนี้ส่งจากเมนู "ตรวจสุขภาพระบบ" เพื่อทดสอบว่าระบบส่งอีเมลได้ ไม่ต้องตอบกลับ',
  },
  lockProperties: {
    title: 'ล็อกเอกสารและที่เก็บค่าของสคริปต์',
    ok: 'ล็อกเอกสารและที่เก็บค่าของสคริปต์ (script properties) ทำงานปกติ',
    lockBusy: 'ล็อกเอกสารไม่ได้ภายใน 5 วินาที — มีผู้อื่นกำลังทำรายการอยู่',
    lockBusyTodo: 'รอให้รายการอื่นเสร็จ แล้วตรวจอีกครั้ง',
    propertiesWrong: 'บันทึกค่าแล้วอ่านกลับไม่ตรงกัน',
    propertiesTodo: 'กด "คัดลอกผลสำหรับผู้พัฒนา" แล้วส่งให้ผู้พัฒนา',
  },
} as const;

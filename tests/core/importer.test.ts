// The importer against the seed report (every measure pinned field by field, values read off the seed
// by hand) and against the shapes other extractions produce.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_SURE, headerConfidence, importReport, listItems } from '../../src/core/importer';
import { TEXT_CHECK } from '../../src/core/messages/document-text';
import { IMPORT } from '../../src/core/messages/import';
import type { Division } from '../../src/core/model';
import { cellLine } from '../../src/core/report-document';

// the seed report, copied unchanged into the repository beside the template made from it
const SEED = readFileSync(join(__dirname, '../../sheets-template/ita-measures-report-2566-round6.txt'), 'utf8');

interface Expected {
  id: string;
  /** the seed's line */
  line: number;
  issue: string;
  steps: string[];
  responsible: string[];
  codes: string[];
  monitoring: string[];
  /** the last column, the round's result of the first responsible division */
  result: string;
}

const EXPECTED: Expected[] = [
  {
    id: 'IIT-01',
    line: 19,
    issue: 'แนวทางในการขับเคลื่อน เกี่ยวกับการเฝ้าระวังการทุจริต การตรวจสอบการทุจริต และการลงโทษทาง วินัยเมื่อมีการทุจริต',
    steps: [
      '- จัดทำแนวทางในการขับเคลื่อนเกี่ยวกับการเฝ้าระวังการทุจริต',
      '- เผยแพร่ประชาสัมพันธ์แนวทางในการขับเคลื่อนเกี่ยวกับการเฝ้าระวังการทุจริตให้ ประชาชนได้รับทราบโดยทั่วกัน',
      '- มีช่องทางการร้องเรียนการทุจริต',
      '- มีการประชาสัมพันธ์ผ่านทางเว็บไซต์หน่วยงาน ให้ประชาชนได้รับทราบ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ แนวทางในการขับเคลื่อนเกี่ยวกับการเฝ้าระวังการทุจริต',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการตรวจสอบการทุจริต',
      '๓. ผู้บริหารกำกับติดตามการตรวจสอบการทุจริต และกำหนดบทลงโทษทางวินัยเมื่อมีการทุจริต',
    ],
    result: 'สำนักงานได้ดำเนินการจัดทำแนวทางในการขับเคลื่อนเกี่ยวกับการเฝ้าระวังการทุจริต และได้ประชาสัมพันธ์ให้ประชาชนได้รับทราบ แล้ว',
  },
  {
    id: 'IIT-02',
    line: 20,
    issue: 'การขับเคลื่อนเกี่ยวกับการเฝ้าระวังการทุจริต การตรวจสอบการทุจริต และ การลงโทษทางวินัยเมื่อมี การทุจริต',
    steps: [
      '- มีช่องทางการร้องเรียนการทุจริต',
      '- จัดทำนโยบายการต่อต้านการทุจริต',
      '- จัดทำแนวทางการเฝ้าระวังการทุจริต',
      '- มีการประชาสัมพันธ์ผ่านทางเว็บไซต์หน่วยงาน ให้ประชาชนได้รับทราบ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ นโยบาย/แนวทางการเฝ้าระวังการทุจริต',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานสถิติการร้องเรียนการทุจริต รอบ ๖ เดือน และรอบ ๑๒ เดือน',
      '๓. ผู้บริหารกำกับติดตามการตรวจสอบการทุจริต และแนวทางการแก้ไขปัญหา',
    ],
    result:
      'สำนักงานได้ดำเนินการจัดทำนโยบายการต่อต้านการทุจริต, แนวทางการเฝ้าระวังการทุจริต และมีช่องทางการร้องเรียนการทุจริตที่ สะดวกและเข้าถึงได้ง่าย และได้ ประชาสัมพันธ์ให้ประชาชนได้รับทราบแล้ว',
  },
  {
    id: 'IIT-03',
    line: 21,
    issue: 'แนวทางปฏิบัติสำหรับ ร้องเรียนการทุจริต และ ช่องทางการร้องเรียนที่ สะดวกและเข้าถึงได้ง่าย',
    steps: [
      '- จัดทำแผนผัง ขั้นตอนการปฏิบัติเกี่ยวกับการร้องเรียนการทุจริต',
      '- กำหนดแนวทางในการจัดการข้อมูล',
      '- หน่วยงานต้องเพิ่มช่องทางการร้องเรียนที่ สามารถติดต่อหน่วยงานโดยตรงได้สะดวก รวดเร็วมากยิ่งขึ้น',
      '- มีการประชาสัมพันธ์ผ่านทางเว็บไซต์หน่วยงาน ให้ประชาชนได้รับทราบ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ แนวทางปฏิบัติสำหรับร้องเรียนการทุจริต',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการร้องเรียนเรื่องการทุจริต',
      '๓. ผู้บริหารกำกับติดตามให้มีช่องทางการ ร้องเรียนการทุจริต',
      '๔. บริหารกำกับติดตามประเด็นการร้องเรียน และแนวทางการแก้ไขปัญหา',
    ],
    result:
      'สำนักงานได้ดำเนินการจัดทำแนวทางปฏิบัติ สำหรับร้องเรียนการทุจริต และช่องทางการ ร้องเรียนที่สะดวกและเข้าถึงได้ง่าย และได้ ประชาสัมพันธ์ให้ประชาชนได้รับทราบแล้ว',
  },
  {
    id: 'EIT-01',
    line: 26,
    issue: 'การปรับปรุงการพัฒนา คุณภาพดำเนินงานของ หน่วยงาน',
    steps: [
      '- จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
      '- การดำเนินการตามมาตรการส่งเสริมคุณธรรม และความโปร่งใส',
      '- สรุปรายงานผลการดำเนินงานประจำปี',
      '- สรุปรายงานผลการดำเนินงานตามมาตรการ ส่งเสริมคุณธรรมและความโปร่งใส',
      '- สรุปรายงานผลการสำรวจความพึงพอใจ ในการให้บริการ',
      '- การประชาสัมพันธ์ผ่านทางเว็บไซต์หน่วยงาน ให้ประชาชนได้รับทราบ',
    ],
    responsible: ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุข'],
    codes: ['PALAD', 'FINANCE', 'ENGINEERING', 'EDUCATION', 'HEALTH'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสทุก ๖ เดือน และ ๑๒ เดือน',
      '๓. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการสำรวจความพึงพอใจในการให้บริการ',
      '๔. ผู้บริหารกำกับติดตามการดำเนินการตาม มาตรการส่งเสริมคุณธรรมและความโปร่งใสเป็น ประจำทุกเดือน',
    ],
    result:
      'สำนักปลัดดำเนินการจัดทำมาตรการส่งเสริม คุณธรรมและความโปร่งใส มีการรายงานผล การดำเนินงานประจำปี และได้จัดทำรายงาน ผลการสำรวจความพึงพอใจในการให้บริการ',
  },
  {
    id: 'EIT-02',
    line: 27,
    issue: 'การปรับปรุงการพัฒนา ขั้นตอนการดำเนินงานของ หน่วยงาน',
    steps: [
      '- จัดทำมาตรการส่งเสริมคุณธรรม และความโปร่งใส',
      '- สรุปรายงานผลการดำเนินงานประจำปี',
      '- สรุปรายงานผลการดำเนินงานตามมาตรการ ส่งเสริมคุณธรรม และความโปร่งใส',
      '- สรุปรายงานผลการสำรวจความพึงพอใจใน การให้บริการ',
      '- การประชาสัมพันธ์ผ่านทางเว็บไซต์หน่วยงาน ให้ประชาชนได้รับทราบ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ รายงานผลการดำเนินงานประจำปี',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการจัดทำ มาตรการส่งเสริมคุณธรรม และความโปร่งใส',
      '๓. เจ้าหน้าที่ผู้รับผิดชอบรายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสทุก ๖ เดือน และ ๑๒ เดือน',
      '๔. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการสำรวจความพึงพอใจในการให้บริการ',
      '๕. ผู้บริหารกำกับติดตามการดำเนินการตาม มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    ],
    result:
      'สำนักปลัดดำเนินการจัดทำมาตรการส่งเสริม คุณธรรมและความโปร่งใส มีการรายงานผล การดำเนินงานประจำปี และได้จัดทำรายงาน ผลการสำรวจความพึงพอใจในการให้บริการ พร้อมทั้งได้เผยแพร่ประชาสัมพันธ์ผ่านทาง เว็บไซต์เรียบร้อยแล้ว',
  },
  {
    id: 'EIT-03',
    line: 30,
    issue: 'การเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน',
    steps: [
      '- ประชาสัมพันธ์เชิญชวนให้บุคคลภายนอกเข้ามามีส่วนร่วมในการดำเนินการโครงการ หรือกิจกรรมต่าง ๆ',
      '- จัดทำและเผยแพร่ช่องทางการติดต่อสอบถามข้อมูล โดยมีลักษณะเป็นการสื่อสารสองทาง และช่องทางการรับฟังความคิดเห็นของผู้ที่มาติดต่อหรือรับบริการ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการประชาสัมพันธ์ทุกภารกิจงานอย่างสม่ำเสมอเป็นปัจจุบัน',
      '๒. ผู้บริหารกำกับติดตามการประชาสัมพันธ์ทุกเดือน',
      '๓. ผู้บริหารกำกับติดตามให้มีช่องทางการติดต่อสอบถาม และช่องทางรับฟังความคิดเห็นในการให้บริการ',
      '๔. เจ้าหน้าที่ผู้รับผิดชอบรายงานผู้บริหารทุก ๖ เดือน และ ๑๒ เดือน',
    ],
    result:
      'สำนักปลัดได้จัดประชุม เพื่อพิจารณาการขอมิเตอร์ไฟฟ้า ร่วมกับ สปก. ทรัพยากรป่าไม้ที่ ๘ และการไฟฟ้า เมื่อวันที่ ๒๙ มีนาคม ๒๕๖๖ โดยได้มีการเชิญชวนประชาชนให้เข้าร่วมรับฟังปัญหา ความต้องการด้วย',
  },
  {
    id: 'OIT-01',
    line: 35,
    issue: 'รายงานการกำกับติดตาม การดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน',
    steps: [
      '- จัดทำแผนป้องกันการทุจริต',
      '- รายงานติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน รอบ ๑๒ เดือน',
      '- เพิ่มเติมข้อมูลให้ครบตามองค์ประกอบ ระบุ ปัญหา อุปสรรค และข้อเสนอแนะ',
      '- รายงานความก้าวหน้าที่มีข้อมูลครอบคลุมใน ระยะเวลา ๖ เดือน',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบเพิ่มเติมข้อมูลให้ ครบตามขั้นตอน',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานความก้าวหน้าที่มีข้อมูลครอบคลุมในระยะเวลา ๖ เดือน',
      '๓. ผู้บริหารกำกับติดตามการดำเนินงาน',
    ],
    result:
      'สำนักปลัดได้จัดทำแผนป้องกันการทุจริต ประจำปี พ.ศ. ๒๕๖๖ - ๒๕๗๐ และได้ รายงานติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน เรียบร้อยแล้ว',
  },
  {
    id: 'OIT-02',
    line: 36,
    issue: 'E-Service URL ไม่เชื่อมโยง กับเว็บไซต์หลัก',
    steps: [
      '- ตรวจสอบ สํารวจการให้บริการ ผ่านระบบ E-Service',
      '- จัดทำระบบการให้บริการออนไลน์ อย่างน้อย',
      '๑ ภารกิจงานบนเว็บไซต์หน่วยงาน',
      '- เผยแพร่ข้อมูลบนเว็บไซต์หน่วยงาน และ ช่องทางอื่น ๆ',
    ],
    responsible: ['กองสาธารณสุขฯ'],
    codes: ['HEALTH'],
    monitoring: [
      '๑. เจ้าหน้าที่ทุกภารกิจงานต้องสำรวจภารกิจ ในส่วนงานของตนเองที่จะให้บริการ ผ่านระบบ E-Service',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการให้บริการผ่านระบบ E-Service รอบ ๖ เดือน และรอบ ๑๒ เดือน',
      '๓. เจ้าหน้าที่ผู้รับผิดชอบจัดทำระบบการให้บริการออนไลน์ อย่างน้อย ๑ ภารกิจงาน บน เว็บไซต์หน่วยงาน',
      '๔. ผู้บริหารกำกับติดตามการดำเนินการให้ เจ้าหน้าที่ดำเนินการภายในกำหนด',
    ],
    result:
      'กองสาธารณสุขฯ ได้ดำเนินการสำรวจภารกิจ ที่เป็นการให้บริการประชาชน และได้จัดทำการขึ้นทะเบียนสัตว์เลี้ยง (สุนัขและแมว) ประจำปีงบประมาณ ๒๕๖๖ เรียบร้อยแล้ว ประชาชนสามารถดำเนินการได้เองผ่าน เว็บไซต์ของหน่วยงาน',
  },
  {
    id: 'OIT-03',
    line: 39,
    issue: 'รายงานผลการใช้จ่าย งบประมาณประจำปี',
    steps: [
      '- เมื่อข้อบัญญัติงบประมาณดำเนินการแล้ว เจ้าหน้าที่ทุกภารกิจงานวางแผนการดำเนินงาน ในส่วนงานของตนให้มีข้อมูล อย่างน้อย โครงการ หรือกิจกรรม งบประมาณที่ใช้ ระยะเวลาที่ดำเนินการ ส่งมอบรายละเอียดให้ กองคลัง',
      '- เจ้าหน้าที่แต่ละภารกิจสรุปรายงานผลการใช้ จ่ายงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน',
      '- เจ้าหน้าที่แต่ละภารกิจสรุปรายงานการใช้จ่าย ประจำปีงบประมาณ พ.ศ. ๒๕๖๕',
      '- กองคลังรวบรวมเป็นเนื้อหาภาพรวมของ หน่วยงาน เพิ่มข้อมูลให้ครบตามองค์ประกอบ ปัญหา อุปสรรค และข้อเสนอแนะ',
      '- เผยแพร่ข้อมูลบนเว็บไซต์หน่วยงานและ ช่องทางอื่น ๆ',
    ],
    responsible: ['กองคลัง'],
    codes: ['FINANCE'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบจัดทำแผนการใ้ จ่ายงบประมาณภายในเดือนตุลาคม ๒๕๖๕',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการใ้ จ่ายงบประมาณ รอบ ๖ เดือน ของ ปีงบประมาณ พ.ศ. ๒๕๖๖ ภายในเดือนเมษายน ๒๕๖๖',
      '๓. เจ้าหน้าที่ผู้รับผิดชอบรายงานการใ้จ่าย งบประมาณประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ภายในเดือนธันวาคม ๒๕๖๕',
      '๔. ผู้บริหารกำกับติดตามการดำเนินการใ้ เจ้าหน้าที่ดำเนินการใ้แล้วเสร็จภายในระยะเวลาที่ กำหนด',
    ],
    result:
      'กองคลังได้จัดทำแผนการใ้จ่ายงบประมาณ ประจำปี ๒๕๖๖ รวมทั้งจัดทำรายงานการใ้ จ่ายงบประมาณประจำปี ๒๕๖๕ และ รายงานใ้ผู้บริหารได้รับทราบแล้ว',
  },
  {
    id: 'OIT-04',
    line: 42,
    issue: 'มาตรการส่งเสริมคุณธรรม และความโปร่งใสภายใน หน่วยงาน',
    steps: [
      '- จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ต้องมีการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปีงบประมาณ พ.ศ. ๒๕๖๔',
      '- กำหนดประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน',
      '- กำหนดประเด็นที่ต้องพัฒนาให้ดีขึ้น มีการกำหนดแนวทาง/มาตรการ เพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น ซึ่งสอดคล้องตามผลการวิเคราะห์ผลการประเมิน',
      '- กำหนดขั้นตอนหรือวิธีการปฏิบัติ',
      '- กำหนดแนวทางการกำกับติดตามให้นำไปสู่การปฏิบัติ และการรายงานผล',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน โดยมีรายละเอียดครบถ้วน เช่น การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง, การกำหนดขั้นตอนหรือวิธีการปฏิบัติ, การกำหนดแนวทางการกำกับติดตามให้นำไปสู่การปฏิบัติ และการรายงานผล',
      '๒. ผู้บริหารกำกับติดตามการดำเนินงานของเจ้าหน้าที่',
    ],
    result:
      'สำนักปลัดได้จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน โดยมีการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปีงบประมาณ พ.ศ. ๒๕๖๔ และมีการประชาสัมพันธ์ผ่านเว็บไซต์ของหน่วยงานเรียบร้อยแล้ว',
  },
  {
    id: 'OIT-05',
    line: 43,
    issue: 'การดำเนินการตาม มาตรการส่งเสริมคุณธรรม และความโปร่งใสภายใน หน่วยงาน',
    steps: [
      '- จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      '- เผยแพร่ข้อมูลบนเว็บไซต์หน่วยงานและช่องทางอื่น ๆ',
    ],
    responsible: ['สำนักปลัด'],
    codes: ['PALAD'],
    monitoring: [
      '๑. เจ้าหน้าที่ผู้รับผิดชอบจัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน รอบ ๖ เดือน และรอบ ๑๒ เดือน',
      '๒. ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่',
    ],
    result:
      'สำนักปลัดได้จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน รอบ ๖ เดือน และมีการประชาสัมพันธ์ผ่านเว็บไซต์ของหน่วยงานเรียบร้อยแล้ว',
  },
];

const division = (code: string, name: string): Division => ({ code, name, head: '', notifyEmails: [], editors: [] });
const TEMPLATE_DIVISIONS: Division[] = [
  division('PALAD', 'สำนักปลัด'),
  division('FINANCE', 'กองคลัง'),
  division('ENGINEERING', 'กองช่าง'),
  division('EDUCATION', 'กองการศึกษา'),
  division('HEALTH', 'กองสาธารณสุขและสิ่งแวดล้อม'),
];

describe('importReport on the seed report', () => {
  const r = importReport(SEED);

  test('reads the agency from the measures heading, district, province, fiscal year 2566 and round 6', () => {
    expect(r.agencyName).toBe('เทศบาลตำบลปรุใหญ่');
    expect(r.district).toBe('อำเภอเมืองนครราชสีมา');
    expect(r.province).toBe('จังหวัดนครราชสีมา');
    expect(r.fiscalYear).toBe(2566);
    expect(r.round).toBe(6);
  });

  test('gives exactly 11 measures: IIT 3, EIT 3, OIT 5, ids in order', () => {
    expect(r.measures.map((m) => m.id)).toEqual(EXPECTED.map((e) => e.id));
    expect(r.measures.filter((m) => m.area === 'IIT')).toHaveLength(3);
    expect(r.measures.filter((m) => m.area === 'EIT')).toHaveLength(3);
    expect(r.measures.filter((m) => m.area === 'OIT')).toHaveLength(5);
  });

  test.each(EXPECTED.map((e, i) => [e.id, e, i] as const))(
    '%s: every field and list item as the seed has it',
    (_id, e, i) => {
      const m = r.measures[i];
      expect(m).toEqual({
        id: e.id,
        area: e.id.slice(0, 3),
        issue: e.issue,
        steps: e.steps,
        responsible: e.responsible,
        responsibleCodes: e.codes,
        monitoring: e.monitoring,
        order: i + 1,
        // a report does not say which ITA indicators a measure addresses: the admin types them
        indicators: [],
      });
      expect(r.results.find((x) => x.measureId === e.id)).toEqual({
        measureId: e.id,
        divisionCode: e.codes[0],
        text: e.result,
      });
    },
  );

  test('derives the five divisions with stable ASCII codes, "กองสาธารณสุขฯ" being กองสาธารณสุข', () => {
    expect(r.divisions.map((d) => [d.code, d.name])).toEqual([
      ['PALAD', 'สำนักปลัด'],
      ['FINANCE', 'กองคลัง'],
      ['ENGINEERING', 'กองช่าง'],
      ['EDUCATION', 'กองการศึกษา'],
      ['HEALTH', 'กองสาธารณสุข'],
    ]);
    expect(r.results).toHaveLength(11);
  });

  /** the rows where the importer joined a stray space (thai-text.ts), each saying what it joined */
  const joinedLines = [19, 20, 21, 26, 27, 35, 36];
  const isJoined = (w: { message: string }) => w.message.startsWith(TEXT_CHECK.joined(0, '').split('0')[0]);

  test('warns, with line numbers, about the title glitch and the "ใ้" spellings, and about nothing else', () => {
    const others = r.warnings.filter((w) => !isJoined(w));
    expect(others.map((w) => w.line)).toEqual([8, 39]);
    expect(others[0].message).toBe(IMPORT.agencyMismatch('เทศบาลตำบลปทุมใหญ่', 8, 'เทศบาลตำบลปรุใหญ่'));
    expect(others[1].message).toContain('"ใ้" อาจหมายถึง "ใช้" หรือ "ให้"');
    // all eight occurrences on line 39 are listed
    expect(others[1].message.match(/ใ้/g)?.length).toBe(8 + 1);
  });

  test('joins the spaces a PDF line break left inside a word, and says which at the row', () => {
    expect(r.warnings.filter(isJoined).map((w) => w.line)).toEqual(joinedLines);
    // line 19 is IIT-01: "การ ทุจริต" (twice in the issue, once in the monitoring) and "การ เฝ้าระวัง"
    const first = r.warnings.find((w) => w.line === 19)!;
    expect(first.message).toContain('"การ ทุจริต" → "การทุจริต"');
    expect(first.message).toContain('"การ เฝ้าระวัง" → "การเฝ้าระวัง"');
    // phrase breaks, ๆ and พ.ศ. keep their space
    const all = JSON.stringify(r.measures);
    expect(all).toContain('และการลงโทษทาง วินัย');
    expect(all).toContain('ช่องทางอื่น ๆ');
    expect(all).toContain('ประจำปีงบประมาณ พ.ศ.');
    expect(all).not.toContain('การ ทุจริต');
  });

  test('keeps the glitches as written (the importer flags, it does not fix)', () => {
    const budget = r.measures.find((m) => m.id === 'OIT-03')!;
    expect(budget.monitoring[0]).toContain('แผนการใ้ จ่าย');
  });

  test('matches the given divisions, the full health name by "กองสาธารณสุข" and "กองสาธารณสุขฯ"', () => {
    const withGiven = importReport(SEED, TEMPLATE_DIVISIONS);
    expect(withGiven.divisions).toEqual(TEMPLATE_DIVISIONS);
    expect(withGiven.measures.map((m) => m.responsibleCodes)).toEqual(EXPECTED.map((e) => e.codes));
    expect(withGiven.measures.map((m) => m.responsible)).toEqual(EXPECTED.map((e) => e.responsible));
    expect(withGiven.warnings.filter((w) => !isJoined(w)).map((w) => w.line)).toEqual([8, 39]);
  });
});

/** A small report in the seed's format; rows are [issue, steps, responsible, monitoring, result]. */
const HEADER_ROW = [
  'ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อน',
  'ขั้นตอนหรือวิธีการ/มาตรการ',
  'ผู้รับผิดชอบ',
  'การรายงานผลและการกำกับติดตามกำหนดเวลา แล้วเสร็จ',
  'การดำเนินการ',
].join('\t');
const row = (issue: string, steps = '- ขั้นตอน', who = 'สำนักปลัด', monitoring = '๑. ติดตาม', result = 'ดำเนินการแล้ว') =>
  [issue, steps, who, monitoring, result].join('\t');
const TITLE = [
  'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)',
  'องค์การบริหารส่วนตำบลหนองบัว',
  'อำเภอเมือง จังหวัดขอนแก่น',
];

describe('importReport on other shapes', () => {
  test('area headings at any markdown level, bold, or none', () => {
    const text = [
      ...TITLE,
      '# ด้าน IIT',
      HEADER_ROW,
      row('ก'),
      '#### 2. ด้าน EIT',
      row('ข'),
      '**๓. ด้าน OIT**',
      row('ค'),
      'ด้าน IIT',
      row('ง'),
    ].join('\n');
    const r = importReport(text);
    expect(r.measures.map((m) => [m.id, m.issue])).toEqual([
      ['IIT-01', 'ก'],
      ['EIT-01', 'ข'],
      ['OIT-01', 'ค'],
      ['IIT-02', 'ง'],
    ]);
    expect(r.warnings).toEqual([]);
    expect([r.agencyName, r.district, r.province, r.fiscalYear, r.round]).toEqual([
      'องค์การบริหารส่วนตำบลหนองบัว',
      'อำเภอเมือง',
      'จังหวัดขอนแก่น',
      2567,
      12,
    ]);
  });

  test('a header row repeated mid-table (a page break) is skipped, the table goes on', () => {
    const text = [...TITLE, '๑. ด้าน EIT', HEADER_ROW, row('ก'), HEADER_ROW, row('ข'), '', HEADER_ROW, row('ค')].join(
      '\n',
    );
    const r = importReport(text);
    expect(r.measures.map((m) => `${m.id} ${m.issue}`)).toEqual(['EIT-01 ก', 'EIT-02 ข', 'EIT-03 ค']);
    expect(r.warnings).toEqual([]);
  });

  test('a header row with the columns in another order says where each column is', () => {
    const header = [
      'ผู้รับผิดชอบ',
      'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
      'การดำเนินการ',
      'ขั้นตอนหรือวิธีการ/มาตรการ',
      'การรายงานผลและการกำกับติดตามกำหนดเวลาแล้วเสร็จ',
    ];
    const text = [
      ...TITLE,
      'ด้าน OIT',
      header.join('\t'),
      ['กองคลัง', 'ประเด็น', 'ผล', '- ขั้น', '๑. ติดตาม'].join('\t'),
    ].join('\n');
    const m = importReport(text).measures[0];
    expect([m.issue, m.steps, m.responsible, m.monitoring]).toEqual(['ประเด็น', ['- ขั้น'], ['กองคลัง'], ['๑. ติดตาม']]);
  });

  test('inline numbered items split only at the next number: "พ.ศ. ๒๕๖๖", "ที่ ๘", "๒.๕" stay inside', () => {
    expect(listItems('๑. จัดทำแผน พ.ศ. ๒๕๖๖ ที่ ๘ วงเงิน ๒.๕ ล้านบาท ๒. รายงานผล ๓ ครั้ง ๓. ผู้บริหารติดตาม')).toEqual([
      '๑. จัดทำแผน พ.ศ. ๒๕๖๖ ที่ ๘ วงเงิน ๒.๕ ล้านบาท',
      '๒. รายงานผล ๓ ครั้ง',
      '๓. ผู้บริหารติดตาม',
    ]);
    expect(listItems('1. plan 2566 2. report 4. not next 3. follow up')).toEqual([
      '1. plan 2566',
      '2. report 4. not next',
      '3. follow up',
    ]);
  });

  test('inline dash items keep their markers; a year range "๒๕๖๖ - ๒๕๗๐" is not a new item', () => {
    expect(listItems('- จัดทำแผน  ประจำปี ๒๕๖๖ - ๒๕๗๐ - รายงาน\nผล')).toEqual([
      '- จัดทำแผน ประจำปี ๒๕๖๖ - ๒๕๗๐',
      '- รายงาน ผล',
    ]);
  });

  test('HTML lists: one item per <li> exactly, tags stripped, entities decoded', () => {
    expect(
      listItems(
        '<ol style="x"> <li>๑. ก &amp; ข</li><li>๒. &lt;ค&gt; &quot;ง&quot; &#3592; &#x0E08;<br/>ต่อ</li> <li> </li></ol>',
      ),
    ).toEqual(['๑. ก & ข', '๒. <ค> "ง" จ จ ต่อ']);
    expect(listItems('<ul><li>- อย่างน้อย</li><li>๑ ภารกิจ</li></ul>')).toEqual(['- อย่างน้อย', '๑ ภารกิจ']);
  });

  test('a malformed row with 3 columns gives a warning with its line, the other rows still import', () => {
    const text = [...TITLE, 'ด้าน IIT', HEADER_ROW, 'ก\t- ข\tสำนักปลัด', row('ค')].join('\n');
    const r = importReport(text);
    expect(r.measures.map((m) => m.issue)).toEqual(['ค']);
    expect(r.warnings).toEqual([{ line: 7, message: IMPORT.columnCount(3) }]);
  });

  test('empty input: no measures, a warning, no crash', () => {
    for (const text of ['', '   \n\n\t\n']) {
      const r = importReport(text);
      expect(r.measures).toEqual([]);
      expect(r.divisions).toEqual([]);
      expect(r.fiscalYear).toBeNull();
      expect(r.round).toBeNull();
      expect(r.warnings).toEqual([{ line: 1, message: IMPORT.empty }]);
    }
  });

  test('text with no table: says no measures were found, and which title parts are missing', () => {
    const r = importReport('สวัสดี\nเอกสารอื่น');
    expect(r.measures).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([IMPORT.noMeasures, IMPORT.noFiscalYear, IMPORT.noRound]);
  });

  test('a row before any area heading, an unknown line and a bad round are warned about by line', () => {
    const text = ['ประจำปีงบประมาณ พ.ศ. 2566 รอบ 9 เดือน', 'เทศบาลตำบลทดสอบ', HEADER_ROW, row('ก'), 'หน้า ๒ จาก ๓'].join(
      '\r\n',
    );
    const r = importReport(text);
    expect(r.measures.map((m) => m.id)).toEqual(['IIT-01']);
    expect(r.fiscalYear).toBe(2566);
    expect(r.round).toBeNull();
    expect(r.warnings).toEqual([
      { line: 1, message: IMPORT.badRound('9') },
      { line: 4, message: IMPORT.rowBeforeArea },
      { line: 5, message: IMPORT.unknownLine('หน้า ๒ จาก ๓') },
    ]);
  });

  test('a tone mark right after ใ/ไ is flagged with its line, the text kept as written', () => {
    const text = [...TITLE, 'ด้าน IIT', HEADER_ROW, row('การใ้จ่าย'), row('ปกติ')].join('\n');
    const r = importReport(text);
    expect(r.measures[0].issue).toBe('การใ้จ่าย');
    expect(r.warnings).toEqual([{ line: 7, message: IMPORT.misspelling(['การใ้จ่าย']) }]);
  });

  test('several divisions in one cell split on spaces; unknown names become new divisions (warned when divisions were given)', () => {
    const text = [
      ...TITLE,
      'ด้าน IIT',
      HEADER_ROW,
      row('ก', '- ข', 'กองคลัง กองสวัสดิการสังคม งานป้องกันภัย'),
      row('ข', '- ข', 'กองสวัสดิการสังคมฯ'),
    ].join('\n');
    const derived = importReport(text);
    expect(derived.divisions.map((d) => [d.code, d.name])).toEqual([
      ['FINANCE', 'กองคลัง'],
      ['WELFARE', 'กองสวัสดิการสังคม'],
      ['D01', 'งานป้องกันภัย'],
    ]);
    expect(derived.measures.map((m) => m.responsibleCodes)).toEqual([['FINANCE', 'WELFARE', 'D01'], ['WELFARE']]);
    expect(derived.warnings).toEqual([]);

    const given = importReport(text, TEMPLATE_DIVISIONS);
    expect(given.divisions.slice(5).map((d) => [d.code, d.name])).toEqual([
      ['WELFARE', 'กองสวัสดิการสังคม'],
      ['D01', 'งานป้องกันภัย'],
    ]);
    expect(given.warnings).toEqual([
      { line: 7, message: IMPORT.newDivision('กองสวัสดิการสังคม', 'WELFARE') },
      { line: 7, message: IMPORT.newDivision('งานป้องกันภัย', 'D01') },
    ]);
    expect(given.results[0]).toEqual({ measureId: 'IIT-01', divisionCode: 'FINANCE', text: 'ดำเนินการแล้ว' });
  });

  test('a division first named abbreviated ("ฯ") and later in full gets the full name', () => {
    const text = [
      ...TITLE,
      'ด้าน OIT',
      HEADER_ROW,
      row('ก', '- ข', 'กองสาธารณสุขฯ'),
      row('ข', '- ข', 'กองสาธารณสุขและสิ่งแวดล้อม'),
    ].join('\n');
    const r = importReport(text);
    expect(r.divisions.map((d) => [d.code, d.name])).toEqual([['HEALTH', 'กองสาธารณสุขและสิ่งแวดล้อม']]);
    expect(r.measures.map((m) => m.responsibleCodes)).toEqual([['HEALTH'], ['HEALTH']]);
  });
});

describe('imports refuse rather than guess (issue 26, class 5)', () => {
  const EIGHT = ['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ'];

  test('a header worded differently is still the header: 8 measures, no header rows as measures, no division named after a header cell', () => {
    const reworded = [
      'ประเด็นข้อบกพร่องหรือจุดอ่อน',
      'ขั้นตอน / วิธีการดำเนินงาน',
      'หน่วยงานผู้รับผิดชอบ',
      'การรายงานผลและการติดตาม ระยะเวลาแล้วเสร็จ',
      'ผลการดำเนินการ',
    ].join('\t');
    const text = [
      ...TITLE,
      'ด้าน IIT',
      reworded,
      ...EIGHT.slice(0, 4).map((x) => row(x)),
      reworded,
      ...EIGHT.slice(4).map((x) => row(x)),
    ].join('\n');
    const r = importReport(text);
    expect(r.refused).toEqual([]);
    expect(r.measures.map((m) => m.issue)).toEqual(EIGHT);
    expect(r.divisions.map((d) => d.name)).toEqual(['สำนักปลัด']);
  });

  test('two columns swapped: read by their headers, the monitoring column is not taken for divisions', () => {
    const header = [
      'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
      'ขั้นตอนหรือวิธีการ/มาตรการ',
      'การรายงานผลและการกำกับติดตามกำหนดเวลาแล้วเสร็จ',
      'ผู้รับผิดชอบ',
      'การดำเนินการ',
    ].join('\t');
    const text = [...TITLE, 'ด้าน EIT', header, ['ประเด็น', '- ขั้น', '๑. ติดตามทุกเดือน', 'กองคลัง', 'ผล'].join('\t')].join(
      '\n',
    );
    const r = importReport(text);
    expect(r.refused).toEqual([]);
    expect(r.measures.map((m) => [m.responsible, m.monitoring])).toEqual([[['กองคลัง'], ['๑. ติดตามทุกเดือน']]]);
    expect(r.divisions.map((d) => d.name)).toEqual(['กองคลัง']);
  });

  test('a header row whose columns cannot all be placed is refused at its line, and so is every row under no header', () => {
    const half = ['ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'ผู้รับผิดชอบ', 'หมายเหตุ', 'อื่น ๆ'].join('\t');
    const r = importReport([...TITLE, 'ด้าน IIT', half, row('ก')].join('\n'));
    expect(r.refused.map((w) => w.line)).toEqual([6, 7]);
    expect(r.refused[0].message).toContain('"การดำเนินการ"');
    expect(r.refused[1].message).toBe(IMPORT.rowBeforeHeader);
    expect(r.measures).toEqual([]);
    // no header at all: the column order is not assumed
    expect(importReport([...TITLE, 'ด้าน IIT', row('ก')].join('\n')).refused).toEqual([
      { line: 6, message: IMPORT.rowBeforeHeader },
    ]);
  });

  test('the confidence: the schema header 1, a reworded one at least the threshold, a data cell below it', () => {
    expect(headerConfidence('ผู้รับผิดชอบ', 'responsible')).toBe(1);
    expect(headerConfidence('ผู้รับผิดชอบหลัก', 'responsible')).toBeGreaterThanOrEqual(HEADER_SURE);
    expect(headerConfidence('กองคลัง', 'responsible')).toBeLessThan(HEADER_SURE);
    expect(headerConfidence('ผู้รับผิดชอบ', 'monitoring')).toBeLessThan(HEADER_SURE);
  });
});

describe('Word "●" bullets as a PDF gives them (issue 26, class 5)', () => {
  test('each bullet starts an item, with or without a space after it; a private-use bullet glyph reads as •', () => {
    expect(listItems('● จัดทำแผนการใช้จ่าย ● รายงานผลทุกไตรมาส ●ติดตามผล')).toEqual([
      '● จัดทำแผนการใช้จ่าย',
      '● รายงานผลทุกไตรมาส',
      '●ติดตามผล',
    ]);
    expect(listItems('\uF0B7 ก \uF0B7 ข')).toEqual(['• ก', '• ข']);
    // a dash range stays inside its item
    expect(listItems('● แผน ๒๕๖๖ - ๒๕๗๐ ● รายงาน')).toEqual(['● แผน ๒๕๖๖ - ๒๕๗๐', '● รายงาน']);
  });

  test('a cell of "●" paragraphs is a list through every reader: one measure step per bullet', () => {
    const text = [...TITLE, 'ด้าน IIT', HEADER_ROW, row('ก', '● จัดทำแผน ● รายงานผล ● ติดตาม')].join('\n');
    expect(importReport(text).measures[0].steps).toEqual(['● จัดทำแผน', '● รายงานผล', '● ติดตาม']);
    expect(cellLine(['● จัดทำแผน', '● รายงานผล'])).toBe('<ul><li>● จัดทำแผน</li><li>● รายงานผล</li></ul>');
  });
});

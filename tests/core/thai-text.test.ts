// Labels in warnings cut a measure's long issue short; a Thai reader must never see a vowel or tone
// mark torn from its consonant, and a short issue stays whole.
import { shortText } from '../../src/core/thai';

describe('shortText', () => {
  it('leaves text within the limit as it is', () => {
    expect(shortText('ประเด็นสั้น', 40)).toBe('ประเด็นสั้น');
  });

  it('cuts at the last space before the limit and marks the cut', () => {
    expect(shortText('การเปิดเผยข้อมูล ผลการจัดซื้อจัดจ้าง ประจำปี', 30)).toBe('การเปิดเผยข้อมูล…');
  });

  it('never cuts between a consonant and its vowel or tone mark', () => {
    // no space to cut at: the cut at 6 would fall before "ี" and "่" of "ที่"
    const cut = shortText('หน่วยที่รับผิดชอบดำเนินการ', 6);
    expect(cut).toBe('หน่วยที่…');
  });
});

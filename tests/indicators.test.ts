/** Indicators: figures read from counts by rules/indicators.ts, and the computed ones, with their provenance. */
import { describe, expect, it } from 'vitest';
import { notice, noticeBytes } from './helpers.js';
import type { Indicator } from '../output/schema.js';
import { twoMonthsAfter } from '../text/isoDate.js';

/** A small notice around some body text, with dates in the opening and the signature. */
function sample(body: string, dates = { feedback: '9月11日', signed: '2024年3月25日' }): string {
  return [
    `根据市委统一部署，2023年6月7日至7月28日，市委第四巡察组对测试单位进行了巡察。${dates.feedback}，巡察组向测试单位反馈了巡察意见。`,
    '一、整改工作总体情况',
    body,
    '二、下一步工作计划',
    '持续巩固整改成果，建立长效机制。',
    '欢迎广大干部群众对巡察整改落实情况进行监督。',
    '测试单位',
    dates.signed,
  ].join('\n');
}

const ind = (text: string) => notice(sample(text)).indicators!;
const slice = (t: string, f: Indicator | null) => (f?.span ? t.slice(f.span.start, f.span.end) : null);

describe('indicators', () => {
  it('reads problems and the stated rate, computes the rate, and flags no mismatch within rounding', () => {
    const i = ind('截至2024年1月31日，反馈的24个问题已完成整改23个，完成率95.8%。');
    expect(i.problemsFound?.value).toBe(24);
    expect(i.problemsCompleted?.value).toBe(23);
    expect(i.completionRateStated?.value).toBe(95.8);
    expect(i.completionRateComputed).toMatchObject({ value: 95.83, unit: '%', text: null, span: null, rule: 'indicator/completion-rate-computed' });
    expect(i.completionRateComputed!.inputs.map((x) => x.text)).toEqual(['23个', '24个问题']);
    expect(i.completionRateMismatch).toBe(false);
  });

  it('flags a stated rate that the figures do not give (45 of 48 is 93.75%, not 95%)', () => {
    const i = ind('截至11月30日，48个问题已完成整改45个，完成率95%。');
    expect(i.completionRateComputed?.value).toBe(93.75);
    expect(i.completionRateMismatch).toBe(true);
  });

  it('every figure read from the text carries its span, exact text, section and rule', () => {
    const text = sample('向市纪委监委移交问题线索5件，已立案3件，给予党纪政务处分4人，诫勉谈话7人次，清退违规发放款项46.3万元。');
    const doc = notice(text);
    const i = doc.indicators!;
    for (const [name, want, unit] of [
      ['cluesTransferred', 5, '件'],
      ['casesFiled', 3, '件'],
      ['peopleDisciplined', 4, '人'],
      ['admonished', 7, '人次'],
      ['moneyRefundedYuan', 463000, '元'],
    ] as const) {
      const f = i[name]!;
      expect(f.value, name).toBe(want);
      expect(f.unit, name).toBe(unit);
      expect(slice(doc.text, f), name).toBe(f.text);
      expect(f.section, name).toBe('1');
      expect(f.rule, name).toMatch(/^indicator\//u);
    }
  });

  it('takes a total over its parts, and lists the other mentions', () => {
    const text = sample('追回多付工程款318.6万元。二是追回各类资金356.2万元。三是对违规接待支出8650元全部追缴。');
    const doc = notice(text);
    const f = doc.indicators!.moneyRecoveredYuan!;
    expect(f.value).toBe(3562000);
    expect(f.others).toHaveLength(2);
  });

  it('prefers a mention marked as a total (共计) even when a part is larger', () => {
    const f = ind('清退违规津贴50万元。共计清退各类款项46.3万元。').moneyRefundedYuan!;
    expect(f.value).toBe(463000);
  });

  it('takes the first mention of problems (the summary), not a later one', () => {
    const i = ind('对照巡察反馈的3个方面14个问题，制定整改措施45条。对上轮巡察反馈的17个问题进行“回头看”。审计发现问题5个方面21个。');
    expect(i.problemsFound?.value).toBe(14);
  });

  it('reads nothing from a plan: 计划…修订完善制度5项以上', () => {
    const i = ind('计划于2024年上半年再修订完善制度5项以上。');
    expect(i.regulationsRevised).toBeNull();
  });

  it('gives regulations made/revised from titles when no figure is stated, with the titles as inputs', () => {
    const i = ind('制定《测试单位采购管理办法》，修订《测试单位议事规则》和《测试单位公务接待规定》。');
    expect(i.regulationsMade).toMatchObject({ value: 1, rule: 'indicator/regulations-made-titles' });
    expect(i.regulationsRevised).toMatchObject({ value: 2, rule: 'indicator/regulations-revised-titles' });
    expect(i.regulationsRevisedTitles).toEqual(['测试单位议事规则', '测试单位公务接待规定']);
    expect(i.regulationsRevised!.inputs.map((x) => x.text)).toEqual(['测试单位议事规则', '测试单位公务接待规定']);
  });

  it('counts measures by the status of their sections', () => {
    const i = ind('一是加强组织领导。二是细化整改措施。');
    expect(i.measuresPlanned).toBeGreaterThanOrEqual(1);
    expect(i.measuresDone + i.measuresOngoing + i.measuresPlanned + i.measuresUnclassified).toBe(notice(sample('一是加强组织领导。二是细化整改措施。')).measures.length);
  });

  it('computes the timeline from the metadata: 52 inspection days, 196 days from feedback to publication', () => {
    const i = ind('加强组织领导。');
    expect(i.inspectionDays).toMatchObject({ value: 52, unit: '天' });
    expect(i.inspectionDays!.inputs.map((x) => x.text)).toEqual(['2023年6月7日至7月28日']);
    expect(i.daysFeedbackToPublished).toMatchObject({ value: 196, unit: '天' });
    expect(i.publishedWithinTwoMonths).toBe(false);
  });

  it('says a notice published within two months of the feedback was on time', () => {
    const i = notice(sample('加强组织领导。', { feedback: '9月11日', signed: '2023年11月10日' })).indicators!;
    expect(i.daysFeedbackToPublished?.value).toBe(60);
    expect(i.publishedWithinTwoMonths).toBe(true);
  });

  it('two calendar months after a date clamps to the month’s end', () => {
    expect(twoMonthsAfter('2023-09-11')).toBe('2023-11-11');
    expect(twoMonthsAfter('2023-12-31')).toBe('2024-02-29');
    expect(twoMonthsAfter('2023-11-30')).toBe('2024-01-30');
  });

  it('a failed document has no indicators', async () => {
    expect((await noticeBytes(new Uint8Array(), 'empty.txt')).indicators).toBeNull();
  });
});

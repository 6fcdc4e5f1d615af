/**
 * Chinese labels of the units.csv columns, for report.html (Chinese first; the English name and description go in a
 * tooltip) and the columns sheet of units.xlsx, and the columns of the report's comparison table with the short
 * headings it prints (one or two lines each, so that no column is narrower than its heading on A4 landscape).
 */

/** The Chinese label of every units.csv column (tests check that every column has one). */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  unit: '单位',
  inspectionKind: '类型（巡视/巡察/审计）',
  inspector: '巡视组/巡察组/审计机关',
  round: '轮次',
  inspectionStart: '进驻开始',
  inspectionEnd: '进驻结束',
  inspectionDays: '进驻天数',
  feedbackDate: '反馈日期',
  publishedDate: '公布日期',
  daysFeedbackToPublished: '反馈到公布天数',
  publishedWithinTwoMonths: '两个月内公布',
  problemsFound: '反馈问题数',
  problemsCompleted: '已完成整改问题数',
  problemsBasicallyCompleted: '基本完成问题数',
  problemsNotCompleted: '未完成问题数',
  completionRateStated: '完成率（通报所述）%',
  completionRateComputed: '完成率（按数字计算）%',
  completionRateMismatch: '所述与计算的完成率不符',
  measuresDone: '措施：已完成',
  measuresOngoing: '措施：持续推进',
  measuresPlanned: '措施：计划',
  measuresUnclassified: '措施：未标明状态',
  regulationsStated: '新建和修订制度（合计）',
  regulationsMade: '新建制度',
  regulationsMadeFrom: '新建制度数的来源',
  regulationsRevised: '修订制度',
  regulationsRevisedFrom: '修订制度数的来源',
  regulationsMadeTitleCount: '新建制度《》名称数',
  regulationsRevisedTitleCount: '修订制度《》名称数',
  cluesTransferred: '移交问题线索',
  casesFiled: '立案',
  peopleDisciplined: '处分（人）',
  admonished: '诫勉谈话',
  heldAccountable: '问责（人）',
  moneyRefundedYuan: '清退资金（元）',
  moneyRecoveredYuan: '追回资金（元）',
  lossesRecoveredYuan: '挽回损失（元）',
  democraticLifeMeetings: '专题民主生活会',
  partyLectures: '专题党课',
  studySessions: '专题学习',
  source: '结果来源（通报文件）',
  otherNotices: '同一单位较早的通报',
};

/** The Chinese label of a column, falling back to its name for a column this table does not know yet. */
export const labelOf = (name: string): string => COLUMN_LABELS[name] ?? name;

/** How a table column sorts and aligns. */
export type ColumnType = 'text' | 'num' | 'date';

/** A column of the report's comparison table: the units.csv column, its heading lines, its English name. */
export interface TableColumn {
  key: string;
  head: readonly string[];
  en: string;
  type: ColumnType;
}

/** The comparison table, in order. Headings are short (two lines at most) so that the printed table fits A4. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'unit', head: ['单位'], en: 'Unit', type: 'text' },
  { key: 'inspectionKind', head: ['类型'], en: 'Kind (巡视 inspection / 巡察 circuit inspection / 审计 audit)', type: 'text' },
  { key: 'inspector', head: ['巡视巡察组', '审计机关'], en: 'Inspected by', type: 'text' },
  { key: 'feedbackDate', head: ['反馈'], en: 'Feedback date', type: 'date' },
  { key: 'publishedDate', head: ['公布'], en: 'Published', type: 'date' },
  { key: 'daysFeedbackToPublished', head: ['反馈到', '公布天数'], en: 'Days from feedback to publication (✓ within two months)', type: 'num' },
  { key: 'problemsFound', head: ['问题数'], en: 'Problems fed back', type: 'num' },
  { key: 'problemsCompleted', head: ['已完成'], en: 'Problems completed', type: 'num' },
  { key: 'completionRateStated', head: ['完成率%', '通报'], en: 'Completion rate as stated (%)', type: 'num' },
  { key: 'completionRateComputed', head: ['完成率%', '计算'], en: 'Completion rate computed: completed / found (%)', type: 'num' },
  { key: 'measuresDone', head: ['措施', '已完成'], en: 'Measures done', type: 'num' },
  { key: 'measuresOngoing', head: ['措施', '持续'], en: 'Measures ongoing', type: 'num' },
  { key: 'measuresPlanned', head: ['措施', '计划'], en: 'Measures planned', type: 'num' },
  { key: 'regulationsStated', head: ['制度', '合计'], en: 'Regulations made and revised, one combined figure', type: 'num' },
  { key: 'regulationsMade', head: ['制度', '新建'], en: 'Regulations made (《》: counted from titles, a lower bound)', type: 'num' },
  { key: 'regulationsRevised', head: ['制度', '修订'], en: 'Regulations revised (《》: counted from titles, a lower bound)', type: 'num' },
  { key: 'peopleDisciplined', head: ['处分', '(人)'], en: 'People disciplined', type: 'num' },
  { key: 'moneyRecoveredYuan', head: ['追回资金', '(元)'], en: 'Money recovered (yuan)', type: 'num' },
];

/** Measure statuses in the order the per-unit view lists them, with their labels. */
export const STATUS_LABELS: ReadonlyArray<{ status: 'done' | 'ongoing' | 'planned' | null; zh: string; en: string }> = [
  { status: 'done', zh: '已完成', en: 'done' },
  { status: 'ongoing', zh: '持续推进', en: 'ongoing' },
  { status: 'planned', zh: '计划', en: 'planned' },
  { status: null, zh: '未标明状态', en: 'no status stated' },
];

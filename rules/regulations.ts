/**
 * Regulations (output-contract.md, Regulation): every title in 《》, with the action the text takes on it, read
 * from the verb just before the title (or before the first title of a chain 《A》《B》, 《A》和《B》, which shares
 * the verb). Each rule's pattern is anchored at the end of the clause before the title; the first rule that
 * matches wins, so the mixed rule stands before made and revised.
 *
 * Decisions:
 * - 新建和修订了《A》等10项 (one verb phrase naming both actions) gives action null: the text does not say which
 *   of the titles were made and which revised.
 * - A title followed by a noun modifies that noun (对照《…规划》中期评估结果, 完成《…规划》实施情况中期报告): the
 *   verb acts on the noun, not on the regulation, so the action is null. Followers that name the regulation's
 *   content (要求, 规定, 精神, 有关规定) keep the action.
 * - The rectification's own working documents are not regulations, whatever the verb: the plan answering the
 *   feedback (《…反馈意见整改方案》), its problem/task/responsibility lists (《…整改任务清单》), a notice about doing
 *   the rectification (《关于成立…整改工作专班的通知》), a report (《…审计工作报告》) and the feedback itself
 *   (《…反馈意见》) get action null, with the id of the WORKING_DOCUMENT_RULES entry that names them; so does every
 *   later mention of a short name set up for one of them by 以下简称 (ALIAS_AFTER). Standing rules and plans the unit
 *   adopts keep the verb's action: 办法, 规定, 规则, 细则, 实施意见, 行动方案, 主体责任清单 (they name no 整改/反馈).
 * - A regulation is made or revised only when the text says it was: a plan word before the verb (计划/拟/将…修订《…》)
 *   gives null (regulation/planned), and so does a made/revised title in a section of plans (四、下一步工作安排 — the
 *   measures' STATUS_RULES decide which sections those are), with the suffix +planned on the verb's rule id.
 */
import type { Rule } from './ruleTypes.js';

/** What the text does with a regulation. */
export type RegulationAction = 'made' | 'revised' | 'cited' | null;

/** Value of an action rule. */
export interface ActionValue {
  action: RegulationAction;
}

/** Words that may stand between the verb and the title: 了, and the owner of the regulation (修订学校《…》). */
const OWNER = '(?:了|过)?(?:新修订的|新制定的|学校的?|本校|我校|全校|本单位|单位|医院|集团公司|集团|公司|本局|我局|本委|我委|全县|全市|全区|全省)?';

const action = (verbs: string) => new RegExp(`(?:${verbs})${OWNER}$`, 'u');

/** Verbs that make a regulation (regulation/made) and that revise one (regulation/revised). */
const MADE_VERBS = '制定并印发|制定并实施|制定实施|制定出台|研究制定|新制定|制定|出台|新建|建立|印发|起草|编制|发布|制发|颁布|新增';
const REVISED_VERBS = '启动修订|重新修订|修订完善|修改完善|及时修订|修订|修改|完善';

/** What a working document is, read from its title. */
export interface WorkingDocumentValue {
  document: 'plan' | 'list' | 'notice' | 'report' | 'feedback';
}

/** Where a list's title names the rectification itself: 整改, or the feedback it answers (反馈意见, 反馈问题). */
const RECTIFICATION = '(?:整改|反馈)';

/**
 * The rectification's own working documents, told by their title alone (run on the title inside 《》; the first rule
 * that matches decides). They are not regulations, so their action is null whatever the verb before them.
 */
export const WORKING_DOCUMENT_RULES: readonly Rule<WorkingDocumentValue>[] = [
  {
    id: 'regulation/rectification-plan',
    description: 'the plan answering the feedback: 《…反馈意见整改方案》, 《…巡视整改工作方案》, 《…整改落实方案》, 《落实…巡察反馈意见的实施方案》 → null',
    pattern: /整改(?:工作|落实|实施)*方案$|(?:反馈|巡视|巡察|审计).*(?:整改|反馈).*方案$/u,
    extract: () => ({ document: 'plan' }),
    examples: [
      { text: '镇党委印发《中共柳汀镇委员会落实县委第二巡察组反馈意见整改方案》，明确', match: '中共柳汀镇委员会落实县委第二巡察组反馈意见整改方案', value: { action: null } },
      { text: '逐条研究制定《局党组落实市委巡察反馈意见整改工作方案》，细化整改措施', match: '局党组落实市委巡察反馈意见整改工作方案', value: { action: null } },
      { text: '制定了《关于落实区委巡察反馈问题的整改落实工作方案》（柳发〔2024〕6号）', match: '关于落实区委巡察反馈问题的整改落实工作方案', value: { action: null } },
      { text: '制定《柳汀镇落实县委巡察反馈意见的实施方案》，', match: '柳汀镇落实县委巡察反馈意见的实施方案', value: { action: null } },
    ],
  },
  {
    id: 'regulation/rectification-list',
    description: 'the rectification\'s problem, task and responsibility lists: 《…整改任务清单》, 《巡察整改责任清单》, 《问题清单》 → null',
    pattern: new RegExp(`${RECTIFICATION}.*(?:清单|台账)$|^(?:问题|任务|责任|整改)(?:清单|台账)$`, 'u'),
    extract: () => ({ document: 'list' }),
    examples: [
      { text: '建立《县水利局巡察反馈问题整改任务清单》，逐项销号', match: '县水利局巡察反馈问题整改任务清单', value: { action: null } },
      { text: '制定《巡察整改责任清单》，压实责任', match: '巡察整改责任清单', value: { action: null } },
    ],
  },
  {
    id: 'regulation/rectification-notice',
    description: 'a notice about doing the rectification: 《关于成立巡察整改工作领导小组的通知》 → null',
    pattern: /(?:整改|反馈|巡视|巡察|审计).*通知$/u,
    extract: () => ({ document: 'notice' }),
    examples: [{ text: '印发《关于成立巡察整改工作领导小组的通知》（柳委〔2024〕3号）', match: '关于成立巡察整改工作领导小组的通知', value: { action: null } }],
  },
  {
    id: 'regulation/report',
    description: 'a report: the audit work report being rectified, a progress report (《…审计工作报告》, 《…整改情况报告》) → null',
    pattern: /报告$/u,
    extract: () => ({ document: 'report' }),
    examples: [
      { text: '县人大常委会审议了《云梭县2023年度县本级预算执行和其他财政收支的审计工作报告》。', match: '云梭县2023年度县本级预算执行和其他财政收支的审计工作报告', value: { action: null } },
      { text: '形成《柳汀镇巡察整改情况报告》报县委', match: '柳汀镇巡察整改情况报告', value: { action: null } },
    ],
  },
  {
    id: 'regulation/feedback',
    description: 'the feedback being answered: 《…巡察组关于…的反馈意见》, the congress\'s 《…审议意见》 → null',
    pattern: /(?:反馈|审议)意见$/u,
    extract: () => ({ document: 'feedback' }),
    examples: [{ text: '认真学习《县委第三巡察组关于巡察柳汀镇党委的反馈意见》，逐条', match: '县委第三巡察组关于巡察柳汀镇党委的反馈意见', value: { action: null } }],
  },
];

/**
 * A short name set up right after a title: 《…》（以下简称《方案》） or （以下简称“方案”）. Every later 《短名》 names
 * the same document; the short name inside the brackets is not a regulation of its own (regulation/alias).
 */
export const ALIAS_AFTER = /^[（(](?:以下简称|下称|以下称)[:：]?[《“"](?<alias>[^》”"）)]{1,40})[》”"]/u;

/** Action rules, tried in order on the clause before a title (chain). */
export const REGULATION_ACTION_RULES: readonly Rule<ActionValue>[] = [
  {
    id: 'regulation/planned',
    description: 'a plan word before the verb: 计划/拟/将/力争…修订《…》 → null (not made or revised yet)',
    pattern: new RegExp(`(?:计划|拟|将|力争|争取|预计|准备|适时)[^,，。;；]{0,12}?(?:${MADE_VERBS}|${REVISED_VERBS})${OWNER}$`, 'u'),
    extract: () => ({ action: null }),
    examples: [
      { text: '计划于2024年6月底前修订《柳汀镇村级财务管理办法》，进一步', match: '柳汀镇村级财务管理办法', value: { action: null } },
      { text: '拟出台《柳汀镇农村集体资产管理办法》', match: '柳汀镇农村集体资产管理办法', value: { action: null } },
    ],
  },
  {
    id: 'regulation/mixed',
    description: 'one verb phrase naming both making and revising: 新建和修订了《A》 → null',
    pattern: action('(?:新建|制定|新制定|出台)(?:和|及|与|、)(?:修订|修改)|(?:修订|修改)(?:和|及|与|、)(?:新建|制定|新制定)|制修订|制定修订|立改废'),
    extract: () => ({ action: null }),
    examples: [{ text: '新建和修订了《南海区档案馆领导班子会议议事规则》等10项规章制度', match: '南海区档案馆领导班子会议议事规则', value: { action: null } }],
  },
  {
    id: 'regulation/made',
    description: 'made: 制定/出台/新建/建立/印发/起草/编制/发布/制发 《…》',
    pattern: action(MADE_VERBS),
    extract: () => ({ action: 'made' }),
    examples: [
      { text: '逐条研究制定《局党组机关公务用车管理办法》，规范用车', match: '局党组机关公务用车管理办法', value: { action: 'made' } },
      { text: '新建《A办法》《B规程》，实现', match: 'B规程', value: { action: 'made' } },
      { text: '出台学校《深化党政管理部门机构改革指导意见》，印发', match: '深化党政管理部门机构改革指导意见', value: { action: 'made' } },
      { text: '出台了《柳汀镇乡村文旅融合三年行动方案》，明确', match: '柳汀镇乡村文旅融合三年行动方案', value: { action: 'made' } },
      { text: '制定了《柳汀镇安全隐患排查整改专项行动方案》，', match: '柳汀镇安全隐患排查整改专项行动方案', value: { action: 'made' } },
      { text: '制定了《柳汀镇党委落实全面从严治党主体责任清单》，明确', match: '柳汀镇党委落实全面从严治党主体责任清单', value: { action: 'made' } },
    ],
  },
  {
    id: 'regulation/revised',
    description: 'revised: 修订/修改/完善/重新修订 《…》',
    pattern: action(REVISED_VERBS),
    extract: () => ({ action: 'revised' }),
    examples: [
      { text: '一是修订《云渡市人民医院党委会议议事规则》和《云渡市人民医院院长办公会议议事规则》，明确', match: '云渡市人民医院院长办公会议议事规则', value: { action: 'revised' } },
      { text: '学校修订《研究生学位论文质量保障办法》，实行', match: '研究生学位论文质量保障办法', value: { action: 'revised' } },
      { text: '修订了《柳汀镇关于加强村级监督的实施意见》，明确', match: '柳汀镇关于加强村级监督的实施意见', value: { action: 'revised' } },
    ],
  },
  {
    id: 'regulation/cited',
    description: 'cited: 根据/按照/依据/依照/对照/贯彻/学习/执行/落实 《…》',
    pattern: action('严格按照|严格执行|严格落实|贯彻落实|深入贯彻|深入落实|全面落实|深化落实|根据|按照|依据|依照|遵照|遵循|参照|对照|贯彻|学习|执行|落实|实施'),
    extract: () => ({ action: 'cited' }),
    examples: [
      { text: '根据《中国共产党巡视工作条例》和《中国共产党党内监督条例》有关规定', match: '中国共产党党内监督条例', value: { action: 'cited' } },
      { text: '严格按照《党务工作流程及参考范例》开展党总支建设', match: '党务工作流程及参考范例', value: { action: 'cited' } },
      { text: '二是按照《中共云渡市委组织部关于加强公立医院党的建设工作的实施意见》要求', match: '中共云渡市委组织部关于加强公立医院党的建设工作的实施意见', value: { action: 'cited' } },
      {
        text: '对照《云岭理工大学“十四五”事业发展规划》中期评估结果，调整',
        match: '云岭理工大学“十四五”事业发展规划',
        value: { action: null },
      },
    ],
  },
  {
    id: 'regulation/none',
    description: 'no action verb before the title: 《…规划》已于2024年1月经省政府批复实施 → null',
    pattern: /$/u,
    extract: () => ({ action: null }),
    examples: [{ text: '《鹭川市国土空间总体规划（2021—2035年）》已于2024年1月经省政府批复实施', match: '鹭川市国土空间总体规划（2021—2035年）', value: { action: null } }],
  },
];

/** Tags of a first token after 》 that make the title a modifier of a noun (对照《规划》中期评估结果). */
export const MODIFIED_NOUN_TAGS: ReadonlySet<string> = new Set(['n', 'nz', 'nt', 't', 'ng', 'j', 'l', 'vn']);

/** Nouns after 》 that name the regulation's own content and keep the action (按照《…》要求, 有关规定). */
export const CONTENT_FOLLOWERS: ReadonlySet<string> = new Set(['要求', '规定', '精神', '有关', '相关', '部署', '内容', '条款', '标准', '原则', '各项']);

/** Words joining titles that share one verb: 《A》《B》, 《A》、《B》, 《A》和《B》. */
export const TITLE_JOINERS = /^(?:|、|和|及|与|以及|,)$/u;

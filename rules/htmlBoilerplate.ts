/**
 * Web-page furniture around a published notice, as data: lines that are page furniture (breadcrumbs, share bars,
 * 发布时间/来源/浏览次数 lines, font-size and print tools, previous/next links, footers), class/id names of
 * blocks that never hold the notice, class/id names of blocks that usually do, where a page states its
 * publication date, and words that mark a heading as the notice's title. Every pattern carries examples that
 * tests/load-html.test.ts runs (positives must match, negatives — notice lines — must not).
 */
import type { RuleTable } from './ruleTypes.js';

/** One kind of furniture line. Patterns are tested against a whole trimmed line. */
interface BoilerplateLineRule {
  id: string;
  description: string;
  pattern: RegExp;
  /** Lines longer than this are never furniture for this rule (notice paragraphs are long). */
  maxLength: number;
  examples: readonly string[];
  negatives: readonly string[];
}

/** Notice lines no furniture rule may remove (shared negatives). */
export const NOTICE_LINES: readonly string[] = [
  '欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。',
  '联系电话：0757-86229618；邮政地址：佛山市南海区桂城街道天佑四路56号，邮政编码：528000；电子邮箱：daj@nanhai.gov.cn。',
  '公开期限：2024年3月25日至2024年4月25日。',
  '中共枫林县教育局党组关于县委巡察整改进展情况的通报',
  '一、整改工作总体情况',
  '（一）关于居务公开不及时的问题',
  '1.学校思政课建设不够扎实的问题',
  '佛山市南海区档案馆',
  '2024年3月25日',
  '二〇二四年一月八日',
  '来源于群众反映的问题已全部整改到位。',
  '时间紧、任务重，局党组坚持挂图作战。',
  '首页设置整改专栏，集中公开整改进展。',
];

const LABEL_SEP = '\\s*[:：]';

/** Furniture lines, most specific first. */
const BOILERPLATE_LINES: readonly BoilerplateLineRule[] = [
  {
    id: 'breadcrumb-label',
    description: 'breadcrumb introduced by 当前位置 / 您的位置',
    pattern: new RegExp(`^[【\\[]?(当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前所在位置|所在位置|位置)${LABEL_SEP}`, 'u'),
    maxLength: 120,
    examples: ['当前位置：首页 > 信息公开 > 通知公告', '您的位置: 首页 >> 巡察整改', '您现在的位置：首页 › 正文'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'breadcrumb-path',
    description: 'a path of at least three short items separated by > › » ＞ (首页 > 栏目 > 正文)',
    pattern: /^[^。，；,;]{1,24}(\s*(>>|>|›|»|＞|→)\s*[^。，；,;>›»＞→]{1,24}){2,}$/u,
    maxLength: 120,
    examples: ['首页 > 信息公开 > 通知公告', '首页>>政务公开>>巡察整改', '网站首页 » 新闻中心 » 正文'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'breadcrumb-home',
    description: 'a line opening with 首页 followed by a separator',
    pattern: /^(网站)?首页\s*(>>|>|›|»|＞|\/|→)/u,
    maxLength: 120,
    examples: ['首页 > 正文', '首页/通知公告'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'share-bar',
    description: 'share bar: 分享到 followed by network names',
    pattern: /^[【[]?\s*(分享到|分享至|分享本页|分享)\s*[:：]?\s*[】\]]?\s*((微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|人人网|豆瓣|今日头条|复制链接)\s*[|｜、，,]?\s*)*$/u,
    maxLength: 80,
    examples: ['分享到：', '分享到： 微信 微博 QQ空间', '分享：微信 | 新浪微博', '【分享到】'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'page-info',
    description: 'the page information line: 发布时间 / 发布日期 / 来源 / 作者 / 编辑 / 浏览次数 (any combination)',
    pattern: new RegExp(
      `^[【\\[]?\\s*(发布时间|发布日期|发文日期|发表时间|发表日期|更新时间|更新日期|信息来源|文章来源|稿件来源|来源|作者|编辑|责任编辑|审核|浏览次数|点击次数|阅读次数|访问次数|浏览量|点击量|阅读量|点击数|浏览|点击|阅读|日期|时间)${LABEL_SEP}`,
      'u',
    ),
    maxLength: 160,
    examples: [
      '发布时间：2024-03-25 10:30 来源：区档案馆 浏览次数：1024',
      '发布日期：2024年3月25日',
      '来源：南海区档案馆',
      '作者：办公室  浏览次数：',
      '【发布时间：2024-03-25】【来源：本站】',
      '日期：2024-01-08  来源：县教育局  字号：大 中 小',
    ],
    negatives: NOTICE_LINES,
  },
  {
    id: 'metadata-table',
    description: 'a row of the metadata table government portals put before a notice: 索引号 / 发布机构 / 公开方式 / 成文日期 / 文号',
    pattern: new RegExp(
      `^[【\\[]?\\s*(索引号|信息索引号|发布机构|发文机关|发文单位|公开方式|公开范围|公开时限|成文日期|成文时间|生成日期|文号|发文字号|主题分类|体裁分类|信息分类|组配分类|效力状态|有效性)${LABEL_SEP}`,
      'u',
    ),
    maxLength: 160,
    examples: ['索引号：11330911MB1A2B3C4D/2024-00117　发布机构：柳川县林业局', '公开方式：主动公开　成文日期：2024-06-03　文号：无', '主题分类：其他'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'page-info-inline',
    description: 'a short line carrying a view counter or 字号 大中小 anywhere (… 浏览次数：1024 / 【字体：大 中 小】)',
    pattern: /(浏览次数|点击次数|阅读次数|访问次数|浏览量|点击量|阅读量)\s*[:：]|[【[]?\s*(字号|字体)\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/u,
    maxLength: 120,
    examples: ['2024-03-25 浏览次数：88', '【字体：大 中 小】', '字号：【大】【中】【小】', '〖字号：大 中 小〗 打印本页'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'page-tools',
    description: 'print / close / favourite / back-to-top tools, alone or in a row',
    pattern: /^([【[〖(（]?\s*(打印本页|打印此页|打印正文|打印文章|打印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏|返回顶部|回到顶部|返回列表|返回|我要纠错|纠错|默认|大|中|小|字号)\s*[】\]〗)）]?\s*[|｜/·]?\s*)+$/u,
    maxLength: 60,
    examples: ['【打印本页】【关闭窗口】', '打印本页 | 关闭窗口', '[返回顶部]', '【打印】 【关闭】'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'prev-next',
    description: 'links to the previous / next article',
    pattern: /^[【[]?\s*(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[】\]]?\s*[:：]?/u,
    maxLength: 120,
    examples: ['上一篇：关于开展专项检查的通知', '下一篇：没有了', '【上一篇】xx'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'footer-legal',
    description: 'site footer: 版权所有, Copyright, ©, ICP备, 公网安备, 网站标识码',
    pattern: /(版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|网站识别码)/iu,
    maxLength: 200,
    examples: ['版权所有：佛山市南海区档案馆', 'Copyright © 2024 枫林县人民政府', '粤ICP备12345678号', '粤公网安备 44060502000123号 网站标识码：4406050001'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'footer-credits',
    description: 'site footer: 主办 / 承办 / 技术支持 / 维护 / 联系我们 lines, browser advice',
    pattern: /^[【[]?\s*(主办单位|承办单位|主办|承办|技术支持|网站维护|维护单位|运维单位|协办单位)\s*[:：]|建议使用.{0,20}浏览器|最佳(浏览|分辨率)|分辨率\s*\d+\s*[*×x]\s*\d+/iu,
    maxLength: 200,
    examples: ['主办：枫林县人民政府办公室 承办：县大数据中心', '技术支持：某某网络科技有限公司', '建议使用IE9以上浏览器，1366*768分辨率浏览本站'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'site-links',
    description: 'rows of site links: 网站地图 | 联系我们 | 设为首页 | 无障碍 | 长者模式 | 相关链接',
    pattern: /^((网站首页|首页|网站地图|联系我们|关于我们|设为首页|加入收藏|无障碍浏览|无障碍|长者模式|关怀版|适老化|繁体版|繁體|简体版|English|登录|注册|网站导航|站内搜索|搜索|相关链接|相关文章|相关新闻|相关阅读|相关附件|友情链接|热点推荐|扫一扫在手机打开当前页|扫一扫|手机版|微信公众号)\s*[|｜·•/\s]?\s*)+$/iu,
    maxLength: 80,
    examples: ['网站地图 | 联系我们 | 设为首页', '相关链接', '无障碍 长者模式', '扫一扫在手机打开当前页'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'column-name',
    description: 'a site column name alone on a line (通知公告, 工作动态, 正文)',
    pattern: /^[【[]?(通知公告|公示公告|工作动态|信息公开|政务公开|政府信息公开|新闻中心|新闻动态|要闻动态|巡察工作|巡视工作|巡察整改|巡视整改|党风廉政|纪检监察|正文|文章详情|详细内容|内容详情|文章正文)[】\]]?$/u,
    maxLength: 12,
    examples: ['通知公告', '【正文】', '巡察工作'],
    negatives: NOTICE_LINES,
  },
  {
    id: 'visitor-counter',
    description: 'visitor counters and QR-code prompts',
    pattern: /^(您是第\s*\d+\s*位|访问人数|访问量|今日访问|总访问量|扫描二维码|用手机扫描|手机扫一扫)/u,
    maxLength: 80,
    examples: ['您是第 123456 位访客', '扫描二维码分享到微信'],
    negatives: NOTICE_LINES,
  },
];

/** The id of the first furniture rule a line matches, or null for a notice line. */
export function boilerplateRule(line: string): string | null {
  const t = line.trim();
  if (t === '') return null;
  for (const rule of BOILERPLATE_LINES) {
    if (t.length <= rule.maxLength && rule.pattern.test(t)) return rule.id;
  }
  return null;
}

/** Elements that never hold the notice (dropped before the content block is chosen). */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'canvas', 'object', 'embed', 'video', 'audio',
  'map', 'select', 'option', 'button', 'input', 'textarea', 'label', 'img', 'nav', 'aside',
]);

/**
 * `header` and `footer` are page furniture at page level but an article's own header holds its title (HTML
 * §4.3.8): they are dropped only outside these ancestors.
 */
export const SECTIONING_KEEPS_HEADER: ReadonlySet<string> = new Set(['article', 'main', 'section']);

/** class / id names of blocks that are furniture (matched against each class token and the id). */
const DROPPED_CLASS_ID: readonly { id: string; pattern: RegExp; examples: readonly string[]; negatives: readonly string[] }[] = [
  {
    id: 'navigation',
    pattern: /^(nav|navs|navbar|nav[-_]?bar|topnav|top[-_]?nav|subnav|sub[-_]?nav|mainnav|main[-_]?nav|menu|menus|top[-_]?menu|main[-_]?menu|sub[-_]?menu|daohang|dh)$|(^|[-_])(nav|menu)([-_]|$)/iu,
    examples: ['nav', 'main-nav', 'menu', 'top_menu', 'daohang'],
    negatives: ['content', 'article', 'zoom', 'canvas-wrap'],
  },
  {
    id: 'breadcrumb',
    pattern: /^(breadcrumbs?|crumbs?|bread|position|location|weizhi|dqwz|curpos|current[-_]?position|path|site[-_]?path|lmdh)$|(^|[-_])(breadcrumbs?|crumbs?)([-_]|$)/iu,
    examples: ['breadcrumb', 'position', 'dqwz', 'site_path'],
    negatives: ['content', 'TRS_Editor'],
  },
  {
    id: 'share',
    pattern: /^(share|shares|bdsharebuttonbox|bshare-custom|jiathis_style|social|fenxiang)$|(^|[-_])(share|bdshare|jiathis)([-_]|$)/iu,
    examples: ['share', 'bdsharebuttonbox', 'article-share', 'fenxiang'],
    negatives: ['content', 'article'],
  },
  {
    id: 'footer',
    pattern: /^(footer|foot|bottom|copyright|copy[-_]?right|banquan|site[-_]?info)$|(^|[-_])(footer|copyright)([-_]|$)/iu,
    examples: ['footer', 'foot', 'copyright', 'page-footer', 'banquan'],
    negatives: ['content', 'article', 'footnote'],
  },
  {
    id: 'sidebar',
    pattern: /^(sidebar|side[-_]?bar|aside|leftbar|rightbar|related|relevant|xgxw|xglj|xgwz|tuijian|recommend|hot[-_]?news)$|(^|[-_])(sidebar|related)([-_]|$)/iu,
    examples: ['sidebar', 'related', 'related-news', 'xglj'],
    negatives: ['content', 'main'],
  },
  {
    id: 'tools',
    pattern: /^(print|prints|tools|toolbar|tool[-_]?bar|font[-_]?size|fontsize|zihao|qrcode|qr[-_]?code|ewm|erweima|prev[-_]?next|pre[-_]?next|pager|pagination|comment|comments|search|search[-_]?box|login|top[-_]?bar|topbar|header[-_]?top)$/iu,
    examples: ['print', 'toolbar', 'qrcode', 'prev-next', 'search'],
    negatives: ['content', 'zoom'],
  },
];

/** True when a class token or id names a furniture block. */
export function isFurnitureName(name: string): boolean {
  return DROPPED_CLASS_ID.some((r) => r.pattern.test(name));
}

/**
 * class / id names (and tags) of blocks that usually hold a notice's text on Chinese CMSs (TRS WCM, 博达 VSB,
 * WebPlus, 大汉 Hanweb, gov.cn UCAP, WeChat articles). Preferred over the density choice when they hold about the
 * same text.
 */
const CONTENT_HINTS: readonly { id: string; pattern: RegExp; examples: readonly string[] }[] = [
  { id: 'zoom', pattern: /^(zoom|fontzoom|Zoom|zoomcon|zoomCon)$/u, examples: ['zoom', 'fontzoom'] },
  { id: 'trs', pattern: /^(TRS_Editor|TRS_UEDITOR|trs_editor_view|trs_paper_default|Custom_UnionStyle)$/u, examples: ['TRS_Editor', 'Custom_UnionStyle'] },
  { id: 'gov-cn', pattern: /^(UCAP-CONTENT|pages_content|pages-content|xxgk_content|xxgk-content)$/u, examples: ['UCAP-CONTENT', 'pages_content'] },
  { id: 'vsb-webplus', pattern: /^(v_news_content|vsb_content|vsb_content_2|wp_articlecontent|wp-articlecontent)$/u, examples: ['v_news_content', 'wp_articlecontent'] },
  { id: 'wechat', pattern: /^(js_content|rich_media_content)$/u, examples: ['js_content'] },
  {
    id: 'generic',
    pattern: /^(content|contents|article|article-?content|article-?body|articleBody|art-?content|artcon|news-?content|newscontent|detail|detail-?content|main-?content|maincontent|main-?text|maintext|text|txt|con|conTxt|con-?text|contentText|content-?text|entry-?content|post-?content|view|zw|zhengwen)$/iu,
    examples: ['content', 'article-content', 'detail', 'zhengwen', 'TEXT'],
  },
];

/** True when a class token or id names a usual content block. */
export function isContentName(name: string): boolean {
  return CONTENT_HINTS.some((r) => r.pattern.test(name));
}

/** `<meta name|property>` values that carry the publication date (compared in lower case). */
export const PAGE_DATE_META: readonly string[] = [
  'pubdate', 'publishdate', 'publish_date', 'publish-date', 'publishtime', 'firstpublishedtime', 'createdate', 'releasedate',
  'article:published_time', 'og:article:published_time', 'og:published_time', 'dc.date', 'dc.date.issued', 'dcterms.issued',
  'dcterms.created', 'date', 'contentdate',
];

/** A date stated on the page, with its label. Named groups y, m, d. */
export const PAGE_DATE_LINES: readonly { id: string; pattern: RegExp; examples: ReadonlyArray<readonly [string, string]> }[] = [
  {
    id: 'labelled-date',
    pattern: /(发布时间|发布日期|发文日期|成文日期|发表时间|发表日期|更新时间|更新日期|日期|时间)\s*[:：]\s*(?<y>(19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})/u,
    examples: [
      ['发布时间：2024-03-25 10:30 来源：区档案馆', '2024-03-25'],
      ['发布日期：2024年3月5日', '2024-03-05'],
      ['【日期：2024/01/08】', '2024-01-08'],
    ],
  },
];

/** A plain date value as found in a meta tag (2024-03-25, 2024-03-25 10:00, 2024-03-25T10:00+08:00, 2024年3月25日). */
export const META_DATE_VALUE = /^\s*(?<y>(19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})/u;

/** A signature date line (the closing of a notice), used to recover a signature set apart from the text. */
export const SIGNATURE_DATE = /^((19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/u;

/** class / id names that mark a title block. */
export const TITLE_NAMES = /(^|[-_])(title|tit|biaoti|bt|headline|arttitle|article-?title|news-?title)([-_]|$)/iu;

/** Words that show a heading is the notice's own title (not a column name like 通知公告 or 工作动态). */
export const TITLE_WORDS = /(整改|巡视|巡察|审计|情况|通报|公告|公示|报告|通知|决定|意见|方案)/u;

/** The furniture-line table as registered: the hit is a whole line that a furniture rule removes. */
export const HTML_LINES_TABLE: RuleTable = {
  name: 'html furniture lines',
  rules: BOILERPLATE_LINES.map((r) => ({ ...r, examples: r.examples.map((text) => ({ text })), negatives: [...r.negatives.map((text) => ({ text, why: 'a line of the notice' }))] })),
  lexicons: { DROPPED_TAGS, SECTIONING_KEEPS_HEADER, TITLE_NAMES, TITLE_WORDS, SIGNATURE_DATE },
  run(text) {
    const rule = boilerplateRule(text);
    return rule ? [{ start: 0, end: text.length, rule, value: {} }] : [];
  },
};

/** The furniture-block name table as registered: class/id names of blocks that never hold the notice. */
export const HTML_FURNITURE_NAMES_TABLE: RuleTable = {
  name: 'html furniture block names',
  rules: DROPPED_CLASS_ID.map((r) => ({ ...r, examples: r.examples.map((text) => ({ text })), negatives: r.negatives.map((text) => ({ text, why: 'a content block' })) })),
  run(text) {
    const rule = DROPPED_CLASS_ID.find((r) => r.pattern.test(text));
    return rule ? [{ start: 0, end: text.length, rule: rule.id, value: {} }] : [];
  },
};

/** The content-block name table as registered: class/id names of blocks that usually hold the notice. */
export const HTML_CONTENT_NAMES_TABLE: RuleTable = {
  name: 'html content block names',
  rules: CONTENT_HINTS.map((r) => ({ ...r, examples: r.examples.map((text) => ({ text })) })),
  run(text) {
    const rule = CONTENT_HINTS.find((r) => r.pattern.test(text));
    return rule ? [{ start: 0, end: text.length, rule: rule.id, value: {} }] : [];
  },
};

/** The page-date table as registered: the hit is the labelled date, its value the ISO date. */
export const HTML_PAGE_DATE_TABLE: RuleTable<{ date: string }> = {
  name: 'html page date',
  rules: PAGE_DATE_LINES.map((r) => ({ ...r, examples: r.examples.map(([text, date]) => ({ text, value: { date } })) })),
  lexicons: { PAGE_DATE_META, META_DATE_VALUE },
  run(text) {
    return PAGE_DATE_LINES.flatMap((r) => {
      const m = r.pattern.exec(text);
      const g = m?.groups;
      return m && g ? [{ start: 0, end: text.length, rule: r.id, value: { date: `${g['y']}-${g['m']!.padStart(2, '0')}-${g['d']!.padStart(2, '0')}` } }] : [];
    });
  },
};

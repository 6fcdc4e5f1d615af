/** Where the closing begins (欢迎…监督, 公开期限, contacts, signature, date, 附件, 抄送): it belongs to no section. */
import { CLOSING_RULES } from '../../rules/closing.js';
import { boilerplateRule } from '../../rules/htmlBoilerplate.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { normalizeText } from '../../text/charMap.js';
import { isBlank, type Line, splitLines } from './lines.js';

/** A closing line and the rule that recognised it. */
export interface ClosingLine {
  line: Line;
  rule: string;
}

function classify(view: string, line: Line): { rule: string; strong: boolean } | null {
  const s = view.slice(line.start, line.end);
  for (const r of CLOSING_RULES) if (r.pattern.test(s)) return { rule: r.id, strong: r.strength === 'strong' };
  return null;
}

/**
 * Scan lines backwards from the end while they are closing lines. Strong lines (欢迎…监督, contacts, a date
 * line, 附件, 抄送) count by themselves; weak ones (short unpunctuated lines: the signing unit, attachment
 * items) only when a strong line stands above them, or when they sit directly on the signature date (at most two
 * lines: the unit names). The web-page furniture a copied notice ends with (打印本页, 上一篇…, 扫一扫…:
 * rules/htmlBoilerplate.ts) is passed over before the first closing line. Returns the closing lines in document
 * order (empty: no closing).
 */
export function findClosing(view: string, lines: readonly Line[]): ClosingLine[] {
  const found: ClosingLine[] = [];
  let pendingWeak: ClosingLine[] = [];
  let strongBelow: string | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (isBlank(view, line)) continue;
    if (found.length === 0 && pendingWeak.length === 0 && boilerplateRule(view.slice(line.start, line.end)) !== null) continue;
    const c = classify(view, line);
    if (!c) break;
    if (c.strong) {
      found.push(...pendingWeak, { line, rule: c.rule });
      pendingWeak = [];
      strongBelow = c.rule;
    } else {
      pendingWeak.push({ line, rule: c.rule });
      if (pendingWeak.length > 12) break;
    }
  }
  if (strongBelow === 'closing/date' && pendingWeak.length > 0 && pendingWeak.length <= 2) found.push(...pendingWeak);
  return found.sort((a, b) => a.line.start - b.line.start);
}

/** The closing-line table as registered: each line classified on its own. */
export const CLOSING_TABLE: RuleTable<unknown> = {
  name: 'closing',
  rules: CLOSING_RULES,
  run(text) {
    const view = normalizeText(text);
    return splitLines(view).flatMap((line): Array<Hit<unknown>> => {
      const c = classify(view, line);
      return c ? [{ start: line.start, end: line.end, rule: c.rule, value: { strength: c.strong ? 'strong' : 'weak' } }] : [];
    });
  },
};

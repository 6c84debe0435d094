/**
 * A rule as readable sentences for program pages. Negations are carried down to the conditions (De Morgan),
 * so that every line states what is required: `not(any(체납, 휴업))` reads as two requirements, "체납에
 * 해당하지 않아야 합니다" and "휴업 중에 해당하지 않아야 합니다". Nested groups are indented lines under a header.
 */
import { cachedWording } from './evaluate';
import { type PhraseNames, SMALL_BUSINESS_NOTE } from './phrases';
import type { Condition, Rule } from './types';

type Node =
  | { kind: 'all' | 'any'; children: Node[] }
  | { kind: 'leaf'; condition: Condition; negated: boolean };

/** Pushes `not` onto the conditions and merges groups of the same kind. */
function normalize(r: Rule, negated: boolean): Node {
  if (r.type === 'not') return normalize(r.rule, !negated);
  if (r.type === 'all' || r.type === 'any') {
    const kind = (r.type === 'all') !== negated ? 'all' : 'any';
    const children: Node[] = [];
    for (const x of r.rules) {
      const n = normalize(x, negated);
      if (n.kind === kind) children.push(...n.children);
      else children.push(n);
    }
    return children.length === 1 ? children[0]! : { kind, children };
  }
  return { kind: 'leaf', condition: r, negated };
}

const HEADERS = {
  ko: { all: '다음을 모두 충족해야 합니다:', any: '다음 중 하나 이상을 충족해야 합니다:' },
  en: { all: 'All of the following:', any: 'At least one of the following:' },
} as const;

function leafSentence(n: { condition: Condition; negated: boolean }, lang: 'ko' | 'en', names: PhraseNames) {
  const w = cachedWording(n.condition, names);
  const text = w[lang][n.negated ? 1 : 0];
  if (n.condition.type !== 'smallBusiness') return `${text}.`;
  return lang === 'ko'
    ? `${text} (소상공인: ${SMALL_BUSINESS_NOTE.ko}).`
    : `${text} (${SMALL_BUSINESS_NOTE.en}).`;
}

function render(n: Node, level: number, lang: 'ko' | 'en', names: PhraseNames, out: string[]): void {
  const prefix = level === 0 ? '' : `${'  '.repeat(level - 1)}- `;
  if (n.kind === 'leaf') {
    out.push(prefix + leafSentence(n, lang, names));
    return;
  }
  out.push(prefix + HEADERS[lang][n.kind]);
  for (const c of n.children) render(c, level + 1, lang, names, out);
}

/**
 * The rule as sentences, one per line, Korean by default. A top-level `all` gives one line per requirement;
 * a nested group gives a header line ("다음 중 하나 이상을 충족해야 합니다:") followed by its items, each
 * indented two spaces per level and bulleted with "- ". `names` supplies program titles and disaster names.
 */
export function describeRule(rule: Rule, lang: 'ko' | 'en' = 'ko', names: PhraseNames = {}): string[] {
  const root = normalize(rule, false);
  const out: string[] = [];
  if (root.kind === 'all') for (const c of root.children) render(c, 0, lang, names, out);
  else render(root, 0, lang, names, out);
  return out;
}

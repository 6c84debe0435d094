import type { AlertKind } from './preferences';

/**
 * 알림톡 (KakaoTalk business messages) and text-message templates. A provider only delivers an 알림톡 whose
 * text matches a template registered in advance, with `#{변수}` placeholders filled in per message; when
 * the 알림톡 cannot be delivered (no KakaoTalk), providers fall back to an SMS/LMS with the same text.
 * The portal keeps its registered templates here, so a message can be checked before it is sent.
 */
export interface AlimtalkTemplate {
  /** The code the provider assigned when the template was approved. */
  code: string;
  /** Template text with `#{name}` placeholders. At most 1,000 characters once filled in. */
  text: string;
  /** A link button; its URL comes from the named variable. */
  button?: { name: string; urlVariable: string };
}

export interface RenderedAlimtalk {
  templateCode: string;
  text: string;
  button?: { name: string; url: string };
}

/** The provider's limit on a filled-in 알림톡 text. */
export const ALIMTALK_MAX_CHARS = 1_000;

const PLACEHOLDER = /#\{([^{}]+)\}/g;

/** The variable names a template uses, in order of first use (its button's URL variable last). */
export function templateVariables(template: AlimtalkTemplate): string[] {
  const names = [...template.text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (template.button) names.push(template.button.urlVariable);
  return [...new Set(names)];
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * Fills a template in. Every variable must be given, and no other (a provider refuses a text that does not
 * match its template, so a typo must fail here, not at the provider).
 */
export function renderAlimtalk(template: AlimtalkTemplate, vars: Record<string, string>): RenderedAlimtalk {
  const wanted = templateVariables(template);
  const missing = wanted.filter((n) => vars[n] === undefined);
  const extra = Object.keys(vars).filter((n) => !wanted.includes(n));
  if (missing.length > 0 || extra.length > 0) {
    throw new TemplateError(
      `template ${template.code}: ${missing.length ? `missing ${missing.join(', ')}` : ''}${
        missing.length && extra.length ? '; ' : ''
      }${extra.length ? `unknown ${extra.join(', ')}` : ''}`,
    );
  }
  const text = template.text.replace(PLACEHOLDER, (_, name: string) => vars[name]!);
  if (text.length > ALIMTALK_MAX_CHARS) {
    throw new TemplateError(
      `template ${template.code}: ${text.length} characters, over ${ALIMTALK_MAX_CHARS}`,
    );
  }
  return {
    templateCode: template.code,
    text,
    ...(template.button
      ? { button: { name: template.button.name, url: vars[template.button.urlVariable]! } }
      : {}),
  };
}

/** The portal's registered templates, one per kind of alert. */
export const ALIMTALK_TEMPLATES: Record<AlertKind, AlimtalkTemplate> = {
  'new-match': {
    code: 'SBIZ_NEW_MATCH_01',
    text: '[소상공인24] #{상호} 사장님, 새로 신청할 수 있는 지원사업이 있습니다.\n\n■ 사업명: #{사업명}\n■ 신청 마감: #{마감일}\n\n자격 요건과 신청 방법은 아래 버튼에서 확인해 주세요.',
    button: { name: '지원사업 보기', urlVariable: '링크' },
  },
  deadline: {
    code: 'SBIZ_DEADLINE_01',
    text: '[소상공인24] #{상호} 사장님, 신청할 수 있는 지원사업의 접수가 곧 마감됩니다.\n\n■ 사업명: #{사업명}\n■ 신청 마감: #{마감일}\n\n아직 신청하지 않으셨다면 기한 안에 신청해 주세요.',
    button: { name: '신청하러 가기', urlVariable: '링크' },
  },
  application: {
    code: 'SBIZ_APPLICATION_01',
    text: '[소상공인24] #{상호} 사장님, 신청하신 지원사업의 진행 상황이 바뀌었습니다.\n\n■ 사업명: #{사업명}\n■ 상태: #{상태}\n\n자세한 내용은 아래 버튼에서 확인해 주세요.',
    button: { name: '신청 현황 보기', urlVariable: '링크' },
  },
  disaster: {
    code: 'SBIZ_DISASTER_01',
    text: '[소상공인24] #{상호} 사장님, 재난지원 대상이 되었습니다.\n\n■ 사업명: #{사업명}\n■ 신청 마감: #{마감일}\n\n아래 버튼에서 바로 신청하실 수 있습니다.',
    button: { name: '재난지원 신청하기', urlVariable: '링크' },
  },
};

/**
 * The rapid-payment (신속지급) notice: a disaster alert that says the amount and that entering a bank account
 * is the one step left. Registered as its own template (a provider matches the text exactly).
 */
export const RAPID_PAYMENT_TEMPLATE: AlimtalkTemplate = {
  code: 'SBIZ_RAPID_PAY_01',
  text: "[소상공인24] #{상호} 사장님, 재난지원금 신속지급 대상이 되었습니다.\n\n■ 사업명: #{사업명}\n■ 지급액: #{지급액}\n■ 신청 마감: #{마감일}\n\n아래 '신청하기' 버튼에서 입금받을 계좌만 입력하시면 신청이 끝납니다.",
  button: { name: '신청하기', urlVariable: '링크' },
};

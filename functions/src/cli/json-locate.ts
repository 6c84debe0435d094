/**
 * Where things are in a JSON text, so that the CLI can point at the line of a bad field or a syntax error.
 */

export interface TextLocation {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** The line and column of a character offset. */
export function locationOf(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A JSON syntax error: where, and what is wrong, in Korean. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first syntax error of a JSON text (RFC 8259), or undefined when it is valid. V8's own messages differ
 * between Node versions and do not always say where, so the CLI finds the place itself.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SyntaxAt(at, at >= text.length ? '파일이 중간에 끝났습니다.' : message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('문자열 안에 줄바꿈이나 제어 문자가 있습니다 (닫는 따옴표가 빠졌을 수 있습니다).');
      if (text[i] === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('\\u 뒤에는 16진수 4자리가 와야 합니다.');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail('잘못된 escape 문자입니다.', i);
      } else i++;
    }
    if (i >= text.length) fail('닫는 따옴표(")가 없습니다.', start);
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(
            text[i] === '}'
              ? '마지막 항목 뒤에 쉼표(,)가 있습니다.'
              : '항목 이름은 큰따옴표(")로 감싸야 합니다.',
          );
        string();
        ws();
        if (text[i] !== ':') fail('항목 이름 뒤에 쌍점(:)이 와야 합니다.');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('쉼표(,) 또는 닫는 중괄호(})가 와야 합니다.');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('마지막 값 뒤에 쉼표(,)가 있습니다.');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('쉼표(,) 또는 닫는 대괄호(])가 와야 합니다.');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal || /[\w.]/.test(text[i + literal[0].length] ?? ''))
      fail(
        c === "'"
          ? '문자열은 큰따옴표(")로 감싸야 합니다.'
          : '값이 와야 합니다 (문자열, 숫자, true, false, null, 객체, 목록).',
      );
    i += literal![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail('값 뒤에 불필요한 내용이 있습니다.');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxAt) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/**
 * The offset of every value in a valid JSON text by its dotted path ("flags.youth", "priorSupport.0.year").
 * An object member is located at its key, so that an unknown key can be pointed at too; the root is "".
 */
export function jsonPathOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const value = (path: string): void => {
    ws();
    if (!out.has(path)) out.set(path, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}' || i >= text.length) break;
        const keyAt = i;
        const key = str();
        out.set(join(path, key), keyAt);
        ws();
        i++; // colon
        value(join(path, key));
        ws();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (ch === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']' || i >= text.length) break;
        value(join(path, String(n)));
        ws();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (ch === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value('');
  return out;
}

/** The line of a field path in the text: the path itself, else its nearest located ancestor (not the root). */
export function lineOfPath(text: string, offsets: Map<string, number>, path: string): number | undefined {
  const parts = path ? path.split('.') : [];
  for (let n = parts.length; n > 0; n--) {
    const at = offsets.get(parts.slice(0, n).join('.'));
    if (at !== undefined) return locationOf(text, at).line;
  }
  return undefined;
}

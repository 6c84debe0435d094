/**
 * A CP949 encoder for tests, built from the platform's own decoder: every two-byte sequence the WHATWG
 * `euc-kr` decoder maps to a character gives that character's bytes. Node has no CP949 encoder, and the
 * damage-list tests need files as Korean offices export them.
 */
let table: Map<string, [number, number]> | undefined;

function encoderTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('euc-kr');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return table;
}

/** The CP949 bytes of `text`; throws on a character CP949 cannot hold. */
export function encodeCp949(text: string): Uint8Array {
  const t = encoderTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new RangeError(`not in CP949: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

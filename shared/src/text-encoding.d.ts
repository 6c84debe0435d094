/**
 * The WHATWG Encoding API, which both of shared's runtimes (Node and the browser) provide as globals. shared
 * compiles without Node's or the DOM's types so that neither leaks into the domain; this declares the part
 * it uses (reading CSV files in UTF-8 or CP949).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

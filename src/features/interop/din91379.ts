/**
 * DIN 91379 "Datentyp C" (the characters XAusländer names and free texts may hold), taken from the official XSD
 * (`din-norm-91379-datatypes.xsd`) and turned into a JavaScript pattern once: the same rule the schema applies, so
 * that a name outside it is named as missing before a message is made, not found by the validator afterwards.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.join(
  import.meta.dirname,
  '../../../standards/xauslaender/schemas/xoev/din-norm-91379-datatypes.xsd',
);

let pattern: RegExp | null = null;

function compile(): RegExp {
  const xsd = readFileSync(FILE, 'utf8');
  const type = xsd.slice(xsd.indexOf('<xs:simpleType name="datatypeC">'));
  const value = /<xs:pattern value="([^"]+)"/.exec(type)?.[1];
  if (!value) throw new Error('DIN 91379 datatypeC pattern not found');
  // XSD patterns are anchored; character references become code point escapes.
  const source = value.replace(/&#x([0-9A-Fa-f]+);/g, (_m, hex: string) => `\\u{${hex}}`);
  return new RegExp(`^(?:${source})$`, 'u');
}

/** True when the text may stand in a DIN 91379 datatypeC element. */
export function isDatatypeC(text: string): boolean {
  pattern ??= compile();
  return pattern.test(text.normalize('NFC'));
}

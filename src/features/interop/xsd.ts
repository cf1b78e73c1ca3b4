/**
 * Validation against the official XAusländer 26.11 XSD set (src/data/xauslaender) with libxml2 compiled to
 * WebAssembly (`xmllint-wasm`): a real schema validator, no native build. The schema files are read once; each
 * call runs xmllint in a worker with the entry schema and every imported or included file at its relative path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const ROOT = path.join(import.meta.dirname, '../../../standards/xauslaender');
const DIRS = ['schemas/xauslaender/26.11', 'schemas/xinneres/26.11', 'schemas/xoev'];
const ENTRY = 'schemas/xauslaender/26.11/xauslaender-nachrichten-ozg.xsd';
/** The file name the message gets in xmllint's file system: errors name it with the line. */
const MESSAGE_FILE = 'message.xml';

/** One complaint of the validator: the element it names (if any), the line, and libxml2's message. */
export interface SchemaError {
  readonly element: string | null;
  readonly line: number | null;
  readonly message: string;
}

export type SchemaVerdict =
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: SchemaError[] };

let schemaFiles: { entry: XMLFileInfo; others: XMLFileInfo[] } | null = null;

function loadSchemas() {
  if (schemaFiles) return schemaFiles;
  const files = DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.xsd'))
      .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(path.join(ROOT, dir, f), 'utf8') })),
  );
  const entry = files.find((f) => f.fileName === ENTRY);
  if (!entry) throw new Error(`XAusländer entry schema missing: ${ENTRY}`);
  schemaFiles = { entry, others: files.filter((f) => f !== entry) };
  return schemaFiles;
}

/** libxml2's `Element '{ns}name'` or `Element 'name'`: the local name. */
function elementOf(message: string): string | null {
  const named = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  return named ?? null;
}

/** The message checked against the OZG messages of XAusländer 26.11 (any of its 18 root elements). */
export async function validateXAuslaender(xml: string): Promise<SchemaVerdict> {
  const { entry, others } = loadSchemas();
  const result = await validateXML({
    xml: { fileName: MESSAGE_FILE, contents: xml },
    schema: entry,
    preload: others,
    maxMemoryPages: 4096,
  });
  if (result.valid) return { valid: true };
  // Lines without a position are libxml2's echo of the source and its caret, or the closing verdict.
  const errors = result.errors
    .filter((e) => e.loc !== null)
    .map((e) => ({
      element: elementOf(e.message),
      line: e.loc?.fileName === MESSAGE_FILE ? e.loc.lineNumber : null,
      message: e.message.replace(/^(Schemas validity error|parser error)\s*:\s*/, ''),
    }));
  return {
    valid: false,
    errors: errors.length > 0 ? errors : [{ element: null, line: null, message: result.rawOutput.trim() }],
  };
}

// A tiny JSX model and printer for generated films. The output is meant to be read and edited by
// people, so it prints the way a person writes TSX: short elements on one line, attributes in the
// order given, strings in double quotes (or an expression when they need escaping), numbers
// rounded to what matters on a set (centimetres, tenths of a degree), arrays and objects as
// compact literals, comments where a generated choice deserves a word.

export interface JsxElement {
  kind: 'element';
  name: string;
  attrs: Array<[string, AttrValue]>;
  children: JsxNode[];
  /** A `{/* … *\/}` comment printed on the line before the element. */
  comment?: string;
}
export interface JsxText {
  kind: 'text';
  text: string;
}
export interface JsxRaw {
  kind: 'raw';
  /** Printed as is (an expression child such as a component call is an element instead). */
  code: string;
}
export type JsxNode = JsxElement | JsxText | JsxRaw;

/** An attribute value: literal data, or `{ code }` for an expression printed verbatim. */
export type AttrValue = string | number | boolean | null | undefined | { code: string } | AttrValue[] | { [k: string]: AttrValue };

export function el(name: string, attrs: Record<string, AttrValue> | Array<[string, AttrValue]> = [], children: Array<JsxNode | string | null | undefined | false> = [], comment?: string): JsxElement {
  const list = Array.isArray(attrs) ? attrs : Object.entries(attrs);
  return {
    kind: 'element',
    name,
    attrs: list.filter(([, v]) => v !== undefined),
    children: children.filter((c): c is JsxNode | string => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'string' ? { kind: 'text', text: c } : c)),
    comment,
  };
}

export const code = (c: string): { code: string } => ({ code: c });

/** Rounds to `digits` decimals and prints without trailing zeros or `-0`. */
export function num(n: number, digits = 2): string {
  if (!Number.isFinite(n)) throw new Error(`codegen: non-finite number ${n}`);
  const k = 10 ** digits;
  const r = Math.round(n * k) / k;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

function isCode(v: unknown): v is { code: string } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { code?: unknown }).code === 'string';
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JS literal: single-quoted strings (the house style of the demo film), compact arrays and objects. */
export function literal(v: AttrValue): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return num(v, 3);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
  if (isCode(v)) return v.code;
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (!entries.length) return '{}';
  return `{ ${entries.map(([k, x]) => `${IDENT.test(k) ? k : literal(k)}: ${literal(x)}`).join(', ')} }`;
}

function attr(name: string, v: AttrValue): string {
  if (v === true) return name;
  // Plain strings print as JSX string attributes unless they hold what JSX cannot escape.
  if (typeof v === 'string' && !/["\\{}\n\r<>&]/.test(v)) return `${name}="${v}"`;
  return `${name}={${literal(v)}}`;
}

/** JSX text, or a string expression when the text holds characters JSX text cannot carry. */
function text(t: string): string {
  if (/^\s|\s$|[{}<>&"\n\r\\]|\s{2}/.test(t) || t === '') return `{${JSON.stringify(t)}}`;
  return t;
}

const MAX_LINE = 150;

export function printJsx(node: JsxNode, indent = 0): string {
  const pad = '  '.repeat(indent);
  if (node.kind === 'text') return pad + text(node.text);
  if (node.kind === 'raw') return node.code.split('\n').map((l) => pad + l).join('\n');
  const comment = node.comment ? node.comment.split('\n').map((l) => `${pad}{/* ${l.replace(/\*\//g, '* /')} */}`).join('\n') + '\n' : '';
  const attrs = node.attrs.map(([k, v]) => attr(k, v));
  const open = `<${node.name}${attrs.length ? ' ' + attrs.join(' ') : ''}`;
  if (!node.children.length) return node.name ? `${comment}${pad}${open} />` : `${comment}${pad}<></>`;
  // A single short text child stays on the line: <Say who="maya">You're late.</Say>
  if (node.children.length === 1 && node.children[0].kind === 'text') {
    const one = `${pad}${open}>${text(node.children[0].text)}</${node.name}>`;
    if (one.length <= MAX_LINE + 80) return comment + one;
  }
  const inner = node.children.map((c) => printJsx(c, indent + 1)).join('\n');
  return `${comment}${pad}${open}>\n${inner}\n${pad}</${node.name}>`;
}

/** A function component: `function Name() { return ( … ); }` with an optional doc comment. */
export function component(name: string, body: JsxNode, doc?: string, exportDefault = false): string {
  const head = doc ? doc.split('\n').map((l) => `// ${l}`.trimEnd()).join('\n') + '\n' : '';
  return `${head}${exportDefault ? 'export default ' : ''}function ${name}() {\n  return (\n${printJsx(body, 2)}\n  );\n}\n`;
}

/** A fragment wrapping several elements. */
export function fragment(children: JsxNode[]): JsxElement {
  return el('', [], children);
}

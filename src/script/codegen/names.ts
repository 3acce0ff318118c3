// Names for generated code: ids that satisfy the doc layer's Id rule, component names that read
// like the script ("DinerSet", "Scene3Rooftop"), and uniqueness within their namespace.

/** `MRS. O'HARA` → `mrs-ohara`; empty or symbol-only names fall back. */
export function slugId(s: string, fallback = 'x'): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `joe's diner` → `JoesDiner` (a valid identifier; prefixed when it would start with a digit). */
export function pascal(s: string, prefix = 'X'): string {
  const words = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .slice(0, 5);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  if (!name) return prefix;
  return /^[0-9]/.test(name) ? prefix + name : name;
}

/** Hands out unique names: the second `kitchen` becomes `kitchen-2`. */
export class NameBook {
  private used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }
  take(base: string, sep = '-'): string {
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}${sep}${k}`;
    this.used.add(name);
    return name;
  }
  has(name: string): boolean {
    return this.used.has(name);
  }
}

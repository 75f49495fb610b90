import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { controlAutocomplete } from './form-state';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const CONTROLS = new Set(['input', 'textarea', 'select']);

function filesUnder(dir: string, ending: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ending));
    else if (name.endsWith(ending)) out.push(path);
  }
  return out;
}

interface Node {
  type: string;
  name?: string;
  start: number;
  attributes?: Attr[];
}
interface Attr {
  type: string;
  name?: string;
  value?: unknown;
}

function staticText(value: unknown): string | null {
  if (value === true) return '';
  if (!Array.isArray(value)) return null;
  const parts = value as { type: string; data?: string }[];
  return parts.every((p) => p.type === 'Text') ? parts.map((p) => p.data ?? '').join('') : null;
}

/** What makes one control acceptable, or why it would be saved by the browser. */
function problemOf(node: Node): string | null {
  const attributes = node.attributes ?? [];
  const type = attributes.find((a) => a.type === 'Attribute' && a.name === 'type');
  if (node.name === 'input' && type && staticText(type.value) === 'password') return null;
  const last = attributes.findLastIndex(
    (a) => a.type === 'SpreadAttribute' || (a.type === 'Attribute' && a.name === 'autocomplete')
  );
  const attr = attributes[last];
  if (!attr) return 'no autocomplete="off"';
  if (attr.type === 'SpreadAttribute') return 'a spread after autocomplete="off" can replace it';
  if (staticText(attr.value) === 'off') return null;
  const tag = attr.value as { type?: string; expression?: { type: string; callee?: { name?: string } } };
  const call = tag?.type === 'ExpressionTag' ? tag.expression : undefined;
  if (call?.type === 'CallExpression' && call.callee?.name === controlAutocomplete.name) return null;
  return 'autocomplete is neither "off" nor controlAutocomplete(…)';
}

/** Every control of a template that Blink would put in the page's saved form state. */
function savedControls(source: string, file = 'template.svelte'): string[] {
  const ast = parse(source, { modern: true, filename: file });
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Node;
    if (node.type === 'RegularElement' && node.name && CONTROLS.has(node.name)) {
      const problem = problemOf(node);
      if (problem) {
        const line = source.slice(0, node.start).split('\n').length;
        found.push(`${file}:${line} <${node.name}>: ${problem}`);
      }
    }
    if (node.type === 'SvelteElement') found.push(`${file}: <svelte:element> cannot be checked`);
    for (const [key, child] of Object.entries(node)) if (key !== 'metadata') visit(child);
  };
  visit(ast.fragment);
  return found;
}

describe('form controls stay out of the browser session-restore files', () => {
  it('finds a control that would be saved, and accepts the ways out', () => {
    expect(savedControls('<textarea bind:value={v}></textarea>')).toHaveLength(1);
    expect(savedControls('<form autocomplete="off"><textarea></textarea></form>')).toHaveLength(1);
    expect(savedControls('<select><option>a</option></select>')).toHaveLength(1);
    expect(savedControls('<input type="checkbox" />')).toHaveLength(1);
    expect(savedControls('<input autocomplete="name" />')).toHaveLength(1);
    expect(savedControls('<input autocomplete="off" {...rest} />')).toHaveLength(1);
    expect(savedControls('{#if a}<div><input {...rest} /></div>{/if}')).toHaveLength(1);
    expect(savedControls('<textarea {...rest} autocomplete="off"></textarea>')).toEqual([]);
    expect(savedControls('<input type="password" autocomplete="current-password" />')).toEqual([]);
    expect(savedControls('<input {...rest} autocomplete={controlAutocomplete(rest.type, a)} />')).toEqual([]);
  });

  it('no template in src/ has a control the browser would save', () => {
    const problems = filesUnder(SRC, '.svelte').flatMap((file) =>
      savedControls(readFileSync(file, 'utf8'), relative(SRC, file))
    );
    expect(problems).toEqual([]);
  });

  it('no module makes a control outside a template', () => {
    const made = filesUnder(SRC, '.ts')
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) =>
        /createElement\(\s*['"`](input|textarea|select)['"`]/.test(readFileSync(file, 'utf8'))
      )
      .map((file) => relative(SRC, file));
    expect(made).toEqual([]);
  });

  it('controlAutocomplete: off for everything but a password input', () => {
    expect(controlAutocomplete('text', 'name')).toBe('off');
    expect(controlAutocomplete(undefined, undefined)).toBe('off');
    expect(controlAutocomplete('search', 'on')).toBe('off');
    expect(controlAutocomplete('password', 'current-password')).toBe('current-password');
    expect(controlAutocomplete('password', undefined)).toBe('off');
  });
});

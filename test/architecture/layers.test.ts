// The layers of src/ (and the worker entry points) as the README describes them, checked on the
// import graph that the TypeScript compiler reads: no import cycle, type-only imports included
// (a cycle of types still ties the modules together), and no import from a lower layer into a
// higher one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/** Every project-relative .ts file under the given folders. */
function sourceFiles(...folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(projectRoot, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}

/**
 * The project files a module imports: static imports and re-exports (`import type` and
 * `export … from` too) and a dynamic `import()` of a literal path. Packages are not followed.
 */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(projectRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(projectRoot, resolve(projectRoot, dirname(file), s)).replace(/\.js$/, '.ts'))
    .filter((s) => s.endsWith('.ts'));
}

/** The layer a file belongs to: its folder under src/, or its own name for the modules at the top of src/. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'workers') return 'workers';
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.ts$/, '');
}

/** Modules that import nothing of the project and say only where files are: usable from any layer. */
const LEAVES = new Set(['src/paths.ts']);
const EVERYTHING = ['analysis', 'messages', 'store', 'queue', 'sandbox', 'export', 'services', 'api', 'cli', 'roles', 'runtime', 'config', 'logger', 'workers'];
const except = (...allowed: string[]) => EVERYTHING.filter((layer) => !allowed.includes(layer));

/** What each layer must not import: the layers above it. */
const FORBIDDEN: Record<string, string[]> = {
  analysis: except('analysis'),
  // The catalogue of what the server tells users: plain data, below the services that name its messages.
  messages: except('messages'),
  store: ['queue', 'sandbox', 'services', 'api', 'cli', 'roles', 'runtime', 'config', 'workers'],
  export: except('export'),
  queue: ['store', 'sandbox', 'services', 'api', 'cli', 'roles', 'runtime', 'config', 'workers'],
  sandbox: ['store', 'queue', 'services', 'api', 'cli', 'roles', 'runtime', 'config', 'workers'],
  services: ['api', 'cli', 'roles', 'runtime', 'config', 'workers'],
  api: ['cli', 'roles', 'runtime', 'config', 'workers'],
  cli: ['workers'],
  roles: ['cli', 'workers'],
  runtime: ['api', 'cli', 'roles', 'workers'],
  config: except('config', 'analysis'),
  logger: except('logger'),
};

const files = sourceFiles('src', 'workers');
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (let w = ''; w !== v; ) {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      }
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return found;
}

describe('module layers', () => {
  it('reads the import graph of src/ and workers/', () => {
    expect(files.length).toBeGreaterThan(50);
    // app.ts imports its routes: the walk found project imports, and each resolved to a file.
    expect(graph.get('src/api/app.ts')!.length).toBeGreaterThan(3);
    expect(files.every((f) => graph.get(f)!.every((target) => graph.has(target)))).toBe(true);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('never imports from a higher layer into a lower one', () => {
    // A leaf may be imported from anywhere because it imports nothing of the project itself.
    for (const leaf of LEAVES) expect(graph.get(leaf)).toEqual([]);
    const violations = files.flatMap((file) =>
      graph.get(file)!
        .filter((target) => !LEAVES.has(target) && (FORBIDDEN[layerOf(file)] ?? []).includes(layerOf(target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(violations).toEqual([]);
  });
});

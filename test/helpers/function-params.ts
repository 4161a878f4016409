/** Parameter names of a JavaScript function, read from its source text (for meta-tests). */
export function functionParamNames(fn: (...args: never[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn);
  const open = source.indexOf('(');
  let depth = 0;
  let end = open;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    }
  }
  const inner = source.slice(open + 1, end);
  const params: string[] = [];
  depth = 0;
  let current = '';
  for (const c of inner) {
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      params.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) params.push(current);
  return params.map((p) => p.replace(/\/\*.*?\*\//g, '').trim().replace(/^\.\.\./, '').split(/[=:\s]/)[0]).filter(Boolean);
}

/**
 * A strict well-formedness check for the JUnit reporter's XML (no XML parser is installed):
 * one prolog, properly nested and closed elements, quoted attributes without raw '<' or '&',
 * only the five predefined entities or character references, no stray markup in text.
 */
export function assertWellFormedXml(xml: string): void {
  let rest = xml;
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(rest);
  if (!prolog) throw new Error('missing XML prolog');
  rest = rest.slice(prolog[0].length);
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  const checkText = (text: string, where: string): void => {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '<') throw new Error(`raw '<' in ${where}`);
      if (text[i] === '&') {
        entity.lastIndex = i;
        if (!entity.test(text)) throw new Error(`bad entity in ${where}: ${text.slice(i, i + 10)}`);
      }
    }
  };
  while (rest.length) {
    const lt = rest.indexOf('<');
    if (lt < 0) {
      if (rest.trim()) throw new Error('text after the root element');
      break;
    }
    const text = rest.slice(0, lt);
    if (stack.length === 0 && text.trim()) throw new Error('text outside the root element');
    checkText(text, 'text');
    rest = rest.slice(lt);
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/.exec(rest);
    if (!tag) throw new Error(`malformed tag near: ${rest.slice(0, 60)}`);
    const [whole, closing, name, attrs, selfClosing] = tag;
    const seen = new Set<string>();
    for (const a of attrs.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (seen.has(a[1])) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      seen.add(a[1]);
      checkText(a[2], `attribute ${a[1]}`);
    }
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
    rest = rest.slice(whole.length);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

/**
 * Error types shared across opbridge. Each carries what a user needs to act: where the
 * problem is (file, line, the operator or symbol) and how to fix it. The CLI turns
 * `OpbridgeError`s into a one-paragraph message and exit code 2, never a stack trace.
 */

export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface OpbridgeErrorOptions {
  readonly location?: SourceLocation;
  /** One sentence telling the user what to change. */
  readonly fix?: string;
  readonly cause?: unknown;
}

export class OpbridgeError extends Error {
  readonly location: SourceLocation | undefined;
  readonly fix: string | undefined;

  constructor(message: string, options: OpbridgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.location = options.location;
    this.fix = options.fix;
  }

  /** `file:line:col: message` followed by the fix, as printed by the CLI. */
  format(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const fix = this.fix ? `\n  fix: ${this.fix}` : '';
    return `${where}${this.message}${fix}`;
  }
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** Bad command-line usage (unknown backend, missing argument, conflicting flags). */
export class UsageError extends OpbridgeError {}

/** Bad input file: malformed YAML, schema violation, unparsable source. */
export class InputError extends OpbridgeError {}

/** An operator was called with inputs or attributes it cannot accept. */
export class OpError extends OpbridgeError {
  readonly op: string;

  constructor(op: string, message: string, options: OpbridgeErrorOptions = {}) {
    super(`${op}: ${message}`, options);
    this.op = op;
  }
}

/** Shapes that cannot be combined; the message names both shapes. */
export class ShapeError extends OpbridgeError {}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

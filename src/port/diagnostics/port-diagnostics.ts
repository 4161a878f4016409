/**
 * Diagnostics of `opbridge port`: each has a stable id with a docs page
 * (docs/diagnostics/<id>.md), a severity, a rough effort estimate for the manual work it
 * leaves, a title and a one-line message template (`{name}` placeholders).
 *
 * Severities: `error` — the code was left as it was and needs manual porting; `warning` — the
 * code was ported but needs a look; `info` — nothing to do, worth knowing.
 */

export type PortSeverity = 'error' | 'warning' | 'info';

export interface PortDiagnosticInfo {
  readonly title: string;
  readonly severity: PortSeverity;
  /** Hours of manual work one occurrence typically leaves (a planning figure, not a promise). */
  readonly effortHours: number;
  readonly message: string;
}

export const PORT_DIAGNOSTICS = {
  OB1001: {
    title: 'No equivalent on the target backend',
    severity: 'error',
    effortHours: 8,
    message: '`{symbol}` has no {target} equivalent in the catalog ({reason})',
  },
  OB1002: {
    title: 'Unsupported on the target backend',
    severity: 'error',
    effortHours: 4,
    message: '{target} does not support `{symbol}`: {notes}',
  },
  OB1003: {
    title: 'Calling conventions differ; no lowering module',
    severity: 'error',
    effortHours: 2,
    message: '`{symbol}` → `{targetSymbol}`: {reason}; this needs a structural lifter or lowerer, none is registered',
  },
  OB1004: {
    title: 'Argument has no place in the target call',
    severity: 'error',
    effortHours: 1,
    message: 'argument `{param}` ({role}) of `{symbol}` has no place in `{targetSymbol}`',
  },
  OB1005: {
    title: 'Target call needs an argument the source does not provide',
    severity: 'error',
    effortHours: 1,
    message: '`{targetSymbol}` needs `{param}` ({role}), which `{symbol}` does not provide and the catalog gives no default for',
  },
  OB1006: {
    title: 'Enum value has no equivalent',
    severity: 'error',
    effortHours: 1,
    message: '`{member}` ({meaning}) has no {target} equivalent{where}',
  },
  OB1007: {
    title: 'Non-constant enum argument passed unchanged',
    severity: 'warning',
    effortHours: 0.5,
    message: 'argument `{param}` of `{symbol}` is not a constant; it is passed unchanged to `{targetSymbol}`, whose {enum} numbers its values differently',
  },
  OB1008: {
    title: 'Type has no equivalent',
    severity: 'error',
    effortHours: 0.5,
    message: 'type `{type}` has no {target} equivalent in the catalog',
  },
  OB1009: {
    title: 'Facade function used as a value',
    severity: 'error',
    effortHours: 0.5,
    message: '`{symbol}` is used as a value, not called; only calls are ported',
  },
  OB1010: {
    title: 'Name not in the catalog',
    severity: 'warning',
    effortHours: 0.25,
    message: '`{name}` from opbridge/{backend} is not in the {backend} catalog; it is left as is',
  },
  OB1011: {
    title: 'Target supports the call only partially',
    severity: 'warning',
    effortHours: 0.5,
    message: '`{targetSymbol}` answers `{symbol}` only partially (unsupported: {unsupported})',
  },
  OB1012: {
    title: 'Equivalence not confirmed',
    severity: 'info',
    effortHours: 0,
    message: '`{symbol}` → `{targetSymbol}` is {confidence} in the catalog',
  },
  OB1013: {
    title: 'Several source facades imported',
    severity: 'error',
    effortHours: 0.1,
    message: 'the file imports {backends}; pass --from to say which one to port from',
  },
  OB1014: {
    title: 'Re-export of a facade',
    severity: 'warning',
    effortHours: 0.25,
    message: '`export … from \'opbridge/{backend}\'` is not rewritten; re-export the {target} names by hand',
  },
  OB1015: {
    title: 'Call shape does not match the catalog signature',
    severity: 'error',
    effortHours: 0.5,
    message: '`{symbol}` is called with {reason}; the catalog signature has {params} parameter(s)',
  },
  OB1016: {
    title: 'File does not parse',
    severity: 'error',
    effortHours: 0.5,
    message: 'the file does not parse ({reason}); it was not changed: fix the syntax error there (or leave the file out of the paths) and port again',
  },
  OB1017: {
    title: 'Several statements cannot replace this expression',
    severity: 'error',
    effortHours: 0.5,
    message: '`{symbol}` lowers to several statements, but its arguments contain {reason}, which cannot move into a wrapper function',
  },
  OB1018: {
    title: 'Status with an unconfirmed number passed to a helper',
    severity: 'warning',
    effortHours: 0.25,
    message: 'the status of `{targetSymbol}` goes to `{helper}()`; {target} does not confirm the number of `{member}` (its facade exports the name as a string), so a helper that compares statuses with {value} will take success for failure',
  },
  OB1019: {
    title: 'A structural port needs what the code does not state',
    severity: 'error',
    effortHours: 1,
    message: '`{symbol}` cannot be ported to {target}: {reason}',
  },
  OB1030: {
    title: 'Member of a ported type has no known equivalent',
    severity: 'error',
    effortHours: 0.25,
    message: '`{type}.{member}` has no known counterpart on `{targetType}`, the type it is ported to: {reason}',
  },
  OB1031: {
    title: 'Device selection must move before this call',
    severity: 'error',
    effortHours: 0.25,
    message: '`{symbol}` becomes `{targetSymbol}`, which needs {needs} on {target}, but it runs before the first device selection{where}: {reason}',
  },
  OB1032: {
    title: 'Device selection moved before the communicator id',
    severity: 'info',
    effortHours: 0,
    message: '`{symbol}` moved up to before the statement of `{targetSymbol}` (line {line}), which needs {needs} on {target}; nothing between them uses a device',
  },
  OB1033: {
    title: 'Status passed to a helper written for another library\'s status',
    severity: 'warning',
    effortHours: 0.25,
    message: 'the status of `{targetSymbol}` ({status}) goes to `{helper}()`, whose parameter `{param}` is a {helperStatus}, and the file has no helper of that shape for {status}: {consequence}',
  },
  OB1034: {
    title: 'Statuses of two libraries in one status variable',
    severity: 'warning',
    effortHours: 0.25,
    message: 'the status of `{targetSymbol}` ({status}) is assigned to `{variable}`, which the port types {kept} (the status most calls assigned to it have): {consequence}',
  },
  OB1035: {
    title: 'A status the target names is held as a `number`',
    severity: 'warning',
    effortHours: 0.25,
    message: '{holder} is declared `number` and holds the status of `{targetSymbol}`, a {status}, which {target} exports as a name (its numbers are unconfirmed); the annotation is left as written, since {reason}',
  },
  OB1036: {
    title: 'Default-stream work after work on a stream that is not in sight',
    severity: 'warning',
    effortHours: 0.25,
    message: '`{symbol}` runs on the default stream, which CUDA orders after the work already issued on `{stream}`; the target\'s created streams do not synchronise with its default stream and `{stream}` is not a variable this call sees, so no wait was written: wait on that stream (or synchronise it) before this call',
  },
} as const satisfies Record<string, PortDiagnosticInfo>;

export type PortDiagnosticId = keyof typeof PORT_DIAGNOSTICS;

/** One finding in one file. */
export interface PortDiagnostic {
  readonly id: PortDiagnosticId;
  readonly severity: PortSeverity;
  readonly title: string;
  readonly message: string;
  /** 1-based line and column of the code the finding is about. */
  readonly line: number;
  readonly column: number;
  /** The source symbol involved, when there is one. */
  readonly symbol?: string;
  readonly effortHours: number;
}

/** A finding before it is placed in a file (lifters and lowerers do not know line numbers). */
export interface PendingDiagnostic {
  readonly id: PortDiagnosticId;
  readonly values: Readonly<Record<string, string>>;
  readonly symbol?: string;
}

export function pending(id: PortDiagnosticId, values: Readonly<Record<string, string>>, symbol?: string): PendingDiagnostic {
  return { id, values, ...(symbol ? { symbol } : {}) };
}

/** Fills the message template; an unknown placeholder is a programming error. */
export function formatMessage(id: PortDiagnosticId, values: Readonly<Record<string, string>>): string {
  return PORT_DIAGNOSTICS[id].message.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`diagnostic ${id}: no value for {${key}}`);
    return value;
  });
}

export function placeDiagnostic(diagnostic: PendingDiagnostic, line: number, column: number): PortDiagnostic {
  const info: PortDiagnosticInfo = PORT_DIAGNOSTICS[diagnostic.id];
  return {
    id: diagnostic.id,
    severity: info.severity,
    title: info.title,
    message: formatMessage(diagnostic.id, diagnostic.values),
    line,
    column,
    ...(diagnostic.symbol ? { symbol: diagnostic.symbol } : {}),
    effortHours: info.effortHours,
  };
}

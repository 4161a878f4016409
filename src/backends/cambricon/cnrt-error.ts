/**
 * CNRT error reporting. cnrtGetErrorName returns the status name from the catalog;
 * cnrtGetErrorStr returns opbridge's description built from the status's catalog meaning
 * (the vendor's message texts are not in the catalog).
 */
import { enumMember } from './catalog-enums.js';
import { cnrtSuccess, type cnrtRet_t } from './constants.generated.js';
import { cnrtThreadState } from './library-calls.js';

/** Returns the thread's last error and resets it to cnrtSuccess. */
export function cnrtGetLastError(): cnrtRet_t {
  const state = cnrtThreadState();
  const last = state.lastError;
  state.lastError = cnrtSuccess;
  return last;
}

/** Returns the thread's last error without resetting it. */
export function cnrtPeekAtLastError(): cnrtRet_t {
  return cnrtThreadState().lastError;
}

export function cnrtGetErrorName(error: cnrtRet_t): string {
  return enumMember('cnrtRet_t', error)?.name ?? 'cnrtErrorUnknown';
}

export function cnrtGetErrorStr(error: cnrtRet_t): string {
  return describeStatus('cnrtRet_t', error);
}

/** "<meaning in words> (<name>)", e.g. "invalid value (cnrtErrorArgsInvalid)". */
export function describeStatus(enumType: string, code: unknown): string {
  const member = enumMember(enumType, code);
  if (!member) return `unrecognized error code ${String(code)}`;
  const words = (member.meaning ?? 'status.unknown').split('.').slice(1).join(' ').replace(/-/g, ' ');
  return `${words} (${member.name})`;
}

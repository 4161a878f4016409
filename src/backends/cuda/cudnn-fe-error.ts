/**
 * cudnn_frontend::error_t (`error_object`, graph_helpers.h): an error_code_t and a message,
 * returned by every graph lifecycle method; `is_good()` is `code == OK`.
 */
import { error_code_t } from './constants.generated.js';

export class error_t {
  constructor(
    readonly code: error_code_t = error_code_t.OK,
    readonly err_msg: string = '',
  ) {}

  get_code(): error_code_t {
    return this.code;
  }

  get_message(): string {
    return this.err_msg;
  }

  is_good(): boolean {
    return this.code === error_code_t.OK;
  }

  is_bad(): boolean {
    return !this.is_good();
  }

  toString(): string {
    return this.is_good() ? 'OK' : `${this.code}: ${this.err_msg}`;
  }
}

export const OK = (): error_t => new error_t();

export function fail(code: error_code_t, message: string): error_t {
  return new error_t(code, message);
}

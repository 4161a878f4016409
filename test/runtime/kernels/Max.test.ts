import { describe } from 'vitest';
import { variadicExtremeSuite } from '../../helpers/elementwise-suite.js';

describe('Max', () => {
  variadicExtremeSuite('Max');
});

import { describe } from 'vitest';
import { variadicExtremeSuite } from '../../helpers/elementwise-suite.js';

describe('Min', () => {
  variadicExtremeSuite('Min');
});

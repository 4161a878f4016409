/** The catalog with the verify test facade's profiles, and those profiles resolved. */
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { FIXTURE_PROFILE_FILES } from '../fixtures/verify/fixture-facade.js';


export const catalog = loadCatalog({ extra: FIXTURE_PROFILE_FILES });
export const IEEE = catalog.profile('verify-fixture.ieee');
export const TF32_FTZ = catalog.profile('verify-fixture.tf32-ftz');

/**
 * Targets with lowerings of canonical operators over tensor views registered (cuda-lower/). For
 * the others, aclnn calls keep the generic role path's answer (OB1003 where no entry fits), so
 * nothing is lifted that no lowerer can write.
 */
export const VIEW_LOWERING_TARGETS: ReadonlySet<string> = new Set(['cuda']);

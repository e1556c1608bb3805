import { RawFieldError, Scope, scopeIncludes } from '@emis/api/platform';
import { OrgTreeService } from '../org-tree.service';

/**
 * Where a unit may sit (docs/domain/organisation.md, "The tree"): under an open department or unit the caller sees,
 * never a school, and never under itself or one of its own descendants (a cycle would cut the branch off the
 * department). `movingId` is the unit being moved; a new unit has no descendants.
 */
export async function placementErrors(
  tree: OrgTreeService,
  scope: Scope,
  parentId: string,
  movingId?: string,
  field = 'parentId',
): Promise<RawFieldError[]> {
  const parent = await tree.get(parentId);
  if (!parent || !scopeIncludes(scope, parentId)) return [{ field, rule: 'unknownParent', args: [] }];
  if (parent.kind === 'SCHOOL') return [{ field, rule: 'parentNotAUnit', args: [] }];
  if (parent.closed) return [{ field, rule: 'parentClosed', args: [] }];
  if (movingId && (await tree.subtree(movingId)).includes(parentId)) return [{ field, rule: 'moveCycle', args: [] }];
  return [];
}

import { InjectionToken, Type } from '@angular/core';
import { Permission } from '@emis/domain';

/**
 * A panel another feature shows on the home page, for the roles with its permission. The app provides them (the
 * shell may not import a feature library); `load` is a dynamic import, so the feature's code stays in its lazy chunk.
 */
export interface HomePanel {
  permission: Permission;
  load: () => Promise<Type<unknown>>;
  inputs?: Record<string, unknown>;
  /** Panels show by ascending order, then as provided (default 0); today's work (issue 16) asks to come first. */
  order?: number;
}

export const HOME_PANELS = new InjectionToken<readonly HomePanel[]>('HOME_PANELS', {
  providedIn: 'root',
  factory: () => [],
});

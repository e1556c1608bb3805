import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Permission } from '@emis/domain';
import { ClsServiceManager } from 'nestjs-cls';
import { CTX, Principal, Scope } from '../context/request-context';

export const IS_PUBLIC = 'emis:public';
export const PERMISSION = 'emis:permission';

/** Reachable without a session (sign-in, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission (libs/domain identity/permissions.ts) a route needs. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION, permission);

export const CurrentPrincipal = createParamDecorator((_: unknown, _ctx: ExecutionContext): Principal =>
  ClsServiceManager.getClsService().get(CTX.principal),
);

export const CurrentScope = createParamDecorator((_: unknown, _ctx: ExecutionContext): Scope =>
  ClsServiceManager.getClsService().get(CTX.scope),
);

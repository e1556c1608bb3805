import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, Permission } from '@emis/domain';
import { ClsService } from 'nestjs-cls';
import { CTX, Principal } from '../context/request-context';
import { IS_PUBLIC, PERMISSION } from './access.decorators';
import { PermissionRefusedException } from './refusals';

/**
 * Runs after authentication. A route either is public, or names the permission it needs; a route that names
 * none is open to any signed-in user (their scope still limits what they reach).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION, targets);
    if (!permission) return true;
    const principal = this.cls.get<Principal | undefined>(CTX.principal);
    if (principal && can(principal.role, permission)) return true;
    // Typed, so the problem filter records the attempt as a security event (PERMISSION_REFUSED).
    throw new PermissionRefusedException(permission);
  }
}

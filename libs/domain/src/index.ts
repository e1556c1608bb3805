export * from './organisation/org-unit';
export * from './identity/roles';
export * from './identity/permissions';
export * from './people/personal-id';
export * from './people/vietnamese-name';
export * from './people/phone';
export * from './identity/password-policy';

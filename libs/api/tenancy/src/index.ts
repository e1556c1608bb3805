export * from './tenancy.module';
export * from './org-tree.service';
export * from './schools.service';
export * from './department.repository';

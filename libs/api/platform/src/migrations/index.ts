import { CreateFoundation1764100000000 } from './1764100000000-CreateFoundation';
import { CreatePeople1764200000000 } from './1764200000000-CreatePeople';
import { AddPeopleDetails1764200000100 } from './1764200000100-AddPeopleDetails';
import { AddAcademicDetails1764200000200 } from './1764200000200-AddAcademicDetails';
import { AddStaffDetails1764200000300 } from './1764200000300-AddStaffDetails';
import { AddImportDetails1764200000400 } from './1764200000400-AddImportDetails';
import { CreateGradebook1764300000000 } from './1764300000000-CreateGradebook';
import { CreateOutbox1764400000000 } from './1764400000000-CreateOutbox';
import { CreateAcademicViews1764400000100 } from './1764400000100-CreateAcademicViews';
import { CreatePeopleViews1764400000200 } from './1764400000200-CreatePeopleViews';
import { CreateStaffViews1764400000300 } from './1764400000300-CreateStaffViews';
import { CreateIdentityViews1764400000400 } from './1764400000400-CreateIdentityViews';
import { CreateTenancyViews1764400000500 } from './1764400000500-CreateTenancyViews';

/** Every migration, in order. Listed explicitly so the bundle and the CLI apply the same set. */
export const MIGRATIONS = [
  CreateFoundation1764100000000,
  CreatePeople1764200000000,
  AddPeopleDetails1764200000100,
  AddAcademicDetails1764200000200,
  AddStaffDetails1764200000300,
  AddImportDetails1764200000400,
  CreateGradebook1764300000000,
  CreateOutbox1764400000000,
  CreateAcademicViews1764400000100,
  CreatePeopleViews1764400000200,
  CreateStaffViews1764400000300,
  CreateIdentityViews1764400000400,
  CreateTenancyViews1764400000500,
];

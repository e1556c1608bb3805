import { CreateFoundation1764100000000 } from './1764100000000-CreateFoundation';
import { CreatePeople1764200000000 } from './1764200000000-CreatePeople';
import { AddPeopleDetails1764200000100 } from './1764200000100-AddPeopleDetails';
import { AddAcademicDetails1764200000200 } from './1764200000200-AddAcademicDetails';
import { AddStaffDetails1764200000300 } from './1764200000300-AddStaffDetails';
import { AddImportDetails1764200000400 } from './1764200000400-AddImportDetails';
import { CreateGradebook1764300000000 } from './1764300000000-CreateGradebook';

/** Every migration, in order. Listed explicitly so the bundle and the CLI apply the same set. */
export const MIGRATIONS = [
  CreateFoundation1764100000000,
  CreatePeople1764200000000,
  AddPeopleDetails1764200000100,
  AddAcademicDetails1764200000200,
  AddStaffDetails1764200000300,
  AddImportDetails1764200000400,
  CreateGradebook1764300000000,
];

/**
 * sha256 of each migration's source file as merged (line endings normalised). Append-only: a line is added with its
 * migration and never edited. migrations.spec.ts fails when a file no longer matches its line; the migrate step
 * records these when it applies a migration and refuses a database whose recorded checksum differs.
 */
export const MIGRATION_CHECKSUMS: Readonly<Record<string, string>> = {
  CreateAppRoleAndScope1764100000010: '3403a354170caf8dc4ab86db5622a6abcbb1e2f0631b0135bfd9cce3d44de8c6',
  CreateOrgUnits1764100000020: 'efaea95a80deac413d3203ae231f2ac334ba4a0af4667636a7a0f7d98e5f431c',
  CreateUsers1764100000030: 'e46c538e28c6ad11ebe4ac4edcd4054f4ed190b5d3b22d7fcdbe59a161cd8595',
  CreateAuditChain1764100000040: '48f37de3eee0ef83e721f05316851cf046f4b787f0b873e4dd3f44e9048a6dd6',
  CreateStaff1764200000010: 'a7bb4243766b96ad466e4e6a81ef2b3d5c8660153ed3c43cc724a5342f1a6124',
  CreateCalendarAndClasses1764200000020: 'f3d44a952ff4bc2f82f6d457e2a707cc7275e39b2898bcedfb71f5ae7609e5d1',
  CreateStudents1764200000030: 'e2dec3137e3dc9859d99a71b876c206b9a1e27df350dbc459e2f0c4f3427f11e',
  CreateAttendance1764200000040: 'e2759ffa50db28bba1ced3cb0afd08b481fb36d718f920541ebd6c1c131e17a9',
  CreateImportJobs1764200000050: '27f103f26818ee5c47db78503f45ba1c3dd6686f9f37cd0ad6f125ed8388c229',
  LinkUsersToStaff1764200000060: '602fbb26c4db48615e0e7dce924226caaf24545ed0669b289803284544463d44',
  AddPeopleDetails1764200000100: '30d6702279b553500e400b17c1859f2e41bda5a4ade189992ce39cc7cb1b063b',
  AddImportDetails1764200000400: 'cef1d6d580bbf8410578a2adf60d179c0cd58d1b8b2a90d99236ed100999722c',
  CreateGradebook1764300000000: 'daa2c01828818a2e647f37356f4d2a12c3e53e8f7a1ad0a4cbcc7377c6dbfb83',
  CreateOutbox1764400000000: '8a32652f4f12dbcb2c61f0a109618d7a7237166d4a9d5c5add1a1281344db30b',
  CreateAcademicViews1764400000100: 'fc2e3e07b568a3a785a9b3f665ec56ee3ccca1bdd843e9993e41e1bb37c94640',
  CreatePeopleViews1764400000200: '2cf1f247250b28b82beba81963e3bad11909f38f6a8f1eaac81e31845c1b42bb',
  CreateStaffViews1764400000300: '8340f0300305b3496d59557774352ab8fa397ae7fa8e925fdd35707e5e69a012',
  CreateIdentityViews1764400000400: 'ba938016777adc82c66375a21e29b52431335f975e4fca6bfca77a9134f07745',
  CreateTenancyViews1764400000500: '242b1adb3e2f8f57621f7c2814d663aed109fd7002999a29a4a03dcde7161df4',
  ExtendAcademicViews1764400000600: '253fd7db03ea608e78e0c8017bcb92c96d5cdb5d69b2f71a3749f07e7000f190',
  CreatePeopleEnrolmentView1764400000700: '93106cbbe8e0cd920a4a6b84a4a7ad655d5cd6fc272624ca9d185d2d37c430ce',
  CreateIdentityUserView1764400000800: '074fe8a9e96f2e15377343bf0124d81cf39b53992723718fac0802c63cd1faae',
  ExtendTenancyViews1764400000900: '1eab82f3b4a2abbe4cde3a8b98a7a52c23ddd26200c45a1b2276d326968f23fc',
  CreateReportingFacts1764500000000: 'dbfaebb5d4ed56ba46b20ef5090abb13c642e0199efe0d8189ec0b4840895ece',
};

import type { ProvinceRuleSettingsInput } from '@emis/contracts';
import {
  C22_ADJUSTMENT_READINGS,
  C22AdjustmentReading,
  GradeLevel,
  MISSING_ASSESSMENT_READINGS,
  MissingAssessmentReading,
} from '@emis/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, Max, Min } from 'class-validator';

/** The whole settings object; the per-grade ceilings are checked by libs/domain's ruleSettingsErrors. */
export class ProvinceRuleSettingsDto implements ProvinceRuleSettingsInput {
  @ApiProperty({ enum: C22_ADJUSTMENT_READINGS })
  @IsIn(C22_ADJUSTMENT_READINGS)
  c22Adjustment!: C22AdjustmentReading;

  @ApiProperty({ enum: MISSING_ASSESSMENT_READINGS })
  @IsIn(MISSING_ASSESSMENT_READINGS)
  missingAssessment!: MissingAssessmentReading;

  @ApiProperty()
  @IsBoolean()
  c58ForeignLanguage!: boolean;

  @ApiProperty({ example: { '6': 45, '10': 45 } })
  @IsObject()
  classSizeCeilings!: Record<GradeLevel, number>;

  @ApiProperty({ description: 'The version read (0 while the defaults apply)' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  version!: number;
}

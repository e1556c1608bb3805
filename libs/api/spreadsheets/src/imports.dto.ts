import type { ImportCellError, ImportJob, ImportJobKind } from '@emis/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportCellErrorDto implements ImportCellError {
  @ApiProperty({ description: '1-based worksheet row, as Excel shows it' }) row!: number;
  @ApiProperty({ example: 'C' }) column!: string;
  @ApiProperty({ example: 'Họ và tên' }) header!: string;
  @ApiProperty() message!: string;
}

export class ImportJobDto implements ImportJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS'] }) kind!: ImportJobKind;
  @ApiProperty({ enum: ['QUEUED', 'VALIDATING', 'COMMITTING', 'DONE', 'FAILED'] }) status!: ImportJob['status'];
  @ApiProperty() fileName!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalRows!: number | null;
  @ApiProperty() processedRows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() errorCount!: number;
  @ApiProperty({
    type: [ImportCellErrorDto],
    description: 'Every error of every row, by row and column (the error workbook marks the same). Empty in lists.',
  })
  errors!: ImportCellError[];
  @ApiProperty({
    type: [ImportCellErrorDto],
    description:
      'Values read after a correction the clerk should check (an id whose leading zero Excel dropped). Empty in lists.',
  })
  notices!: ImportCellError[];
  @ApiPropertyOptional({ nullable: true, type: String }) message!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt!: string | null;
}

export class ImportJobPageDto {
  @ApiProperty({ type: [ImportJobDto] }) items!: ImportJobDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The multipart body of an upload, for the API documentation. */
export const WORKBOOK_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'The filled template (.xlsx), at most 10 MB' },
    },
  },
};

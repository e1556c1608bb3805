import { Pipe, PipeTransform } from '@angular/core';
import { formatDong } from './dong';

/** An amount in whole đồng, vi-VN grouped with the đồng sign: 25.000.000 ₫. */
@Pipe({ name: 'emisDong' })
export class DongPipe implements PipeTransform {
  transform(value: number | null | undefined): string {
    return formatDong(value);
  }
}

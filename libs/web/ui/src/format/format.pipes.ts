import { Pipe, PipeTransform } from '@angular/core';
import { DateStyle, formatEmisDate } from './date-format';
import { formatEmisNumber } from './number-format';

@Pipe({ name: 'emisDate' })
export class EmisDatePipe implements PipeTransform {
  transform(value: string | number | Date | null | undefined, style: DateStyle = 'date'): string {
    return formatEmisDate(value, style);
  }
}

@Pipe({ name: 'emisNumber' })
export class EmisNumberPipe implements PipeTransform {
  transform(value: number | null | undefined): string {
    return formatEmisNumber(value);
  }
}

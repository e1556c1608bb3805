import { Pipe, PipeTransform } from '@angular/core';
import { ETHNICITIES } from '@emis/domain';

const NAME_OF_CODE = new Map(ETHNICITIES.map((e) => [e.code, e.name]));

/** An ethnicity code ('01') as the group's official name ('Kinh'); an unknown code is shown as is. */
@Pipe({ name: 'ethnicityName' })
export class EthnicityNamePipe implements PipeTransform {
  transform(code: string | null | undefined): string {
    return code ? (NAME_OF_CODE.get(code) ?? code) : '—';
  }
}

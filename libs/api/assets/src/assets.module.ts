import { Module } from '@nestjs/common';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class AssetsModule {}

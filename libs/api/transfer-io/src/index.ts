export * from './transfer-io.module';

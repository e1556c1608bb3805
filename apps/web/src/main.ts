import { bootstrapApplication } from '@angular/platform-browser';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
@Component({ selector: 'emis-root', template: 'hi', changeDetection: ChangeDetectionStrategy.OnPush })
class Root {}
bootstrapApplication(Root, { providers: [provideZonelessChangeDetection()] }).catch((e) => console.error(e));

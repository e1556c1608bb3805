// Angular's packages are partially compiled: their declarations finish in the JIT compiler when no linker ran.
import '@angular/compiler';

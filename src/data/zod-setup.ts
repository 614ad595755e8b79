/**
 * zod configured for the app's Content-Security-Policy: the CSP forbids `eval`, which zod's
 * JIT fast path uses. Import `z` from here so the setting applies before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

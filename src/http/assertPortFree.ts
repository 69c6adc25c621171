import { createServer } from 'node:net';
import { AppError, ErrorCode } from '../errors.js';

/** The one-line refusal for a port another process holds. */
export function portInUse(port: number, variable = 'PORT'): AppError {
  return new AppError(ErrorCode.PORT_IN_USE, `port ${port} is already in use by another process; stop it or set ${variable} to a free port`, { port });
}

/**
 * Fails fast with PORT_IN_USE when `port` is taken, before slower start-up work (the embedded
 * database, migrations). The real listen still checks, since the port can be taken in between.
 */
export function assertPortFree(port: number, variable = 'PORT'): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portInUse(port, variable) : error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'liaocheng-guarantee-hub' },
    // Credentials never reach a log line, whichever object carries them.
    redact: { paths: ['*.password', '*.passwordHash', '*.token', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

// Log records as the UI's Log view receives them.
import { z } from 'zod';
import { LOG_LEVELS, type LogRecord as EngineLogRecord } from '../../log/logger';

export const LogLevel = z.enum(LOG_LEVELS);

export const LogRecord = z.object({
  time: z.number(),
  level: LogLevel,
  scope: z.string(),
  message: z.string(),
}) satisfies z.ZodType<EngineLogRecord>;
export type LogRecord = z.infer<typeof LogRecord>;

export const LogSubscription = z.object({
  /** Deliver records at this level and above (the engine's own level still applies first). */
  minLevel: LogLevel.default('info'),
  /** Also deliver the records the host kept from before the subscription, oldest first. */
  history: z.boolean().default(false),
});

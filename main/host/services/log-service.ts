// The `log` stream: engine log records at or above the subscriber's level, optionally preceded by
// the recent history.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import { levelRank, type LogHub } from '../../../shared/log/logger';
import type { LogHistory } from '../log-history';
import { defineService } from '../router';

export function logService(hub: LogHub, history: LogHistory) {
  return defineService(probeDeskApi, {
    name: 'log',
    events: {
      log: ({ minLevel, history: replay }, emit) => {
        const wanted = levelRank(minLevel);
        if (replay) for (const record of history.snapshot()) if (levelRank(record.level) >= wanted) emit(record);
        return hub.subscribe((record) => {
          if (levelRank(record.level) >= wanted) emit(record);
        });
      },
    },
  });
}

// The `log` stream: engine log records at or above the subscriber's level.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import { levelRank, type LogHub } from '../../../shared/log/logger';
import { defineService } from '../router';

export function logService(hub: LogHub) {
  return defineService(probeDeskApi, {
    name: 'log',
    events: {
      log: ({ minLevel }, emit) => hub.subscribe((record) => {
        if (levelRank(record.level) >= levelRank(minLevel)) emit(record);
      }),
    },
  });
}

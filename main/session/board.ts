/**
 * The board (pyOCD's Board): the probe's view of what it is plugged into, owning the target.
 * The user-script `board` global and the `will_connect(board)` delegate receive it.
 */
import type { CoreSightTarget } from '../target/coresight-target';

export class Board {
  constructor(
    readonly uniqueId: string,
    /** Human-readable name: the probe's target board name when it reports one, else the target part. */
    readonly name: string,
    readonly target: CoreSightTarget,
  ) {}

  get targetType(): string {
    return this.target.definition.name;
  }
}

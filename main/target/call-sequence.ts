/**
 * A sequence of named steps (pyOCD's CallSequence): the target's init sequence is one, and the
 * user-script delegate `will_init_target` receives it to change before it runs. Steps can be
 * inserted before or after another, replaced, wrapped (the wrapper gets the original step to
 * call) and removed. A step may return a CallSequence, which then runs in its place, so a step
 * can expand into sub-steps.
 */

export type StepResult = void | CallSequence;
export type Step = () => StepResult | Promise<StepResult>;
export type StepWrapper = (original: Step) => StepResult | Promise<StepResult>;

export class CallSequenceError extends Error {
  override name = 'CallSequenceError';
}

export class CallSequence {
  private steps: { name: string; step: Step }[] = [];

  constructor(steps: Iterable<readonly [string, Step]> = []) {
    for (const [name, step] of steps) this.append(name, step);
  }

  get names(): string[] {
    return this.steps.map((s) => s.name);
  }

  get count(): number {
    return this.steps.length;
  }

  has(name: string): boolean {
    return this.steps.some((s) => s.name === name);
  }

  get(name: string): Step {
    return this.steps[this.indexOf(name)]!.step;
  }

  private indexOf(name: string): number {
    const index = this.steps.findIndex((s) => s.name === name);
    if (index < 0) throw new CallSequenceError(`No step named "${name}" in the sequence (steps: ${this.names.join(', ') || 'none'})`);
    return index;
  }

  private checkNew(name: string): void {
    if (this.has(name)) throw new CallSequenceError(`The sequence already has a step named "${name}"`);
  }

  append(name: string, step: Step): this {
    this.checkNew(name);
    this.steps.push({ name, step });
    return this;
  }

  insertBefore(existing: string, name: string, step: Step): this {
    const index = this.indexOf(existing);
    this.checkNew(name);
    this.steps.splice(index, 0, { name, step });
    return this;
  }

  insertAfter(existing: string, name: string, step: Step): this {
    const index = this.indexOf(existing);
    this.checkNew(name);
    this.steps.splice(index + 1, 0, { name, step });
    return this;
  }

  replace(name: string, step: Step): this {
    this.steps[this.indexOf(name)]!.step = step;
    return this;
  }

  /** Replaces step `name` by `wrapper(original)`: the wrapper decides whether and when to run it. */
  wrap(name: string, wrapper: StepWrapper): this {
    const entry = this.steps[this.indexOf(name)]!;
    const original = entry.step;
    entry.step = () => wrapper(original);
    return this;
  }

  remove(name: string): this {
    this.steps.splice(this.indexOf(name), 1);
    return this;
  }

  /** Runs the steps in order; an error names the step that failed and keeps the cause. */
  async invoke(onStep?: (name: string) => void): Promise<void> {
    for (const { name, step } of [...this.steps]) {
      onStep?.(name);
      let result: StepResult;
      try {
        result = await step();
      } catch (error) {
        if (error instanceof Error && /^Init step "/.test(error.message)) throw error;
        throw new CallSequenceError(`Init step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (result instanceof CallSequence) await result.invoke(onStep);
    }
  }
}

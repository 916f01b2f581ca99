import { RegisterBlock, StorageRegister } from '../common/register-block';

/**
 * PWR (RM0377 chapter 6 "Power control"): CR with the regulator voltage range VOS (reset value
 * 0x1000, range 2) and CSR. The regulator settles instantly in this model, so CSR.VOSF (voltage
 * scaling in progress) always reads 0 and VREFINTRDYF reads 1.
 */
const CR = 0x00;
const CSR = 0x04;
const CSR_VREFINTRDYF = 1 << 3;

export class Pwr {
  readonly registers = new RegisterBlock('PWR');
  private readonly cr = new StorageRegister(0x1000, 0x0000_7fff);
  private readonly csrEnables = new StorageRegister(0, 0x0000_0300);

  constructor() {
    this.registers.define(CR, this.cr);
    this.registers.defineFn(CSR, () => this.csrEnables.value | CSR_VREFINTRDYF, (v, m) => this.csrEnables.write(v, m));
  }

  reset(): void {
    this.cr.reset();
    this.csrEnables.reset();
  }
}

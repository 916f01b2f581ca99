import { describe, expect, it } from 'vitest';
import { CTRL_AP_REG, CtrlAp, type CtrlApHooks } from '../../../main/sim/adi/ctrl-ap';

function hooks() {
  const log: string[] = [];
  const state = { resetRegister: 0, eraseAllStatus: 0, apProtectStatus: 0 };
  const h: CtrlApHooks = {
    setReset: (asserted) => {
      state.resetRegister = asserted ? 1 : 0;
      log.push(`reset ${asserted}`);
    },
    get resetRegister() {
      return state.resetRegister;
    },
    eraseAll: () => {
      state.eraseAllStatus = 1;
      log.push('eraseall');
    },
    get eraseAllStatus() {
      return state.eraseAllStatus;
    },
    get apProtectStatus() {
      return state.apProtectStatus;
    },
  };
  return { h, log, state };
}

const value = (r: ReturnType<CtrlAp['read']>) => (r.kind === 'ok' ? r.value : 'error');

describe('nRF52840 CTRL-AP (nRF52840 PS, CTRL-AP)', () => {
  it('identifies itself with IDR 0x02880000', () => {
    expect(value(new CtrlAp(hooks().h).read(CTRL_AP_REG.IDR))).toBe(0x02880000);
  });

  it('drives soft reset through RESET and reads the board state back', () => {
    const { h, log } = hooks();
    const ap = new CtrlAp(h);
    ap.write(CTRL_AP_REG.RESET, 1);
    expect(value(ap.read(CTRL_AP_REG.RESET))).toBe(1);
    ap.write(CTRL_AP_REG.RESET, 0);
    expect(log).toEqual(['reset true', 'reset false']);
  });

  it('starts ERASEALL on a write of 1 and reports ERASEALLSTATUS and APPROTECTSTATUS from the board', () => {
    const { h, log, state } = hooks();
    const ap = new CtrlAp(h);
    expect(value(ap.read(CTRL_AP_REG.APPROTECTSTATUS))).toBe(0);
    ap.write(CTRL_AP_REG.ERASEALL, 0);
    expect(log).toEqual([]);
    ap.write(CTRL_AP_REG.ERASEALL, 1);
    expect(value(ap.read(CTRL_AP_REG.ERASEALLSTATUS))).toBe(1);
    state.eraseAllStatus = 0;
    state.apProtectStatus = 1;
    expect(value(ap.read(CTRL_AP_REG.ERASEALLSTATUS))).toBe(0);
    expect(value(ap.read(CTRL_AP_REG.APPROTECTSTATUS))).toBe(1);
    expect(log).toEqual(['eraseall']);
  });
});

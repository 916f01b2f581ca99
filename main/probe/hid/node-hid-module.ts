/**
 * Loads the `node-hid` package lazily (runtime: plain Node), so a platform whose hidapi binary
 * cannot be loaded loses only the CMSIS-DAP v1 (HID) path. node-hid itself defers loading its
 * binary to the first call, so the loader asks for the hidapi version once to surface a missing
 * or incompatible prebuild here, as one failure, instead of on every enumeration.
 */
import type * as NodeHid from 'node-hid';

/** The parts of node-hid the probe layer uses (tests inject a fake with the same shape). */
export type NodeHidApi = Pick<typeof NodeHid, 'devicesAsync' | 'HIDAsync'>;

export type NodeHidDevice = NodeHid.HIDAsync;
export type NodeHidDeviceInfo = NodeHid.Device;

let loaded: Promise<NodeHidApi> | undefined;

export function loadNodeHid(): Promise<NodeHidApi> {
  loaded ??= import('node-hid').then((hid) => {
    hid.getHidapiVersion();
    return hid;
  });
  return loaded;
}

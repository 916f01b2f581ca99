/** SWD clock values as `set frequency` takes them: any integer form, or `4M`, `400k`, `2.5MHz`. */
import { parseInteger } from '../integer';

const SCALES: Record<string, number> = { '': 1, k: 1e3, m: 1e6 };

export function parseFrequencyText(text: string): number | undefined {
  const integer = parseInteger(text);
  if (integer !== undefined) return integer > 0 ? integer : undefined;
  const match = /^(\d+(?:\.\d+)?)([km]?)(?:hz)?$/i.exec(text.trim());
  if (!match) return undefined;
  const hz = Math.round(Number(match[1]) * SCALES[match[2]!.toLowerCase()]!);
  return hz > 0 ? hz : undefined;
}

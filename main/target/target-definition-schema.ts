/**
 * The schema of a target definition file in resources/targets/ (YAML). One file per part:
 * identity, where the facts come from, the default reset type, and the memory map.
 */
import { z } from 'zod';

const address = z.number().int().min(0).max(0xffffffff);
const size = z.number().int().positive();

const commonRegion = {
  name: z.string().min(1),
  start: address,
  length: size,
  access: z.string().regex(/^r?w?x?$/, 'access is made of r, w, x in that order').optional(),
  isBootMemory: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  isTestable: z.boolean().optional(),
  isExternal: z.boolean().optional(),
  alias: z.string().optional(),
};

export const regionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ram'), ...commonRegion }).strict(),
  z.object({ type: z.literal('rom'), ...commonRegion }).strict(),
  z.object({ type: z.literal('device'), ...commonRegion }).strict(),
  z
    .object({
      type: z.literal('flash'),
      ...commonRegion,
      flm: z.string().min(1).optional(),
      sectorSize: size.optional(),
      sectors: z.array(z.object({ address, size }).strict()).min(1).optional(),
      pageSize: size.optional(),
      erasedValue: z.number().int().min(0).max(0xff).optional(),
    })
    .strict(),
]);

export const targetDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]+$/, 'target names are lower case letters, digits and _'),
    vendor: z.string().min(1),
    part: z.string().min(1),
    family: z.string().min(1).optional(),
    /** Core expected by discovery (e.g. "Cortex-M4"), checked against CPUID at connect. */
    core: z.string().min(1).optional(),
    /** The documents the facts were taken from. */
    sources: z.array(z.string().min(1)).min(1),
    defaultResetType: z.enum(['hw', 'sw', 'sw_sysresetreq', 'sw_vectreset', 'sw_emulated']).optional(),
    memoryMap: z.array(regionSchema),
  })
  .strict();

export type TargetDefinitionData = z.infer<typeof targetDefinitionSchema>;
export type RegionData = z.infer<typeof regionSchema>;

import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import type { CapacityConfig, EbsOptions, ZoneAwarenessConfig } from 'aws-cdk-lib/aws-opensearchservice';

/** How big the search domain is, in the terms the context keys use (docs/infrastructure.md). */
export interface SearchSize {
  /** Data nodes. With two or more, every shard has a replica on another node. */
  readonly dataNodes: number;
  /** Instance type of the data nodes, e.g. `t3.medium.search`. */
  readonly instanceType: string;
  /** gp3 storage per data node, in GB (10 at least). */
  readonly volumeGb: number;
  /** Availability zones the data nodes are spread over: 1 (no zone awareness), 2 or 3. */
  readonly zones: number;
  /** Dedicated master (cluster manager) nodes: 0, 3 or 5. */
  readonly dedicatedMasters: number;
  /**
   * Instance type of the dedicated masters.
   * @default - the data nodes' instance type
   */
  readonly masterInstanceType?: string;
}

/**
 * dev: one small burstable node. prod: one municipality's archive, a few GB of index at most:
 * two of the smallest general-purpose nodes (Graviton, 1 vCPU, 4 GB, cheaper by the hour than a
 * t3.medium) in two zones, each holding every shard as primary or replica, so a node or a zone
 * can fail without losing the index; no dedicated masters (docs/infrastructure.md, Cost).
 */
export const SEARCH_SIZES = {
  dev: { dataNodes: 1, instanceType: 't3.small.search', volumeGb: 10, zones: 1, dedicatedMasters: 0 },
  prod: { dataNodes: 2, instanceType: 'm7g.medium.search', volumeGb: 20, zones: 2, dedicatedMasters: 0 },
} as const satisfies Record<string, SearchSize>;

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+\.search$/;

/** The first reason OpenSearch Service would refuse the size, or null when it is valid. */
export function searchSizeProblem(size: SearchSize): string | null {
  const { dataNodes, zones, dedicatedMasters, volumeGb } = size;
  if (!Number.isInteger(dataNodes) || dataNodes < 1)
    return `searchDataNodes must be a whole number ≥ 1, not ${dataNodes}`;
  if (![1, 2, 3].includes(zones)) return `searchZones must be 1, 2 or 3, not ${zones}`;
  if (dataNodes % zones !== 0) {
    return `${dataNodes} data node(s) cannot be spread evenly over ${zones} zones: zone awareness needs a multiple of the zone count (an even number for 2 zones), or set searchZones`;
  }
  if (![0, 3, 5].includes(dedicatedMasters)) {
    return `searchDedicatedMasters must be 0, 3 or 5 (an odd number keeps a quorum), not ${dedicatedMasters}`;
  }
  if (!Number.isInteger(volumeGb) || volumeGb < 10)
    return `searchVolumeGb must be a whole number ≥ 10, not ${volumeGb}`;
  for (const type of [size.instanceType, size.masterInstanceType ?? size.instanceType]) {
    if (!INSTANCE_TYPE.test(type))
      return `'${type}' is not an OpenSearch instance type such as t3.medium.search`;
    if (type.startsWith('t2.')) return `${type} cannot encrypt data at rest, which this domain requires`;
  }
  if (size.masterInstanceType && dedicatedMasters === 0) {
    return 'searchMasterInstanceType needs searchDedicatedMasters (3 or 5)';
  }
  return null;
}

/** The domain's capacity, storage and zones for a size; throws on a size the service would refuse. */
export function domainSizing(size: SearchSize): {
  capacity: CapacityConfig;
  ebs: EbsOptions;
  zoneAwareness: ZoneAwarenessConfig;
} {
  const problem = searchSizeProblem(size);
  if (problem) throw new Error(`search domain size: ${problem}`);
  return {
    capacity: {
      dataNodes: size.dataNodes,
      dataNodeInstanceType: size.instanceType,
      ...(size.dedicatedMasters > 0 && {
        masterNodes: size.dedicatedMasters,
        masterNodeInstanceType: size.masterInstanceType ?? size.instanceType,
      }),
      // Standby needs 3 zones, 3 masters and no T3: far beyond one municipality's needs.
      multiAzWithStandbyEnabled: false,
    },
    ebs: { volumeSize: size.volumeGb, volumeType: EbsDeviceVolumeType.GP3 },
    zoneAwareness: size.zones > 1 ? { enabled: true, availabilityZoneCount: size.zones } : { enabled: false },
  };
}

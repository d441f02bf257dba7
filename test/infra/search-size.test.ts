import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { SEARCH_SIZES, type SearchSize, searchSizeProblem } from '../../infra/constructs/search-size.ts';
import { defineMinutesSearch } from '../../infra/minutes-search.ts';
import { cdkContext, onlyResource, synthApp } from './synth.ts';

/** The domain's cluster and storage settings for a context. */
function domainOf(context: Record<string, unknown>) {
  const domain = onlyResource(synthApp(context).statefulTemplate, 'AWS::OpenSearchService::Domain');
  return domain.Properties as { ClusterConfig: Record<string, unknown>; EBSOptions: Record<string, unknown> };
}

const define = (context: Record<string, unknown>) => () =>
  defineMinutesSearch(new App({ context: cdkContext(context) }));

describe('search domain size from the context', () => {
  it('sizes prod from its keys, as -c gives them (strings) or cdk.json does (numbers)', () => {
    // The old prod size: 3 data nodes over 3 zones and 3 dedicated masters.
    const large = domainOf({
      stage: 'prod',
      searchDataNodes: '3',
      searchZones: 3,
      searchDedicatedMasters: '3',
      searchInstanceType: 'm7g.large.search',
      searchVolumeGb: '50',
    });
    expect(large.ClusterConfig).toMatchObject({
      InstanceCount: 3,
      InstanceType: 'm7g.large.search',
      ZoneAwarenessEnabled: true,
      ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
      DedicatedMasterEnabled: true,
      DedicatedMasterCount: 3,
      DedicatedMasterType: 'm7g.large.search',
    });
    expect(large.EBSOptions).toMatchObject({ VolumeSize: 50, VolumeType: 'gp3' });
  });

  it('keeps the rest of the prod preset for keys not given', () => {
    const cluster = domainOf({ stage: 'prod', searchInstanceType: 't3.medium.search' }).ClusterConfig;
    expect(cluster).toMatchObject({
      InstanceCount: SEARCH_SIZES.prod.dataNodes,
      InstanceType: 't3.medium.search',
      ZoneAwarenessConfig: { AvailabilityZoneCount: SEARCH_SIZES.prod.zones },
      DedicatedMasterEnabled: false,
    });
  });

  it('puts one prod node in one zone when told so', () => {
    expect(domainOf({ stage: 'prod', searchDataNodes: 1, searchZones: 1 }).ClusterConfig).toMatchObject({
      InstanceCount: 1,
      ZoneAwarenessEnabled: false,
    });
  });

  it.each([
    [{ searchDataNodes: 3 }, /3 data node\(s\) cannot be spread evenly over 2 zones/],
    [{ searchDataNodes: 1 }, /1 data node\(s\) cannot be spread evenly over 2 zones/],
    [{ searchDataNodes: 4, searchZones: 3 }, /4 data node\(s\) cannot be spread evenly over 3 zones/],
    [{ searchZones: 4 }, /searchZones must be 1, 2 or 3/],
    [{ searchDedicatedMasters: 2 }, /searchDedicatedMasters must be 0, 3 or 5/],
    [{ searchDataNodes: 'two' }, /context searchDataNodes must be a whole number, not 'two'/],
    [{ searchVolumeGb: '12.5' }, /context searchVolumeGb must be a whole number/],
    [{ searchVolumeGb: 5 }, /searchVolumeGb must be a whole number ≥ 10/],
    [{ searchDataNodes: 0 }, /searchDataNodes must be a whole number ≥ 1/],
    [{ searchInstanceType: 't3.medium' }, /'t3.medium' is not an OpenSearch instance type/],
    [{ searchInstanceType: 't2.small.search' }, /cannot encrypt data at rest/],
    [
      { searchMasterInstanceType: 'm7g.large.search' },
      /searchMasterInstanceType needs searchDedicatedMasters/,
    ],
  ])('refuses %o in prod with a clear error', (keys, message) => {
    expect(define({ stage: 'prod', ...keys })).toThrow(message);
  });

  it('leaves dev one small node and refuses size keys there rather than ignore them', () => {
    expect(domainOf({}).ClusterConfig).toMatchObject({ InstanceCount: 1, InstanceType: 't3.small.search' });
    expect(define({ searchDataNodes: 2 })).toThrow(
      /size the prod domain; dev stays one t3.small.search node/,
    );
  });
});

describe('searchSizeProblem', () => {
  it('accepts both presets and the old 3 + 3 over 3 zones', () => {
    const large: SearchSize = { ...SEARCH_SIZES.prod, dataNodes: 3, zones: 3, dedicatedMasters: 3 };
    for (const size of [SEARCH_SIZES.dev, SEARCH_SIZES.prod, large])
      expect(searchSizeProblem(size)).toBeNull();
  });

  it('lets several nodes share one zone (replicas, no zone awareness)', () => {
    expect(searchSizeProblem({ ...SEARCH_SIZES.prod, dataNodes: 3, zones: 1 })).toBeNull();
  });
});

import { fromDay, toDay } from '../../../shared/dutch/day-numbers';
import type { BulkRow } from '../exchange/bulk-load';
import type { DemoAddress } from './dutch-places';
import { compactId } from '../db/record-ids';
import type { Rng } from './prng';

/** Everything the demo writes, per table, in the shape the bulk loader takes. */
export interface DemoData {
  relationTypes: BulkRow<'relationTypes'>[];
  linkTypes: BulkRow<'linkTypes'>[];
  customFields: BulkRow<'customFields'>[];
  tags: BulkRow<'tags'>[];
  relations: BulkRow<'relations'>[];
  addresses: BulkRow<'addresses'>[];
  relationTypeAssignments: BulkRow<'relationTypeAssignments'>[];
  relationLinks: BulkRow<'relationLinks'>[];
  customValues: BulkRow<'customValues'>[];
  relationTags: BulkRow<'relationTags'>[];
}

export function emptyDemoData(): DemoData {
  return {
    relationTypes: [],
    linkTypes: [],
    customFields: [],
    tags: [],
    relations: [],
    addresses: [],
    relationTypeAssignments: [],
    relationLinks: [],
    customValues: [],
    relationTags: [],
  };
}

// Epoch milliseconds of timestamps (created/updated at), not calendar days.
const DAY_MS = 86_400_000;

/** Dates as day numbers (days since 1970-01-01) inside the generator: cheap to compare and add. */
export const dayOf = toDay;

// A generated history touches a few tens of thousands of distinct days; format each once.
const isoCache = new Map<number, string>();
export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) isoCache.set(day, (iso = fromDay(day)));
  return iso;
}

export function randomDay(rng: Rng, from: number, to: number): number {
  return to <= from ? from : rng.int(from, to);
}

/**
 * Timeline of the generated history. Timestamps are UTC daytime on the given day and come
 * from the seed, never from the clock, so two runs with the same seed are identical.
 */
export class DemoClock {
  readonly today: number;
  readonly start: number;

  constructor(todayIso: string) {
    this.today = dayOf(todayIso);
    this.start = dayOf(`${Number(todayIso.slice(0, 4)) - 20}-01-01`);
  }

  stamp(rng: Rng, day: number): number {
    return day * DAY_MS + rng.int(8 * 3_600_000, 21 * 3_600_000);
  }

  /** The day a timestamp falls on. */
  dayOfStamp(ms: number): number {
    return Math.floor(ms / DAY_MS);
  }
}

/**
 * Ids for everything the demo creates: the file's compact ids (db/record-ids.ts) from
 * `first` on, in the order the demo makes its records, so the build stays pure (the same
 * options and first id give the same rows) and B-tree inserts append. The creation time is
 * no longer in the id (it was a UUIDv7); every record carries it in its own columns.
 */
export class DemoIds {
  private next: number;

  constructor(first: number) {
    this.next = first;
  }

  /** The next id; `epochMs`, the record's creation time, is kept for the callers' sake only. */
  at(_epochMs: number): string {
    return compactId(this.next++);
  }
}

export interface AddressRowInput {
  id: string;
  relationId: string;
  type: 'home' | 'postal' | 'business';
  address: DemoAddress;
  validFrom: string;
  validTo: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * An address row with every key in one fixed order and no object spread: 140k rows built
 * by spreading came out in V8's slow dictionary mode at ~1 kB each.
 */
export function addressRow(r: AddressRowInput): BulkRow<'addresses'> {
  const a = r.address;
  return {
    id: r.id,
    relationId: r.relationId,
    type: r.type,
    street: a.street,
    houseNumber: a.houseNumber,
    houseLetter: a.houseLetter,
    houseNumberSuffix: a.houseNumberSuffix,
    poBox: a.poBox,
    postcode: a.postcode,
    city: a.city,
    municipality: a.municipality,
    province: a.province,
    country: 'NL',
    validFrom: r.validFrom,
    validTo: r.validTo,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { parsePc4Tables, type Pc4Info } from '../../../shared/dutch/pc4';
import { parseBankCodeBicTable, type BankInfo } from '../../../shared/dutch/iban';
import { parseVoorvoegsels } from '../../../shared/dutch/names';

/** The Dutch reference tables from resources/data (sources and licences in its SOURCES.md). */
export interface ReferenceData {
  pc4: Map<string, Pc4Info>;
  banks: Map<string, BankInfo>;
  infixes: Set<string>;
}

const cache = new Map<string, ReferenceData>();

/** Read once per process: the tables are immutable and shared by every open administration. */
export function loadReferenceData(resourcesDir: string): ReferenceData {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const read = (name: string) => fs.readFileSync(path.join(resourcesDir, 'data', name), 'utf8');
  const data: ReferenceData = {
    pc4: parsePc4Tables(read('pc4-gemeente-provincie.csv'), read('pc4-plaats.csv')),
    banks: parseBankCodeBicTable(read('nl-bankcode-bic.csv')),
    infixes: parseVoorvoegsels(read('voorvoegsels-rvig-tabel36.csv')),
  };
  cache.set(resourcesDir, data);
  return data;
}

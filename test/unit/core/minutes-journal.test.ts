import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordJournal } from '../../../electron/core/minutes/journal.js';
import { tempDir } from '../support/core.js';

interface Said {
  clientId: string;
  text: string;
}

const lines: Said[] = [
  { clientId: 'c1', text: '现在开始核对参加人身份。' },
  { clientId: 'c2', text: '信访人王建平，男，1968年3月出生，到。' },
  { clientId: 'c3', text: '我对征收补偿决定不服，评估价格明显低于周边市场价。' },
];

const open: RecordJournal<Said>[] = [];
afterEach(() => {
  for (const journal of open.splice(0)) journal.close();
});

function opened(file: string): { journal: RecordJournal<Said>; records: Said[] } {
  const result = RecordJournal.open<Said>(file);
  open.push(result.journal);
  return result;
}

function journalWith(records: Said[]): string {
  const file = join(tempDir(), 'minutes.journal');
  const { journal } = opened(file);
  for (const record of records) journal.append(record);
  return file;
}

describe('the minutes journal', () => {
  it('starts empty and reads back every record it was given, in order', () => {
    const file = join(tempDir(), 'minutes.journal');
    expect(opened(file).records).toEqual([]);
    const { journal } = opened(file);
    for (const record of lines) journal.append(record);
    expect(opened(file).records).toEqual(lines);
  });

  it('drops a last record cut short by a power cut, and goes on from the record before it', () => {
    const file = journalWith(lines);
    truncateSync(file, statSync(file).size - 5);
    const { journal, records } = opened(file);
    expect(records).toEqual(lines.slice(0, 2));
    journal.append({ clientId: 'c4', text: '请办理机关答辩。' });
    expect(opened(file).records.map((record) => record.clientId)).toEqual(['c1', 'c2', 'c4']);
  });

  it('trusts no record whose bytes changed, nor any after it', () => {
    const file = journalWith(lines);
    const bytes = readFileSync(file);
    const second = bytes.indexOf(Buffer.from('王建平'));
    bytes[second] = (bytes[second] as number) ^ 0x01;
    writeFileSync(file, bytes);
    expect(opened(file).records).toEqual(lines.slice(0, 1));
  });

  it('takes back the records after a size it was at, and empties', () => {
    const file = join(tempDir(), 'minutes.journal');
    const { journal } = opened(file);
    journal.append(lines[0] as Said);
    const size = journal.size;
    journal.append(lines[1] as Said);
    journal.retract(size);
    expect(statSync(file).size).toBe(size);
    expect(opened(file).records).toEqual([lines[0]]);
    journal.clear();
    expect(statSync(file).size).toBe(0);
    expect(opened(file).records).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../eval/summary.ts';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const csv = 'id,article,highlights\r\n1,"He said ""no"", then left.","Line one .\nLine two ."\n2,plain,x\n';
    expect(parseCsv(csv)).toEqual([
      ['id', 'article', 'highlights'],
      ['1', 'He said "no", then left.', 'Line one .\nLine two .'],
      ['2', 'plain', 'x'],
    ]);
  });
});

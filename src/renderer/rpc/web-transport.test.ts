import { describe, expect, it } from 'vitest';
import { takeSseMessages } from './web-transport';

describe('event stream parsing', () => {
  it('takes complete messages, skips comments and keeps a partial one for the next chunk', () => {
    const first = takeSseMessages(': connected\n\ndata: {"name":"a"}\n\ndata: {"na');
    expect(first.messages).toEqual(['{"name":"a"}']);
    const second = takeSseMessages(`${first.rest}me":"b"}\n\n`);
    expect(second).toEqual({ messages: ['{"name":"b"}'], rest: '' });
  });
});

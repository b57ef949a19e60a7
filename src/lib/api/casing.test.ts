import { z } from 'zod/mini';
import { wireObject } from './casing';

const message = wireObject({ createdAt: z.optional(z.string()), name: z.optional(z.string()) });

describe('wireObject: a Guardian message in either casing', () => {
  it('reads snake_case keys under their camelCase names, and keeps keys it does not declare in their order', () => {
    const read = message.parse({ extra_b: 1, created_at: 'then', name: 'n', extra_a: 2 });
    expect(read).toEqual({ createdAt: 'then', name: 'n', extra_b: 1, extra_a: 2 });
    expect(Object.keys(read).filter((k) => k.startsWith('extra'))).toEqual(['extra_b', 'extra_a']);
    expect(read).not.toHaveProperty('created_at');
  });

  it('takes the camelCase key when both are set, and the snake_case one when the camelCase one is unset', () => {
    expect(message.parse({ created_at: 'snake', createdAt: 'camel' })).toEqual({ createdAt: 'camel' });
    expect(message.parse({ createdAt: 'camel', created_at: 'snake' })).toEqual({ createdAt: 'camel' });
    expect(message.parse({ createdAt: undefined, created_at: 'snake' })).toEqual({ createdAt: 'snake' });
    expect(message.parse({ created_at: 'snake', createdAt: undefined })).toEqual({ createdAt: 'snake' });
  });

  it('leaves an object with no snake_case key as it is, and a "__proto__" key never becomes a prototype', () => {
    const camel = { createdAt: 'then' };
    expect(message.parse(camel)).toEqual(camel);
    const hostile = JSON.parse('{"created_at":"then","__proto__":{"polluted":true}}') as unknown;
    const read = message.parse(hostile) as Record<string, unknown>;
    expect(read.createdAt).toBe('then');
    expect(read.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

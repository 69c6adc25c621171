import { decodeText } from '../../src/ingest/decodeText.js';

const bom = { le: Buffer.from([0xff, 0xfe]), be: Buffer.from([0xfe, 0xff]) };
const text = 'Café owners protest\r\n\r\nThe naïve plan, said “Anna Berg”.\r\n';

describe('decodeText with UTF-16', () => {
  it('decodes UTF-16 little endian with a byte order mark', () => {
    expect(decodeText(Buffer.concat([bom.le, Buffer.from(text, 'utf16le')]), 'le.txt')).toEqual({ text, warnings: [] });
  });

  it('decodes UTF-16 big endian with a byte order mark', () => {
    expect(decodeText(Buffer.concat([bom.be, Buffer.from(text, 'utf16le').swap16()]), 'be.txt')).toEqual({ text, warnings: [] });
  });

  it('replaces what is not UTF-16 and says so', () => {
    // A lone high surrogate (0xD800) and an odd last byte.
    const bytes = Buffer.concat([bom.le, Buffer.from('Title\n\nBody ', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00, 0x42])]);
    expect(decodeText(bytes, 'bad.txt')).toEqual({
      text: 'Title\n\nBody \uFFFDA\uFFFD',
      warnings: ['bad.txt: not valid UTF-16LE, what could not be read is replaced by "\uFFFD"'],
    });
  });

  it('still calls binary data binary, and UTF-16 without a byte order mark too', () => {
    const binary = expect.objectContaining({ code: 'BINARY_FILE' });
    expect(() => decodeText(Buffer.concat([bom.le, Buffer.from([0x00, 0x00, 0x01, 0x00, 0x02, 0x00])]), 'x.bin')).toThrow(binary);
    expect(() => decodeText(Buffer.from(text, 'utf16le'), 'no-bom.txt')).toThrow(binary);
  });

  it('calls a UTF-16 file of whitespace empty', () => {
    expect(() => decodeText(Buffer.concat([bom.be, Buffer.from(' \n', 'utf16le').swap16()]), 'e.txt')).toThrow(
      expect.objectContaining({ code: 'EMPTY_FILE', message: 'e.txt: the file is empty' }),
    );
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { FileError } from '../pipeline/fileError.js';

const SAMPLE = '一、加强组织领导\n（一）区档案馆坚持把巡察整改作为重要政治任务，召开会议3次。\n欢迎监督。\n';

function gb18030(s: string): Buffer | null {
  try {
    return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s });
  } catch {
    return null;
  }
}

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof FileError ? e.code : 'not-a-FileError';
  }
}

describe('text decoding', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8', diagnostics: [] });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(decodeText(b)).toEqual({ text: SAMPLE, encoding: 'utf-8', diagnostics: [] });
  });

  it('reads UTF-16LE with and without a BOM', () => {
    const body = Buffer.from(SAMPLE, 'utf16le');
    expect(decodeText(body)).toEqual({ text: SAMPLE, encoding: 'utf-16le', diagnostics: [] });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toEqual({ text: SAMPLE, encoding: 'utf-16le', diagnostics: [] });
  });

  it('reads UTF-16BE with and without a BOM', () => {
    const le = Buffer.from(SAMPLE, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: SAMPLE, encoding: 'utf-16be', diagnostics: [] });
    expect(decodeText(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be', diagnostics: [] });
  });

  it('reads UTF-16LE text full of characters like 一 (U+4E00) whose low byte is NUL', () => {
    const s = '一一一一丁丁丁万万万与与专业\n'.repeat(20);
    expect(decodeText(Buffer.from(s, 'utf16le')).encoding).toBe('utf-16le');
  });

  const gb = gb18030(SAMPLE);
  it.skipIf(gb === null)('reads GB18030 (needs the iconv command to build the bytes)', () => {
    expect(decodeText(gb!)).toEqual({ text: SAMPLE, encoding: 'gb18030', diagnostics: [] });
  });

  it('unifies CRLF and CR line ends to LF', () => {
    expect(decodeText(Buffer.from(SAMPLE.replace(/\n/gu, '\r\n'))).text).toBe(SAMPLE);
    expect(decodeText(Buffer.from(SAMPLE.replace(/\n/gu, '\r'))).text).toBe(SAMPLE);
  });

  it('rejects an empty file with input/empty', () => {
    expect(codeOf(() => decodeText(new Uint8Array()))).toBe('input/empty');
  });

  it('rejects binary data with input/binary', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(codeOf(() => decodeText(bytes))).toBe('input/binary');
  });

  it('rejects control-character soup without NULs with input/binary or input/undecodable', () => {
    const bytes = new Uint8Array(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + (i % 30);
    expect(codeOf(() => decodeText(bytes))).toMatch(/^input\/(binary|undecodable)$/u);
  });
});

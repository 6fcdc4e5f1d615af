/**
 * The library API as README.md and docs/output-contract.md describe it (issue 15, item 8): what processBytes and
 * processText return for every input, and the only errors they throw (a call made wrongly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../index.js';
import { ROOT, testContext } from './helpers.js';

const NOTICE = join(ROOT, 'corpus', '001-luchuan-natural-resources.txt');
const context = testContext();

describe('the library API', () => {
  it('exports what the docs list, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DIAGNOSTIC_CODES',
      'FileError',
      'IndexRecord',
      'NoticeDocument',
      'SCHEMA_NAME',
      'SCHEMA_VERSION',
      'createPipelineContext',
      'noticeJsonSchema',
      'parseChineseNumber',
      'processBytes',
      'processLoaded',
      'processText',
      'rulesVersion',
    ]);
  });

  it('processText gives the document the CLI writes for a UTF-8 .txt of the same text', async () => {
    const text = readFileSync(NOTICE, 'utf8');
    const fromText = api.processText(text, { path: 'a.txt', context });
    const fromBytes = await api.processBytes(readFileSync(NOTICE), 'a.txt', { context });
    expect(fromText).toEqual(fromBytes);
    expect(api.NoticeDocument.parse(fromText).status).toBe('ok');
  });

  it('a text or file that cannot be processed gives a failed document with its code, never an exception', async () => {
    const failed = (d: api.NoticeDocument) => [d.status, d.diagnostics.map((x) => [x.code, x.message])];
    expect(failed(api.processText('', { context }))).toEqual(['failed', [['input/empty', 'the file is empty (0 bytes)']]]);
    expect(failed(api.processText(' \n\t', { context }))).toEqual(['failed', [['input/no-text', 'the file holds no text']]]);
    expect(failed(await api.processBytes(new Uint8Array(), 'x.txt', { context }))).toEqual(['failed', [['input/empty', 'the file is empty (0 bytes)']]]);
    expect(failed(await api.processBytes(new Uint8Array(Buffer.from('%PDF-1.7\n garbage')), 'x.pdf', { context }))[0]).toBe('failed');
    // The CLI writes the same for a blank .txt.
    expect(api.processText(' \n\t', { context, path: 'b.txt' })).toEqual(await api.processBytes(new Uint8Array(Buffer.from(' \n\t')), 'b.txt', { context }));
  });

  it('a call made wrongly throws: TypeError for a wrong type, RangeError for a reference date that is no calendar day', async () => {
    expect(() => api.processText(null as unknown as string)).toThrow(new TypeError('processText: text must be a string, not null'));
    expect(() => api.processText('整改', { path: 5 as unknown as string })).toThrow(new TypeError('processText: path must be a string, not number'));
    expect(() => api.processText('整改', { referenceDate: '2024-02-30' })).toThrow(new RangeError('referenceDate must be a day of the calendar as YYYY-MM-DD, not "2024-02-30"'));
    await expect(api.processBytes('一、整改' as unknown as Uint8Array, 'x.txt')).rejects.toThrow(new TypeError('processBytes: bytes must be a Uint8Array (a Buffer is one), not string'));
    await expect(api.processBytes(new Uint8Array(1), undefined as unknown as string)).rejects.toThrow(new TypeError('processBytes: path must be a string, not undefined'));
    await expect(api.processBytes(new Uint8Array(1), 'x.txt', { referenceDate: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('an aborted signal stops a Word file with limit/timeout', async () => {
    const controller = new AbortController();
    controller.abort();
    const d = await api.processBytes(readFileSync(join(ROOT, 'corpus', 'formats', '009-fenglin-education.docx')), 'x.docx', { context, signal: controller.signal });
    expect([d.status, d.source.format, d.diagnostics.map((x) => [x.code, x.message])]).toEqual(['failed', 'docx', [['limit/timeout', 'processing was stopped: the signal was aborted']]]);
  });

  it('parseChineseNumber: a number or null', () => {
    expect([api.parseChineseNumber('一千三'), api.parseChineseNumber('1.25亿'), api.parseChineseNumber('3,560.8万'), api.parseChineseNumber('整改')]).toEqual([1300, 125000000, 35608000, null]);
  });

  it('the versions a document carries are the exported ones', () => {
    const d = api.processText(readFileSync(NOTICE, 'utf8'), { context });
    expect([d.schema, d.schemaVersion, d.rulesVersion]).toEqual([api.SCHEMA_NAME, api.SCHEMA_VERSION, api.rulesVersion()]);
  });
});

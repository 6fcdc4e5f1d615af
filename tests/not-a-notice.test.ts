/**
 * Files that are not notices (issue 15, item 4): a name that says one format over content of another gets the
 * warning format/mismatch, a text without the signs of a rectification notice gets notice/not-a-notice; both make
 * the status partial, so that a batch can filter them out. No notice of the corpus (or of ../shared) gets either.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexRecord, type NoticeDocument } from '../output/schema.js';
import { missingSigns, genreSigns } from '../pipeline/extract/checkGenre.js';
import { hasShared, noteSkipped, noticeBytes, ROOT, SHARED } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const NOTICE = join(ROOT, 'corpus', '001-luchuan-natural-resources.txt');
const FORMATS = join(ROOT, 'corpus', 'formats');
const GOLD = join(ROOT, 'corpus', '001-luchuan-natural-resources.gold.json');

/** An error page as a crawler saves it (a site's 404 page). */
const ERROR_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head><body><div class="nav">首页 | 政务公开 | 互动交流</div>' +
  '<h1>抱歉，您访问的页面不存在或已被删除！</h1><p>可能原因：网址有错误，请检查地址是否完整或存在多余字符；链接已失效。</p><p>请返回首页继续浏览。</p>' +
  '<div>版权所有：某某市人民政府办公室 技术支持：某某科技有限公司</div></body></html>';

/** A work report: headings, but none of the genre's words. */
const WORK_REPORT = '2023年工作总结\n一、主要工作\n今年我们完成了各项任务，召开会议12次。\n二、下一步计划\n继续努力。\n';

const tmp = () => mkdtempSync(join(tmpdir(), 'zhenggai-notnotice-'));
const codes = (d: NoticeDocument) => d.diagnostics.filter((x) => x.code === 'format/mismatch' || x.code === 'notice/not-a-notice');
const messageOf = (d: NoticeDocument, code: string) => d.diagnostics.find((x) => x.code === code)?.message ?? null;

const NOT_A_NOTICE_ALL =
  'this does not look like a rectification notice (no 整改, no 巡视/巡察/审计, no numbered headings, no sentence saying who inspected whom or fed back); check that the file is the notice itself and not an error page, a list of links or another document';

describe('format/mismatch: the content is read as what it is, and the status is partial', () => {
  it('a .pdf that is really text is read as text: the same tree as the .txt, status partial, a warning that says to rename it', async () => {
    const dir = tmp();
    copyFileSync(NOTICE, join(dir, 'notice.pdf'));
    const asPdf = await noticeBytes(readFileSync(join(dir, 'notice.pdf')), 'notice.pdf');
    const asTxt = await noticeBytes(readFileSync(NOTICE), 'notice.txt');
    expect(asTxt.status).toBe('ok');
    expect(asPdf.status).toBe('partial');
    expect(asPdf.source.format).toBe('txt');
    expect(asPdf.diagnostics[0]).toEqual({
      severity: 'warning',
      code: 'format/mismatch',
      message: 'the file is named .pdf but holds plain text; it was read as plain text; rename it to .txt',
      span: null,
    });
    expect(asPdf.sections).toEqual(asTxt.sections);
    expect(asPdf.measures).toEqual(asTxt.measures);
    expect(asPdf.diagnostics.slice(1)).toEqual(asTxt.diagnostics);
  });

  it('a .docx named .doc and a PDF named .docx are read by their content, with the warning', async () => {
    const docx = await noticeBytes(readFileSync(join(FORMATS, '009-fenglin-education.docx')), 'x.doc');
    expect([docx.status, docx.source.format, messageOf(docx, 'format/mismatch')]).toEqual([
      'partial',
      'docx',
      'the file is named .doc but holds a Word .docx document; it was read as a Word .docx document; rename it to .docx',
    ]);
    const pdf = await noticeBytes(readFileSync(join(FORMATS, '012-liuan-community.pdf')), 'x.docx');
    expect([pdf.status, pdf.source.format, messageOf(pdf, 'format/mismatch')]).toEqual([
      'partial',
      'pdf',
      'the file is named .docx but holds a PDF; it was read as a PDF; rename it to .pdf',
    ]);
    expect(messageOf(docx, 'notice/not-a-notice')).toBeNull();
    expect(messageOf(pdf, 'notice/not-a-notice')).toBeNull();
  });

  it('a gold file given as input is JSON data: format/mismatch, status partial, its dates still listed', async () => {
    const gold = await noticeBytes(readFileSync(GOLD), basename(GOLD));
    expect(gold.status).toBe('partial');
    // Its title 关于市委巡察反馈意见整改… holds the genre's words and a feedback phrase: only the content tells it apart.
    expect(codes(gold).map((d) => [d.code, d.message])).toEqual([
      [
        'format/mismatch',
        'the file holds JSON data (a gold file or a result of zhenggai run?), not the text of a notice; it was read as text. To look at a result, run `zhenggai inspect <result.json>`',
      ],
    ]);
    expect(gold.dates.length).toBeGreaterThan(0);
  });

  it('a notice under a name of no notice format (.md, no extension) is plain text, no mismatch', async () => {
    for (const name of ['notice.md', 'notice', '<stdin>']) {
      const d = await noticeBytes(readFileSync(NOTICE), name);
      expect([name, d.status, codes(d)]).toEqual([name, 'ok', []]);
    }
  });
});

describe('notice/not-a-notice', () => {
  it('a crawled error page: status partial, the warning names every missing sign', async () => {
    const d = await noticeBytes(new Uint8Array(Buffer.from(ERROR_PAGE)), 'page.html');
    expect(d.status).toBe('partial');
    expect(d.diagnostics.at(-1)).toEqual({ severity: 'warning', code: 'notice/not-a-notice', message: NOT_A_NOTICE_ALL, span: null });
  });

  it('a work report with headings but none of the genre’s words', async () => {
    const d = await noticeBytes(new Uint8Array(Buffer.from(WORK_REPORT)), 'report.txt');
    expect(d.sections.length).toBe(2);
    expect([d.status, messageOf(d, 'notice/not-a-notice')]).toEqual([
      'partial',
      'this does not look like a rectification notice (no 整改, no 巡视/巡察/审计, no sentence saying who inspected whom or fed back); check that the file is the notice itself and not an error page, a list of links or another document',
    ]);
  });

  it('the rule: the genre’s words, and headings or an inspection sentence', () => {
    const words = { rectificationWord: true, inspectionWord: true, inspectionSentence: false };
    expect(missingSigns(words, 3)).toEqual([]);
    expect(missingSigns({ ...words, inspectionSentence: true }, 0)).toEqual([]);
    expect(missingSigns(words, 0)).toEqual(['no numbered headings', 'no sentence saying who inspected whom or fed back']);
    expect(missingSigns({ ...words, inspectionWord: false }, 5)).toEqual(['no 巡视/巡察/审计', 'no sentence saying who inspected whom or fed back']);
    // A notice without numbered headings (一是…二是… paragraphs) that says who inspected whom is a notice.
    expect(genreSigns('2023年6月7日至7月28日，区委第四巡察组对区档案馆进行了巡察。现将整改进展情况公布如下。')).toEqual({
      rectificationWord: true,
      inspectionWord: true,
      inspectionSentence: true,
    });
    // A site's list of notice titles has the words, but no headings and no sentence.
    expect(genreSigns('区档案馆关于区委第四巡察组巡察整改进展情况的通报 2024-03-25\n区水务局巡察整改情况的通报 2024-03-20')).toEqual({
      rectificationWord: true,
      inspectionWord: true,
      inspectionSentence: false,
    });
  });

  it('a batch keeps them apart: index.jsonl says partial for the non-notices and ok for the notice, exit 0', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    copyFileSync(NOTICE, join(inp, 'a-notice.txt'));
    copyFileSync(NOTICE, join(inp, 'b-text-named.pdf'));
    writeFileSync(join(inp, 'c-error-page.html'), ERROR_PAGE);
    copyFileSync(GOLD, join(dir, 'seed.gold.json'));
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [BIN, 'run', inp, join(dir, 'seed.gold.json'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const index = readFileSync(join(out, 'index.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => IndexRecord.parse(JSON.parse(l)));
    expect(index.map((x) => [x.path, x.status])).toEqual([
      ['a-notice.txt', 'ok'],
      ['b-text-named.pdf', 'partial'],
      ['c-error-page.html', 'partial'],
      ['seed.gold.json', 'partial'],
    ]);
    expect(r.stderr).toContain('b-text-named.pdf warning format/mismatch the file is named .pdf but holds plain text');
    expect(r.stderr).toContain(`c-error-page.html warning notice/not-a-notice ${NOT_A_NOTICE_ALL}`);
    expect(r.stderr).toMatch(/4 file\(s\): 1 ok, 3 partial, 0 failed/u);
  }, 60_000);
});

/** Every notice file under a folder (not gold files, manifests or notes). */
function noticeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(txt|docx|doc|pdf|html|htm)$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

describe('no notice gets either warning', () => {
  it('corpus/, corpus/patterns/ and corpus/formats/: status ok, neither warning', async () => {
    const files = noticeFiles(join(ROOT, 'corpus'));
    expect(files.length).toBeGreaterThanOrEqual(41); // 16 notices, 14 patterns, 11 other formats
    for (const f of files) {
      const d = await noticeBytes(readFileSync(f), basename(f));
      expect([basename(f), d.status, codes(d)]).toEqual([basename(f), 'ok', []]);
    }
  }, 120_000);

  describe.skipIf(!hasShared)('../shared/seeds and ../shared/corpus/real', () => {
    noteSkipped('the genre check on the seeds and real notices');
    it('every readable one is ok with neither warning (the scan fails as before: it needs --ocr)', async () => {
      const files = [...noticeFiles(join(SHARED, 'seeds')), ...noticeFiles(join(SHARED, 'corpus', 'real'))].filter((f) => existsSync(f));
      expect(files.length).toBeGreaterThanOrEqual(10);
      for (const f of files) {
        const d = await noticeBytes(readFileSync(f), basename(f));
        if (basename(f) === 'seed-scan.pdf') {
          expect(d.diagnostics.map((x) => x.code)).toEqual(['pdf/no-text']);
          continue;
        }
        expect([basename(f), d.status, codes(d)]).toEqual([basename(f), 'ok', []]);
      }
    }, 120_000);

    it('the seed’s gold file given as input: its 30 dates, status partial', async () => {
      const d = await noticeBytes(readFileSync(join(SHARED, 'seeds', 'seed.gold.json')), 'seed.gold.json');
      expect(d.dates.length).toBe(30);
      expect(d.status).toBe('partial');
      expect(codes(d).map((x) => x.code)).toEqual(['format/mismatch', 'notice/not-a-notice']);
    });
  });
});

#!/usr/bin/python3
"""The peer pipeline a researcher would write (the benchmark's yardstick, not part of zhenggai):
pdftotext for PDFs, the XML of word/document.xml for .docx, Python jieba for tokens, regular expressions for
headings, dates and counts; one JSON per input; a pool of N processes. Usage: peer.py <in-dir> <out-dir> <N>"""
import json, os, re, subprocess, sys, zipfile
from multiprocessing import Pool

import jieba

jieba.setLogLevel(60)
HEADING = re.compile(r'^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])(.*)$', re.M)
DATE = re.compile(r'(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{4}年')
COUNT = re.compile(r'(?:约|近|超过)?(\d+(?:\.\d+)?|[一二三四五六七八九十百千万两]+)(?:万|亿)?(?:余|多)?(项|个|人|次|件|条|场|名|家|元|万元|%)')
TAG = re.compile(r'<w:p[ >].*?</w:p>', re.S)
TEXT = re.compile(r'<w:t(?: [^>]*)?>([^<]*)</w:t>')


def read_text(path):
    if path.endswith('.pdf'):
        return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True, check=False).stdout.decode('utf-8', 'replace')
    if path.endswith('.docx'):
        with zipfile.ZipFile(path) as z:
            xml = z.read('word/document.xml').decode('utf-8')
        return '\n'.join(''.join(TEXT.findall(p)) for p in TAG.findall(xml))
    with open(path, 'rb') as f:
        raw = f.read()
    for enc in ('utf-8-sig', 'gb18030', 'utf-16'):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode('utf-8', 'replace')


def work(args):
    path, out = args
    text = read_text(path)
    tokens = jieba.lcut(text, HMM=False)
    doc = {
        'path': path,
        'tokens': len(tokens),
        'headings': [m.group(0).strip()[:60] for m in HEADING.finditer(text)],
        'dates': DATE.findall(text),
        'counts': [m.group(0) for m in COUNT.finditer(text)],
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
    return 1


def main():
    src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    jobs = []
    for root, _, files in os.walk(src):
        for name in sorted(files):
            p = os.path.join(root, name)
            jobs.append((p, os.path.join(dst, os.path.relpath(p, src) + '.json')))
    jieba.initialize()
    with Pool(n, initializer=jieba.initialize) as pool:
        done = sum(pool.imap_unordered(work, jobs, chunksize=8))
    print(done)


if __name__ == '__main__':
    main()

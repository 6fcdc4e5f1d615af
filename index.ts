/** Library entry of zhenggai: process notices from code, parse Chinese numbers, read the contract. */
export { processText, processBytes, processLoaded, type ProcessOptions } from './pipeline/process.js';
export { parseChineseNumber } from './pipeline/extract/parseChineseNumber.js';
export { NoticeDocument, IndexRecord, noticeJsonSchema, SCHEMA_NAME, SCHEMA_VERSION } from './output/schema.js';
export type { Section, Measure, Count, DateMention, Regulation, Diagnostic, Meta, Span } from './output/schema.js';
export { rulesVersion } from './rules/index.js';

/** Library entry of zhenggai: process notices from code, parse Chinese numbers, read the contract. */
export { processText, processBytes, processLoaded, type ProcessOptions } from './pipeline/process.js';
export { createPipelineContext, type PipelineContext } from './pipeline/context.js';
export { FileError } from './pipeline/fileError.js';
export { parseChineseNumber } from './text/parseChineseNumber.js';
export { NoticeDocument, IndexRecord, noticeJsonSchema, SCHEMA_NAME, SCHEMA_VERSION } from './output/schema.js';
export type { Section, Measure, Count, DateMention, Regulation, Diagnostic, Meta, Span } from './output/schema.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './output/diagnosticCodes.js';
export { rulesVersion } from './pipeline/ruleRegistry.js';

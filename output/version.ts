/** The contract's name and version, in a module of their own: the pipeline writes them without loading zod. */

/** Schema name written into every document. */
export const SCHEMA_NAME = 'zhenggai.notice';
/** Version of the output contract; bumped when fields are added. */
export const SCHEMA_VERSION = '1.3.0';

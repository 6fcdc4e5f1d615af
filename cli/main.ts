/**
 * The `zhenggai` command line: commands one file each, options validated, exit codes returned, not thrown. Each
 * command's module is imported when the command runs, so that `--help` and `run` never load DuckDB, and `run` leaves
 * the pipeline (zod, jieba, the rule tables) to its worker threads.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { tablesHelp } from '../analyze/tables.js';
import { DEFAULT_LIMITS } from '../pipeline/load/loaded.js';
import { DEFAULT_OCR_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from './defaults.js';
import { parseShard } from './run/shard.js';
import { isValidIsoDate } from '../text/isoDate.js';
import { INPUT_EXTENSIONS } from '../pipeline/load/detectFormat.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/runLayout.js';
import { checkCompareInputs, checkOutFolder, NothingToDoError, warnWithoutJson } from './commandChecks.js';
import { UsageError } from './usageError.js';

function positiveInt(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return n;
  };
}

/** --to: a comma-separated list of output formats, each once, in the order json, md, chunks. */
function formatsOption(v: string): OutputFormat[] {
  const asked = v.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const bad = asked.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || asked.length === 0) throw new InvalidArgumentError(`expected json, md or chunks, comma-separated (json,md), not ${bad.join(',') || 'nothing'}`);
  return OUTPUT_FORMATS.filter((f) => asked.includes(f));
}

function isoDateOption(v: string): string {
  if (!isValidIsoDate(v)) throw new InvalidArgumentError('expected a day of the calendar as YYYY-MM-DD');
  return v;
}

/** Build the program; `exit` receives the exit code of whatever command ran. */
function buildProgram(exit: (code: number) => void): Command {
  const program = new Command('zhenggai')
    .description('Structure Chinese rectification-progress notices (巡视/巡察/审计整改进展情况) into validated JSON with the source span of every item.')
    // Printed by main() before parsing (the rule tables load only then); declared here for --help.
    .option('-V, --version', 'print the package, schema and rules versions')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const referenceDate = new Option('--reference-date <YYYY-MM-DD>', 'anchor for years the notice itself does not give (never the clock)').argParser(isoDateOption);

  program
    .command('run')
    .description('process notice files and folders into one JSON (or Markdown, or section chunks) per file plus <out>/index.jsonl')
    .argument('<inputs...>', `files; folders, searched recursively for ${INPUT_EXTENSIONS.join(' ')}; quoted glob patterns ('archive/**/*.pdf'); or - to read one notice from standard input`)
    .option('-o, --out <dir>', 'output folder (created if missing); - writes the output of a single input to standard output (the default for run -)')
    .addOption(new Option('--to <formats>', 'what to write for each input, comma-separated: json (the document), md (Markdown with YAML front matter), chunks (section chunks, JSON Lines)').argParser(formatsOption).default(['json'], 'json'))
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores, at most 2 per core; 0 = in this thread, no time or memory limit)', positiveInt('--jobs', 0))
    .option('--timeout <seconds>', `per-file time limit (default ${DEFAULT_TIMEOUT_SECONDS}, with --ocr ${DEFAULT_OCR_TIMEOUT_SECONDS})`, positiveInt('--timeout', 1))
    .option('--resume', 'keep results already written for the same input bytes, rules and options (after an interrupted run)', false)
    .option('--shard <K/N>', 'process only shard K of N (0 ≤ K < N), chosen by a hash of each path; join shards with `zhenggai merge`')
    .option('--ocr', 'read scanned PDFs (no text layer) by OCR; slow', false)
    .option('--max-file-mb <n>', `largest input file accepted, in MB (default ${DEFAULT_LIMITS.maxFileBytes / 2 ** 20})`, positiveInt('--max-file-mb', 1))
    .option('-q, --quiet', 'no progress and no warnings, only errors and the summary', false)
    .option('-v, --verbose', 'a log line for each file as it finishes', false)
    .addOption(new Option('--log-format <format>', 'the log on stderr: text, or json (one JSON object a line: start, file, diagnostic, summary… events; no progress line)').choices(['text', 'json']).default('text'))
    .option('--summary-json <file>', 'also write the run summary as JSON')
    .addOption(referenceDate)
    .addHelpText(
      'after',
      `
Output: <out>/<path relative to the given folder>.json (a file given directly: <out>/<name>.json; a pattern's
match: its path below the pattern's fixed folder) and <out>/index.jsonl with one line per input file
{path, pathBytes?, output, outputs?, status, sha256, error, options} (with --shard: index.shard-K-of-N.jsonl).
--to md writes <name>.md (YAML front matter with the metadata, headings at their true levels, measures as lists
with their status) instead of <name>.json; --to chunks writes <name>.chunks.jsonl (one JSON line per leaf section
with its heading path, metadata, measures and figures); --to json,md,chunks writes all three. Outputs are written
atomically as files finish, and each record is appended to the index at once, so the index is valid whenever the
run stops. A run holds <out>/.zhenggai-run.lock: a second run into the same folder is refused.
--resume keeps a result when the input bytes and rules are unchanged, every output asked for is there, and for a
failure every option in its record is unchanged (a file that timed out is retried under a longer --timeout).
--out - (and run -) writes the one output to standard output, diagnostics to stderr; no index.
--log-format json: one JSON object a line on stderr, each with time and event (start, file, diagnostic, more,
skipped, note, warning, error, interrupted, stopped, summary); the README lists the fields.
Exit code: 0 when every file is ok or partial, 1 when any failed (or a folder could not be read), 2 for usage
errors (also: inputs holding no notice file), 74 when a write error (a full disk) stopped the run, 130/143 when
SIGINT/SIGTERM did; then rerun with --resume.

Examples:
  zhenggai run corpus --out out
  zhenggai run 'archive/**/*.pdf' --out out --to json,md      # a quoted pattern: zhenggai expands it
  zhenggai run notices/2024 extra/notice.pdf --out results --reference-date 2024-06-30
  zhenggai run notice.docx --out - --to md > notice.md
  curl -s https://example.org/notice.html | zhenggai run - | jq .meta
  zhenggai run notices --out out --log-format json 2> run.log.jsonl
  zhenggai run notices --out out --resume            # after an interrupted run: only what is missing
  zhenggai run notices --out out/s3 --shard 3/8      # one task of an 8-way job array; then:
  zhenggai merge out/s0 out/s1 … out/s7 --out out/all`,
    )
    .action(
      async (
        inputs: string[],
        opts: {
          out?: string;
          to: OutputFormat[];
          jobs?: number;
          timeout?: number;
          resume: boolean;
          shard?: string;
          ocr: boolean;
          maxFileMb?: number;
          quiet: boolean;
          verbose: boolean;
          logFormat: 'text' | 'json';
          summaryJson?: string;
          referenceDate?: string;
        },
      ) => {
        try {
          const out = opts.out ?? (inputs.length === 1 && inputs[0] === '-' ? '-' : undefined);
          if (out === undefined) throw new UsageError('give the output folder with --out <dir> (or --out - to write the output of a single input to standard output)');
          const { runCommand } = await import('./run/runCommand.js');
          const { exitCode } = await runCommand(inputs, {
            out,
            formats: opts.to,
            ocr: opts.ocr,
            quiet: opts.quiet,
            verbose: opts.verbose,
            logFormat: opts.logFormat,
            resume: opts.resume,
            referenceDate: opts.referenceDate ?? null,
            ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
            ...(opts.timeout !== undefined ? { timeoutSeconds: opts.timeout } : {}),
            ...(opts.shard !== undefined ? { shard: parseShard(opts.shard) } : {}),
            ...(opts.summaryJson !== undefined ? { summaryJson: opts.summaryJson } : {}),
            ...(opts.maxFileMb !== undefined ? { limits: { maxFileBytes: opts.maxFileMb * 2 ** 20 } } : {}),
          });
          exit(exitCode);
        } catch (e) {
          // A batch log in JSON stays JSON to its last line.
          if (!(e instanceof UsageError) || opts.logFormat !== 'json') throw e;
          process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'error', message: e.message, exitCode: 2 })}\n`);
          exit(2);
        }
      },
    );

  program
    .command('merge')
    .description('join the output folders of shard runs (run --shard K/N) into one folder and one index.jsonl')
    .argument('<dirs...>', 'output folders of the shard runs')
    .requiredOption('-o, --out <dir>', 'merged output folder (may be one of the inputs)')
    .option('--partial', 'merge even when some shards of N are missing (their index files say index.shard-K-of-N.jsonl); without it a missing shard is refused', false)
    .action(async (dirs: string[], opts: { out: string; partial: boolean }) => {
      checkOutFolder(opts.out, '--out');
      const { mergeCommand } = await import('./mergeCommand.js');
      exit(await mergeCommand(dirs, { out: opts.out, partial: opts.partial }));
    });

  program
    .command('inspect')
    .description('print the section tree of one notice, or of a result JSON of `zhenggai run`, as indented text with the items found under each section')
    .argument('<file>', 'a notice file (.txt .docx .doc .pdf .html), a result JSON written by `zhenggai run`, or - to read a notice from standard input')
    .option('--ocr', 'read a scanned PDF by OCR', false)
    .option('--json', 'print the whole JSON document instead of the tree', false)
    .addOption(referenceDate)
    .addHelpText(
      'after',
      `
In the tree, [3m 2c 1d 0r] counts the measures, counts, dates and regulations under a section.
A result JSON is shown as it was stored (not processed again). A file that is neither a notice nor a result (other
JSON data, a text that does not look like a rectification notice) is refused. Exit code: 0 shown, 1 refused or the
file failed, 2 usage error.

Examples:
  zhenggai inspect notice.pdf
  zhenggai inspect out/notice.pdf.json
  curl -s https://example.org/notice.html | zhenggai inspect -`,
    )
    .action(async (file: string, opts: { ocr: boolean; json: boolean; referenceDate?: string }) => {
      const { inspectCommand } = await import('./inspectCommand.js');
      exit(await inspectCommand(file, { ocr: opts.ocr, json: opts.json, referenceDate: opts.referenceDate ?? null }));
    });

  program
    .command('compare')
    .description('compare units side by side: units.csv, units.json, units.xlsx and report.html, one row per unit')
    .argument('<dirs...>', 'output folders of `zhenggai run`')
    .requiredOption('-o, --out <dir>', 'folder for units.csv, units.json, units.xlsx and report.html (created if missing)')
    .option('--sources <dir>', 'the folder given to `zhenggai run`: report.html then links each unit to its original file')
    .addHelpText(
      'after',
      `
One row per unit (several notices of one unit: the latest, by publication date, stands for it; the others are
listed in otherNotices). units.csv is UTF-8 with a BOM so that Excel shows Chinese; units.xlsx has the units, their
measures and their regulations, one sheet each; report.html works offline (search and filters, a page per unit
with its figures and the sentence behind each, its measures and its notice's tree; charts; prints on A4 landscape).

Example:
  zhenggai run notices --out out && zhenggai compare out --out comparison --sources notices`,
    )
    .action(async (dirs: string[], opts: { out: string; sources?: string }) => {
      await checkCompareInputs(dirs, opts.out);
      const { compareCommand } = await import('./compareCommand.js');
      exit(await compareCommand(dirs, { out: opts.out, sources: opts.sources }));
    });

  program
    .command('query')
    .description('run SQL (DuckDB) over the results of `zhenggai run`: one table per kind of item (read-only)')
    .argument('<dirs-and-sql...>', 'one or more output folders, then the SQL statement (quote it)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--allow-external-access', 'let the SQL read and write files (COPY … TO, ATTACH, read_csv of a path); off by default', false)
    .addHelpText(
      'after',
      () => `
Tables (every row carries the document's path and unit):
${tablesHelp()}

The tables are read from each folder's store, <out>/zhenggai-store.duckdb, brought up to date with the JSON files
first (only documents that changed are loaded again). Several folders: the union of their stores; a folder given
twice counts once. Only SELECT (and EXPLAIN) runs, and no statement can touch other files unless
--allow-external-access is given.

Example:
  zhenggai query out "SELECT unit, count(*) AS measures FROM measures WHERE status = 'done' GROUP BY unit"`,
    )
    .action(async (args: string[], opts: { format: 'table' | 'csv' | 'json'; allowExternalAccess: boolean }) => {
      if (args.length < 2) throw new UsageError('give at least one output folder and an SQL statement');
      await warnWithoutJson('query', args.slice(0, -1));
      const { queryCommand } = await import('./queryCommand.js');
      exit(await queryCommand(args.slice(0, -1), args.at(-1)!, { format: opts.format, allowExternalAccess: opts.allowExternalAccess }));
    });

  program
    .command('export')
    .description('write the query tables as Parquet files for pandas, R or Spark')
    .argument('<dirs...>', 'output folders of `zhenggai run`')
    .requiredOption('--parquet <dir>', 'folder for <table>.parquet files (or <table>/ partition folders)')
    .option('--partition-by <keys>', 'Hive-partition every table by kind (inspection_kind), year (published_year) and/or shard (the folder\'s position), comma-separated')
    .addHelpText('after', () => `\nTables:\n${tablesHelp()}\n\nExamples:\n  zhenggai export out --parquet pq\n  zhenggai export out/s0 out/s1 out/s2 --parquet pq --partition-by shard,year`)
    .action(async (dirs: string[], opts: { parquet: string; partitionBy?: string }) => {
      checkOutFolder(opts.parquet, '--parquet');
      await warnWithoutJson('export', dirs);
      const { exportCommand, parsePartitionBy } = await import('./exportCommand.js');
      exit(await exportCommand(dirs, { parquet: opts.parquet, ...(opts.partitionBy !== undefined ? { partitionBy: parsePartitionBy(opts.partitionBy) } : {}) }));
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the per-file documents')
    .action(async () => {
      const { noticeJsonSchema } = await import('../output/schema.js');
      process.stdout.write(`${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
      exit(0);
    });

  return program;
}

/** Parse argv and run; resolves to the exit code (0/1 from the command, 2 for usage errors). */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    const { versionText } = await import('./version.js');
    process.stdout.write(await versionText());
    return 0;
  }
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  // `run --log-format json`: commander's own errors (an unknown option, a bad --to) are a JSON error event too, so
  // that a batch log stays JSON to its last line.
  if (argv[0] === 'run' && argv.some((a, i) => a === '--log-format=json' || (a === '--log-format' && argv[i + 1] === 'json'))) {
    program.commands
      .find((c) => c.name() === 'run')
      ?.configureOutput({
        outputError: (text) => void process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'error', message: text.trim().replace(/^error: /u, ''), exitCode: 2 })}\n`),
        writeErr: () => undefined,
      });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit with 0 through exitOverride; everything else is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`zhenggai: ${e.message}\n`);
      return 2;
    }
    if (e instanceof NothingToDoError) {
      process.stderr.write(`zhenggai: ${e.message}\n`);
      return e.exitCode;
    }
    // DuckDB (query, compare, export, the store) past its memory limit: not a bug, a limit the user can raise.
    if (e instanceof Error && /^Out of Memory Error/u.test(e.message)) {
      process.stderr.write(`zhenggai: DuckDB ran out of memory (${e.message.split('\n')[0]}): set ZHENGGAI_DUCKDB_MEMORY higher (e.g. ZHENGGAI_DUCKDB_MEMORY=1GB) and run the command again\n`);
      return 1;
    }
    throw e;
  }
}

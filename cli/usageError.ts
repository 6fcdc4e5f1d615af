/** A command line that cannot be carried out as given (exit code 2): a missing input, a bad option, a folder that is
 *  not a run's output. The message says what to do instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

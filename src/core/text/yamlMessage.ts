/**
 * yaml's first message line, without its "at line X, column Y" (our problems
 * carry the position themselves), and in our words where yaml's would show
 * its internals: the stack overflow of a structure nested too deeply, its
 * alias limit, its `mapAsMap` option.
 */
export function yamlMessage(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return ourWords(first) ?? first;
}

/** Why a caught error stopped a read, in our words: never a library's internals or a stack trace. */
export function readFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return ourWords(message) ?? yamlMessage(message);
}

function ourWords(message: string): string | undefined {
  if (/maximum call stack size exceeded|too much recursion/i.test(message)) {
    return 'lists or mappings are nested too deeply here to be read (thousands of levels): flatten them to a few levels.';
  }
  if (/excessive alias count/i.test(message)) {
    return 'aliases (`*name`) are expanded too many times here (a YAML alias bomb?): write the values out, or use fewer aliases.';
  }
  if (/mapAsMap|keys with collection values/i.test(message)) {
    return 'a key here is a list or mapping (`? [a, b]: …`); keys are plain words such as `title:`. Write it as one.';
  }
  return undefined;
}

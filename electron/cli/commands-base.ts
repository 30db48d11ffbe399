/** Exit codes, part of the CLI's contract: scripts and tests rely on them. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

export function usageError(io: CliIo, message: string): ExitCode {
  io.err(message);
  io.err('Se: npm run --silent cli -- help');
  return EXIT.usage;
}


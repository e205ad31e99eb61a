import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { HostError } from "../hostError";

/** Why the host will not write over a path, though it could (a rename replaces anything). */
export class OutputRefusal extends Error {
  override readonly name = "OutputRefusal";

  constructor(
    /** "symlink": the path is a symbolic link; "read_only": a file without write permission. */
    readonly reason: "symlink" | "read_only",
    message: string,
    /** For "symlink": where the link points, as it says. */
    readonly target: string | null = null,
  ) {
    super(message);
  }
}

/**
 * The refusal behind an error the host threw while saving, or null.
 *
 * @example
 * outputRefusalOf(error)?.reason === "read_only"
 */
export function outputRefusalOf(error: unknown): OutputRefusal | null {
  if (error instanceof OutputRefusal) return error;
  return error instanceof HostError && error.cause instanceof OutputRefusal ? error.cause : null;
}

/**
 * Throws an OutputRefusal when `path` is a symbolic link or a file without any write permission
 * bit. A rename would replace either silently (the link with a file, the read-only file with a
 * writable one, even for a user who may not write it, as the folder decides): the user named a
 * path they did not mean to be replaced, so the host refuses it and says why. A missing path is fine.
 *
 * @example
 * assertReplaceable("out/marked.xlsx");
 */
export function assertReplaceable(path: string): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return;
  }
  if (stats.isSymbolicLink()) {
    throw new OutputRefusal("symlink", `${path} is a symbolic link.`, readlinkSync(path));
  }
  if (stats.isFile() && (stats.mode & 0o222) === 0) {
    throw new OutputRefusal("read_only", `${path} is read-only.`);
  }
}

/**
 * Writes a file through a temporary file in the same directory and a rename, so the path holds
 * either the old file or the whole new one, never a half-written file: `write` hands its bytes to
 * the sink a chunk at a time (a large workbook is never held whole). A symbolic link or read-only
 * file at `path` is refused before anything is written (see assertReplaceable); the new file keeps
 * an existing file's permission bits. Throws HostError "file_unavailable" (the old file untouched,
 * the temporary file removed), whose cause is the OutputRefusal or the file system's error.
 *
 * @example
 * await saveFileAtomically("out/book.xlsx", (sink) => sink(bytes));
 */
export async function saveFileAtomically(
  path: string,
  write: (sink: (chunk: Uint8Array) => void) => void | Promise<void>,
): Promise<void> {
  // Same directory: a rename is atomic only within one file system.
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let descriptor: number | null = null;
  try {
    assertReplaceable(path);
    // "wx": never follow or reuse a file someone else put there.
    descriptor = openSync(temporary, "wx", modeOf(path));
    const fd = descriptor;
    await write((chunk) => {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at, chunk.length - at);
    });
    // Flush before the rename, or a crash could leave the new name pointing at empty blocks.
    fsyncSync(fd);
    closeSync(fd);
    descriptor = null;
    // Checked again: the work may have taken minutes.
    assertReplaceable(path);
    renameSync(temporary, path);
  } catch (cause) {
    if (descriptor !== null) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    // The file system's errors and refusals are the file's; anything else is a bug, passed on as it is.
    if (cause instanceof OutputRefusal || hasErrno(cause)) {
      throw new HostError("file_unavailable", `Cannot write ${path}.`, { cause });
    }
    throw cause;
  }
}

function hasErrno(cause: unknown): boolean {
  return typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string";
}

/** The existing file's permission bits, so that saving over it keeps them; a new file gets 0o666 less the umask. */
function modeOf(path: string): number {
  try {
    return lstatSync(path).mode & 0o777;
  } catch {
    return 0o666;
  }
}

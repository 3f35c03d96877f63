import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { fileHash, fileSize, type PlansFile } from './files.ts';
import { cacheFileFor, cacheFolderOf, cachesOff, Checksum, closeQuietly, FileWindow, openCheckedCacheFile, pruneOldest, readExactly, writeAll } from './cache-folder.ts';
import { commandFingerprint } from './cache-key.ts';

/** Where a line of a command's output went: stdout, stderr, or stdout as a GitHub workflow command. */
export type Stream = 'out' | 'err' | 'command';
const STREAMS: readonly Stream[] = ['out', 'err', 'command'];

/** Everything a command's output depends on, besides the tool itself (which commandFingerprint covers). */
export interface RunInputs {
  /** The command's name and its options as it resolved them (dates, formats, folders), in a fixed order. */
  command: string;
  options: readonly unknown[];
  /** The plans folder's files exactly as readPlansFolder gave them: names, problems and bytes. */
  files: readonly PlansFile[];
  /** What the command reads besides the plans files (the ledger, narrative images), each as one string. */
  extra: readonly string[];
}

const MAGIC = 'account-plans run 3\n';
const TAG = 0x31727061; // "apr1", little-endian
const FOOTER = 12;
const WRITE_BYTES = 1 << 20;
/** How many bytes of output replayChunks hands over at a time. */
const CHUNK_BYTES = 1 << 20;
/** A line at least this long is handed over as bytes of its own: never copied on replay, encoded once when recorded. */
export const LONG_LINE = 64 << 10;
/** The line break after each line of a record, as bytes. */
export const NEWLINE = Buffer.from('\n');
/** A record larger than this is not read (50,000 plans print about 100 MB of JSON). */
const MAX_RECORD_BYTES = 1 << 30;
/** Records of other plans folders and commands kept beside this one; the oldest go first. */
const MAX_RECORDS = 16;

/**
 * The run cache: a command's whole output (every line, the stream it went to, and the exit code) kept in
 * node_modules/.cache/account-plans, one record per command and plans folder, under a key that hashes every input
 * of the run: the tool's code and scripts, the Node version, the resolved options, every file of the plans folder
 * (name, problem, bytes), and what the command reads besides them. A re-run whose inputs are all unchanged prints
 * the record instead of parsing, checking and summing again; any other run computes, and then replaces the record.
 * A record that is missing, a link or not a regular file, damaged (its checksum, the file's last 4 bytes,
 * does not match: cache-folder.ts), cut short or for another key is a miss. Deleting the folder is safe.
 */
export class RunCache {
  private readonly folder: string;
  private readonly path: string;
  readonly key: string;

  private constructor(folder: string, path: string, key: string) {
    this.folder = folder;
    this.path = path;
    this.key = key;
  }

  /** The cache for this run, or undefined when caching is off or cannot be used here. */
  static open(plansRoot: string, cwd: string, inputs: RunInputs, env: NodeJS.ProcessEnv = process.env, toolRoot?: string): RunCache | undefined {
    if (cachesOff(env)) return undefined;
    const fingerprint = commandFingerprint(toolRoot);
    const folder = fingerprint && cacheFolderOf(cwd);
    if (!fingerprint || !folder) return undefined;
    return new RunCache(folder, cacheFileFor(folder, `${inputs.command}\0${plansRoot}`, '.run'), runKey(fingerprint, cwd, plansRoot, inputs));
  }

  /**
   * Sends the recorded output to `emit`, line by line, and returns the recorded exit code; undefined (having
   * sent nothing) when there is no usable record for this key. Never throws.
   */
  replay(emit: (stream: Stream, line: string) => void): number | undefined {
    return this.replayLines((stream, bytes) => emit(stream, bytes.toString('utf8')));
  }

  /**
   * The same as `replay`, in chunks: consecutive short lines of one stream joined as their bytes, each followed by a
   * line break, up to about CHUNK_BYTES at a time, so a large output is written in few calls and never decoded into
   * strings. A long line is handed over as it is in the record, then its line break. The record is never held whole:
   * it is read once through a window to check its checksum and the bounds of every line, then again to hand the lines
   * over. `emit` is given views of two buffers that are used again once it returns: it writes them or copies them.
   */
  replayChunks(emit: (stream: Stream, bytes: Buffer) => void): number | undefined {
    const out = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    let stream: Stream | undefined;
    const flush = () => {
      if (stream !== undefined && used > 0) emit(stream, out.subarray(0, used));
      used = 0;
    };
    const exit = this.replayLines((lineStream, line) => {
      // A long line goes out on its own, after the short lines before it.
      if (lineStream !== stream || used + line.length + 1 > out.length || line.length >= LONG_LINE) flush();
      stream = lineStream;
      if (line.length >= LONG_LINE) {
        emit(stream, line);
        emit(stream, NEWLINE);
      } else {
        line.copy(out, used);
        out[used + line.length] = NEWLINE[0]!;
        used += line.length + 1;
      }
    });
    flush();
    return exit;
  }

  /**
   * Hands each recorded line to `line` as a view of the window it was read into (valid until `line` returns), and
   * returns the recorded exit code; undefined, having handed over nothing, when there is no usable record for this
   * key. The record is read once through a window to check its checksum and the bounds of every line (LineWalk), then
   * again to hand the lines over (eachLine). Never throws.
   */
  private replayLines(line: (stream: Stream, bytes: Buffer) => void): number | undefined {
    const head = headOf(this.key);
    const walk = new LineWalk(head.length);
    const file = openCheckedCacheFile(this.path, MAX_RECORD_BYTES, head, (window, at, size) => walk.look(window, at, size - FOOTER));
    if (!file) return undefined;
    try {
      const to = file.size - FOOTER;
      const footer = to >= head.length ? readExactly(file.fd, to, FOOTER) : undefined;
      if (!footer || footer.readUInt32LE(8) !== TAG || walk.next !== to || walk.lines !== footer.readUInt32LE(0)) return undefined;
      const exit = footer.readInt32LE(4);
      if (exit < 0 || exit > 2) return undefined;
      eachLine(file.fd, head.length, to, line);
      return exit;
    } catch {
      return undefined;
    } finally {
      closeQuietly(file.fd);
    }
  }

  /** A writer for this run's record, or undefined when none can be made here. */
  record(): RunRecorder | undefined {
    try {
      return new RunRecorder(this.path, this.folder, this.key);
    } catch {
      return undefined;
    }
  }
}

/** Writes a record as the command prints, so a large output is never held; `finish` puts it in place. */
export class RunRecorder {
  private readonly fd: number;
  private readonly temp: string;
  private readonly path: string;
  private readonly folder: string;
  private count = 0;
  private size = 0;
  /** Lines are encoded into this buffer and written when it is full: no allocation per line. */
  private readonly buffer = Buffer.allocUnsafe(WRITE_BYTES);
  private used = 0;
  private failed = false;
  /** The checksum readCacheFile verifies, kept as the bytes go out (cache-folder.ts). */
  private readonly sum = new Checksum();

  /** Creates the temporary file ('wx': never through a link or over a file already there). Throws when it cannot. */
  constructor(path: string, folder: string, key: string) {
    this.path = path;
    this.folder = folder;
    this.temp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temp, 'wx', 0o600);
    this.writeBytes(headOf(key));
  }

  /** One line, as text or as its UTF-8 bytes (a line the output was given as bytes is not encoded twice). */
  add(stream: Stream, line: string | Uint8Array): void {
    if (this.failed) return;
    const length = typeof line === 'string' ? Buffer.byteLength(line, 'utf8') : line.length;
    if (!this.reserve(5 + length)) return;
    if (5 + length > this.buffer.length) {
      this.writeBytes(Buffer.from([STREAMS.indexOf(stream), length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, length >>> 24]));
      this.writeBytes(typeof line === 'string' ? Buffer.from(line, 'utf8') : line);
    } else {
      if (this.used + 5 + length > this.buffer.length) this.flush();
      this.buffer[this.used] = STREAMS.indexOf(stream);
      this.buffer.writeUInt32LE(length, this.used + 1);
      if (typeof line === 'string') this.buffer.write(line, this.used + 5, 'utf8');
      else this.buffer.set(line, this.used + 5);
      this.used += 5 + length;
    }
    this.count++;
  }

  /** Puts the record in place for the next run with the same key. Never throws: a cache that cannot be written is no cache. */
  finish(exit: number): void {
    const footer = Buffer.alloc(FOOTER);
    footer.writeUInt32LE(this.count, 0);
    footer.writeInt32LE(exit, 4);
    footer.writeUInt32LE(TAG, 8);
    if (this.reserve(FOOTER)) this.writeBytes(footer);
    this.flush();
    if (!this.failed) {
      try {
        writeAll(this.fd, this.sum.digest());
      } catch {
        this.failed = true;
      }
    }
    if (this.failed) return this.abandon();
    try {
      closeSync(this.fd);
      renameSync(this.temp, this.path);
      pruneOldest(this.folder, '.run', this.path, MAX_RECORDS);
    } catch {
      this.abandon();
    }
  }

  /** Removes the unfinished record: the run did not end normally, or its inputs changed while it ran. Never throws. */
  abandon(): void {
    closeQuietly(this.fd);
    rmSync(this.temp, { force: true });
  }

  /** Counts bytes against the largest record a reader accepts; past it, the record is given up. */
  private reserve(bytes: number): boolean {
    this.size += bytes;
    if (this.size > MAX_RECORD_BYTES) this.failed = true;
    return !this.failed;
  }

  private writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.writeOut(bytes);
  }

  private flush(): void {
    if (this.used === 0) return;
    const used = this.used;
    this.used = 0;
    this.writeOut(this.buffer.subarray(0, used));
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.failed) return;
    this.sum.update(bytes);
    try {
      writeAll(this.fd, bytes);
    } catch {
      this.failed = true;
    }
  }
}

/** One hash over every input: any difference in any of them, however small, is another key. */
function runKey(fingerprint: string, cwd: string, plansRoot: string, inputs: RunInputs): string {
  const hash = createHash('sha256');
  const field = (value: string) => hash.update(`${value.length}:${value}\0`);
  field(fingerprint);
  field(cwd);
  field(plansRoot);
  field(inputs.command);
  field(JSON.stringify(inputs.options));
  field(String(inputs.files.length));
  for (const f of inputs.files) {
    field(f.rel);
    field(f.display);
    field(f.problem ? `${f.problem.code} ${f.problem.message}` : '');
    field(`${fileSize(f)} ${fileHash(f)}`);
  }
  field(String(inputs.extra.length));
  for (const e of inputs.extra) field(e);
  return hash.digest('hex');
}

/**
 * The bounds of a record's lines, checked as its windows go by (replayChunks): each line's stream and length, the
 * length never past the end of the lines (`to`); a line's five-byte head may be split between two windows.
 */
class LineWalk {
  /** Where the next line starts; the end of the lines once every one was found whole. */
  next: number;
  lines = 0;
  private readonly split = Buffer.alloc(5);
  private have = 0;

  constructor(from: number) {
    this.next = from;
  }

  look(window: Buffer, at: number, to: number): boolean {
    if (this.have > 0) {
      const take = Math.min(5 - this.have, window.length);
      window.copy(this.split, this.have, 0, take);
      this.have += take;
      if (this.have < 5) return true;
      this.have = 0;
      if (!this.step(this.split, to)) return false;
    }
    while (this.next < to && this.next - at < window.length) {
      const i = this.next - at;
      if (i + 5 > window.length) {
        this.have = window.copy(this.split, 0, i);
        return true;
      }
      if (!this.step(window.subarray(i, i + 5), to)) return false;
    }
    return true;
  }

  private step(head: Buffer, to: number): boolean {
    if (head[0]! >= STREAMS.length) return false;
    this.next += 5 + head.readUInt32LE(1);
    this.lines++;
    return this.next <= to;
  }
}

/**
 * Hands over the lines between `from` and `to` of a checked record (replayLines), each a view of one window
 * (FileWindow; a line longer than the window gets a window of its size). A record changed in place since it was
 * checked (the tool never writes one in place) ends the lines where it no longer fits.
 */
function eachLine(fd: number, from: number, to: number, line: (stream: Stream, bytes: Buffer) => void): void {
  const window = new FileWindow(fd, to);
  for (let at = from; at < to; ) {
    const head = window.bytesAt(at, 5);
    if (!head) return;
    const stream = STREAMS[head[0]!];
    const length = head.readUInt32LE(1);
    if (stream === undefined || at + 5 + length > to) return;
    const bytes = window.bytesAt(at + 5, length);
    if (!bytes) return;
    line(stream, bytes);
    at += 5 + length;
  }
}

function headOf(key: string): Buffer {
  return Buffer.from(`${MAGIC}${key}\n`, 'latin1');
}

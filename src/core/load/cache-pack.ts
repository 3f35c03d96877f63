import { closeSync, constants, fstatSync, ftruncateSync, openSync, rmSync } from 'node:fs';
import { checksum, CHECKSUM_BYTES, closeQuietly, FileWindow, openCacheFile, readExactly, writeAll } from './cache-folder.ts';

/**
 * The file format of a cache pack: a head (MAGIC and the tool's fingerprint), the entries' bytes one after the
 * other, then a table of (key, offset, length) and a footer that says where the table starts. A reader loads
 * only the table and reads an entry when it is asked for, so a run holds one entry at a time rather than the
 * whole pack; a writer appends each entry as it comes and writes the table last. A pack without its footer
 * (cut short, or from another version) is not read at all. Like every cache file it is checked by checksums
 * (cache-folder.ts's checksum): the footer holds the table's, and each row of the table its entry's, verified when
 * the entry is read, so a changed byte anywhere is a miss, never a replayed result.
 *
 * A run that changed a few entries appends them to the pack it read, with a new table and footer after them
 * (PackReader.append), rather than writing the whole pack again: the old table stays behind as unused bytes, and
 * the reader only ever reads the last footer. When the unused bytes outgrow the used ones, the pack is written anew.
 * Two runs appending at once cannot mix up entries: each entry's checksum is in the table that points at it, so
 * an entry whose bytes are not where its table says is a miss.
 */
const MAGIC = 'account-plans cache 8\n';
const TAG = 0x34637061; // "apc4", little-endian
/** tableAt, count, the table's checksum, TAG. */
const FOOTER = 12 + CHECKSUM_BYTES;
/** keyLength, offset, length, the entry's checksum, then the key. */
const ROW = 12 + CHECKSUM_BYTES;
const WRITE_BYTES = 1 << 20;
/** A pack larger than this is not read: the cache is an optimisation, never a way to run out of memory. */
const MAX_PACK_BYTES = 1 << 30;

interface Slot {
  offset: number;
  length: number;
  sum: Buffer;
}

export class PackReader {
  private fd: number | undefined;
  readonly slots: ReadonlyMap<string, Slot>;
  /** The pack's size when it was opened, and the bytes its entries take (what a new pack would hold). */
  readonly size: number;
  readonly usedBytes: number;
  private readonly path: string;

  private constructor(path: string, fd: number, size: number, slots: Map<string, Slot>) {
    this.path = path;
    this.fd = fd;
    this.size = size;
    this.slots = slots;
    let used = 0;
    for (const [key, slot] of slots) used += slot.length + ROW + Buffer.byteLength(key);
    this.usedBytes = used;
  }

  /**
   * The pack's table, or undefined when the pack is missing, a link or anything but a regular file (checked before
   * it is opened), too large, damaged, or for another fingerprint. Never throws.
   */
  static open(path: string, fingerprint: string): PackReader | undefined {
    const file = openCacheFile(path, MAX_PACK_BYTES);
    if (!file) return undefined;
    const { fd, size } = file;
    try {
      const head = headOf(fingerprint);
      if (size < head.length + FOOTER) return closing(fd);
      const start = readExactly(fd, 0, head.length);
      if (!start || !start.equals(head)) return closing(fd);
      const footer = readExactly(fd, size - FOOTER, FOOTER);
      if (!footer || footer.readUInt32LE(FOOTER - 4) !== TAG) return closing(fd);
      const tableAt = footer.readUInt32LE(0);
      const count = footer.readUInt32LE(4);
      if (tableAt < head.length || tableAt > size - FOOTER) return closing(fd);
      const table = readExactly(fd, tableAt, size - FOOTER - tableAt);
      const slots = table && checksum(table).equals(footer.subarray(8, 8 + CHECKSUM_BYTES)) ? parseTable(table, count, head.length, tableAt) : undefined;
      if (!slots) return closing(fd);
      return new PackReader(path, fd, size, slots);
    } catch {
      return closing(fd);
    }
  }

  /**
   * An entry's bytes, or undefined when it is not in the pack, cannot be read, or does not match its checksum; valid
   * until the next read (FileWindow). Once the reader is closed, the pack is opened again for the one entry (a
   * position index asked for late in a run): a pack written anew since has other bytes there, which its checksum tells.
   */
  read(key: string): Buffer | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    try {
      const bytes = this.fd === undefined ? this.readClosed(slot) : (this.window ??= new FileWindow(this.fd, this.size)).bytesAt(slot.offset, slot.length);
      return bytes && checksum(bytes).equals(slot.sum) ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  private readClosed(slot: Slot): Buffer | undefined {
    const file = openCacheFile(this.path, MAX_PACK_BYTES);
    if (!file) return undefined;
    try {
      return slot.offset + slot.length <= file.size ? readExactly(file.fd, slot.offset, slot.length) : undefined;
    } finally {
      closeQuietly(file.fd);
    }
  }

  /** The pack read ahead, entries being asked for in about the order they were written (FileWindow). */
  private window: FileWindow | undefined;

  close(): void {
    if (this.fd !== undefined) closing(this.fd);
    this.fd = undefined;
    this.window = undefined;
  }

  /**
   * Appends `added` after the pack's end, then a table of the entries of `keep` (already in the pack) and of
   * `added`, and a footer: one write, at the end of the file as it was opened. False, with the pack as it was,
   * when the file changed since it was opened, is no longer the same regular file, or cannot be written.
   */
  append(keep: Iterable<string>, added: readonly { key: string; bytes: Uint8Array }[]): boolean {
    let fd: number | undefined;
    try {
      fd = openSync(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size !== this.size || this.fd === undefined || stat.ino !== fstatSync(this.fd).ino) return closing(fd) ?? false;
      const parts: Uint8Array[] = [];
      const rows = new Table();
      let at = this.size;
      for (const key of keep) {
        const slot = this.slots.get(key);
        if (slot) rows.add(key, slot.offset, slot.length, slot.sum);
      }
      for (const { key, bytes } of added) {
        rows.add(key, at, bytes.length, checksum(bytes));
        parts.push(bytes);
        at += bytes.length;
      }
      const table = rows.bytes();
      parts.push(table, footerOf(at, rows.count, table));
      const chunk = Buffer.concat(parts);
      if (this.size + chunk.length > MAX_PACK_BYTES) return closing(fd) ?? false;
      try {
        writeAll(fd, chunk);
      } catch {
        // A full disk: the pack's end as it was, so its last footer is the one read.
        ftruncateSync(fd, this.size);
        return closing(fd) ?? false;
      }
      closeSync(fd);
      return true;
    } catch {
      if (fd !== undefined) closing(fd);
      return false;
    }
  }
}

export class PackWriter {
  private readonly fd: number;
  readonly temp: string;
  private at: number;
  private readonly table = new Table();
  /**
   * Bytes not yet written, copied into one buffer of WRITE_BYTES that is written when full and used again: a write of
   * about a megabyte rather than a system call per entry and per row, and no new megabyte to allocate per write.
   */
  private readonly stage = Buffer.allocUnsafe(WRITE_BYTES);
  private staged = 0;

  /** Creates `temp` ('wx': never follows or replaces anything already there, a link included). Throws when it cannot. */
  constructor(temp: string, fingerprint: string) {
    this.fd = openSync(temp, 'wx', 0o600);
    this.temp = temp;
    const head = headOf(fingerprint);
    this.at = 0;
    this.write(head);
  }

  /** Appends one entry. Throws on a write error. */
  add(key: string, bytes: Uint8Array): void {
    const sum = checksum(bytes);
    const at = this.at;
    this.write(bytes);
    this.table.add(key, at, bytes.length, sum);
  }

  /** Writes the table and the footer and closes the file. Throws on a write error. */
  finish(): void {
    const tableAt = this.at;
    const table = this.table.bytes();
    this.write(table);
    this.write(footerOf(tableAt, this.table.count, table));
    this.flush();
    closeSync(this.fd);
  }

  /** Closes and removes the unfinished file. Never throws. */
  abandon(): void {
    closeQuietly(this.fd);
    rmSync(this.temp, { force: true });
  }

  private write(bytes: Uint8Array): void {
    if (this.at + bytes.length > MAX_PACK_BYTES) throw new Error('The pack would be larger than a reader accepts.');
    this.at += bytes.length;
    if (this.staged + bytes.length > this.stage.length) this.flush();
    // An entry as large as the buffer goes straight to the file.
    if (bytes.length >= this.stage.length) writeAll(this.fd, bytes);
    else {
      this.stage.set(bytes, this.staged);
      this.staged += bytes.length;
    }
  }

  private flush(): void {
    if (this.staged > 0) writeAll(this.fd, this.stage.subarray(0, this.staged));
    this.staged = 0;
  }
}

/**
 * A pack's table as it is built: each row where an entry is, how long, its checksum, and its key, written into one
 * buffer that doubles when full (a table of 20,000 rows is about 2 MB: one buffer, not two per row).
 */
class Table {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;
  count = 0;

  add(key: string, offset: number, length: number, sum: Buffer): void {
    const keyLength = Buffer.byteLength(key, 'utf8');
    const end = this.at + ROW + keyLength;
    if (end > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, end));
      this.buffer.copy(grown, 0, 0, this.at);
      this.buffer = grown;
    }
    const row = this.buffer;
    row.writeUInt32LE(keyLength, this.at);
    row.writeUInt32LE(offset, this.at + 4);
    row.writeUInt32LE(length, this.at + 8);
    sum.copy(row, this.at + 12, 0, CHECKSUM_BYTES);
    row.write(key, this.at + ROW, keyLength, 'utf8');
    this.at = end;
    this.count++;
  }

  /** The rows, a view of the buffer (no copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/** The footer of a table written at `tableAt`. */
function footerOf(tableAt: number, count: number, table: Buffer): Buffer {
  const footer = Buffer.alloc(FOOTER);
  footer.writeUInt32LE(tableAt, 0);
  footer.writeUInt32LE(count, 4);
  checksum(table).copy(footer, 8);
  footer.writeUInt32LE(TAG, FOOTER - 4);
  return footer;
}

function headOf(fingerprint: string): Buffer {
  return Buffer.from(`${MAGIC}${fingerprint}\n`, 'latin1');
}

/** The table's rows by key; undefined when any row points outside the entries or the count does not match. */
function parseTable(table: Buffer, count: number, entriesFrom: number, entriesTo: number): Map<string, Slot> | undefined {
  const slots = new Map<string, Slot>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + ROW > table.length) return undefined;
    const keyLength = table.readUInt32LE(at);
    const offset = table.readUInt32LE(at + 4);
    const length = table.readUInt32LE(at + 8);
    const sum = table.subarray(at + 12, at + ROW);
    at += ROW;
    if (at + keyLength > table.length || offset < entriesFrom || offset + length > entriesTo) return undefined;
    slots.set(table.toString('utf8', at, at + keyLength), { offset, length, sum });
    at += keyLength;
  }
  return at === table.length ? slots : undefined;
}

function closing(fd: number): undefined {
  closeQuietly(fd);
  return undefined;
}

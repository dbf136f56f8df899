import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { packedChunks, type ByteSource, type CheckedPart } from "./xlsx-archive-check.js";

/** The handlers of one part's reading, by element local name (any namespace prefix). */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Reads one checked part of an .xlsx archive as XML, streamed: its packed bytes a megabyte at a
 * time from where the check found them, inflated, decoded as UTF-8 and fed to a SAX parser
 * (saxes). After each chunk `drain` is called, so a reader can hand on what the chunk completed
 * (rows) before the next is read. Malformed XML throws saxes's error.
 */
export async function* readPartXml<T>(bytes: ByteSource, part: CheckedPart, handlers: XmlHandlers, drain: () => T[]): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open?.(local(tag.name), tag.attributes as Record<string, string>));
  parser.on("closetag", (tag: SaxesTagPlain) => handlers.close?.(local(tag.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const packed = Readable.from(packedChunks(bytes, part.dataStart, part.packedSize));
  const source = part.method === 8 ? packed.pipe(createInflateRaw()) : packed;
  const decoder = new TextDecoder("utf-8");
  try {
    // What a chunk completed before a handler or the parser stopped is handed on first, so an
    // error is reported after the rows before it.
    const write = function* (text: string | null) {
      try {
        if (text === null) parser.close();
        else parser.write(text);
      } catch (error) {
        yield* drain();
        throw error;
      }
      yield* drain();
    };
    for await (const chunk of source as AsyncIterable<Buffer>) yield* write(decoder.decode(chunk, { stream: true }));
    yield* write(decoder.decode());
    yield* write(null);
  } finally {
    packed.destroy();
    source.destroy();
  }
}

/** Reads a part through to its end for what the handlers keep (the shared strings, the styles). */
export async function parsePartXml(bytes: ByteSource, part: CheckedPart, handlers: XmlHandlers): Promise<void> {
  for await (const _ of readPartXml<never>(bytes, part, handlers, () => [])) {
    // nothing is handed on
  }
}

/** The part of that name among the checked ones. */
export function partNamed(parts: readonly CheckedPart[], name: string): CheckedPart | undefined {
  return parts.find((part) => part.name === name);
}

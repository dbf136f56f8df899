/** A size as a limit's message gives it: "64 MiB", "1.5 MiB", "8 KiB". */
export function byteSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

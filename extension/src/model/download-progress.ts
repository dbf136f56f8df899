/**
 * A download's progress as the notification shows it: "3.2 MB of 12.6 MB" when the server said the
 * size, "3.2 MB" otherwise (the zip and the reports are streamed as they are generated), and the
 * increment in percent since the last report (VS Code's bar adds them up).
 */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export class DownloadProgress {
  private reported = 0;

  constructor(private readonly report: (step: { message: string; increment?: number }) => void) {}

  update(received: number, total: number | null): void {
    if (total === null || total <= 0) {
      this.report({ message: `${megabytes(received)} received…` });
      return;
    }
    const percent = Math.min(100, (received / total) * 100);
    const increment = percent - this.reported;
    // A report per chunk would flood the notification: every whole percent is enough.
    if (increment < 1 && received < total) return;
    this.reported = percent;
    this.report({ message: `${megabytes(received)} of ${megabytes(total)}`, increment });
  }
}

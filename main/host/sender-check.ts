// Who may call the API over IPC: only the main frame of our own window showing our own page.
// Electron security checklist, "Validate the sender of all IPC messages": a frame of another origin
// (an iframe, a page navigated elsewhere) must not reach the services. Plain data in, so it is
// testable without Electron.

export interface SenderFrameLike {
  readonly url: string;
  /** null for a main frame. */
  readonly parent: unknown;
}

export interface IpcEventLike {
  /** null when the frame navigated or was destroyed before the message was handled. */
  readonly senderFrame: SenderFrameLike | null;
  readonly sender: { readonly id: number };
}

export interface TrustedSenders {
  /** URL of our page; query and fragment are ignored. */
  readonly pageUrl: string;
  /** webContents ids of our own windows. */
  readonly webContentsIds: ReadonlySet<number>;
}

function withoutQueryOrHash(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** Returns why the sender is refused, or undefined when it is our own page. */
export function senderRefusal(event: IpcEventLike, trusted: TrustedSenders): string | undefined {
  if (!trusted.webContentsIds.has(event.sender.id)) return `webContents ${event.sender.id} is not a ProbeDesk window`;
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the message came from a subframe';
  const expected = withoutQueryOrHash(trusted.pageUrl);
  const actual = withoutQueryOrHash(frame.url);
  if (!expected || actual !== expected) return `the sending page ${frame.url || '(blank)'} is not ${trusted.pageUrl}`;
  return undefined;
}

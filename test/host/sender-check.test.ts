import { describe, expect, it } from 'vitest';
import { senderRefusal } from '../../main/host/sender-check';

const trusted = { pageUrl: 'file:///app/out/renderer/index.html', webContentsIds: new Set([3]) };

describe('senderRefusal', () => {
  it('accepts the main frame of our window on our page', () => {
    expect(senderRefusal({ sender: { id: 3 }, senderFrame: { url: 'file:///app/out/renderer/index.html?x=1#a', parent: null } }, trusted)).toBeUndefined();
  });

  it('names the reason for a foreign sender', () => {
    expect(senderRefusal({ sender: { id: 4 }, senderFrame: { url: trusted.pageUrl, parent: null } }, trusted)).toBe('webContents 4 is not a ProbeDesk window');
    expect(senderRefusal({ sender: { id: 3 }, senderFrame: { url: 'http://127.0.0.1:9/index.html', parent: null } }, trusted)).toBe(
      'the sending page http://127.0.0.1:9/index.html is not file:///app/out/renderer/index.html',
    );
    expect(senderRefusal({ sender: { id: 3 }, senderFrame: { url: 'not a url', parent: null } }, trusted)).toMatch(/is not file:/);
  });
});

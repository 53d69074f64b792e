/**
 * The app's file dialogs with Electron's `dialog` faked: modal to the window, PDF filter, the path
 * the person picked (with ".pdf" added when the chooser left it off), null when they cancelled; and
 * the shell handing them to createPeerpath so `files.*` reach them.
 */
import { describe, expect, it, vi } from 'vitest';
import { shellDialogs } from '../../src-main/shell/dialogs';

function setUp(window: object | null = { id: 'main' }) {
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/t/Documents/chosen.pdf' })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/t/Reports'] })),
  };
  const dialogs = shellDialogs({
    dialog: dialog as never,
    window: () => window as never,
    startFolder: () => '/home/t/Documents',
  });
  return { dialog, dialogs, window };
}

describe('shell file dialogs', () => {
  it('asks where to save a PDF, modal to the window, starting with the suggested name', async () => {
    const { dialog, dialogs, window } = setUp();
    const path = await dialogs.chooseSavePath({ title: 'Save the report', suggestedName: 'S-1 Lopez – team summary.pdf', filter: 'pdf' });
    expect(path).toBe('/home/t/Documents/chosen.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: 'Save the report',
      defaultPath: '/home/t/Documents/S-1 Lopez – team summary.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('adds .pdf when the chooser left it off, and answers null when cancelled', async () => {
    const { dialog, dialogs } = setUp();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/t/report' });
    expect(await dialogs.chooseSavePath({ title: 'Save', suggestedName: 'a.pdf', filter: 'pdf' })).toBe('/home/t/report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await dialogs.chooseSavePath({ title: 'Save', suggestedName: 'a.pdf', filter: 'pdf' })).toBeNull();
  });

  it('chooses a folder (and may create one), or null when cancelled', async () => {
    const { dialog, dialogs, window } = setUp();
    expect(await dialogs.chooseFolder({ title: 'Choose a folder' })).toBe('/home/t/Reports');
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: 'Choose a folder',
      defaultPath: '/home/t/Documents',
      properties: ['openDirectory', 'createDirectory'],
    });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await dialogs.chooseFolder({ title: 'Choose a folder' })).toBeNull();
  });

  it('without a window, opens an unattached dialog', async () => {
    const { dialog, dialogs } = setUp(null);
    await dialogs.chooseFolder({ title: 'Choose a folder' });
    expect(dialog.showOpenDialog.mock.lastCall).toHaveLength(1);
  });
});

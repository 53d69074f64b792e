/**
 * A chosen file's text, decoded the way the CLI decodes it: UTF-16 when it starts with its byte
 * order mark ("Unicode text" from Excel), UTF-8 with or without BOM, else Windows-1252 (what older
 * Excel writes as "CSV"), so "José Núñez" arrives intact whichever way the file was saved.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

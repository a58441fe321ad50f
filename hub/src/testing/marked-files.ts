import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ExifTool } from 'exiftool-vendored';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { ATTACHMENT_TYPES, type AttachmentExtension } from '../../../contract/attachments';

const fixture = (name: string) => new URL(`../attachments/fixtures/${name}`, import.meta.url);

/** Where each type's tags go: ExifTool writes them into a real file of that type. */
const EXIFTOOL_BASES: Partial<Record<AttachmentExtension, string>> = {
  jpg: 'photo.jpg',
  jpeg: 'photo.jpg',
  png: 'photo.png',
  webp: 'photo.webp',
  heic: 'photo.heic',
  mp4: 'clip.mp4',
  mov: 'clip.mov',
  '3gp': 'clip.3gp',
};

/**
 * A file of the given type that carries `marker` in every kind of metadata a
 * phone or an office suite writes there: the author, the device, the place
 * (GPS), titles and comments, a PNG's private chunk, an office document's
 * properties and comment authors. Tests upload it and then look for the
 * marker's bytes.
 */
export async function markedFile(ext: AttachmentExtension, marker: string): Promise<Uint8Array<ArrayBuffer>> {
  const base = EXIFTOOL_BASES[ext];
  // A phone photo pasted into the document or scanned into the PDF, GPS and all.
  const photo = await withExifTags('photo.jpg', 'jpg', marker);
  if (ext === 'pdf') return withExifTags(pdfWithPhoto(photo), ext, marker);
  if (base) return withExifTags(base, ext, marker);
  if (ext === 'odt' || ext === 'ods') return openDocument(ext, marker, photo);
  return officeOpenXml(ext as 'docx' | 'xlsx' | 'pptx', marker, photo);
}

let tool: ExifTool | undefined;
/** Ends the ExifTool process the fixtures were written with. */
export async function closeMarkedFiles(): Promise<void> {
  await tool?.end();
  tool = undefined;
}

async function withExifTags(base: string | Uint8Array, ext: string, marker: string): Promise<Uint8Array<ArrayBuffer>> {
  tool ??= new ExifTool({ maxProcs: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'lapor-marked-'));
  try {
    const path = join(dir, `file.${ext}`);
    if (typeof base === 'string') copyFileSync(fixture(base), path);
    else writeFileSync(path, base);
    const tags: Record<string, string | number> = {
      Artist: `${marker} artist`,
      Author: `${marker} author`,
      Creator: `${marker} creator`,
      'XMP-dc:Creator': `${marker} xmp`,
      Title: `${marker} title`,
      Comment: `${marker} comment`,
      Make: `${marker} make`,
      Model: `${marker} model`,
      GPSLatitude: 5.147665,
      GPSLatitudeRef: 'S',
      GPSLongitude: 119.432732,
      GPSLongitudeRef: 'E',
    };
    if (ext === 'pdf')
      for (const key of ['Artist', 'Comment', 'Make', 'Model', 'GPSLatitude', 'GPSLongitude']) delete tags[key];
    await tool.write(path, tags, { writeArgs: ['-overwrite_original', '-m'] });
    const bytes = readFileSync(path);
    return new Uint8Array(ext === 'png' ? withPrivateChunk(bytes, marker) : bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page PDF showing `jpeg` as its page, the image's own bytes (and metadata) inside, as a scanner app makes it. */
function pdfWithPhoto(jpeg: Uint8Array): Uint8Array {
  const content = 'q 200 0 0 150 0 0 cm /Im1 Do Q';
  const objects: (string | Uint8Array)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 150] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    ],
    [
      `<< /Type /XObject /Subtype /Image /Width 16 /Height 12 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      jpeg,
      '\nendstream',
    ],
    [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  const push = (part: string | Uint8Array) => {
    const bytes = Buffer.from(part);
    chunks.push(bytes);
    length += bytes.length;
  };
  objects.forEach((parts, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    for (const part of parts) push(part);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** A private PNG chunk (`prVt`) before IEND: what an app adds and no metadata tool knows. */
function withPrivateChunk(png: Buffer, marker: string): Buffer {
  const data = Buffer.from(`${marker} private`);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('prVt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const OOXML_MAIN = {
  docx: {
    dir: 'word',
    part: 'document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    body: (m: string) =>
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:ins w:id="1" w:author="${m} tracked" w:date="2026-11-02T10:00:00Z"><w:r><w:t>Bukti</w:t></w:r></w:ins></w:p></w:body></w:document>`,
    extra: (m: string): Zippable => ({
      'word/comments.xml': strToU8(
        `${XML}<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="${m} commenter" w:initials="AP"><w:p><w:r><w:t>catatan</w:t></w:r></w:p></w:comment></w:comments>`,
      ),
    }),
  },
  xlsx: {
    dir: 'xl',
    part: 'workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    body: () =>
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>',
    extra: (m: string): Zippable => ({
      'xl/comments1.xml': strToU8(
        `${XML}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${m} commenter</author></authors></comments>`,
      ),
    }),
  },
  pptx: {
    dir: 'ppt',
    part: 'presentation.xml',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    body: () => '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    extra: (m: string): Zippable => ({
      'ppt/commentAuthors.xml': strToU8(
        `${XML}<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cmAuthor id="1" name="${m} commenter" initials="AP" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`,
      ),
    }),
  },
} as const;

function officeOpenXml(ext: 'docx' | 'xlsx' | 'pptx', marker: string, photo: Uint8Array): Uint8Array<ArrayBuffer> {
  const main = OOXML_MAIN[ext];
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main.dir}/${main.part}" ContentType="${main.type}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main.dir}/${main.part}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
    [`${main.dir}/${main.part}`]: strToU8(`${XML}${main.body(marker)}`),
    ...main.extra(marker),
    [`${main.dir}/media/image1.jpg`]: photo,
    'docProps/core.xml': strToU8(
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${marker} creator</dc:creator><cp:lastModifiedBy>${marker} editor</cp:lastModifiedBy><dc:title>${marker} title</dc:title></cp:coreProperties>`,
    ),
    'docProps/app.xml': strToU8(
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${marker} company</Company><Manager>${marker} manager</Manager></Properties>`,
    ),
    'docProps/custom.xml': strToU8(
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="NIP"><vt:lpwstr>${marker} custom</vt:lpwstr></property></Properties>`,
    ),
  };
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}

function openDocument(ext: 'odt' | 'ods', marker: string, photo: Uint8Array): Uint8Array<ArrayBuffer> {
  const mime = ATTACHMENT_TYPES[ext];
  const office = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
  const body =
    ext === 'odt'
      ? `<office:text><text:p>Bukti<office:annotation><dc:creator>${marker} annotator</dc:creator><dc:date>2026-11-02T10:00:00</dc:date><text:p>catatan</text:p></office:annotation></text:p></office:text>`
      : '<office:spreadsheet/>';
  const files: Zippable = {
    mimetype: [strToU8(mime), { level: 0 }],
    'content.xml': strToU8(
      `${XML}<office:document-content xmlns:office="${office}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body>${body}</office:body></office:document-content>`,
    ),
    'Pictures/photo.jpg': photo,
    'meta.xml': strToU8(
      `${XML}<office:document-meta xmlns:office="${office}" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>${marker} creator</meta:initial-creator><dc:creator>${marker} editor</dc:creator><dc:title>${marker} title</dc:title></office:meta></office:document-meta>`,
    ),
    'settings.xml': strToU8(
      `${XML}<office:document-settings xmlns:office="${office}" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"><config:config-item config:name="PrinterName" config:type="string">${marker} printer</config:config-item></office:document-settings>`,
    ),
    'META-INF/manifest.xml': strToU8(
      `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
  };
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}

/**
 * The files in which `marker` occurs, in ASCII or UTF-16 (PDF and Windows
 * metadata use both); inside a zip (an office document), in its entries'
 * uncompressed bytes.
 */
export function findMarker(files: { path: string; bytes: Uint8Array }[], marker: string): string[] {
  const forms = [
    Buffer.from(marker, 'latin1'),
    Buffer.from(marker, 'utf16le'),
    Buffer.from(marker, 'utf16le').swap16(),
  ];
  const holds = (bytes: Uint8Array): boolean => {
    if (forms.some((form) => Buffer.from(bytes).includes(form))) return true;
    if (!Buffer.from(bytes.subarray(0, 4)).equals(ZIP)) return false;
    try {
      return Object.values(unzipSync(bytes)).some(holds);
    } catch {
      return false;
    }
  };
  return files.filter(({ bytes }) => holds(bytes)).map(({ path }) => path);
}
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Every file under `dir`, with its bytes: what a search of the data folder reads. */
export function filesUnder(dir: string): { path: string; bytes: Uint8Array }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: readFileSync(path) };
    });
}

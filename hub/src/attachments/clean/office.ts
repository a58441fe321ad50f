import { readFile, writeFile } from 'node:fs/promises';
import type { Unzipped, Zippable } from 'fflate';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * OOXML (docx, xlsx, pptx) document properties, replaced by empty ones: the
 * author, who last saved it, the company, the template, custom fields.
 */
const OOXML_PROPERTIES: Record<string, string> = {
  'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`,
  'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`,
  'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`,
};

/** OpenDocument (odt, ods) metadata and settings (which name the printer), replaced by empty ones. */
const ODF_PROPERTIES: Record<string, string> = {
  'meta.xml': `${XML}<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:meta/></office:document-meta>`,
  'settings.xml': `${XML}<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>`,
};

/**
 * Names of people inside the document itself: the authors of comments and
 * tracked changes (Word's w:author and w:initials, Excel's comment authors
 * and threaded-comment persons, PowerPoint's comment authors), and
 * OpenDocument's annotation creators and dates.
 */
const PERSON_ATTRIBUTE = /\b((?:\w+:)?(?:author|initials|userId|providerId|displayName|lastModifiedBy))="[^"]*"/g;
const CM_AUTHOR_NAME = /(<p:cmAuthor\b[^>]*?\bname=)"[^"]*"/g;
const PERSON_ELEMENT =
  /<((?:\w+:)?(?:author|creator|initial-creator|printed-by|date|creation-date|lastModifiedBy))>[^<]*<\/\1>/g;

function scrubXml(xml: string): string {
  return xml.replace(PERSON_ATTRIBUTE, '$1=""').replace(CM_AUTHOR_NAME, '$1""').replace(PERSON_ELEMENT, '<$1></$1>');
}

/** Cleans one embedded file (a photo pasted into the document) and gives its bytes back; unchanged if it is no image it knows. */
export type EmbeddedCleaner = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * Rewrites an office document's zip without who wrote it. fflate reads and
 * writes the zip (a maintained, dependency-free library); the parts are
 * XML, cleaned by the patterns above, and every other entry goes through
 * `cleanEmbedded`: a phone photo pasted into a letter keeps its GPS
 * position otherwise. The zip itself is written anew, so no entry's extra
 * fields or the archive comment survive. OpenDocument's `mimetype` stays
 * the first entry, uncompressed, as the format requires.
 */
export async function cleanOfficeDocument(path: string, cleanEmbedded: EmbeddedCleaner): Promise<void> {
  // fflate is loaded with the first office document, not by every hub at start.
  const { unzipSync, zipSync } = await import('fflate');
  const parts: Unzipped = unzipSync(await readFile(path));
  const replacements = 'mimetype' in parts ? ODF_PROPERTIES : OOXML_PROPERTIES;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  const cleaned: Zippable = {};
  if (parts.mimetype) cleaned.mimetype = [parts.mimetype, { level: 0 }];
  for (const [name, content] of Object.entries(parts)) {
    if (name === 'mimetype') continue;
    const replacement = replacements[name];
    if (replacement !== undefined) cleaned[name] = encoder.encode(replacement);
    else if (/\.(xml|rels)$/i.test(name)) cleaned[name] = encoder.encode(scrubXml(decoder.decode(content)));
    else cleaned[name] = await cleanEmbedded(content);
  }
  await writeFile(path, zipSync(cleaned, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}

// What a PDF attachment can send its reader to, read from files written the ways PDF writers write them: plain
// objects, objects packed into a compressed object stream, escaped strings and names, encryption.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfReach } from './pdf.js';

/** A one-page PDF with the given link annotation dictionaries, written as plain objects. */
function plainPdf(annotations: string[], extra = ''): Buffer {
  const annots = annotations.map((a, i) => `${10 + i} 0 obj\n<< /Type /Annot /Subtype /Link /Rect [50 700 200 720] /A ${a} >>\nendobj\n`).join('');
  const refs = annotations.map((_, i) => `${10 + i} 0 R`).join(' ');
  return Buffer.from(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      `2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [${refs}] >>\nendobj\n` +
      annots + extra + 'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

/** The same link packed into a Flate-compressed object stream (PDF 1.5 object streams, as Word and Acrobat save). */
function objectStreamPdf(annotation: string, filter = '/Filter /FlateDecode'): Buffer {
  const object = `<< /Type /Annot /Subtype /Link /Rect [50 700 200 720] /A ${annotation} >>`;
  const body = Buffer.concat([Buffer.from('10 0 '), Buffer.from(object)]);
  const data = filter ? deflateSync(body) : body;
  return Buffer.concat([
    Buffer.from('%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
    Buffer.from(`20 0 obj\n<< /Type /ObjStm /N 1 /First 5 ${filter} /Length ${data.length} >>\nstream\r\n`, 'latin1'),
    data,
    Buffer.from('\r\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
}

describe('pdfReach', () => {
  it('reads the addresses of link actions, plain and packed into a compressed object stream', () => {
    const link = '<< /S /URI /URI (https://billing.maplewood.example/pay/1042) >>';
    expect(pdfReach(plainPdf([link, '<< /S /URI /URI (mailto:accounts@maplewood.example) >>']))).toEqual({
      uris: ['https://billing.maplewood.example/pay/1042', 'mailto:accounts@maplewood.example'],
      active: false,
    });
    expect(pdfReach(objectStreamPdf('<< /S /URI /URI (https://sharedfile-view.top/doc?id=77) >>'))).toEqual({ uris: ['https://sharedfile-view.top/doc?id=77'], active: false });
    expect(pdfReach(plainPdf([]))).toEqual({ uris: [], active: false });
    // an object stream written without a filter is read where it stands
    expect(pdfReach(objectStreamPdf('<< /S /URI /URI (https://plain.example/) >>', ''))).toEqual({ uris: ['https://plain.example/'], active: false });
  });

  it('undoes the escapes of literal and hex strings', () => {
    const escaped = '<< /S /URI /URI (https://docs.example/view\\(1\\)?a=\\\\b&c=\\144) >>';
    const hex = `<< /S /URI /URI <${Buffer.from('https://login-verify.top/o365').toString('hex')}> >>`;
    expect(pdfReach(plainPdf([escaped, hex]))!.uris).toEqual(['https://docs.example/view(1)?a=\\b&c=d', 'https://login-verify.top/o365']);
  });

  it('says when the file acts by itself, however the name is spelt', () => {
    expect(pdfReach(plainPdf([], '30 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n'))!.active).toBe(true);
    expect(pdfReach(plainPdf([], '30 0 obj\n<< /Type /Action /S /J#61vaScript /JS (x) >>\nendobj\n'))!.active).toBe(true);
    // a link whose key is spelt in escapes hides where it goes: no honest writer escapes a key's letters
    expect(pdfReach(plainPdf(['<< /S /URI /U#52I (https://login-verify.top/) >>']))!.active).toBe(true);
    expect(pdfReach(plainPdf(['<< /S /Launch /F (cmd.exe) >>']))!.active).toBe(true);
    expect(pdfReach(plainPdf([], '1 0 obj\n<< /Names << /EmbeddedFiles 31 0 R >> >>\nendobj\n'))!.active).toBe(true);
    expect(pdfReach(objectStreamPdf('<< /S /SubmitForm /F (https://collect.example/) >>'))!.active).toBe(true);
    // a font whose name carries an escaped space is nothing of the kind
    expect(pdfReach(plainPdf([], '40 0 obj\n<< /Type /Font /BaseFont /Arial#20Bold >>\nendobj\n'))!.active).toBe(false);
  });

  it('gives no answer for what it cannot read: no PDF, encrypted strings, a stream that does not inflate', () => {
    expect(pdfReach(Buffer.from('PK\x03\x04 not a pdf'))).toBeNull();
    expect(pdfReach(plainPdf([], 'trailer\n<< /Encrypt 50 0 R >>\n'))).toBeNull();
    expect(pdfReach(objectStreamPdf('<< /S /URI /URI (https://x.example/) >>', '/Filter /LZWDecode'))).toBeNull();
    const broken = objectStreamPdf('<< /S /URI /URI (https://x.example/) >>');
    expect(pdfReach(Buffer.concat([broken.subarray(0, 120), Buffer.from('\nendstream\n')]))).toBeNull();
  });

  it('stops inflating a compressed bomb at its limit, unread', () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.5\n9 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`), bomb, Buffer.from('\nendstream\nendobj\n')]);
    expect(pdfReach(pdf)).toBeNull();
  });
});

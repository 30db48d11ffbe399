/**
 * Hostile PDFs, generated here rather than checked in: tiny files that cost a
 * parser a lot. Each is a well-formed PDF (a correct xref table and tail) so
 * that it passes every cheap check and reaches the expensive parts.
 */

/** Assembles numbered objects into a PDF with a correct cross-reference table. */
export function assemblePdf(objects: string[], rootRef = '1 0 R'): Uint8Array<ArrayBuffer> {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = Buffer.from(out, 'latin1');
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as Uint8Array<ArrayBuffer>;
}

const stream = (content: string, dict = '') => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/**
 * A page tree that claims `fanout ** depth` pages (10 ** 6 = 1 000 000 by
 * default) in a couple of KB: every level is one /Pages node whose /Kids name
 * the next level `fanout` times, so the "tree" is a chain walked over and over.
 */
export function makePageTreeBomb(fanout = 10, depth = 6): Uint8Array<ArrayBuffer> {
  // Objects: 1 catalog, 2..depth+1 the levels (2 is the root /Pages), depth+2 the leaf page, depth+3 its content.
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < depth; level++) {
    const self = level + 2;
    const kid = level + 3;
    const parent = level === 0 ? '' : ` /Parent ${self - 1} 0 R`;
    objects.push(`<< /Type /Pages${parent} /Count ${fanout ** (depth - level)} /Kids [${Array(fanout).fill(`${kid} 0 R`).join(' ')}] >>`);
  }
  const leaf = depth + 2;
  objects.push(`<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 200 200] /Contents ${leaf + 1} 0 R /Resources << >> >>`);
  objects.push(stream('BT ET'));
  return assemblePdf(objects);
}

/**
 * One page whose content draws form XObject F(depth), which draws F(depth-1)
 * `fanout` times, and so on down to F0 with a little text: fanout ** depth
 * text draws (10 ** 7 by default) from a file of about 3 KB. Text extraction
 * walks every draw.
 */
export function makeXObjectBomb(fanout = 10, depth = 7, marker = 'BOMB'): Uint8Array<ArrayBuffer> {
  // Objects: 1 catalog, 2 pages, 3 page, 4 page content, 5 font, 6.. F0..F(depth).
  const formRef = (level: number) => `${6 + level} 0 R`;
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X ${formRef(depth)} >> >> >>`,
    stream('/X Do'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let level = 0; level <= depth; level++) {
    const dict = '/Type /XObject /Subtype /Form /BBox [0 0 200 200]';
    if (level === 0) {
      objects.push(stream(`BT /F 12 Tf 10 10 Td (${marker}) Tj ET`, `${dict} /Resources << /Font << /F 5 0 R >> >>`));
    } else {
      objects.push(stream(Array(fanout).fill('/X Do').join(' '), `${dict} /Resources << /XObject << /X ${formRef(level - 1)} >> >>`));
    }
  }
  return assemblePdf(objects);
}

/**
 * The form-XObject bomb dressed as one of our protokoll files: it carries an
 * embedded `export.json`, so `verify` goes on to read the text of every page
 * (and the bomb page costs pdf.js minutes).
 */
export function makeVerifyBomb(fanout = 10, depth = 7): Uint8Array<ArrayBuffer> {
  const bomb = Buffer.from(makeXObjectBomb(fanout, depth)).toString('latin1');
  const count = depth + 6; // objects 1..(depth + 6) in the bomb
  const [file, spec] = [count + 1, count + 2];
  const objects = [
    `${file} 0 obj\n<< /Type /EmbeddedFile /Length 2 >>\nstream\n{}\nendstream\nendobj\n`,
    `${spec} 0 obj\n<< /Type /Filespec /F (export.json) /UF (export.json) /EF << /F ${file} 0 R >> >>\nendobj\n`,
    `1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(export.json) ${spec} 0 R] >> >> >>\nendobj\n`,
  ];
  // An incremental update: the new objects, then an xref for them and a trailer pointing back.
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(bomb)?.[1]);
  let out = bomb.endsWith('\n') ? bomb : `${bomb}\n`;
  const offsets: [number, number][] = [];
  for (const [i, source] of objects.entries()) {
    offsets.push([[file, spec, 1][i]!, out.length]);
    out += source;
  }
  const xrefAt = out.length;
  out += 'xref\n';
  for (const [num, offset] of offsets.sort((a, b) => a[0] - b[0])) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${spec + 1} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

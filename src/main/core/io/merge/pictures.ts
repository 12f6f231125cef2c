/**
 * Pictures a merge places per recipient (an invoice's payment QR code): a placeholder that
 * stands alone in its run, `{betaal_qr}`, becomes an inline drawing of that recipient's
 * PNG. The PNG is its own media part with a relationship from the document; a recipient
 * without a picture gets nothing where the placeholder was.
 */
export interface Picture {
  png: Uint8Array;
  /** Printed size in centimetres (square). */
  cm: number;
}

export type Pictures = (name: string) => Picture | null;

const EMU_PER_CM = 360_000;
const RELS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** A run holding only the placeholder: `<w:r><w:rPr>…</w:rPr><w:t>{name}</w:t></w:r>`. */
function runOf(name: string): RegExp {
  return new RegExp(`<w:r\\b[^>]*>(?:(?!</w:r>)[\\s\\S])*?<w:t(?:\\s[^>]*)?>\\{${name}\\}</w:t>\\s*</w:r>`, 'g');
}

function drawing(relId: string, id: number, cm: number): string {
  const emu = Math.round(cm * EMU_PER_CM);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
    `<wp:extent cx="${emu}" cy="${emu}"/><wp:docPr id="${id}" name="Betaal-QR ${id}" descr="QR-code om te betalen"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${id}" name="qr${id}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relId}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu}" cy="${emu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** Collects the media parts and relationships of one output document. */
export class PictureParts {
  readonly media: [path: string, png: Uint8Array][] = [];
  readonly rels: string[] = [];
  private next = 0;

  constructor(private readonly names: readonly string[]) {}

  get any(): boolean {
    return this.names.length > 0;
  }

  /** The part's XML with this recipient's pictures in place of their placeholders. */
  place(xml: string, pictures: Pictures | undefined): string {
    let out = xml;
    for (const name of this.names) {
      out = out.replace(runOf(name), () => {
        const p = pictures?.(name);
        if (!p) return '';
        const n = ++this.next;
        const relId = `rIdMergePic${n}`;
        const path = `word/media/merge-picture-${n}.png`;
        this.media.push([path, p.png]);
        this.rels.push(`<Relationship Id="${relId}" Type="${RELS_TYPE}" Target="media/merge-picture-${n}.png"/>`);
        return drawing(relId, 50_000 + n, p.cm);
      });
    }
    return out;
  }

  /** [Content_Types].xml with PNG declared (once). */
  contentTypes(types: string): string {
    if (this.media.length === 0 || /Extension="png"/i.test(types)) return types;
    return types.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="png" ContentType="image/png"/>');
  }
}

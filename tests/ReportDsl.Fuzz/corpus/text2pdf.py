#!/usr/bin/env python3
"""Writes a seed for the pdf target: a tab-separated text report laid out as a small PDF.

    python3 text2pdf.py text/row-problems.txt pdf/ruled-rows.pdf

One line of text is one visual line; tab-separated fields stand in boxed cells far enough apart to read as cells. One
Type0 font (Identity-H, a ToUnicode map, no embedded program) gives the text back without a font program to parse,
and the content streams are not compressed, so AFL's mutations reach the layout code instead of breaking a deflate
stream, and an execution costs a few milliseconds instead of the tens a LibreOffice PDF's embedded fonts take."""
import sys

def main(src, dst):
    lines = open(src, encoding='utf-8').read().split('\n')
    chars = sorted({c for l in lines for c in l if c not in '\t'})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    size, lead, left, top, bottom = 8, 12, 30, 812, 30
    pages, cur, y = [], [], top
    for line in lines:
        if y < bottom:
            pages.append(cur); cur, y = [], top
        fields = line.split('\t')
        x = left
        ruled = len(fields) > 1
        for f in fields:
            width = 130 if x == left else 60
            if ruled:
                # Cell borders: with them a reader may join wrapped lines that are further apart.
                cur.append(f'{x - 3} {y - 3} {width} {lead} re S')
            f = f.strip()
            if f:
                # A prose line wider than the page wraps at 70 characters.
                while f:
                    part, f = f[:70], f[70:]
                    cur.append(f'BT /F1 {size} Tf {x} {y} Td <' + ''.join(f'{cid[c]:04X}' for c in part) + '> Tj ET')
                    if f:
                        y -= lead
            x += width
        y -= lead
    pages.append(cur)

    objs = []
    def add(body):
        objs.append(body); return len(objs)
    cmap = ('/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def /CMapType 2 def\n'
            '1 begincodespacerange <0000> <FFFF> endcodespacerange\n')
    items = list(cid.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        cmap += f'{len(chunk)} beginbfchar\n' + ''.join(
            f'<{n:04X}> <{c.encode("utf-16-be").hex().upper()}>\n' for c, n in chunk) + 'endbfchar\n'
    cmap += 'endcmap CMapName currentdict /CMap defineresource pop end end'
    tounicode = add(f'<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream')
    widths = ' '.join(f'{n} [{500 if ord(c) < 128 else 1000}]' for c, n in items)
    desc = add('<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 '
               '/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>')
    cidfont = add(f'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) '
                  f'/Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 1000 /W [{widths}] >>')
    font = add(f'<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H '
               f'/DescendantFonts [{cidfont} 0 R] /ToUnicode {tounicode} 0 R >>')
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for p in pages:
        content = '\n'.join(p)
        c = add(f'<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream')
        kids.append(add(f'<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] '
                        f'/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>'))
    assert add(f'<< /Type /Pages /Kids [{" ".join(f"{k} 0 R" for k in kids)}] /Count {len(kids)} >>') == pages_id
    catalog = add(f'<< /Type /Catalog /Pages {pages_id} 0 R >>')
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out)); out += f'{i} 0 obj\n{body}\nendobj\n'.encode()
    xref = len(out)
    out += f'xref\n0 {len(objs) + 1}\n0000000000 65535 f \n'.encode()
    out += ''.join(f'{o:010d} 00000 n \n' for o in offsets).encode()
    out += f'trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    open(dst, 'wb').write(out)

main(*sys.argv[1:])

//! [`Table`]s as a Word document (DOCX), for committee services to paste into the council's
//! report template.
//!
//! Each table is its own section (portrait or landscape A4, as the printed table chooses):
//! its title in the built-in "heading 1" style and the "Data as at" line and notes in
//! "Normal", so pasting into a template takes on the template's own heading styles; then the
//! table in the built-in "Table Grid" style with a header row that repeats at the top of every
//! page (`w:tblHeader`) and rows that do not split across pages (`w:cantSplit`), group
//! headings spanning the table, bold subtotal and TOTAL rows, numbers right-aligned; then the
//! source line. The footer numbers the pages. The document's properties carry the title,
//! author (the council), subject and language (en-GB).
//!
//! Written as minimal Office Open XML with the zip crate (the one rust_xlsxwriter already
//! uses). docx-rs was the first choice, but it cannot mark a header row to repeat
//! (`w:tblHeader`), which a table over several pages in a cabinet paper needs.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use super::{Cell, RowKind, Table, print};
use crate::export::page::POINTS_PER_MM;
use crate::export::{Orientation, PageSetup};

/// Why the document could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be made: {0}")]
pub struct DocxExportError(String);

impl From<zip::result::ZipError> for DocxExportError {
    fn from(error: zip::result::ZipError) -> Self {
        Self(error.to_string())
    }
}

impl From<std::io::Error> for DocxExportError {
    fn from(error: std::io::Error) -> Self {
        Self(error.to_string())
    }
}

/// Who the document is by and what it is about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentInfo {
    /// Its title.
    pub title: String,
    /// The council.
    pub author: String,
    /// What it is about.
    pub subject: String,
}

/// Twentieths of a point, Word's unit for lengths.
fn twips(points: f32) -> i64 {
    (points * 20.0).round() as i64
}

/// Text safe inside XML: markup escaped, characters XML 1.0 forbids dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text: line breaks become `w:br`, tabs `w:tab`.
fn run(out: &mut String, text: &str, bold: bool) {
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/></w:rPr>");
    }
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("<w:br/>");
        }
        for (part, piece) in line.split('\t').enumerate() {
            if part > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                let _ = write!(
                    out,
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    xml_text(&piece.replace('\r', ""))
                );
            }
        }
    }
    out.push_str("</w:r>");
}

/// A paragraph in `style` (or Normal), optionally right-aligned, optionally kept with the next.
fn paragraph(out: &mut String, style: Option<&str>, text: &str, bold: bool, right: bool) {
    out.push_str("<w:p>");
    if style.is_some() || right {
        out.push_str("<w:pPr>");
        if let Some(style) = style {
            let _ = write!(out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if right {
            out.push_str("<w:jc w:val=\"right\"/>");
        }
        out.push_str("</w:pPr>");
    }
    if !text.is_empty() {
        run(out, text, bold);
    }
    out.push_str("</w:p>");
}

/// The section properties of a table's page: A4 in its orientation, 15 mm margins, the footer.
fn section(out: &mut String, setup: &PageSetup) {
    let (width, height) = setup.size_pt();
    let margin = twips(setup.margin_mm * POINTS_PER_MM);
    out.push_str("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
    let orient = if setup.orientation == Orientation::Landscape {
        " w:orient=\"landscape\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<w:pgSz w:w=\"{}\" w:h=\"{}\"{orient}/><w:pgMar w:top=\"{margin}\" w:right=\"{margin}\" \
         w:bottom=\"{margin}\" w:left=\"{margin}\" w:header=\"425\" w:footer=\"425\" \
         w:gutter=\"0\"/></w:sectPr>",
        twips(width),
        twips(height)
    );
}

fn cell_xml(
    out: &mut String,
    width: i64,
    text: &str,
    bold: bool,
    right: bool,
    shade: Option<&str>,
    span: usize,
) {
    let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if span > 1 {
        let _ = write!(out, "<w:gridSpan w:val=\"{span}\"/>");
    }
    if let Some(fill) = shade {
        let _ = write!(
            out,
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
        );
    }
    out.push_str("</w:tcPr>");
    paragraph(out, None, text, bold, right);
    out.push_str("</w:tc>");
}

fn table_xml(out: &mut String, table: &Table, setup: &PageSetup) {
    let printable = setup.printable();
    let widths: Vec<i64> = print::fit_columns(table, printable.width)
        .iter()
        .map(|w| twips(*w))
        .collect();
    let total: i64 = widths.iter().sum();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{total}\" \
         w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" \
         w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" \
         w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for width in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    // The header row, repeated on every page.
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (column, width) in table.columns.iter().zip(&widths) {
        cell_xml(
            out,
            *width,
            &column.heading,
            true,
            column.kind.is_numeric(),
            Some("E4E8EE"),
            1,
        );
    }
    out.push_str("</w:tr>");
    let pence = table.columns_pence();
    let write_row = |out: &mut String, row: &super::Row| {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let bold = row.kind != RowKind::Data;
        let shade = match row.kind {
            RowKind::Data => None,
            RowKind::Subtotal => Some("F7F7F7"),
            RowKind::Total => Some("E4E8EE"),
        };
        for (index, (column, width)) in table.columns.iter().zip(&widths).enumerate() {
            let cell = row.cells.get(index).unwrap_or(&Cell::Empty);
            cell_xml(
                out,
                *width,
                &cell.printed(pence[index]),
                bold,
                column.kind.is_numeric(),
                shade,
                1,
            );
        }
        out.push_str("</w:tr>");
    };
    for group in &table.groups {
        if !group.heading.is_empty() {
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            cell_xml(
                out,
                total,
                &group.heading,
                true,
                false,
                Some("F2F4F7"),
                widths.len(),
            );
            out.push_str("</w:tr>");
        }
        for row in &group.rows {
            write_row(out, row);
        }
        if let Some(subtotal) = &group.subtotal {
            write_row(out, subtotal);
        }
    }
    if let Some(row) = &table.total {
        write_row(out, row);
    }
    out.push_str("</w:tbl>");
}

/// `word/document.xml` for the tables, each in its own section.
pub fn document_xml(tables: &[&Table]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
    );
    for (index, table) in tables.iter().enumerate() {
        let setup = print::page_for(table);
        paragraph(&mut out, Some("Heading1"), &table.title, false, false);
        paragraph(
            &mut out,
            None,
            &table.caption().data_as_at_line(),
            false,
            false,
        );
        for note in &table.notes {
            paragraph(&mut out, None, note, false, false);
        }
        table_xml(&mut out, table, &setup);
        if !table.source.trim().is_empty() {
            paragraph(&mut out, Some("TableSource"), &table.source, false, false);
        }
        if index + 1 < tables.len() {
            // The section ends with this paragraph; the next table starts a new page.
            out.push_str("<w:p><w:pPr>");
            section(&mut out, &setup);
            out.push_str("</w:pPr></w:p>");
        } else {
            section(&mut out, &setup);
        }
    }
    if tables.is_empty() {
        paragraph(&mut out, None, "No tables were chosen.", false, false);
        section(
            &mut out,
            &PageSetup::new(crate::export::PaperSize::A4, Orientation::Portrait),
        );
    }
    out.push_str("</w:body></w:document>");
    out
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

/// Styles: the built-in Normal, heading 1 and Table Grid (so a template's own take over on
/// paste) and a small "Table source" style for the source line. Arial (Liberation Sans, the
/// printed tables' font, has its metrics) at the printed tables' size, en-GB; cells padded a
/// point less than the printed tables, so columns sized by `print::fit_columns` never wrap a
/// number in Word.
fn styles_xml() -> String {
    let half_points = (print::BODY_SIZE * 2.0).round() as i64;
    let margin = twips(print::PAD_X - 1.0);
    STYLES
        .replace("{body}", &half_points.to_string())
        .replace("{margin}", &margin.to_string())
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"0\" w:after=\"80\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TableSource\"><w:name w:val=\"Table source\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"80\"/></w:pPr><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"16\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"{margin}\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"{margin}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
</w:p></w:ftr>";

fn core_xml(info: &DocumentInfo) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>en-GB</dc:language>\
         </cp:coreProperties>",
        xml_text(&info.title),
        xml_text(&info.subject),
        xml_text(&info.author)
    )
}

fn app_xml(info: &DocumentInfo) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties \
         xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Partnership Atlas</Application><Company>{}</Company></Properties>",
        xml_text(&info.author)
    )
}

/// The tables as one Word document, in the order given.
pub fn tables_docx(tables: &[&Table], info: &DocumentInfo) -> Result<Vec<u8>, DocxExportError> {
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("word/document.xml", document_xml(tables)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/footer1.xml", FOOTER.to_string()),
        ("docProps/core.xml", core_xml(info)),
    ];
    for (name, text) in parts {
        archive.start_file(name, options)?;
        archive.write_all(text.as_bytes())?;
    }
    archive.start_file("docProps/app.xml", options)?;
    archive.write_all(app_xml(info).as_bytes())?;
    Ok(archive.finish()?.into_inner())
}

/// One table as a Word document.
pub fn table_docx(table: &Table, info: &DocumentInfo) -> Result<Vec<u8>, DocxExportError> {
    tables_docx(&[table], info)
}

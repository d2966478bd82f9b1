"""The program's version name in the DOCX, where no reader sees it: a custom
document property (docProps/custom.xml, ISO/IEC 29500-1 §22.3) that the
importer reads back (amend.importers.titleblock.version_in_file). The title
page shows only what a reader knows the version by: its status, date and
decisions (amend.layout.title_lines)."""
from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ..layout import VERSION_PROPERTY

_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of user-defined properties
_PARTNAME = "/docProps/custom.xml"


def set_version_property(doc, version: str) -> None:
    """The version as the custom property amend.layout.VERSION_PROPERTY, in the
    template's custom properties if it has some (others kept), else in a new part."""
    package = doc.part.package
    part = next((rel.target_part for rel in package.rels.values()
                 if rel.reltype == RELATIONSHIP_TYPE.CUSTOM_PROPERTIES and not rel.is_external), None)
    root = etree.fromstring(part.blob) if part is not None else etree.Element(f"{{{_NS}}}Properties",
                                                                             nsmap={None: _NS, "vt": _VT})
    _put(root, version)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        package.relate_to(Part(PackURI(_PARTNAME), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, blob, package),
                          RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
    else:
        part._blob = blob


def _put(root, version: str) -> None:
    """Set the property's text, adding it with the next free pid (from 2, as the standard says)."""
    props = root.findall(f"{{{_NS}}}property")
    found = next((p for p in props if p.get("name") == VERSION_PROPERTY), None)
    if found is None:
        pids = [int(p.get("pid")) for p in props if (p.get("pid") or "").isdigit()]
        found = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(max(pids, default=1) + 1),
                                 name=VERSION_PROPERTY)
    for child in list(found):
        found.remove(child)
    etree.SubElement(found, f"{{{_VT}}}lpwstr").text = version

internal import CLibXML2
import Foundation

extension HTMLSanitizer {
    /// Streams `fragment` through libxml2's HTML parser in SAX mode into `writer`: no tree is
    /// built, each event is filtered and serialized as it arrives. Every libxml2 pointer lives
    /// only inside this call.
    ///
    /// The input is prepared as for the tree parser (`prepare`: `<html><body>` wrapper, comments
    /// removed), so libxml2 sees the same bytes and emits the events its tree builder would use.
    /// Returns false when the output is incomplete: libxml2 stopped before the end of the input,
    /// or the fragment nests deeper than its tree builder allows (`Writer.maximumDepth`).
    static func stream(_ fragment: UnsafeBufferPointer<UInt8>, into writer: inout Writer) -> Bool {
        stream(prepared: prepare(fragment), into: &writer)
    }

    /// `stream(_:into:)` for bytes `prepare` already produced.
    static func stream(prepared input: [UInt8], into writer: inout Writer) -> Bool {
        LibXML.ensureInitialized()
        guard input.count < Int(Int32.max), let context = htmlNewParserCtxt() else { return true }
        defer { htmlFreeParserCtxt(context) }
        guard let sax = context.pointee.sax else { return true }
        // Only the events the sanitizer needs: no document, no comments, no DTD nodes.
        sax.pointee = htmlSAXHandler()
        sax.pointee.startElement = sanitizerStartElement
        sax.pointee.endElement = sanitizerEndElement
        sax.pointee.characters = sanitizerCharacters
        sax.pointee.cdataBlock = sanitizerCharacters
        sax.pointee.serror = { _, _ in }
        return withUnsafeMutablePointer(to: &writer) { pointer in
            context.pointee._private = UnsafeMutableRawPointer(pointer)
            defer { context.pointee._private = nil }
            let document = input.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes in
                    htmlCtxtReadMemory(context, bytes, Int32(buffer.count), nil, "UTF-8", streamOptions)
                }
            }
            if let document { xmlFreeDoc(document) }  // not built without a startDocument handler
            return context.pointee.disableSAX == 0 && pointer.pointee.isBalanced
        }
    }

    private static let streamOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue)
}

/// The parser context of a SAX callback (libxml2 passes the context itself as user data).
private func sanitizerContext(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<xmlParserCtxt>? {
    ctx?.assumingMemoryBound(to: xmlParserCtxt.self)
}

private func sanitizerWriter(_ context: UnsafeMutablePointer<xmlParserCtxt>?) -> UnsafeMutablePointer<HTMLSanitizer.Writer>? {
    context?.pointee._private?.assumingMemoryBound(to: HTMLSanitizer.Writer.self)
}

private let sanitizerStartElement: startElementSAXFunc = { ctx, name, attributes in
    let context = sanitizerContext(ctx)
    guard let name, let writer = sanitizerWriter(context) else { return }
    // libxml2's HTML parser hands over lower-case element and attribute names.
    let nameBytes = UnsafeBufferPointer(start: name, count: strlen(name))
    var list: [HTMLSanitizer.TagAttribute] = []
    if let attributes {
        var index = 0
        while let attributeName = attributes[index] {
            let bytes = UnsafeBufferPointer(start: attributeName, count: strlen(attributeName))
            let key = HTMLSanitizer.Key(bytes)
            let value =
                attributes[index + 1].map { UnsafeBufferPointer(start: $0, count: strlen($0)) }
                ?? HTMLSanitizer.TagAttribute.bareValue(name: bytes, key: key)
            list.append(HTMLSanitizer.TagAttribute(name: bytes, key: key, value: value))
            index += 2
        }
    }
    let accepted = list.withUnsafeBufferPointer {
        writer.pointee.start(name: nameBytes, key: HTMLSanitizer.Key(nameBytes), attributes: $0)
    }
    if !accepted, let context { xmlStopParser(context) }
}

private let sanitizerEndElement: endElementSAXFunc = { ctx, name in
    guard let name, let writer = sanitizerWriter(sanitizerContext(ctx)) else { return }
    writer.pointee.end(name: UnsafeBufferPointer(start: name, count: strlen(name)))
}

private let sanitizerCharacters: charactersSAXFunc = { ctx, characters, length in
    guard let characters, length > 0, let writer = sanitizerWriter(sanitizerContext(ctx)) else { return }
    writer.pointee.text(UnsafeBufferPointer(start: characters, count: Int(length)))
}

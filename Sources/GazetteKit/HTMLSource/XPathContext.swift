internal import CLibXML2
import Foundation

/// A libxml2 XPath context with its own (silent) error handler, plus compiled expressions keyed by
/// rule key. Created and freed inside `XPathContext.with`; nothing here may outlive that call.
struct XPathContext {
    let raw: xmlXPathContextPtr
    private(set) var compiled: [String: xmlXPathCompExprPtr] = [:]

    /// The outcome of evaluating an expression: the node-set or the scalar it returned.
    enum Value {
        case nodes([xmlNodePtr])
        case string(String)
        case number(Double)
        case boolean(Bool)

        var isNodeSet: Bool {
            if case .nodes = self { return true }
            return false
        }

        /// "node-set", "string"…, for error messages.
        var typeName: String {
            switch self {
            case .nodes: "node-set"
            case .string: "string"
            case .number: "number"
            case .boolean: "boolean"
            }
        }
    }

    /// Runs `body` with a fresh context on `doc` (or no document, to compile only), then frees
    /// the context and every expression compiled in it.
    static func with<T>(_ doc: xmlDocPtr?, _ body: (inout XPathContext) -> T) -> T? {
        LibXML.ensureInitialized()
        guard let raw = xmlXPathNewContext(doc) else { return nil }
        // Per-context handler: errors are recorded in raw.pointee.lastError and nothing goes to stderr.
        raw.pointee.error = { _, _ in }
        var context = XPathContext(raw: raw)
        defer {
            for expression in context.compiled.values { xmlXPathFreeCompExpr(expression) }
            xmlResetError(&raw.pointee.lastError)
            xmlXPathFreeContext(raw)
        }
        return body(&context)
    }

    /// Compiles `expression` and keeps it under `key`; throws a message naming the key and expression.
    mutating func compile(_ expression: String, key: String) throws(HTMLSourceError) {
        xmlResetError(&raw.pointee.lastError)
        guard let expr = xmlXPathCtxtCompile(raw, expression) else {
            throw .invalidXPath(key: key, expression: expression, reason: lastErrorReason(expression))
        }
        if let previous = compiled[key] { xmlXPathFreeCompExpr(previous) }
        compiled[key] = expr
    }

    /// Evaluates the expression compiled under `key` with `node` as the context node.
    func evaluate(_ key: String, at node: xmlNodePtr, expression: String) throws(HTMLSourceError) -> Value? {
        guard let expr = compiled[key] else { return nil }
        return try evaluate(expr, at: node, key: key, expression: expression)
    }

    /// Evaluates an expression compiled in this context (`key`/`expression` are for error messages).
    func evaluate(
        _ expr: xmlXPathCompExprPtr, at node: xmlNodePtr, key: String, expression: String
    ) throws(HTMLSourceError) -> Value {
        if raw.pointee.lastError.code != 0 { xmlResetError(&raw.pointee.lastError) }
        raw.pointee.node = node
        guard let object = xmlXPathCompiledEval(expr, raw) else {
            throw .invalidXPath(key: key, expression: expression, reason: lastErrorReason(expression))
        }
        defer { xmlXPathFreeObject(object) }
        switch object.pointee.type {
        case XPATH_NODESET, XPATH_XSLT_TREE:
            guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
                return .nodes([])
            }
            var nodes: [xmlNodePtr] = []
            nodes.reserveCapacity(Int(set.pointee.nodeNr))
            for index in 0..<Int(set.pointee.nodeNr) {
                if let node = table[index] { nodes.append(node) }
            }
            return .nodes(nodes)
        case XPATH_STRING:
            return .string(object.pointee.stringval.map { String(cString: $0) } ?? "")
        case XPATH_NUMBER:
            return .number(object.pointee.floatval)
        case XPATH_BOOLEAN:
            return .boolean(object.pointee.boolval != 0)
        default:
            return .nodes([])
        }
    }

    /// A readable reason for the last XPath error, with the character position when libxml2 gives one.
    private func lastErrorReason(_ expression: String) -> String {
        let error = raw.pointee.lastError
        let code = Int(error.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
        let reason = Self.messages[code] ?? "the expression cannot be compiled"
        guard error.code != 0, error.int1 > 0, code != 12 else { return reason }
        return "\(reason) at character \(error.int1 + 1)"
    }

    /// libxml2's XPath error codes (xpath.h `xmlXPathError`) in words a rule author can act on.
    private static let messages: [Int: String] = [
        1: "malformed number", 2: "unfinished string literal", 3: "a string literal was expected",
        4: "malformed variable reference", 5: "undefined variable (rules cannot use $variables)",
        6: "invalid predicate", 7: "invalid expression", 8: "missing closing bracket or parenthesis",
        9: "unknown function (XPath 1.0 functions only)", 10: "invalid operand", 11: "wrong argument type",
        12: "wrong number of arguments to a function", 13: "invalid context size", 14: "invalid context position",
        15: "out of memory", 19: "undefined namespace prefix (HTML pages have no namespaces)",
        20: "encoding error", 21: "invalid character", 22: "invalid context", 23: "stack usage error",
    ]
}

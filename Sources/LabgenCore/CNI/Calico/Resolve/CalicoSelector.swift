/// A parser for Calico's label-selector language, as `IPPool.spec.nodeSelector` takes it
/// (libcalico-go `lib/selector/parser`): `all()`, `global()`, `has(k)`, `k == "v"`, `k != "v"`,
/// `k in {"a", "b"}`, `k not in {...}`, `k contains "s"`, `k starts with "s"`, `k ends with "s"`,
/// `!e`, `e && e`, `e || e` and parentheses. Strings are in `"` or `'`, without escapes.
/// labgen parses every selector at the DSL line, so that one calico-apiserver would refuse never
/// reaches `ippool.yaml`, and so that it can tell which racks a selector names.
public enum CalicoSelector {
    public indirect enum Expression: Equatable, Sendable {
        case all
        case global
        case has(String)
        /// `key op value(s)`: `==`, `!=`, `in`, `not in`, `contains`, `starts with`, `ends with`.
        case compare(key: String, op: String, values: [String])
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)

        /// The values compared with `key` by `==` or `in` anywhere in the expression.
        public func valuesRequired(for key: String) -> [String] {
            switch self {
            case .compare(let k, let op, let values) where k == key && (op == "==" || op == "in"): values
            case .not(let e): e.valuesRequired(for: key)
            case .and(let a, let b), .or(let a, let b): a.valuesRequired(for: key) + b.valuesRequired(for: key)
            default: []
            }
        }
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        /// 1-based character position in the selector.
        public var column: Int
        public var message: String
        public var description: String { "at character \(column): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> Expression {
        var parser = Parser(Array(text.unicodeScalars))
        let expression = try parser.parseOr()
        parser.skipSpace()
        if !parser.atEnd { throw parser.error("unexpected '\(parser.rest(10))'; expected '&&', '||' or the end") }
        return expression
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }

        func error(_ message: String) -> ParseError { ParseError(column: index + 1, message: message) }

        /// " before the end", or ", found '<what follows>'", for messages.
        var found: String { atEnd ? " before the end" : ", found '\(rest(10))'" }

        func rest(_ count: Int) -> String {
            String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + count)])).debugEscaped
        }

        mutating func skipSpace() {
            while !atEnd, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }

        /// Consumes `token` (after spaces) when it is next.
        mutating func accept(_ token: String) -> Bool {
            skipSpace()
            let wanted = Array(token.unicodeScalars)
            guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else {
                return false
            }
            // A word must not run on into a longer identifier (`in` is not `inx`).
            if let last = wanted.last, isIdentifier(last), index + wanted.count < scalars.count,
                isIdentifier(scalars[index + wanted.count])
            {
                return false
            }
            index += wanted.count
            return true
        }

        mutating func expect(_ token: String, _ what: String) throws(ParseError) {
            if !accept(token) { throw error("expected \(what)" + found) }
        }

        mutating func parseOr() throws(ParseError) -> Expression {
            var left = try parseAnd()
            while accept("||") { left = .or(left, try parseAnd()) }
            return left
        }

        mutating func parseAnd() throws(ParseError) -> Expression {
            var left = try parseUnary()
            while accept("&&") { left = .and(left, try parseUnary()) }
            return left
        }

        mutating func parseUnary() throws(ParseError) -> Expression {
            if accept("!") { return .not(try parseUnary()) }
            if accept("(") {
                let inner = try parseOr()
                try expect(")", "')'")
                return inner
            }
            if accept("all") {
                try expect("(", "'(' after all")
                try expect(")", "')' after all(")
                return .all
            }
            if accept("global") {
                try expect("(", "'(' after global")
                try expect(")", "')' after global(")
                return .global
            }
            skipSpace()
            let beforeHas = index
            if accept("has") {
                skipSpace()
                if !atEnd && scalars[index] == "(" {
                    index += 1
                    let key = try parseKey()
                    try expect(")", "')' after has(\(key)")
                    return .has(key)
                }
                index = beforeHas  // a label named 'has'
            }
            let key = try parseKey()
            for op in ["==", "!="] where accept(op) { return .compare(key: key, op: op, values: [try parseString()]) }
            if accept("in") { return .compare(key: key, op: "in", values: try parseSet()) }
            if accept("not") {
                try expect("in", "'in' after 'not'")
                return .compare(key: key, op: "not in", values: try parseSet())
            }
            if accept("contains") { return .compare(key: key, op: "contains", values: [try parseString()]) }
            for word in ["starts", "ends"] where accept(word) {
                try expect("with", "'with' after '\(word)'")
                return .compare(key: key, op: "\(word) with", values: [try parseString()])
            }
            throw error(
                "expected ==, !=, in, not in, contains, starts with or ends with after label '\(key)'"
                    + (atEnd ? "" : ", found '\(rest(10))'"))
        }

        /// A label key: letters, digits, `_`, `.`, `/`, `-` (a prefixed key such as `example.com/rack`).
        mutating func parseKey() throws(ParseError) -> String {
            skipSpace()
            let start = index
            while !atEnd, isIdentifier(scalars[index]) || scalars[index] == "/" { index += 1 }
            guard index > start else {
                throw error(
                    atEnd
                        ? "expected a label name, all(), has(...), '!' or '(' before the end"
                        : "expected a label name, all(), has(...), '!' or '(', found '\(rest(10))'")
            }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }

        mutating func parseString() throws(ParseError) -> String {
            skipSpace()
            guard !atEnd, scalars[index] == "\"" || scalars[index] == "'" else {
                throw error("expected a quoted value (\"...\" or '...')" + found)
            }
            let quote = scalars[index]
            let start = index + 1
            var end = start
            while end < scalars.count, scalars[end] != quote { end += 1 }
            guard end < scalars.count else { throw error("the quoted value is not closed") }
            index = end + 1
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }

        mutating func parseSet() throws(ParseError) -> [String] {
            try expect("{", "'{' to start a set of values")
            var values: [String] = []
            if accept("}") { return values }
            repeat { values.append(try parseString()) } while accept(",")
            try expect("}", "',' or '}' in the set of values")
            return values
        }

        func isIdentifier(_ s: Unicode.Scalar) -> Bool {
            s.isASCII
                && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
                    || s == "." || s == "-")
        }
    }
}

// The arguments of a call, and binding them to a signature with CPython's error messages.

public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    public func keyword(_ name: String) -> Value? {
        keywords.last(where: { $0.name == name })?.value
    }
}

/// A signature for functions written in Swift: `parameters` in order, the first `required` of them without
/// defaults; `keywordOnly` names may only be passed by keyword. Extra keywords are an error unless listed.
public struct Signature: Sendable {
    public var name: String
    public var parameters: [String]
    public var required: Int
    public var keywordOnly: [String]

    public init(_ name: String, _ parameters: [String], required: Int? = nil, keywordOnly: [String] = []) {
        self.name = name
        self.parameters = parameters
        self.required = required ?? parameters.count
        self.keywordOnly = keywordOnly
    }

    /// One slot per parameter then per keyword-only name, nil where not given.
    /// - Throws: TypeError worded as CPython words it for Python functions.
    public func bind(_ arguments: Arguments) throws -> [Value?] {
        var slots = [Value?](repeating: nil, count: parameters.count + keywordOnly.count)
        guard arguments.positional.count <= parameters.count else {
            let takes = required == parameters.count
                ? "\(parameters.count)" : "from \(required) to \(parameters.count)"
            let plural = parameters.count == 1 && required == parameters.count ? "" : "s"
            let given = arguments.positional.count
            throw PyError.type("\(name)() takes \(takes) positional argument\(plural) but \(given) \(given == 1 ? "was" : "were") given")
        }
        for (i, v) in arguments.positional.enumerated() { slots[i] = v }
        for (key, v) in arguments.keywords {
            let index: Int
            if let i = parameters.firstIndex(of: key) {
                index = i
            } else if let j = keywordOnly.firstIndex(of: key) {
                index = parameters.count + j
            } else {
                throw PyError.type("\(name)() got an unexpected keyword argument '\(key)'")
            }
            guard slots[index] == nil else {
                throw PyError.type("\(name)() got multiple values for argument '\(key)'")
            }
            slots[index] = v
        }
        let missing = parameters.prefix(required).enumerated().filter { slots[$0.offset] == nil }.map { "'\($0.element)'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0]
                : missing.dropLast().joined(separator: ", ") + (missing.count > 2 ? "," : "") + " and " + missing[missing.count - 1]
            throw PyError.type("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        return slots
    }
}

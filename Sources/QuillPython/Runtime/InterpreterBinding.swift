// Binding a call's arguments to a `def`'s parameters, in CPython's order and with its messages: positional
// arguments, `*args`, keywords (unexpected or repeated), too many positional arguments, then missing ones and
// defaults, then `**kwargs`.

extension UserFunction {
    func bind(_ arguments: Arguments, into frame: Frame, _ interp: Interpreter) throws {
        let c = code
        let slots = frame.slots
        let given = arguments.positional.count
        let direct = min(given, c.positional.count)
        for i in 0..<direct { slots[i] = arguments.positional[i] }
        var next = c.positional.count + c.keywordOnly.count
        if c.varPositional != nil {
            slots[next] = .tuple(Array(arguments.positional.dropFirst(direct)))
            next += 1
        }
        var extra: PyDict?
        if c.varKeyword != nil {
            let d = PyDict()
            extra = d
            slots[next] = .dict(d)
        }
        for (name, value) in arguments.keywords {
            if let i = c.positional.firstIndex(of: name) ?? c.keywordOnly.firstIndex(of: name).map({ c.positional.count + $0 }) {
                guard slots[i] == nil else {
                    throw PyError.type("\(c.qualifiedName)() got multiple values for argument '\(name)'")
                }
                slots[i] = value
            } else if let extra {
                let key = try HashKey(.str(name))
                guard extra.storage[key] == nil else {
                    throw PyError.type("\(c.qualifiedName)() got multiple values for argument '\(name)'")
                }
                extra.storage[key] = value
            } else {
                throw PyError.type("\(c.qualifiedName)() got an unexpected keyword argument '\(name)'")
            }
        }
        if given > c.positional.count && c.varPositional == nil {
            let keywordOnlyGiven = (0..<c.keywordOnly.count).filter { slots[c.positional.count + $0] != nil }.count
            throw tooManyPositional(given: given, keywordOnlyGiven: keywordOnlyGiven)
        }
        let firstDefault = c.positional.count - defaults.count
        var missing: [String] = []
        for i in given..<max(given, c.positional.count) where slots[i] == nil {
            if i >= firstDefault { slots[i] = defaults[i - firstDefault] } else { missing.append(c.positional[i]) }
        }
        if !missing.isEmpty { throw self.missing(missing, "positional") }
        for (k, name) in c.keywordOnly.enumerated() where slots[c.positional.count + k] == nil {
            if let d = keywordDefaults[name] { slots[c.positional.count + k] = d } else { missing.append(name) }
        }
        if !missing.isEmpty { throw self.missing(missing, "keyword-only") }
    }

    private func tooManyPositional(given: Int, keywordOnlyGiven: Int) -> PyError {
        let count = code.positional.count
        let takes = defaults.isEmpty ? "\(count)" : "from \(count - defaults.count) to \(count)"
        let plural = defaults.isEmpty && count == 1 ? "" : "s"
        var givenText = "\(given)"
        if keywordOnlyGiven > 0 {
            givenText += " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
        }
        let verb = given == 1 && keywordOnlyGiven == 0 ? "was" : "were"
        return PyError.type("\(code.qualifiedName)() takes \(takes) positional argument\(plural) but \(givenText) \(verb) given")
    }

    private func missing(_ names: [String], _ kind: String) -> PyError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
        let s = names.count == 1 ? "" : "s"
        return PyError.type("\(code.qualifiedName)() missing \(names.count) required \(kind) argument\(s): \(list)")
    }
}

// `\N{NAME}` lookup: Unicode character names and their formal aliases, matched without regard to case as
// CPython's unicodedata does. Swift exposes names per scalar only, so a lookup scans the code space once per
// escape (tens of milliseconds); cells rarely use more than a few.

enum UnicodeNames {
    static func scalar(named query: String) -> Unicode.Scalar? {
        let wanted = query.uppercased()
        guard !wanted.isEmpty, wanted.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        for plane in [0x0...0x3FFFF, 0xE0000...0xE01EF] {
            for value in plane {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let properties = scalar.properties
                if properties.name == wanted || properties.nameAlias == wanted { return scalar }
            }
        }
        return nil
    }
}

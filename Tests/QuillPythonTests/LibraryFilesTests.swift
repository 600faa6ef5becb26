// open() and text files against CPython 3.11 (expected strings printed by python3 on the same bytes), and the
// confinement to the data folder: relative and absolute paths, `..`, symbolic links out of and within it.

import Foundation
import Testing
@testable import QuillPython

@Suite struct LibraryFilesTests {
    /// A scratch data folder with the files of the CPython probes, and a folder beside it that cells must not read.
    final class Folder {
        let root: URL
        let data: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("quill-library-\(UUID().uuidString)")
            data = root.appendingPathComponent("notebook")
            let fm = FileManager.default
            try fm.createDirectory(at: data.appendingPathComponent("sub"), withIntermediateDirectories: true)
            let files: [String: [UInt8]] = [
                "nl.txt": Array("a\r\nb\rc\nd".utf8), "u.txt": Array("héllo\nwörld\n".utf8),
                "bad.txt": [0x78, 0xFF, 0x79], "end.txt": [0x61, 0x62, 0xE2, 0x82], "cont.txt": [0x61, 0x62, 0xE2, 0x82, 0x78],
                "bom.txt": [0xEF, 0xBB, 0xBF, 0x68, 0x69, 0x0A], "sub/inner.txt": Array("inner\n".utf8),
                "d.csv": Array("name,text\r\nann,\"hello, world\"\r\nbob,\"multi\r\nline\"\r\n".utf8),
                "j.json": Array("{\"a\": [1, 2.5, \"x\"],\n \"b\": null}\n".utf8),
            ]
            for (name, bytes) in files { try Data(bytes).write(to: data.appendingPathComponent(name)) }
            try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
            try fm.createSymbolicLink(atPath: data.appendingPathComponent("out").path, withDestinationPath: "../secret.txt")
            try fm.createSymbolicLink(atPath: data.appendingPathComponent("in").path, withDestinationPath: "sub/inner.txt")
        }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    let folder: Folder
    let c: StandInContext
    init() throws {
        folder = try Folder()
        c = StandInContext(dataDirectory: folder.data)
    }

    func open(_ path: String, _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try builtin("open", [.str(path)], keywords, c)
    }

    /// Calls a method of a file and gives its repr or its error.
    func call(_ file: Value, _ method: String, _ args: [Value] = []) -> String {
        outcome({ try c.call(c.attribute(file, method), Arguments(args)) }, c)
    }

    @Test func readingAndNewlines() throws {
        // open('nl.txt').read(); the same with newline='' ; readlines() with newline '', '\n', '\r', None
        #expect(call(try open("nl.txt"), "read") == "'a\\nb\\nc\\nd'")
        #expect(call(try open("nl.txt", [("newline", .str(""))]), "read") == "'a\\r\\nb\\rc\\nd'")
        #expect(call(try open("nl.txt", [("newline", .str(""))]), "readlines") == "['a\\r\\n', 'b\\r', 'c\\n', 'd']")
        #expect(call(try open("nl.txt", [("newline", .str("\n"))]), "readlines") == "['a\\r\\n', 'b\\rc\\n', 'd']")
        #expect(call(try open("nl.txt", [("newline", .str("\r"))]), "readlines") == "['a\\r', '\\nb\\r', 'c\\nd']")
        #expect(call(try open("nl.txt"), "readlines") == "['a\\n', 'b\\n', 'c\\n', 'd']")
        #expect(try c.repr(builtin("list", [open("nl.txt")], [], c)) == "['a\\n', 'b\\n', 'c\\n', 'd']")
        // f = open('nl.txt'); f.readline(), f.readline(), f.read(3), f.read(), f.readline() -> 'a\n' 'b\n' 'c\nd' '' ''
        let f = try open("nl.txt")
        #expect(["readline", "readline"].map { call(f, $0) } == ["'a\\n'", "'b\\n'"])
        #expect(call(f, "read", [.int(3)]) == "'c\\nd'")
        #expect([call(f, "read"), call(f, "readline")] == ["''", "''"])
        // f = open('u.txt'): f.read(2), f.readline(), f.readline(3), f.readlines() -> 'hé' 'llo\n' 'wör' ['ld\n']
        let u = try open("u.txt")
        #expect([call(u, "read", [.int(2)]), call(u, "readline"), call(u, "readline", [.int(3)]), call(u, "readlines")]
                == ["'hé'", "'llo\\n'", "'wör'", "['ld\\n']"])
        // readlines(hint): (2) ['a\n', 'b\n'], (1) ['a\n'], (5) ['a\n', 'b\n', 'c\n']; readline(1) 'a'; read(-1), read(None)
        #expect(call(try open("nl.txt"), "readlines", [.int(2)]) == "['a\\n', 'b\\n']")
        #expect(call(try open("nl.txt"), "readlines", [.int(1)]) == "['a\\n']")
        #expect(call(try open("nl.txt"), "readlines", [.int(5)]) == "['a\\n', 'b\\n', 'c\\n']")
        #expect(call(try open("nl.txt"), "readline", [.int(1)]) == "'a'")
        #expect(call(try open("nl.txt"), "read", [.int(-1)]) == "'a\\nb\\nc\\nd'")
        #expect(call(try open("nl.txt"), "read", [.none]) == "'a\\nb\\nc\\nd'")
        // newline='': readline(2), readline(1), readline() -> 'a\r' '\n' 'b\r'; newline='\r\n': 'a\r' '\n' 'b\rc\nd'
        let g = try open("nl.txt", [("newline", .str(""))])
        #expect([call(g, "readline", [.int(2)]), call(g, "readline", [.int(1)]), call(g, "readline")]
                == ["'a\\r'", "'\\n'", "'b\\r'"])
        let h = try open("nl.txt", [("newline", .str("\r\n"))])
        #expect([call(h, "readline", [.int(2)]), call(h, "readline", [.int(1)]), call(h, "readline")]
                == ["'a\\r'", "'\\n'", "'b\\rc\\nd'"])
    }

    @Test func fileObjects() throws {
        // print(open('nl.txt')), with encoding='utf-8'
        #expect(try c.repr(open("nl.txt")) == "<_io.TextIOWrapper name='nl.txt' mode='r' encoding='UTF-8'>")
        #expect(try c.repr(open("nl.txt", [("encoding", .str("utf-8"))]))
                == "<_io.TextIOWrapper name='nl.txt' mode='r' encoding='utf-8'>")
        // with open('nl.txt') as f: f.__enter__() is f, f.__exit__(None, None, None); then f.closed, f.read()
        let f = try open("nl.txt")
        guard case .object(let entered) = try c.call(c.attribute(f, "__enter__"), Arguments()),
              case .object(let file) = f else { Issue.record("__enter__ gave no object"); return }
        #expect(entered === file)
        #expect(call(f, "__exit__", [.none, .none, .none]) == "None")
        #expect(try c.repr(c.attribute(f, "closed")) == "True")
        for method in ["read", "readline", "readlines"] {
            #expect(call(f, method) == "ValueError: I/O operation on closed file.")
        }
        #expect(outcome({ try builtin("list", [f], [], c) }, c) == "ValueError: I/O operation on closed file.")
        // f.read('a'), f.readline('a'), f.readlines('a'), f.read(1.5), f.read(1, 2)
        let g = try open("nl.txt")
        #expect(call(g, "read", [.str("a")]) == "TypeError: argument should be integer or None, not 'str'")
        #expect(call(g, "readline", [.str("a")]) == "TypeError: 'str' object cannot be interpreted as an integer")
        #expect(call(g, "readlines", [.str("a")]) == "TypeError: argument should be integer or None, not 'str'")
        #expect(call(g, "read", [.float(1.5)]) == "TypeError: argument should be integer or None, not 'float'")
        #expect(call(g, "read", [.int(1), .int(2)]) == "TypeError: read expected at most 1 argument, got 2")
        #expect(try c.repr(c.attribute(g, "name")) == "'nl.txt'")
        #expect(try c.repr(builtin("type", [g], [], c)) == "<class '_io.TextIOWrapper'>")
    }

    @Test func encodings() throws {
        #expect(call(try open("bad.txt"), "read")
                == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte")
        #expect(call(try open("end.txt"), "read")
                == "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data")
        #expect(call(try open("cont.txt"), "read")
                == "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: invalid continuation byte")
        #expect(call(try open("bom.txt"), "read") == "'\\ufeffhi\\n'")
        #expect(call(try open("bom.txt", [("encoding", .str("utf-8-sig"))]), "read") == "'hi\\n'")
        #expect(call(try open("bad.txt", [("errors", .str("replace"))]), "read") == "'x\u{FFFD}y'")
        #expect(call(try open("bad.txt", [("errors", .str("ignore"))]), "read") == "'xy'")
        #expect(call(try open("u.txt", [("encoding", .str("ascii"))]), "read")
                == "UnicodeDecodeError: 'ascii' codec can't decode byte 0xc3 in position 1: ordinal not in range(128)")
        #expect(call(try open("u.txt", [("encoding", .str("latin-1"))]), "read") == "'hÃ©llo\\nwÃ¶rld\\n'")
        #expect(outcome({ try open("u.txt", [("encoding", .str("cp1252"))]) }, c)
                == "open: the encoding 'cp1252' is not supported in Quill cells (utf-8, utf-8-sig, ascii and latin-1 are)")
    }

    @Test func modesAndMissingFiles() throws {
        #expect(outcome({ try open("nl.txt", [("mode", .str("q"))]) }, c) == "ValueError: invalid mode: 'q'")
        #expect(outcome({ try open("nl.txt", [("mode", .str("rr"))]) }, c) == "ValueError: invalid mode: 'rr'")
        #expect(outcome({ try open("nl.txt", [("mode", .str("w"))]) }, c) == "Quill cells cannot write files")
        #expect(outcome({ try open("nl.txt", [("mode", .str("r+"))]) }, c) == "Quill cells cannot write files")
        #expect(outcome({ try open("nl.txt", [("mode", .str("rb"))]) }, c)
                == "binary files are not supported in Quill cells (open them in text mode)")
        #expect(outcome({ try open("nonexist.txt") }, c)
                == "FileNotFoundError: [Errno 2] No such file or directory: 'nonexist.txt'")
        #expect(outcome({ try open(".") }, c) == "IsADirectoryError: [Errno 21] Is a directory: '.'")
        #expect(outcome({ try open("nl.txt", [("newline", .str("x"))]) }, c) == "ValueError: illegal newline value: x")
        #expect(outcome({ try builtin("open", [.int(3)], [], c) }, c)
                == "TypeError: expected str, bytes or os.PathLike object, not int")
        #expect(outcome({ try builtin("open", [.str("nl.txt")], [], StandInContext()) })
                == "open: this session has no data folder, so Quill cells cannot read files")
    }

    @Test func csvAndJSONFromFiles() throws {
        // with open('d.csv', newline='') as f: r = csv.reader(f); header = next(r); print(header, r.line_num, list(r), r.line_num)
        let r = try builtin("csv.reader", [open("d.csv", [("newline", .str(""))])], [], c)
        #expect(try c.repr(builtin("next", [r], [], c)) == "['name', 'text']")
        #expect(try c.repr(c.attribute(r, "line_num")) == "1")
        #expect(try c.repr(builtin("list", [r], [], c)) == "[['ann', 'hello, world'], ['bob', 'multi\\r\\nline']]")
        #expect(try c.repr(c.attribute(r, "line_num")) == "4")
        // with open('d.csv') as f: print(list(csv.reader(f)))
        #expect(try c.repr(builtin("list", [builtin("csv.reader", [open("d.csv")], [], c)], [], c))
                == "[['name', 'text'], ['ann', 'hello, world'], ['bob', 'multi\\nline']]")
        // d = csv.DictReader(f); d.fieldnames, d.line_num; [row['text'] for row in d], d.line_num
        let d = try builtin("csv.DictReader", [open("d.csv", [("newline", .str(""))])], [], c)
        #expect(try c.repr(c.attribute(d, "fieldnames")) == "['name', 'text']")
        #expect(try c.repr(c.attribute(d, "line_num")) == "1")
        let rows = try c.iterate(d).map { try c.item($0, .str("text")) }
        #expect(try c.repr(.list(PyList(rows))) == "['hello, world', 'multi\\r\\nline']")
        #expect(try c.repr(c.attribute(d, "line_num")) == "4")
        // next(iter(open('d.csv'))) -> 'name,text\n'
        #expect(try c.repr(builtin("next", [builtin("iter", [open("d.csv")], [], c)], [], c)) == "'name,text\\n'")
        // with open('j.json') as f: print(json.load(f))
        #expect(try c.repr(builtin("json.load", [open("j.json")], [], c)) == "{'a': [1, 2.5, 'x'], 'b': None}")
        #expect(try c.str(builtin("json.dumps", [builtin("json.load", [open("j.json")], [], c)], [("indent", .int(2))], c))
                == "{\n  \"a\": [\n    1,\n    2.5,\n    \"x\"\n  ],\n  \"b\": null\n}")
    }

    @Test func confinement() throws {
        #expect(call(try open("sub/inner.txt"), "read") == "'inner\\n'")
        #expect(call(try open("sub/../u.txt"), "readline") == "'héllo\\n'")
        #expect(call(try open("in"), "read") == "'inner\\n'")
        #expect(call(try open(folder.data.appendingPathComponent("u.txt").path), "readline") == "'héllo\\n'")
        let outside = "is outside the notebook's folder; Quill cells read files only there"
        #expect(outcome({ try open("../secret.txt") }, c) == "open: '../secret.txt' \(outside)")
        #expect(outcome({ try open("out") }, c) == "open: 'out' \(outside)")
        #expect(outcome({ try open("/etc/hostname") }, c) == "open: '/etc/hostname' \(outside)")
        #expect(outcome({ try open("../nothing.txt") }, c) == "open: '../nothing.txt' \(outside)")
    }
}

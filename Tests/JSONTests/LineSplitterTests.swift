// QuillJSON's LineSplitter against CPython's split of the same bytes (Fixtures/lines.json, written by
// Tests/Fixtures/generate/json_lines.py): LF, CRLF and lone CR, the byte order mark, invalid UTF-8 named by line and
// offset, and the line limit. Every input is fed whole and in every chunk size, so that chunk boundaries fall
// inside CRLF, inside multibyte sequences and inside the byte order mark, and must change nothing.
import Foundation
import Testing
import QuillJSON

struct LinesCase {
    var name: String
    var input: [UInt8]
    var limit: Int
    var lines: [InputLine]
    var error: LineError?

    static func all() throws -> [LinesCase] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/lines.json")
        let cases = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        return try cases.map { c in
            let lines = try (c["lines"]?.arrayValue ?? []).map { l in
                InputLine(bytes: try hex(l["hex"]), number: try #require(l["number"]?.intValue),
                          offset: try #require(l["offset"]?.intValue))
            }
            var error: LineError?
            if let e = c["error"], !e.isNull {
                let line = try #require(e["line"]?.intValue), limit = try #require(c["limit"]?.intValue)
                error = e["kind"]?.stringValue == "tooLong" ? .tooLong(line: line, limit: limit)
                    : .invalidUTF8(line: line, offset: try #require(e["offset"]?.intValue),
                                   byte: UInt8(try #require(e["byte"]?.intValue)), column: try #require(e["column"]?.intValue))
            }
            return LinesCase(name: try #require(c["name"]?.stringValue), input: try hex(c["input"]),
                             limit: try #require(c["limit"]?.intValue), lines: lines, error: error)
        }
    }

    private static func hex(_ value: JSONValue?) throws -> [UInt8] {
        let s = Array(try #require(value?.stringValue).utf8)
        return try stride(from: 0, to: s.count, by: 2).map { i in
            try #require(UInt8(String(decoding: s[i..<i + 2], as: UTF8.self), radix: 16))
        }
    }
}

/// Feeds `input` in chunks of `size` bytes (the whole input when nil), taking every line as soon as it is whole.
func split(_ input: [UInt8], chunk size: Int?, limit: Int) -> (lines: [InputLine], error: LineError?) {
    var splitter = LineSplitter(maxLineBytes: limit)
    var lines: [InputLine] = []
    let step = max(1, size ?? input.count)
    var at = 0
    repeat {
        if at < input.count {
            splitter.append(input[at..<min(at + step, input.count)])
            at += step
        }
        if at >= input.count { splitter.finish() }
        do {
            while let line = try splitter.next() { lines.append(line) }
        } catch {
            return (lines, error)
        }
    } while !splitter.finished
    return (lines, nil)
}

@Suite struct LineSplitterTests {
    @Test func matchesCPythonWholeAndInEveryChunkSize() throws {
        let cases = try LinesCase.all()
        #expect(cases.count == 234)
        for c in cases {
            for size in [nil] + Array(1...max(1, c.input.count)) {
                let (lines, error) = split(c.input, chunk: size, limit: c.limit)
                #expect(lines == c.lines, "\(c.name), chunks of \(size.map(String.init) ?? "all")")
                #expect(error == c.error, "\(c.name), chunks of \(size.map(String.init) ?? "all")")
            }
        }
    }

    @Test func crlfSplitAcrossChunksIsOneEnding() throws {
        var splitter = LineSplitter()
        splitter.append(Array("a\r".utf8))
        #expect(try splitter.next() == InputLine(bytes: [0x61], number: 1, offset: 0))
        #expect(try splitter.next() == nil)
        splitter.append(Array("\nb".utf8))
        #expect(try splitter.next() == nil)
        splitter.finish()
        #expect(try splitter.next() == InputLine(bytes: [0x62], number: 2, offset: 3))
        #expect(try splitter.next() == nil)
        #expect(splitter.finished)
    }

    @Test func aLongLineFailsBeforeItsEndArrives() throws {
        // Bounded memory: the error comes once the unterminated line passes the limit, with no terminator in sight.
        var splitter = LineSplitter(maxLineBytes: 4)
        splitter.append(Array("ok\nabcd".utf8))
        #expect(try splitter.next()?.bytes == Array("ok".utf8))
        #expect(try splitter.next() == nil)
        splitter.append([0x65])
        #expect(throws: LineError.tooLong(line: 2, limit: 4)) { try splitter.next() }
    }

    @Test func messagesNameSourceLineAndOffset() {
        #expect(LineError.invalidUTF8(line: 2, offset: 6, byte: 0xFF, column: 2).message(source: "in")
                == "in:2: not valid UTF-8: byte 0xFF at byte offset 6 of the input (byte 2 of the line)")
        #expect(LineError.tooLong(line: 3, limit: LineSplitter.defaultMaxLineBytes).message(source: "stdin")
                == "stdin:3: line longer than 64 MiB")
    }
}

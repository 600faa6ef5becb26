// Quill's version: the one place it is written (`quill --version`; CHANGELOG.md and the git tag follow it).

enum QuillVersion {
    static let string = "0.2.0"
}

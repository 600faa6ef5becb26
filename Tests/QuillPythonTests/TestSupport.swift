// Shared by the QuillPython tests.

@testable import QuillPython

/// A host without models, for cells that load none.
struct NoModels: ModelHost {
    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel { throw ModelUnavailable(model: reference) }
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel { throw ModelUnavailable(model: reference) }
}

// The engine behind `quill run/check/update`: Quill's own models (NotebookSupport.swift picks the deterministic
// fake engine instead when QUILL_ENGINE=hash, for tests).
import Foundation
import Notebook

func makeEngine() -> any Engine {
    ModelsEngine()
}

// The modules this folder provides to `import`: numpy (with numpy.linalg) and torch (with torch.nn,
// torch.nn.functional and torch.cuda), each submodule also reachable as an attribute of its parent.

enum ArrayModules {
    static func modules() -> [String: PyModule] {
        let numpy = NumpyModule.module()
        let torch = TorchModule.module()
        var result = ["numpy": numpy, "torch": torch]
        for (parent, name) in [(numpy, "linalg"), (torch, "cuda"), (torch, "nn")] {
            if case .object(let sub as PyModule)? = parent.members[name] { result[sub.name] = sub }
        }
        if let nn = result["torch.nn"], case .object(let functional as PyModule)? = nn.members["functional"] {
            result[functional.name] = functional
        }
        return result
    }
}

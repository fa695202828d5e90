import Foundation
import LabKit
import LabModel

extension LabRegistry {
    /// Labs as the JSON lab model that `labgen build --model FILE` reads (sorted keys). A lab
    /// program itself hands its labs over in `ModelCoding`'s form (LabKit imports no Foundation).
    public static func encode(_ specs: [LabSpec]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(specs)
    }
}

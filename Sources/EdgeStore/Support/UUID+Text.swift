import EdgeCore
import Foundation

extension UUID {
    /// Lower-case text, as ids are stored and printed.
    var text: String { lowercaseText }
}


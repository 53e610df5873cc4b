import Foundation

/// Writes a line to stdout at once (print is block-buffered on a pipe, and scripts wait for
/// the `listening on` line).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

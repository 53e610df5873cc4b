import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// The status write-back builds the change log's status JSON around the stored conditions text;
/// it must be byte for byte what encoding the decoded `SyncStatus` wrote before.
@Suite struct StatusSnapshotTests {
    static let time = Date(timeIntervalSince1970: 1_790_000_000.123)

    static let statuses: [SyncStatus] = [
        .pending,
        SyncStatus(phase: .ready, observedRevision: 7, conditions: [
            StatusCondition(type: "Programmed", status: .true, reason: "Synced", lastTransitionTime: time),
        ]),
        SyncStatus(phase: .error, observedRevision: 3, message: "NB said \"no\"\nline\t2 \u{01} ü/🚀", conditions: [
            StatusCondition(type: "Programmed", status: .false, reason: "Rejected", message: "row \"x\" taken", lastTransitionTime: time),
            StatusCondition(type: "Other", status: .unknown, lastTransitionTime: time.addingTimeInterval(1)),
        ]),
        SyncStatus(phase: .deleting, observedRevision: 0, message: ""),
    ]

    @Test(arguments: statuses)
    func sameBytesAsEncodingTheStatus(_ status: SyncStatus) throws {
        let conditions = try JSONCoding.encode(status.conditions)
        let built = ResourceSnapshot.encodeStatus(phase: status.phase, observedRevision: status.observedRevision,
                                                    message: status.message, conditionsJSON: conditions)
        #expect(built == (try JSONCoding.foundationEncode(status)))
        #expect(try JSONCoding.decode(SyncStatus.self, from: built) == status)
    }
}

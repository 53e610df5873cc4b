import EdgeCore
import Foundation

/// Logs on an EIP's own history when a rule or gateway starts or stops using it.
enum BindingLog {
    static func record(oldEIP: UUID?, newEIP: UUID?, user: ObjectReference, in scope: WriteScope) throws {
        guard oldEIP != newEIP else { return }
        // What JSONCoding.encode(["by": …]) writes, without an encoder per binding.
        var bytes = Array(#"{"by":"#.utf8)
        SnapshotEncoder.Node.appendQuoted(user.description, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        let payload = String(decoding: bytes, as: UTF8.self)
        if let oldEIP { try scope.log(.unbind, .eip, oldEIP, before: payload, after: nil) }
        if let newEIP { try scope.log(.bind, .eip, newEIP, before: nil, after: payload) }
    }

    static func record<Spec>(old: Resource<Spec>?, new: Resource<Spec>?, eip: (Spec) -> ResourceReference?, in scope: WriteScope) throws {
        guard let user = (new ?? old)?.reference else { return }
        try record(oldEIP: old.flatMap { eip($0.spec)?.id }, newEIP: new.flatMap { eip($0.spec)?.id }, user: user, in: scope)
    }
}

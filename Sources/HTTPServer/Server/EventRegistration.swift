/// One descriptor watched by an `EventLoop`, used only on the loop's thread.
///
/// The epoll entry's data holds one retain of it from `register` until the end of the loop
/// iteration in which it was deregistered: an event fetched by the same `epoll_wait` for a
/// connection closed by an earlier event of that batch then finds `isActive` false instead of
/// freed memory (or the next connection given the same fd number).
final class EventRegistration {
    let fd: Int32
    var interest: UInt32
    var isActive = true
    /// Strong until deregistered (which breaks the cycle with the handler).
    var handler: (any EventHandler)?

    init(fd: Int32, interest: UInt32, handler: any EventHandler) {
        self.fd = fd
        self.interest = interest
        self.handler = handler
    }
}

/// An object whose descriptor an `EventLoop` watches; called on the loop's thread.
protocol EventHandler: AnyObject {
    /// `events`: the ready epoll bits (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP).
    func handleEvents(_ events: UInt32)
}

extension Connection {
    func enqueue(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output = bytes
            outputOffset = 0
        } else {
            output.append(contentsOf: bytes)
        }
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Writes as much output as the socket takes; waits for writability when it is full.
    func flush() {
        var progressed = false
        while outputOffset < output.count {
            let status = output.withUnsafeBytes { transport.write(UnsafeRawBufferPointer(rebasing: $0[outputOffset...])) }
            switch status {
            case .done(let count):
                outputOffset += count
                progressed = true
            case .wantWrite:
                armWrite()
                if progressed || deadline == 0 { setDeadline(timeouts.writeIdle) }
                return
            case .wantRead:
                writeWaitsForReadable = true
                resumeReading()
                if progressed || deadline == 0 { setDeadline(timeouts.writeIdle) }
                return
            case .endOfStream, .failed:
                closeNow()
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 256 * 1024)
        outputOffset = 0
        if !readWaitsForWritable { disarmWrite() }
        outputDrained()
    }

    /// Everything queued is written: finish the exchange or let a stream writer continue.
    func outputDrained() {
        switch phase {
        case .responding where responseComplete:
            deadline = 0
            finishResponse()
        case .streaming:
            deadline = 0
            if responseComplete {
                finishResponse()
            } else {
                let waiters = streamWaiters
                streamWaiters.removeAll()
                for waiter in waiters { waiter.resume() }
            }
        default:
            break
        }
    }

    func onWritable() {
        switch phase {
        case .closed:
            return
        case .handshake:
            continueHandshake()
        default:
            if readWaitsForWritable {
                readWaitsForWritable = false
                readAvailable()
                guard phase != .closed else { return }
            }
            flush()
        }
    }

    /// Adds EPOLLOUT to the interest set only while a write (or a TLS read) waits for it.
    func armWrite() {
        guard !writeArmed, phase != .closed else { return }
        writeArmed = true
        updateInterest()
    }

    func disarmWrite() {
        guard writeArmed else { return }
        writeArmed = false
        updateInterest()
    }
}

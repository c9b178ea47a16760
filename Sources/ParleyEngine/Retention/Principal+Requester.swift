import ParleyRetention

extension Principal {
    /// The principal as the retention module names requesters.
    public var requester: Requester { Requester(actor: actor, role: role) }
}

import ParleyStore

extension AccessTokens {
    /// Who a stored token stands for, for a session it signed in (the
    /// console's), revoked or not: the session checks `revokedAt` itself and
    /// ends, audited as this caller. nil for a role this version does not know.
    public func identity(of record: AccessTokenRecord) -> AuthenticatedCaller? {
        guard let role = AccessRole(rawValue: record.role) else { return nil }
        return AuthenticatedCaller(tokenID: record.id, name: record.name, role: role)
    }
}

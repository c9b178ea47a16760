import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// A key of the installation itself rather than of a data subject (for
    /// instance the key that seals model files), created on first use. It is
    /// kept wrapped in the keyring like the subjects' keys, so a master-key
    /// rotation re-wraps it, and its id can never be a subject's, so no
    /// erasure touches it.
    public func installationKey(_ purpose: String, now: Date = Date()) async throws(StoreError) -> SymmetricKey {
        let id = "installation:" + purpose
        do {
            if let key = try await keyring.key(for: id) { return key }
            return try await keyring.create(subjectID: id, now: now)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // Another process created it between the read and the insert.
            do {
                if let key = try await keyring.key(for: id) { return key }
            } catch {
                throw Self.map(error)
            }
            throw Self.map(error)
        } catch {
            throw Self.map(error)
        }
    }
}

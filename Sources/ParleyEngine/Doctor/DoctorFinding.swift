/// One result of `parley doctor`: what was checked, what was found and, when
/// something is wrong, the command or step that fixes it. Findings name
/// files, modes, users and ids; never customer text or key material.
public struct DoctorFinding: Sendable, Hashable, Encodable {
    public enum Severity: String, Sendable, Hashable, Encodable, Comparable {
        case ok, warning, error

        private var rank: Int {
            switch self {
            case .ok: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable, dotted name for the check (`keys.directory`, `audit.log`), for scripts.
    public var check: String
    public var severity: Severity
    /// What was found, in one sentence.
    public var summary: String
    /// How to fix it, when it is not ok.
    public var fix: String?

    public init(_ check: String, _ severity: Severity, _ summary: String, fix: String? = nil) {
        self.check = check
        self.severity = severity
        self.summary = summary
        self.fix = fix
    }

    public static func ok(_ check: String, _ summary: String) -> DoctorFinding {
        DoctorFinding(check, .ok, summary)
    }

    public static func warning(_ check: String, _ summary: String, fix: String) -> DoctorFinding {
        DoctorFinding(check, .warning, summary, fix: fix)
    }

    public static func error(_ check: String, _ summary: String, fix: String) -> DoctorFinding {
        DoctorFinding(check, .error, summary, fix: fix)
    }
}

import CParleyKernels

/// The instruction set the encoder's matrix kernels run with, chosen at run
/// time from what the CPU (and the operating system) support: the same
/// binary runs AVX-512 on one host and AVX2 or portable code on another.
public enum EncoderKernel: String, Sendable, CaseIterable, Codable {
    case generic
    case avx2 = "avx2-fma"
    case avx512

    /// The fastest kernel this host supports.
    public static var best: EncoderKernel { EncoderKernel(pk_best_kernel()) }

    public var isSupported: Bool { pk_kernel_supported(raw) != 0 }

    var raw: pk_kernel {
        switch self {
        case .generic: PK_KERNEL_GENERIC
        case .avx2: PK_KERNEL_AVX2
        case .avx512: PK_KERNEL_AVX512
        }
    }

    init(_ raw: pk_kernel) {
        switch raw {
        case PK_KERNEL_AVX512: self = .avx512
        case PK_KERNEL_AVX2: self = .avx2
        default: self = .generic
        }
    }
}

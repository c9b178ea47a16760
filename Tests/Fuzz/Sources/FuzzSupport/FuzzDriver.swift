import CFuzzerDriver

/// The entry point of a fuzz target: libFuzzer's driver on `callback`.
///
/// Each target defines `@_cdecl("<module>_main")` (the symbol SwiftPM makes
/// the executable's `main`) and returns `FuzzDriver.run(argc, argv, …)`.
public enum FuzzDriver {
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        parley_fuzz_run(argc, argv, callback)
    }
}

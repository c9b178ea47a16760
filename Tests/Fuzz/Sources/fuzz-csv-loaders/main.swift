import FuzzSupport
import ParleyAudit
@testable import ParleyEngine
import ParleyNLU

/// The CSV readers on any text: the intent CSV (`IntentCSV`, bot/data/*.csv
/// and `parley test nlu`), the header-keyed table of the CRM import
/// (`CSVTable`), and the NLU data reader's CSV path with its error
/// locations. They return or throw, never trap. And the writers round-trip:
/// every record read, written again by `IntentCSV.formatRecord` and by
/// `AuditCSV.field`, reads back as the same fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVLoaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let text = input.text
    _ = try? IntentCSV.parse(text, source: "fuzz.csv")
    _ = try? IntentCSV.parse(text, source: "fuzz.csv", defaultLabel: "out_of_scope")
    _ = try? CSVTable.parse(text, file: "fuzz.csv")
    _ = try? NLUDataReader.readCSV(FuzzPaths.scratchFile("data.csv", input.bytes))
    guard let records = try? IntentCSV.records(text, source: "fuzz.csv") else { return 0 }
    // A leading byte order mark is not data to the reader: a field that starts
    // with one cannot come back from the start of a file.
    for record in records where !(record.fields.first?.unicodeScalars.first == "\u{FEFF}") {
        let written = IntentCSV.formatRecord(record.fields)
        let reread = try? IntentCSV.records(written, source: "written.csv")
        fuzzRequire(reread?.count == 1 || record.fields == [""], "a written record reads back as one record")
        if let reread, reread.count == 1 { fuzzRequire(reread[0].fields == record.fields, "a written record reads back unchanged") }
        for field in record.fields where !field.isEmpty && field.unicodeScalars.first != "\u{FEFF}" {
            let audit = AuditCSV.field(field)
            let back = try? IntentCSV.records(audit, source: "audit.csv")
            fuzzRequire(back?.count == 1 && back?[0].fields.count == 1, "an audit CSV field reads back as one field")
            if let value = back?.first?.fields.first {
                fuzzRequire(value == field || value == "'" + field, "an audit CSV field reads back unchanged")
            }
        }
    }
    return 0
}

@_cdecl("fuzz_csv_loaders_main")
public func fuzzCSVLoadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzCSVLoaders)
}
